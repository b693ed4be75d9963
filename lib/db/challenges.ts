import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { db, type Tx } from './client';
import { applyGrades } from './grade-writer';
import { assertVersionedUpdate } from './versioned';
import {
  challengeFigures,
  type Adjudication,
  type ChallengeFigures,
  type ChallengeOutcome,
  type ChallengeStatus,
  type Decision,
} from '@/lib/domain/challenges';
import type { RubricContent } from '@/lib/domain/rubric';
import { parseRubricContent } from '@/lib/schemas/rubric';

// A challenge's data: the targets its steps load (plain views, no decisions about
// who asks: those are in lib/use-cases/challenges), its versioned write, the case
// history it adds through the one grade writer, and its figures counted in SQL.

/** The audit lead, or every active Senior Service Manager while the audit has none. */
export async function auditLeadsOf(tx: Tx, auditId: string): Promise<string[]> {
  const audit = await tx.audit.findUniqueOrThrow({ where: { id: auditId }, select: { leadId: true } });
  if (audit.leadId) return [audit.leadId];
  return (
    await tx.user.findMany({
      where: { role: 'SENIOR_SERVICE_MANAGER', isActive: true },
      select: { id: true },
    })
  ).map((user) => user.id);
}

export async function nationalServiceDirectors(tx: Tx): Promise<string[]> {
  return (
    await tx.user.findMany({
      where: { role: 'NATIONAL_SERVICE_DIRECTOR', isActive: true },
      select: { id: true },
    })
  ).map((user) => user.id);
}

/** A step of the challenge in the case's history. */
export async function recordChallengeHistory(
  tx: Tx,
  now: Date,
  caseAuditId: string,
  actorId: string,
  event: string,
  reason: string,
  changes: { field: string; from: string; to: string }[] = [],
): Promise<void> {
  await applyGrades(tx, { actorId, now }, [
    { kind: 'note', caseAuditId, history: { event, reason, changes } },
  ]);
}

/** Changes the case's final grade and records it; the original stays in history. */
export async function regradeChallengedCase(
  tx: Tx,
  now: Date,
  caseAuditId: string,
  actorId: string,
  from: string,
  to: string,
  reason: string,
): Promise<void> {
  await applyGrades(tx, { actorId, now }, [
    {
      kind: 'change',
      caseAuditId,
      overallGrade: to,
      history: { event: 'regraded', reason, changes: [{ field: 'overallGrade', from, to }] },
    },
  ]);
}

export async function createChallenge(
  tx: Tx,
  data: {
    caseAuditId: string;
    auditId: string;
    serviceAreaId: string;
    raisedById: string;
    raisedAt: Date;
    disputedSections: string[];
    proposedGrade: string;
    reasons: string;
    originalGrade: string;
  },
): Promise<string> {
  return (await tx.challenge.create({ data, select: { id: true } })).id;
}

/** A challenge as its next step needs it, with its case held (row-locked) until the transaction ends. */
export type ChallengeTarget = {
  id: string;
  version: number;
  serviceAreaId: string;
  status: ChallengeStatus;
  raisedById: string;
  decidedById: string | null;
  auditId: string;
  auditStatus: string;
  caseAuditId: string;
  auditorId: string;
  currentGrade: string;
  content: RubricContent;
  reference: string;
};

export async function loadChallengeForUpdate(tx: Tx, challengeId: string): Promise<ChallengeTarget | null> {
  // Hold the case first, as raising and moderating do: a grade read before a
  // concurrent moderation or decision commits would be re-graded from silently.
  await tx.$queryRaw`
    SELECT ca.id FROM case_audit ca JOIN challenge c ON c.case_audit_id = ca.id
    WHERE c.id = ${challengeId} FOR UPDATE OF ca`;
  const row = await tx.challenge.findUnique({
    where: { id: challengeId },
    select: {
      id: true,
      version: true,
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
  if (!row) return null;
  return {
    id: row.id,
    version: row.version,
    serviceAreaId: row.serviceAreaId,
    status: row.status,
    raisedById: row.raisedById,
    decidedById: row.decidedById,
    auditId: row.auditId,
    auditStatus: row.caseAudit.sampledCase.audit.status,
    caseAuditId: row.caseAuditId,
    auditorId: row.caseAudit.auditorId,
    currentGrade: row.caseAudit.overallGrade ?? '',
    content: parseRubricContent(row.caseAudit.sampledCase.audit.thresholdVersion.content),
    reference: row.caseAudit.sampledCase.caseFile.reference,
  };
}

/** Moves the challenge on only from the version the person saw: a concurrent step is refused, not overwritten. */
export async function advanceChallenge(
  tx: Tx,
  challengeId: string,
  version: number,
  data: Prisma.ChallengeUpdateManyMutationInput,
): Promise<void> {
  const { count } = await tx.challenge.updateMany({
    where: { id: challengeId, version },
    data: { ...data, version: { increment: 1 } },
  });
  await assertVersionedUpdate(
    count,
    () => tx.challenge.findUnique({ where: { id: challengeId }, select: { id: true } }),
    'challenge',
  );
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
