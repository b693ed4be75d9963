// Moderation in the demo, on top of the local history (local-history.ts):
// - the history's moderations logged as the draws the app records (one per
//   area and month, with the cases chosen), so /local/moderation lists them
//   and a month already moderated is not drawn again;
// - A1's late-November audits (submitted from the 20th, after the history's
//   moderations were chosen), drawn as the app draws them
//   (lib/domain/moderation-draw.ts: 10%, every manager once, a fixed seed)
//   for hop.a1@example.org to moderate now.
// Idempotent and set-based.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { drawModerationSample, parseModerationPeriod } from '../../lib/domain/moderation-draw.ts';

const DRAW_EVENT = 'local-moderation-draw';
export const DEMO_MODERATOR = 'hop.a1@example.org';
/** How many of A1's November audits wait for hop.a1@, at least: the draw's coverage may add more. */
const TO_DO_AT_LEAST = 3;

export async function seedLocalModerations(prisma: PrismaClient): Promise<{ moderationsToDo: number }> {
  if ((await prisma.auditEvent.count({ where: { entityType: DRAW_EVENT } })) > 0) {
    const hop = await prisma.user.findUnique({ where: { email: DEMO_MODERATOR }, select: { id: true } });
    return {
      moderationsToDo: hop
        ? await prisma.localModeration.count({ where: { moderatorId: hop.id, status: 'ASSIGNED' } })
        : 0,
    };
  }
  const hop = await prisma.user.findUniqueOrThrow({
    where: { email: DEMO_MODERATOR },
    select: { id: true, serviceAreaId: true },
  });
  const a1 = hop.serviceAreaId as string;
  const november = parseModerationPeriod('2023-11')!;

  // A1's November: every submitted local audit, and those the history moderated. The history chose
  // only from audits submitted before the 20th (to be moderated by the 30th); the late ones are drawn now.
  const candidates = await prisma.$queryRaw<
    { case_audit_id: string; manager_id: string; overall_grade: string; moderated: boolean; late: boolean }[]
  >`
    SELECT ca.id AS case_audit_id, ca.auditor_id AS manager_id, ca.overall_grade, (lm.id IS NOT NULL) AS moderated,
           ca.submitted_at >= '2023-11-20T00:00:00Z'::timestamptz AS late
    FROM case_audit ca
    JOIN local_audit_programme lap ON lap.audit_id = ca.audit_id AND lap.moderation_share_percent > 0
    JOIN sampled_case sc ON sc.id = ca.sampled_case_id
    LEFT JOIN local_moderation lm ON lm.case_audit_id = ca.id
    WHERE ca.service_area_id = ${a1} AND ca.status = 'SUBMITTED' AND ca.overall_grade IS NOT NULL
      AND ca.auditor_id <> ${hop.id}
      AND coalesce(sc.month, (ca.submitted_at AT TIME ZONE 'UTC')::date) >= ${november.from}::date
      AND coalesce(sc.month, (ca.submitted_at AT TIME ZONE 'UTC')::date) < ${november.to}::date
    ORDER BY ca.id`;
  const pool = candidates
    .filter((c) => c.late && !c.moderated)
    .map((c) => ({ caseAuditId: c.case_audit_id, managerId: c.manager_id }));
  const seed = 'demo-A1-2023-11-late';
  let sharePercent = 10;
  let draw = drawModerationSample(pool, { sharePercent, seed });
  while (draw.chosen.length < Math.min(TO_DO_AT_LEAST, pool.length) && sharePercent < 100) {
    sharePercent += 5;
    draw = drawModerationSample(pool, { sharePercent, seed });
  }
  const gradeOf = new Map(candidates.map((c) => [c.case_audit_id, c.overall_grade]));
  // The list shows the oldest first: a case its manager graded other than Met leads, so the
  // e2e journey's blind Met differs from it and has a grade to agree.
  const chosen = [...draw.chosen].sort(
    (a, b) => Number(gradeOf.get(a.caseAuditId) === 'met') - Number(gradeOf.get(b.caseAuditId) === 'met'),
  );
  const ids = chosen.map((c) => c.caseAuditId);
  const now = new Date();
  await prisma.$executeRaw`
    INSERT INTO local_moderation (id, audit_id, case_audit_id, service_area_id, team_id, manager_id, moderator_id,
                                  chosen_by, first_overall_grade, first_section_grades, created_at)
    SELECT gen_random_uuid()::text, ca.audit_id, ca.id, ca.service_area_id, ca.team_id, ca.auditor_id, ${hop.id},
           'draw', ca.overall_grade,
           coalesce((SELECT jsonb_object_agg(s.key, s.value -> 'grade') FROM jsonb_each(ca.answers -> 'sections') s),
                    '{}'::jsonb),
           ${now}::timestamptz + (t.position * interval '1 second')
    FROM unnest(${ids}::text[]) WITH ORDINALITY AS t(id, position)
    JOIN case_audit ca ON ca.id = t.id
    ON CONFLICT (case_audit_id) DO NOTHING`;

  // Every area-month the history moderated, logged as a draw (A1's November with today's additions).
  const months = await prisma.$queryRaw<
    {
      service_area_id: string;
      code: string;
      month: string;
      chosen: string[];
      candidates: number;
      moderator_id: string;
    }[]
  >`
    WITH local AS (
      SELECT ca.id, ca.service_area_id,
             to_char(coalesce(sc.month, (ca.submitted_at AT TIME ZONE 'UTC')::date), 'YYYY-MM') AS month
      FROM case_audit ca
      JOIN local_audit_programme lap ON lap.audit_id = ca.audit_id
      JOIN sampled_case sc ON sc.id = ca.sampled_case_id
      WHERE ca.status = 'SUBMITTED' AND ca.overall_grade IS NOT NULL
    )
    SELECT l.service_area_id, min(sa.code) AS code, l.month,
           array_agg(lm.case_audit_id ORDER BY lm.case_audit_id) AS chosen,
           (SELECT count(*)::int FROM local x WHERE x.service_area_id = l.service_area_id AND x.month = l.month)
             AS candidates,
           min(lm.moderator_id) AS moderator_id
    FROM local_moderation lm JOIN local l ON l.id = lm.case_audit_id
    JOIN service_area sa ON sa.id = l.service_area_id
    GROUP BY l.service_area_id, l.month`;
  await prisma.auditEvent.createMany({
    data: months.map((row) => {
      const period = parseModerationPeriod(row.month)!;
      const isToday = row.service_area_id === a1 && row.month === '2023-11';
      return {
        occurredAt: isToday ? now : new Date(`${period.to}T08:00:00Z`),
        actorId: row.moderator_id,
        action: 'moderation.drawn',
        entityType: DRAW_EVENT,
        entityId: row.service_area_id,
        detail: {
          period: period.key,
          from: period.from,
          to: period.to,
          seed: isToday ? seed : `history-${row.code}-${row.month}`,
          // The history's moderations were chosen over the eight months, not by a share of each: no share.
          ...(isToday ? { sharePercent } : { history: true }),
          candidates: row.candidates,
          ...(isToday ? { lateAudits: pool.length, drawnFromLateAudits: draw.chosen.length } : {}),
          chosen: row.chosen,
          moderatorId: row.moderator_id,
        },
      };
    }),
  });
  return { moderationsToDo: ids.length };
}
