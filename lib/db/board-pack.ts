import 'server-only';
import { isoDay } from '@/lib/domain/dates';
import type { BoardRecommendationRecord, OverdueActionRecord } from '@/lib/domain/board-pack';
import type { ActionStatus } from '@/lib/domain/improvement-plan';
import { db } from './client';

// The board pack's records as they stood on a date: the latest published
// national audit by then, each recommendation's latest judgement made by the
// end of that day, and the actions due before it and still open.

/** The first instant after `day` (yyyy-mm-dd), in UTC: "up to the date" includes the whole day. */
const endOf = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);

export async function findLatestNationalAuditAsOf(
  day: string,
): Promise<{ id: string; name: string; windowTo: string } | null> {
  const audit = await db().audit.findFirst({
    where: { status: 'PUBLISHED', kind: 'NATIONAL_PRACTICE_QUALITY', windowTo: { lt: endOf(day) } },
    orderBy: [{ windowTo: 'desc' }, { name: 'asc' }],
    select: { id: true, name: true, windowTo: true },
  });
  return audit ? { id: audit.id, name: audit.name, windowTo: isoDay(audit.windowTo) } : null;
}

/** Every recommendation that existed by the end of `day`, with its latest judgement by then. */
export async function findBoardRecommendations(day: string): Promise<BoardRecommendationRecord[]> {
  const until = endOf(day);
  const recommendations = await db().recommendation.findMany({
    where: { createdAt: { lt: until } },
    select: {
      id: true,
      number: true,
      text: true,
      status: true,
      ownerId: true,
      dueOn: true,
      source: { select: { title: true, issuedOn: true, serviceAreaId: true, scale: true } },
    },
  });
  // The latest judgement per recommendation made by then (judgements are append-only).
  const judgements = await db().$queryRaw<
    {
      recommendation_id: string;
      judgement: string;
      reason: string;
      judged_at: Date;
      judged_by: string;
      review_title: string;
    }[]
  >`
    SELECT DISTINCT ON (j.recommendation_id) j.recommendation_id, j.judgement, j.reason, j.judged_at,
           u.name AS judged_by, r.title AS review_title
    FROM recommendation_judgement j
    JOIN progress_review r ON r.id = j.review_id
    JOIN app_user u ON u.id = j.judged_by_id
    WHERE j.judged_at < ${until}
    ORDER BY j.recommendation_id, j.judged_at DESC, j.id DESC`;
  const latest = new Map(judgements.map((row) => [row.recommendation_id, row]));
  const [owners, areas] = await Promise.all([
    db().user.findMany({
      where: { id: { in: recommendations.flatMap((rec) => (rec.ownerId ? [rec.ownerId] : [])) } },
      select: { id: true, name: true },
    }),
    db().serviceArea.findMany({ select: { id: true, code: true } }),
  ]);
  const ownerName = new Map(owners.map((owner) => [owner.id, owner.name]));
  const areaCode = new Map(areas.map((area) => [area.id, area.code]));
  return recommendations
    .map((rec) => {
      const judgement = latest.get(rec.id);
      return {
        id: rec.id,
        sourceTitle: rec.source.title,
        areaCode: rec.source.serviceAreaId ? (areaCode.get(rec.source.serviceAreaId) ?? null) : null,
        number: rec.number,
        text: rec.text,
        status: rec.status,
        ownerName: rec.ownerId ? (ownerName.get(rec.ownerId) ?? null) : null,
        dueOn: rec.dueOn ? isoDay(rec.dueOn) : null,
        judgement: judgement
          ? {
              judgement: judgement.judgement,
              scale: rec.source.scale,
              reason: judgement.reason,
              judgedOn: isoDay(judgement.judged_at),
              judgedBy: judgement.judged_by,
              reviewTitle: judgement.review_title,
            }
          : null,
        issuedOn: rec.source.issuedOn.getTime(),
      };
    })
    .sort(
      (a, b) =>
        a.issuedOn - b.issuedOn ||
        a.sourceTitle.localeCompare(b.sourceTitle) ||
        a.number.localeCompare(b.number, 'en-GB', { numeric: true }),
    )
    .map(({ issuedOn: _issuedOn, ...rec }) => rec);
}

/** Actions due before `day` and neither done nor dropped, the longest overdue first. */
export async function findOverdueActions(day: string): Promise<OverdueActionRecord[]> {
  const rows = await db().$queryRaw<
    {
      id: string;
      description: string;
      owner_name: string;
      due_on: Date;
      status: ActionStatus;
      number: string;
      source_title: string;
      area_code: string | null;
    }[]
  >`
    SELECT a.id, a.description, u.name AS owner_name, a.due_on, a.status::text AS status, r.number,
           s.title AS source_title, sa.code AS area_code
    FROM improvement_action a
    JOIN recommendation r ON r.id = a.recommendation_id
    JOIN recommendation_source s ON s.id = r.source_id
    JOIN app_user u ON u.id = a.owner_id
    LEFT JOIN service_area sa ON sa.id = s.service_area_id
    WHERE a.due_on < ${day}::date AND a.status NOT IN ('DONE', 'DROPPED')
    ORDER BY a.due_on, s.title, r.number, a.description`;
  return rows.map((row) => ({
    id: row.id,
    description: row.description,
    ownerName: row.owner_name,
    dueOn: isoDay(row.due_on),
    status: row.status,
    recommendationNumber: row.number,
    sourceTitle: row.source_title,
    areaCode: row.area_code,
  }));
}
