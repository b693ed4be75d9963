import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { holdsUnsubmittedBenchmark, notBlindTo } from './blind';
import { db, type Tx } from './client';
import { applyGrades } from './grade-writer';
import { notify } from './notifications';
import { assertVersionedUpdate } from './versioned';
import type { Actor } from '@/lib/domain/actor';
import {
  assertCanAdjudicate,
  assertCanDecide,
  assertCanRaise,
  assertCanRefer,
  assertCanReply,
  assertCanWithdraw,
  challengeFigures,
  challengeFiguresScope,
  isOverdue,
  nextStep,
  type Adjudication,
  type ChallengeFigures,
  type ChallengeOutcome,
  type ChallengeStatus,
  type Decision,
} from '@/lib/domain/challenges';
import { NotFoundOrForbiddenError, RuleError } from '@/lib/domain/errors';
import { can, inArea } from '@/lib/domain/permissions';
import { isLowestLevel, rankOf, type RubricContent } from '@/lib/domain/rubric';
import { parseRubricContent } from '@/lib/schemas/rubric';
import type { Email } from '@/lib/notify/email';

type Emails = { emails: Email[] };

async function leadsOf(tx: Tx, auditId: string): Promise<string[]> {
  const audit = await tx.audit.findUniqueOrThrow({ where: { id: auditId }, select: { leadId: true } });
  if (audit.leadId) return [audit.leadId];
  return (
    await tx.user.findMany({
      where: { role: 'SENIOR_SERVICE_MANAGER', isActive: true },
      select: { id: true },
    })
  ).map((user) => user.id);
}

async function history(
  tx: Tx,
  now: Date,
  caseAuditId: string,
  actorId: string,
  event: string,
  reason: string,
  changes: { field: string; from: string; to: string }[] = [],
) {
  await applyGrades(tx, { actorId, now }, [
    { kind: 'note', caseAuditId, history: { event, reason, changes } },
  ]);
}

/** Changes the case's final grade and records it; the original stays in history. */
async function regrade(
  tx: Tx,
  now: Date,
  caseAuditId: string,
  actorId: string,
  from: string,
  to: string,
  reason: string,
) {
  await applyGrades(tx, { actorId, now }, [
    {
      kind: 'change',
      caseAuditId,
      overallGrade: to,
      history: { event: 'regraded', reason, changes: [{ field: 'overallGrade', from, to }] },
    },
  ]);
}

export async function raiseChallenge(
  actor: Actor,
  input: { sampledCaseId: string; disputedSections: string[]; proposedGrade: string; reasons: string },
  now: Date,
): Promise<Emails & { challengeId: string }> {
  return db().$transaction(async (tx) => {
    const caseAudit = await tx.caseAudit.findUnique({
      where: { sampledCaseId: input.sampledCaseId },
      select: {
        id: true,
        status: true,
        serviceAreaId: true,
        auditorId: true,
        overallGrade: true,
        submittedAt: true,
        sampledCase: {
          select: {
            caseFile: { select: { reference: true } },
            audit: {
              select: {
                id: true,
                status: true,
                challengeWindowDays: true,
                thresholdVersion: { select: { content: true } },
              },
            },
          },
        },
      },
    });
    // Another area's case reads exactly like a missing one.
    if (!caseAudit || !can(actor, 'challenge.raise', inArea(caseAudit.serviceAreaId)))
      throw new NotFoundOrForbiddenError();
    await tx.$queryRaw`SELECT id FROM case_audit WHERE id = ${caseAudit.id} FOR UPDATE`;
    const content = parseRubricContent(caseAudit.sampledCase.audit.thresholdVersion.content);
    const open = await tx.challenge.findFirst({
      where: {
        caseAuditId: caseAudit.id,
        status: { in: ['AWAITING_REPLY', 'AWAITING_DECISION', 'REFERRED'] },
      },
      select: { id: true, raisedById: true, proposedGrade: true, reasons: true, disputedSections: true },
    });
    // The same person sending the same challenge again (a resubmitted form, a
    // retry after a lost answer) gets the challenge they already raised: nothing new.
    if (open && isSameChallenge(open, actor.userId, input)) return { emails: [], challengeId: open.id };
    assertCanRaise({
      actor,
      caseAudit: {
        serviceAreaId: caseAudit.serviceAreaId,
        auditorId: caseAudit.auditorId,
        overallGrade: caseAudit.status === 'SUBMITTED' ? caseAudit.overallGrade : null,
        submittedAt: caseAudit.submittedAt,
        isLowestGrade: isLowestLevel(content.scale, caseAudit.overallGrade ?? ''),
      },
      auditStatus: caseAudit.sampledCase.audit.status,
      windowWorkingDays: caseAudit.sampledCase.audit.challengeWindowDays,
      openChallengeExists: open !== null,
      now,
    });
    assertGrade(content, input.proposedGrade, caseAudit.overallGrade ?? '', 'proposedGrade');
    const sectionKeys = new Set(content.sections.map((section) => section.key));
    if (input.disputedSections.some((key) => !sectionKeys.has(key)))
      throw new RuleError('Choose the disputed sections from the list', 'disputedSections');
    const challenge = await tx.challenge.create({
      data: {
        caseAuditId: caseAudit.id,
        auditId: caseAudit.sampledCase.audit.id,
        serviceAreaId: caseAudit.serviceAreaId,
        raisedById: actor.userId,
        raisedAt: now,
        disputedSections: input.disputedSections,
        proposedGrade: input.proposedGrade,
        reasons: input.reasons,
        originalGrade: caseAudit.overallGrade ?? '',
      },
      select: { id: true },
    });
    await history(tx, now, caseAudit.id, actor.userId, 'challenged', input.reasons, [
      { field: 'proposedGrade', from: caseAudit.overallGrade ?? '', to: input.proposedGrade },
    ]);
    const reference = caseAudit.sampledCase.caseFile.reference;
    const emails = await notify(
      tx,
      [caseAudit.auditorId, ...(await leadsOf(tx, caseAudit.sampledCase.audit.id))],
      {
        title: `Grade challenged: case ${reference}`,
        body: `${actor.name} challenged the grade of case ${reference}. The auditor replies first; then the audit lead decides.`,
        link: `/challenges/${challenge.id}`,
      },
    );
    return { emails, challengeId: challenge.id };
  });
}

function isSameChallenge(
  open: { raisedById: string; proposedGrade: string; reasons: string; disputedSections: string[] },
  actorId: string,
  input: { disputedSections: string[]; proposedGrade: string; reasons: string },
): boolean {
  const sections = (keys: string[]) => [...new Set(keys)].sort().join(',');
  return (
    open.raisedById === actorId &&
    open.proposedGrade === input.proposedGrade &&
    open.reasons === input.reasons &&
    sections(open.disputedSections) === sections(input.disputedSections)
  );
}

function assertGrade(content: RubricContent, grade: string | null, current: string, field: string): void {
  if (!grade || rankOf(content.scale, grade) < 0) throw new RuleError('Choose a grade from the scale', field);
  if (grade === current) throw new RuleError('Choose a grade different from the current one', field);
}

type Loaded = {
  id: string;
  serviceAreaId: string;
  status: ChallengeStatus;
  raisedById: string;
  decidedById: string | null;
  auditId: string;
  caseAuditId: string;
  auditorId: string;
  currentGrade: string;
  content: RubricContent;
  reference: string;
};

async function load(tx: Tx, challengeId: string, actor: Actor): Promise<Loaded> {
  // Hold the case first, as raising and moderating do: a grade read before a
  // concurrent moderation or decision commits would be re-graded from silently.
  await tx.$queryRaw`
    SELECT ca.id FROM case_audit ca JOIN challenge c ON c.case_audit_id = ca.id
    WHERE c.id = ${challengeId} FOR UPDATE OF ca`;
  const row = await tx.challenge.findUnique({
    where: { id: challengeId },
    select: {
      id: true,
      status: true,
      raisedById: true,
      decidedById: true,
      auditId: true,
      serviceAreaId: true,
      caseAuditId: true,
      caseAudit: {
        select: {
          auditorId: true,
          overallGrade: true,
          sampledCase: {
            select: {
              caseFile: { select: { reference: true } },
              audit: { select: { status: true, thresholdVersion: { select: { content: true } } } },
            },
          },
        },
      },
    },
  });
  if (
    !row ||
    !canSeeChallenge(actor, { serviceAreaId: row.serviceAreaId, auditorId: row.caseAudit.auditorId })
  )
    throw new NotFoundOrForbiddenError();
  if (row.caseAudit.sampledCase.audit.status === 'PUBLISHED')
    throw new RuleError('This audit is published: its grades are final.');
  return {
    id: row.id,
    serviceAreaId: row.serviceAreaId,
    status: row.status,
    raisedById: row.raisedById,
    decidedById: row.decidedById,
    auditId: row.auditId,
    caseAuditId: row.caseAuditId,
    auditorId: row.caseAudit.auditorId,
    currentGrade: row.caseAudit.overallGrade ?? '',
    content: parseRubricContent(row.caseAudit.sampledCase.audit.thresholdVersion.content),
    reference: row.caseAudit.sampledCase.caseFile.reference,
  };
}

/** Area leaders see their own area's challenges; auditors the ones on cases they graded; national leads all. */
function canSeeChallenge(actor: Actor, challenge: { serviceAreaId: string; auditorId: string }): boolean {
  if (!can(actor, 'challenge.view', inArea(challenge.serviceAreaId))) return false;
  if (actor.role === 'IMPROVEMENT_MANAGER') return challenge.auditorId === actor.userId;
  return true;
}

async function advance(
  tx: Tx,
  challenge: Loaded,
  version: number,
  data: Prisma.ChallengeUpdateManyMutationInput,
): Promise<void> {
  const { count } = await tx.challenge.updateMany({
    where: { id: challenge.id, version },
    data: { ...data, version: { increment: 1 } },
  });
  await assertVersionedUpdate(
    count,
    () => tx.challenge.findUnique({ where: { id: challenge.id }, select: { id: true } }),
    'challenge',
  );
}

const link = (challengeId: string) => `/challenges/${challengeId}`;

export async function replyToChallenge(
  actor: Actor,
  input: { challengeId: string; version: number; reply: string },
  now: Date,
): Promise<Emails> {
  return db().$transaction(async (tx) => {
    const challenge = await load(tx, input.challengeId, actor);
    assertCanReply(challenge, actor);
    await advance(tx, challenge, input.version, {
      status: 'AWAITING_DECISION',
      reply: input.reply,
      repliedAt: now,
      repliedById: actor.userId,
    });
    await history(tx, now, challenge.caseAuditId, actor.userId, 'challenge-replied', input.reply);
    const emails = await notify(tx, [challenge.raisedById, ...(await leadsOf(tx, challenge.auditId))], {
      title: `Reply to challenge: case ${challenge.reference}`,
      body: `The auditor replied to the challenge on case ${challenge.reference}. The audit lead decides next.`,
      link: link(challenge.id),
    });
    return { emails };
  });
}

/**
 * The audit lead's decision and the National Service Director's adjudication
 * settle a challenge the same way: record it, re-grade when asked, tell people.
 */
async function settleChallenge(
  actor: Actor,
  input: {
    challengeId: string;
    version: number;
    outcome: Decision | Adjudication;
    newGrade: string | null;
    reasons: string;
  },
  by: 'audit-lead' | 'national-service-director',
  now: Date,
): Promise<Emails> {
  return db().$transaction(async (tx) => {
    const challenge = await load(tx, input.challengeId, actor);
    const grades = { currentGrade: challenge.currentGrade, newGrade: input.newGrade };
    if (by === 'audit-lead') assertCanDecide(challenge, actor, input.outcome, grades, input.reasons);
    else assertCanAdjudicate(challenge, actor, input.outcome as Adjudication, grades, input.reasons);
    const regrading = input.outcome === 'REGRADED';
    if (regrading) assertGrade(challenge.content, input.newGrade, challenge.currentGrade, 'newGrade');
    await advance(
      tx,
      challenge,
      input.version,
      by === 'audit-lead'
        ? {
            status: 'DECIDED',
            decision: input.outcome,
            decisionGrade: regrading ? input.newGrade : null,
            decisionReasons: input.reasons,
            decidedAt: now,
            decidedById: actor.userId,
          }
        : {
            status: 'DECIDED',
            adjudication: input.outcome,
            adjudicationGrade: regrading ? input.newGrade : null,
            adjudicationReasons: input.reasons,
            adjudicatedAt: now,
            adjudicatedById: actor.userId,
          },
    );
    const event = by === 'audit-lead' ? 'challenge-decided' : 'challenge-adjudicated';
    await history(
      tx,
      now,
      challenge.caseAuditId,
      actor.userId,
      `${event}:${input.outcome.toLowerCase()}`,
      input.reasons,
    );
    if (regrading && input.newGrade)
      await regrade(
        tx,
        now,
        challenge.caseAuditId,
        actor.userId,
        challenge.currentGrade,
        input.newGrade,
        input.reasons,
      );
    const who = by === 'audit-lead' ? 'The audit lead decided' : 'The National Service Director adjudicated';
    const outcome = regrading
      ? 're-graded'
      : by === 'audit-lead'
        ? 'grade upheld'
        : 'grade unchanged. This is final';
    const recipients = [
      challenge.raisedById,
      challenge.auditorId,
      ...(by === 'audit-lead' ? [] : await leadsOf(tx, challenge.auditId)),
    ];
    const emails = await notify(tx, recipients, {
      title: `Challenge ${by === 'audit-lead' ? 'decided' : 'adjudicated'}: case ${challenge.reference}`,
      body: `${who} the challenge on case ${challenge.reference}: ${outcome}.`,
      link: link(challenge.id),
    });
    return { emails };
  });
}

export async function decideChallenge(
  actor: Actor,
  input: {
    challengeId: string;
    version: number;
    decision: Decision;
    newGrade: string | null;
    reasons: string;
  },
  now: Date,
): Promise<Emails> {
  return settleChallenge(actor, { ...input, outcome: input.decision }, 'audit-lead', now);
}

export async function adjudicateChallenge(
  actor: Actor,
  input: {
    challengeId: string;
    version: number;
    adjudication: Adjudication;
    newGrade: string | null;
    reasons: string;
  },
  now: Date,
): Promise<Emails> {
  return settleChallenge(actor, { ...input, outcome: input.adjudication }, 'national-service-director', now);
}

export async function referChallenge(
  actor: Actor,
  input: { challengeId: string; version: number },
  now: Date,
): Promise<Emails> {
  return db().$transaction(async (tx) => {
    const challenge = await load(tx, input.challengeId, actor);
    assertCanRefer(challenge, actor);
    await advance(tx, challenge, input.version, {
      status: 'REFERRED',
      referredAt: now,
      referredById: actor.userId,
    });
    await history(
      tx,
      now,
      challenge.caseAuditId,
      actor.userId,
      'challenge-referred',
      'Referred to the National Service Director for adjudication',
    );
    const directors = (
      await tx.user.findMany({
        where: { role: 'NATIONAL_SERVICE_DIRECTOR', isActive: true },
        select: { id: true },
      })
    ).map((user) => user.id);
    const emails = await notify(tx, [...directors, challenge.raisedById, challenge.auditorId], {
      title: `Challenge referred for adjudication: case ${challenge.reference}`,
      body: `The challenge on case ${challenge.reference} was referred to the National Service Director, whose adjudication is final.`,
      link: link(challenge.id),
    });
    return { emails };
  });
}

export async function withdrawChallenge(
  actor: Actor,
  input: { challengeId: string; version: number },
  now: Date,
): Promise<Emails> {
  return db().$transaction(async (tx) => {
    const challenge = await load(tx, input.challengeId, actor);
    if (!can(actor, 'challenge.withdraw', inArea(challenge.serviceAreaId)))
      throw new NotFoundOrForbiddenError();
    assertCanWithdraw(challenge, actor);
    await advance(tx, challenge, input.version, { status: 'WITHDRAWN', withdrawnAt: now });
    await history(
      tx,
      now,
      challenge.caseAuditId,
      actor.userId,
      'challenge-withdrawn',
      'Withdrawn by the challenger',
    );
    const emails = await notify(tx, [challenge.auditorId, ...(await leadsOf(tx, challenge.auditId))], {
      title: `Challenge withdrawn: case ${challenge.reference}`,
      body: `The challenge on case ${challenge.reference} was withdrawn.`,
      link: link(challenge.id),
    });
    return { emails };
  });
}

export type ChallengeView = {
  id: string;
  version: number;
  caseReference: string;
  sampledCaseId: string;
  auditName: string;
  areaCode: string;
  status: ChallengeStatus;
  raisedBy: string;
  raisedById: string;
  auditorId: string;
  raisedAt: Date;
  disputedSections: string[];
  proposedGrade: string;
  originalGrade: string;
  currentGrade: string;
  reasons: string;
  reply: string | null;
  decision: string | null;
  decisionReasons: string | null;
  adjudication: string | null;
  adjudicationReasons: string | null;
  referred: boolean;
  nextStep: { owner: string; dueBy: Date } | null;
  overdue: boolean;
  content: RubricContent;
};

/** The challenges this person may see; `only` narrows to one (its own page), under the same scope. */
export async function findChallenges(actor: Actor, now: Date, only?: string): Promise<ChallengeView[]> {
  // Scope in the query: own area for area roles, own graded cases for auditors.
  const where: Prisma.ChallengeWhereInput =
    actor.serviceAreaId !== null
      ? { serviceAreaId: actor.serviceAreaId }
      : actor.role === 'IMPROVEMENT_MANAGER'
        ? { caseAudit: { auditorId: actor.userId } }
        : {};
  if (actor.serviceAreaId !== null && !can(actor, 'challenge.view', inArea(actor.serviceAreaId))) return [];
  if (actor.serviceAreaId === null && !can(actor, 'challenge.view', inArea('*'))) return [];
  const rows = await db().challenge.findMany({
    where: { AND: [where, { caseAudit: notBlindTo(actor.userId) }, ...(only ? [{ id: only }] : [])] },
    select: {
      id: true,
      version: true,
      status: true,
      raisedById: true,
      raisedAt: true,
      disputedSections: true,
      proposedGrade: true,
      originalGrade: true,
      reasons: true,
      reply: true,
      repliedAt: true,
      decision: true,
      decisionReasons: true,
      referredAt: true,
      adjudication: true,
      adjudicationReasons: true,
      caseAudit: {
        select: {
          auditorId: true,
          overallGrade: true,
          sampledCaseId: true,
          sampledCase: {
            select: {
              caseFile: { select: { reference: true, serviceArea: { select: { code: true } } } },
              audit: { select: { name: true, thresholdVersion: { select: { content: true } } } },
            },
          },
        },
      },
    },
    orderBy: { raisedAt: 'desc' },
  });
  const people = new Map(
    (
      await db().user.findMany({
        where: { id: { in: rows.map((row) => row.raisedById) } },
        select: { id: true, name: true },
      })
    ).map((user) => [user.id, user.name]),
  );
  return rows.map((row) => {
    const step = {
      status: row.status,
      raisedAt: row.raisedAt,
      repliedAt: row.repliedAt,
      referredAt: row.referredAt,
      raisedById: row.raisedById,
      auditorId: row.caseAudit.auditorId,
    };
    return {
      id: row.id,
      version: row.version,
      caseReference: row.caseAudit.sampledCase.caseFile.reference,
      sampledCaseId: row.caseAudit.sampledCaseId,
      auditName: row.caseAudit.sampledCase.audit.name,
      areaCode: row.caseAudit.sampledCase.caseFile.serviceArea.code,
      status: row.status,
      raisedBy: people.get(row.raisedById) ?? 'Unknown',
      raisedById: row.raisedById,
      auditorId: row.caseAudit.auditorId,
      raisedAt: row.raisedAt,
      disputedSections: row.disputedSections,
      proposedGrade: row.proposedGrade,
      originalGrade: row.originalGrade,
      currentGrade: row.caseAudit.overallGrade ?? '',
      reasons: row.reasons,
      reply: row.reply,
      decision: row.decision,
      decisionReasons: row.decisionReasons,
      adjudication: row.adjudication,
      adjudicationReasons: row.adjudicationReasons,
      referred: row.referredAt !== null,
      nextStep: nextStep(step),
      overdue: isOverdue(step, now),
      content: parseRubricContent(row.caseAudit.sampledCase.audit.thresholdVersion.content),
    };
  });
}

/**
 * An audit's challenge figures, overall and by area, counted in the database and
 * turned into figures by the domain: the nation's with `serviceAreaId` null,
 * else that one area's alone (overall is then the area's).
 */
export async function auditChallengeFigures(
  auditId: string,
  serviceAreaId: string | null,
): Promise<{ overall: ChallengeFigures; byArea: { areaCode: string; figures: ChallengeFigures }[] }> {
  const rows = await db().$queryRaw<
    {
      code: string;
      status: ChallengeStatus;
      decision: string | null;
      referred: boolean;
      adjudication: string | null;
      from_grade: string;
      to_grade: string | null;
      count: bigint;
    }[]
  >`
    SELECT a.code, c.status::text AS status, c.decision, c.referred_at IS NOT NULL AS referred, c.adjudication, c.original_grade AS from_grade,
           coalesce(c.adjudication_grade, c.decision_grade) AS to_grade, count(*) AS count
    FROM challenge c JOIN service_area a ON a.id = c.service_area_id
    WHERE c.audit_id = ${auditId} ${serviceAreaId === null ? Prisma.empty : Prisma.sql`AND c.service_area_id = ${serviceAreaId}`}
    GROUP BY a.code, a.sort_order, c.status, c.decision, referred, c.adjudication, c.original_grade, to_grade
    ORDER BY a.sort_order`;
  const outcomes = (filter: (row: (typeof rows)[number]) => boolean): ChallengeOutcome[] =>
    rows.filter(filter).flatMap((row) =>
      Array.from({ length: Number(row.count) }, () => ({
        status: row.status,
        decision: row.decision as Decision | null,
        referred: row.referred,
        adjudication: row.adjudication as Adjudication | null,
        fromGrade: row.from_grade,
        toGrade: row.to_grade,
      })),
    );
  const areas = [...new Set(rows.map((row) => row.code))];
  return {
    overall: challengeFigures(outcomes(() => true)),
    byArea: areas.map((areaCode) => ({
      areaCode,
      figures: challengeFigures(outcomes((row) => row.code === areaCode)),
    })),
  };
}

export type AuditChallengeFiguresView =
  | { shown: false; reason: 'withheld-while-benchmarking' }
  | {
      shown: true;
      /** Null: every area's; else the reader's own area alone. */
      serviceAreaId: string | null;
      figures: Awaited<ReturnType<typeof auditChallengeFigures>>;
    };

/**
 * The challenge figures of an audit as its page shows them to `actor`: an area
 * role only its own area's (challengeFiguresScope); nothing while the actor
 * benchmarks blind in the audit; null for someone who reads no challenges.
 */
export async function auditChallengeFiguresFor(
  actor: Actor,
  auditId: string,
): Promise<AuditChallengeFiguresView | null> {
  const scope = challengeFiguresScope(actor);
  if (!scope) return null;
  if (await holdsUnsubmittedBenchmark(actor, auditId))
    return { shown: false, reason: 'withheld-while-benchmarking' };
  return {
    shown: true,
    serviceAreaId: scope.serviceAreaId,
    figures: await auditChallengeFigures(auditId, scope.serviceAreaId),
  };
}

export type ChallengeableCase = {
  sampledCaseId: string;
  caseReference: string;
  currentGrade: string;
  content: RubricContent;
};

/** The case a Head of Service may challenge: their own area's submitted case. */
export async function getChallengeableCase(
  sampledCaseId: string,
  actor: Actor,
): Promise<ChallengeableCase | null> {
  const row = await db().caseAudit.findUnique({
    where: { sampledCaseId },
    select: {
      status: true,
      serviceAreaId: true,
      overallGrade: true,
      sampledCase: {
        select: {
          caseFile: { select: { reference: true } },
          audit: { select: { thresholdVersion: { select: { content: true } } } },
        },
      },
    },
  });
  if (!row || row.status !== 'SUBMITTED' || !can(actor, 'challenge.raise', inArea(row.serviceAreaId)))
    return null;
  return {
    sampledCaseId,
    caseReference: row.sampledCase.caseFile.reference,
    currentGrade: row.overallGrade ?? '',
    content: parseRubricContent(row.sampledCase.audit.thresholdVersion.content),
  };
}
