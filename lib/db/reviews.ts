import 'server-only';
import { notBlindTo } from './blind';
import { db, type Tx } from './client';
import { concernState, type ConcernState } from '@/lib/domain/safeguarding';

// Read models for area reviews and safeguarding concerns. The lists take the
// areas they cover already decided (lib/use-cases/reviews, /concerns decide
// them from who asks); the writes are use cases too.

/** The areas a list covers: one area, or (no filter) every area. */
export type AreaFilter = { serviceAreaId?: string };

export type AreaReviewItem = {
  id: string;
  sampledCaseId: string;
  version: number;
  caseReference: string;
  auditName: string;
  areaCode: string;
  practitionerName: string;
  grade: string | null;
  rationale: string;
  createdAt: Date;
  reviewedAt: Date | null;
  reviewedBy: string | null;
  actionTaken: string | null;
};

/** Area reviews in the areas, still to review first; cases the reader benchmarks blind are left out. */
export async function findAreaReviewsIn(areas: AreaFilter, readerId: string): Promise<AreaReviewItem[]> {
  const rows = await db().areaReview.findMany({
    where: { AND: [areas, { caseAudit: notBlindTo(readerId) }] },
    select: {
      id: true,
      version: true,
      createdAt: true,
      reviewedAt: true,
      reviewedById: true,
      actionTaken: true,
      caseAudit: {
        select: {
          overallGrade: true,
          answers: true,
          sampledCaseId: true,
          sampledCase: {
            select: {
              audit: { select: { name: true, thresholdVersion: { select: { content: true } } } },
              caseFile: {
                select: {
                  reference: true,
                  serviceArea: { select: { code: true } },
                  practitioner: { select: { name: true } },
                },
              },
            },
          },
        },
      },
    },
    orderBy: [{ reviewedAt: { sort: 'asc', nulls: 'first' } }, { createdAt: 'asc' }],
  });
  const reviewerIds = rows.flatMap((row) => (row.reviewedById ? [row.reviewedById] : []));
  const reviewers = new Map(
    (await db().user.findMany({ where: { id: { in: reviewerIds } }, select: { id: true, name: true } })).map(
      (user) => [user.id, user.name],
    ),
  );
  return rows.map((row) => {
    const content = row.caseAudit.sampledCase.audit.thresholdVersion.content as {
      scale?: { levels?: { key: string; label: string }[] };
    };
    const label =
      content.scale?.levels?.find((level) => level.key === row.caseAudit.overallGrade)?.label ??
      row.caseAudit.overallGrade;
    return {
      id: row.id,
      sampledCaseId: row.caseAudit.sampledCaseId,
      version: row.version,
      caseReference: row.caseAudit.sampledCase.caseFile.reference,
      auditName: row.caseAudit.sampledCase.audit.name,
      areaCode: row.caseAudit.sampledCase.caseFile.serviceArea.code,
      practitionerName: row.caseAudit.sampledCase.caseFile.practitioner.name,
      grade: label,
      rationale: (row.caseAudit.answers as { overallRationale?: string }).overallRationale ?? '',
      createdAt: row.createdAt,
      reviewedAt: row.reviewedAt,
      reviewedBy: row.reviewedById ? (reviewers.get(row.reviewedById) ?? null) : null,
      actionTaken: row.actionTaken,
    };
  });
}

/** An area review to record: the area it belongs to. */
export async function getAreaReviewTarget(
  tx: Tx,
  reviewId: string,
): Promise<{ serviceAreaId: string; reviewedAt: Date | null } | null> {
  return tx.areaReview.findUnique({
    where: { id: reviewId },
    select: { serviceAreaId: true, reviewedAt: true },
  });
}

export type ConcernItem = {
  id: string;
  version: number;
  caseReference: string;
  auditName: string;
  areaCode: string;
  description: string;
  raisedBy: string;
  raisedAt: Date;
  state: ConcernState;
  acknowledgedAt: Date | null;
  closedAt: Date | null;
  actionTaken: string | null;
};

/** Safeguarding concerns in the areas, open ones first. */
export async function findConcernsIn(areas: AreaFilter, now: Date): Promise<ConcernItem[]> {
  const rows = await db().safeguardingConcern.findMany({
    where: areas,
    select: {
      id: true,
      version: true,
      description: true,
      raisedAt: true,
      raisedById: true,
      acknowledgedAt: true,
      closedAt: true,
      actionTaken: true,
      caseAudit: {
        select: {
          sampledCase: {
            select: {
              audit: { select: { name: true } },
              caseFile: { select: { reference: true, serviceArea: { select: { code: true } } } },
            },
          },
        },
      },
    },
    orderBy: [{ closedAt: { sort: 'asc', nulls: 'first' } }, { raisedAt: 'asc' }],
  });
  const people = new Map(
    (
      await db().user.findMany({
        where: { id: { in: rows.map((row) => row.raisedById) } },
        select: { id: true, name: true },
      })
    ).map((user) => [user.id, user.name]),
  );
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    caseReference: row.caseAudit.sampledCase.caseFile.reference,
    auditName: row.caseAudit.sampledCase.audit.name,
    areaCode: row.caseAudit.sampledCase.caseFile.serviceArea.code,
    description: row.description,
    raisedBy: people.get(row.raisedById) ?? 'Unknown',
    raisedAt: row.raisedAt,
    state: concernState(row, now),
    acknowledgedAt: row.acknowledgedAt,
    closedAt: row.closedAt,
    actionTaken: row.actionTaken,
  }));
}

/** The sampled case a concern is raised on: its area, auditor, audit and rubric. */
export async function getCaseForConcern(tx: Tx, sampledCaseId: string) {
  return tx.sampledCase.findUnique({
    where: { id: sampledCaseId },
    select: {
      id: true,
      auditId: true,
      serviceAreaId: true,
      assignedToId: true,
      status: true,
      audit: {
        select: {
          name: true,
          leadId: true,
          thresholdVersionId: true,
          thresholdVersion: { select: { content: true } },
        },
      },
      caseFile: { select: { reference: true } },
    },
  });
}

/** A concern to acknowledge or close: its area and where it stands. */
export async function getConcernTarget(
  tx: Tx,
  concernId: string,
): Promise<{ serviceAreaId: string; acknowledgedAt: Date | null; closedAt: Date | null } | null> {
  return tx.safeguardingConcern.findUnique({
    where: { id: concernId },
    select: { serviceAreaId: true, acknowledgedAt: true, closedAt: true },
  });
}

export type ReviewCounts = { reviewsWaiting: number; concernsOpen: number; concernsOverdue: number };

/** For home pages: what is waiting in the areas, counted in the database. */
export async function countReviewsIn(scope: AreaFilter, now: Date): Promise<ReviewCounts> {
  const overdueBefore = new Date(now.getTime() - 24 * 3_600_000);
  const [reviewsWaiting, concernsOpen, concernsOverdue] = await Promise.all([
    db().areaReview.count({ where: { ...scope, reviewedAt: null } }),
    db().safeguardingConcern.count({ where: { ...scope, closedAt: null } }),
    db().safeguardingConcern.count({
      where: { ...scope, closedAt: null, acknowledgedAt: null, raisedAt: { lte: overdueBefore } },
    }),
  ]);
  return { reviewsWaiting, concernsOpen, concernsOverdue };
}
