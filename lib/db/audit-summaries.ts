import 'server-only';
import { db } from './client';
import { contentOf } from './case-audits';

/**
 * Summarises each published audit once. Safe under concurrency: an advisory
 * lock per audit, and the state row is written in the same transaction.
 */
export async function ensureSummaries(audits: { id: string; thresholdVersionId: string }[]): Promise<void> {
  if (audits.length === 0) return;
  const built = await db().auditSummaryState.findMany({
    where: { auditId: { in: audits.map((audit) => audit.id) } },
    select: { auditId: true },
  });
  const done = new Set(built.map((row) => row.auditId));
  for (const audit of audits.filter((candidate) => !done.has(candidate.id))) {
    const content = await contentOf(audit.thresholdVersionId);
    const goodKeys = content.scale.levels.filter((level) => level.isGoodOrAbove).map((level) => level.key);
    await db().$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('audit_summary'), hashtext(${audit.id}))`;
        const already = await tx.auditSummaryState.findUnique({ where: { auditId: audit.id } });
        if (already) return;
        await tx.$executeRaw`
          INSERT INTO audit_summary (audit_id, service_area_id, team_id, law_type, overall_grade, cases,
            children_counted, children_seen, collaborative_yes, collaborative_answered, family_feedback_yes,
            family_feedback_answered, management_oversight_yes, management_oversight_answered, supervision_yes,
            supervision_answered)
          SELECT ca.audit_id, ca.service_area_id, ca.team_id, ca.law_type, ca.overall_grade, count(*),
                 count(*) FILTER (WHERE NOT ca.is_eit),
                 count(*) FILTER (WHERE NOT ca.is_eit AND ca.children_seen = 'SEEN'),
                 count(*) FILTER (WHERE ca.answers->'qa'->>'collaborative' = 'true'),
                 count(*) FILTER (WHERE ca.answers->'qa'->>'collaborative' IN ('true', 'false')),
                 count(*) FILTER (WHERE ca.answers->'qa'->>'familyFeedback' = 'true'),
                 count(*) FILTER (WHERE ca.answers->'qa'->>'familyFeedback' IN ('true', 'false')),
                 count(*) FILTER (WHERE ca.answers->'qa'->>'managementOversight' = 'true'),
                 count(*) FILTER (WHERE ca.answers->'qa'->>'managementOversight' IN ('true', 'false')),
                 count(*) FILTER (WHERE ca.answers->'qa'->>'supervision' = 'true'),
                 count(*) FILTER (WHERE ca.answers->'qa'->>'supervision' IN ('true', 'false'))
          FROM case_audit ca
          WHERE ca.audit_id = ${audit.id} AND ca.status = 'SUBMITTED' AND ca.overall_grade IS NOT NULL
          GROUP BY ca.audit_id, ca.service_area_id, ca.team_id, ca.law_type, ca.overall_grade`;
        await tx.$executeRaw`
          INSERT INTO audit_section_summary (audit_id, service_area_id, team_id, law_type, section_key, graded, good_or_above)
          SELECT ca.audit_id, ca.service_area_id, ca.team_id, ca.law_type, s.key, count(*),
                 count(*) FILTER (WHERE s.value->>'grade' = ANY(${goodKeys}))
          FROM case_audit ca CROSS JOIN LATERAL jsonb_each(ca.answers->'sections') s
          WHERE ca.audit_id = ${audit.id} AND ca.status = 'SUBMITTED' AND ca.overall_grade IS NOT NULL
            AND coalesce(s.value->>'grade', '') <> ''
          GROUP BY ca.audit_id, ca.service_area_id, ca.team_id, ca.law_type, s.key`;
        await tx.auditSummaryState.create({ data: { auditId: audit.id, builtAt: new Date() } });
      },
      { timeout: 60_000 },
    );
  }
}

/**
 * Summarises a just-published audit (or one that just took imported cases) at
 * once, so the first dashboard view after publishing does not pay for it.
 * Summaries rebuild on read anyway, so a failure here only costs time.
 */
export async function summarisePublishedAudit(auditId: string): Promise<void> {
  const audit = await db().audit.findUnique({
    where: { id: auditId },
    select: { id: true, status: true, thresholdVersionId: true },
  });
  if (audit?.status !== 'PUBLISHED') return;
  try {
    await ensureSummaries([audit]);
  } catch (error) {
    console.error(`[dashboard] summary of audit ${auditId} left for the next read`, error);
  }
}
