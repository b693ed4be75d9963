import 'server-only';
import { randomUUID } from 'node:crypto';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { db } from '@/lib/db/client';
import {
  findDrawnPeriods,
  findHeadsOfPractice,
  findModerationPool,
  getServiceArea,
  insertModerations,
  lockAreaDraws,
  MODERATION_DRAW_EVENT,
} from '@/lib/db/moderation-draw';
import { notify } from '@/lib/db/notifications';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError, RuleError } from '@/lib/domain/errors';
import {
  DEFAULT_MODERATION_SHARE,
  drawModerationSample,
  moderationsAssignedMessage,
  parseModerationPeriod,
  periodsOverlap,
} from '@/lib/domain/moderation-draw';
import { inArea } from '@/lib/domain/permissions';
import type { Email } from '@/lib/notify/email';
import { authorise } from '../authorise';

export type ModerationDrawOutcome = {
  chosen: number;
  target: number;
  extraForCoverage: number;
  candidates: number;
  managers: number;
  moderatorName: string;
  seed: string;
};

/**
 * A Head of Practice (their own area) or a Senior Service Manager (any) draws
 * the period's moderations: the programmes' share of the area's submitted local
 * audits, every manager at least once, for the area's Head of Practice to
 * re-grade blind. The seed and parameters are logged so the draw can be
 * repeated; a period that overlaps one already drawn is refused.
 */
export async function drawModerations(
  actor: Actor,
  input: { serviceAreaId: string; period: string },
  now: Date,
): Promise<{ outcome: ModerationDrawOutcome; emails: Email[] }> {
  const area = await getServiceArea(input.serviceAreaId);
  if (!area) throw new NotFoundOrForbiddenError('moderation.manage');
  authorise(actor, 'moderation.manage', inArea(area.id));
  const period = parseModerationPeriod(input.period);
  if (!period) throw new RuleError('Choose a month (2023-04) or a quarter (2023-Q2).', 'period');
  const heads = await findHeadsOfPractice(area.id);
  const moderator = heads.find((person) => person.id === actor.userId) ?? heads[0];
  if (!moderator)
    throw new RuleError(`${area.code} has no Head of Practice to moderate its audits.`, 'serviceAreaId');
  const pool = await findModerationPool(area.id, period, moderator.id);
  if (pool.candidates.length === 0)
    throw new RuleError(`${area.code} has no submitted local audits in ${period.label}.`, 'period');
  // Programmes may set different shares: the largest, so no programme is moderated less than it asks.
  const sharePercent = pool.shares[0] ?? DEFAULT_MODERATION_SHARE;
  const seed = randomUUID();
  const draw = drawModerationSample(pool.candidates, {
    sharePercent,
    seed,
    alreadyModerated: pool.alreadyModerated,
  });
  const managers = new Set(pool.candidates.map((candidate) => candidate.managerId)).size;
  const emails = await db().$transaction(async (tx) => {
    await lockAreaDraws(tx, area.id);
    const drawn = await findDrawnPeriods(area.id, tx);
    const clash = drawn.find((earlier) => periodsOverlap(earlier, period));
    if (clash)
      throw new RuleError(
        `${area.code}'s moderations for ${clash.period} are already drawn; a period is drawn once.`,
        'period',
      );
    const count = await insertModerations(tx, {
      caseAuditIds: draw.chosen.map((candidate) => candidate.caseAuditId),
      moderatorId: moderator.id,
      chosenBy: 'draw',
    });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'moderation.drawn',
      entityType: MODERATION_DRAW_EVENT,
      entityId: area.id,
      detail: {
        period: period.key,
        from: period.from,
        to: period.to,
        seed,
        sharePercent,
        candidates: pool.candidates.length,
        alreadyModerated: pool.alreadyModerated.size,
        target: draw.target,
        extraForCoverage: draw.extraForCoverage,
        chosen: draw.chosen.map((candidate) => candidate.caseAuditId),
        moderatorId: moderator.id,
        drawnAt: now.toISOString(),
      },
    });
    return count === 0 ? [] : notify(tx, [moderator.id], moderationsAssignedMessage(count, period.label));
  });
  return {
    outcome: {
      chosen: draw.chosen.length,
      target: draw.target,
      extraForCoverage: draw.extraForCoverage,
      candidates: pool.candidates.length,
      managers,
      moderatorName: moderator.name,
      seed,
    },
    emails,
  };
}
