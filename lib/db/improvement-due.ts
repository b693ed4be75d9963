import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { db, type Tx } from './client';

export type DueImprovementItem = {
  subjectType: 'action' | 'recommendation';
  subjectId: string;
  recommendationId: string;
  description: string;
  sourceTitle: string;
  recommendationNumber: string;
  /** The source's area; null for a national source. */
  serviceAreaId: string | null;
  areaCode: string | null;
  dueOn: string;
  ownerId: string | null;
  ownerName: string;
};

type DueRow = {
  subject_type: 'action' | 'recommendation';
  subject_id: string;
  recommendation_id: string;
  description: string;
  source_title: string;
  recommendation_number: string;
  service_area_id: string | null;
  area_code: string | null;
  due_on: Date;
  owner_id: string | null;
  owner_name: string | null;
};

const toItem = (row: DueRow): DueImprovementItem => ({
  subjectType: row.subject_type,
  subjectId: row.subject_id,
  recommendationId: row.recommendation_id,
  description: row.description,
  sourceTitle: row.source_title,
  recommendationNumber: row.recommendation_number,
  serviceAreaId: row.service_area_id,
  areaCode: row.area_code,
  dueOn: row.due_on.toISOString().slice(0, 10),
  ownerId: row.owner_id,
  ownerName: row.owner_name ?? 'nobody',
});

/** Open actions (not started, in progress) and open recommendations, with where they belong. */
function openItems(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT * FROM (
      SELECT 'action' AS subject_type, ia.id AS subject_id, r.id AS recommendation_id, ia.description,
             s.title AS source_title, r.number AS recommendation_number, s.service_area_id,
             sa.code AS area_code, ia.due_on, ia.owner_id, u.name AS owner_name
      FROM improvement_action ia
      JOIN recommendation r ON r.id = ia.recommendation_id
      JOIN recommendation_source s ON s.id = r.source_id
      LEFT JOIN service_area sa ON sa.id = s.service_area_id
      LEFT JOIN app_user u ON u.id = ia.owner_id
      WHERE ia.status IN ('NOT_STARTED', 'IN_PROGRESS') AND r.status = 'OPEN'
      UNION ALL
      SELECT 'recommendation', r.id, r.id, r.text, s.title, r.number, s.service_area_id,
             sa.code, r.due_on, r.owner_id, u.name
      FROM recommendation r
      JOIN recommendation_source s ON s.id = r.source_id
      LEFT JOIN service_area sa ON sa.id = s.service_area_id
      LEFT JOIN app_user u ON u.id = r.owner_id
      WHERE r.status = 'OPEN' AND r.due_on IS NOT NULL
    ) item
    WHERE ${where}
    ORDER BY item.due_on, item.source_title, item.recommendation_number`;
}

/**
 * Everything due on or before `horizon` that may still owe a reminder: items
 * whose overdue reminder has gone for this due date are left out, so the job's
 * work stays as small as what is actually due.
 */
export async function findItemsOwingReminders(horizon: string): Promise<DueImprovementItem[]> {
  const rows = await db().$queryRaw<DueRow[]>(
    openItems(Prisma.sql`item.due_on <= ${horizon}::date AND NOT EXISTS (
      SELECT 1 FROM reminder_sent rs
      WHERE rs.subject_type = item.subject_type AND rs.subject_id = item.subject_id
        AND rs.kind = 'overdue' AND rs.due_on = item.due_on)`),
  );
  return rows.map(toItem);
}

/** Overdue on `today`: nationally, or for an area lead their area's items and the ones they own. */
export async function findOverdueItems(
  today: string,
  scope: { serviceAreaId: string; ownerId: string } | null,
): Promise<DueImprovementItem[]> {
  const where =
    scope === null
      ? Prisma.sql`item.due_on < ${today}::date`
      : Prisma.sql`item.due_on < ${today}::date
          AND (item.service_area_id = ${scope.serviceAreaId} OR item.owner_id = ${scope.ownerId})`;
  const rows = await db().$queryRaw<DueRow[]>(openItems(where));
  return rows.map(toItem);
}

/** Active users of a role, in an area or national. */
export async function findActiveUserIds(
  tx: Tx,
  role: 'HEAD_OF_SERVICE' | 'NATIONAL_SERVICE_DIRECTOR',
  serviceAreaId: string | null,
): Promise<string[]> {
  const users = await tx.user.findMany({
    where: { role, isActive: true, ...(serviceAreaId === null ? {} : { serviceAreaId }) },
    select: { id: true },
    orderBy: { email: 'asc' },
  });
  return users.map((user) => user.id);
}

/**
 * Records that a reminder goes to each user; returns the users it had not gone
 * to before. Concurrent runs of the job cannot both claim one (the unique key).
 */
export async function claimReminders(
  tx: Tx,
  reminder: { subjectType: string; subjectId: string; kind: string; dueOn: string; sentAt: Date },
  userIds: string[],
): Promise<string[]> {
  if (userIds.length === 0) return [];
  const claimed = await tx.$queryRaw<{ user_id: string }[]>`
    INSERT INTO reminder_sent (subject_type, subject_id, kind, due_on, user_id, sent_at)
    SELECT ${reminder.subjectType}, ${reminder.subjectId}, ${reminder.kind}, ${reminder.dueOn}::date, u, ${reminder.sentAt}
    FROM unnest(${userIds}::text[]) AS u
    ON CONFLICT (subject_type, subject_id, kind, due_on, user_id) DO NOTHING
    RETURNING user_id`;
  return claimed.map((row) => row.user_id);
}
