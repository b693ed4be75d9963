import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { LawType } from '@/lib/domain/audits';
import { countedGradeKeys, sectionKeyIn } from '@/lib/domain/measures';
import { db } from './client';
import { contentOf } from './case-audits';
import { ensureSummaries } from './audit-summaries';

/**
 * Which share of one audit's graded cases: the overall grade (sectionKey null)
 * or one section's; "Good or above" or the lowest grade; optionally one or
 * more law types and one kind of employment. Areas and teams are not filtered
 * here: every team is counted, with the national total the funnel is centred on.
 */
export type TeamShareQuery = {
  auditId: string;
  /**
   * A section as the measure names it (on its baseline's threshold version);
   * read in this audit's version as the measures read it (sectionKeyIn), so a
   * renamed section is still found. Null: the overall grade.
   */
  sectionKey: string | null;
  sectionReplaces?: string[];
  share: 'GOOD_OR_ABOVE' | 'LOWEST';
  lawTypes: LawType[];
  employment: 'EMPLOYED' | 'AGENCY' | null;
};

export type TeamShareCount = {
  teamId: string;
  teamName: string;
  serviceAreaId: string;
  areaCode: string;
  /** Cases with the share's grade, and the cases graded (in that section). */
  count: number;
  n: number;
};

export type TeamShares = {
  /** Every graded case matching the query, teams or not: the centre of the funnel. */
  total: { count: number; n: number };
  teams: TeamShareCount[];
};

type Row = { team_id: string | null; is_total: boolean; count: bigint | null; n: bigint | null };

const lawTypeFilter = (lawTypes: LawType[], column: Prisma.Sql) =>
  lawTypes.length > 0 ? Prisma.sql`AND ${column}::text = ANY(${lawTypes})` : Prisma.empty;

/**
 * Each team's numerator and denominator in one query, plus the total. A
 * published audit is read from its summaries (audit_summary for the overall
 * grade, audit_section_summary for a section's Good or above); employment and
 * a section's lowest grade are not summarised, and an audit under way not yet,
 * so those count case_audit directly, with the same rules as the summaries
 * (submitted cases with an overall grade; a section counts where it is graded).
 */
export async function countTeamShares(query: TeamShareQuery): Promise<TeamShares> {
  const audit = await db().audit.findUnique({
    where: { id: query.auditId },
    select: { id: true, status: true, thresholdVersionId: true },
  });
  if (!audit) return { total: { count: 0, n: 0 }, teams: [] };
  const content = await contentOf(audit.thresholdVersionId);
  const keys = countedGradeKeys(content.scale, query.share);
  const sectionKey =
    query.sectionKey === null ? null : sectionKeyIn(content, query.sectionKey, query.sectionReplaces ?? []);
  if (query.sectionKey !== null && sectionKey === null) return { total: { count: 0, n: 0 }, teams: [] };
  const published = audit.status === 'PUBLISHED';
  if (published) await ensureSummaries([audit]);

  let rows: Row[];
  if (published && query.employment === null && sectionKey === null) {
    rows = await db().$queryRaw<Row[]>`
      SELECT s.team_id, GROUPING(s.team_id) = 1 AS is_total,
             coalesce(sum(s.cases) FILTER (WHERE s.overall_grade = ANY(${keys})), 0) AS count,
             sum(s.cases) AS n
      FROM audit_summary s
      WHERE s.audit_id = ${audit.id} ${lawTypeFilter(query.lawTypes, Prisma.raw('s.law_type'))}
      GROUP BY GROUPING SETS ((s.team_id), ())`;
  } else if (published && query.employment === null && query.share === 'GOOD_OR_ABOVE') {
    rows = await db().$queryRaw<Row[]>`
      SELECT s.team_id, GROUPING(s.team_id) = 1 AS is_total, sum(s.good_or_above) AS count, sum(s.graded) AS n
      FROM audit_section_summary s
      WHERE s.audit_id = ${audit.id} AND s.section_key = ${sectionKey}
        ${lawTypeFilter(query.lawTypes, Prisma.raw('s.law_type'))}
      GROUP BY GROUPING SETS ((s.team_id), ())`;
  } else {
    const grade =
      sectionKey === null
        ? Prisma.sql`ca.overall_grade`
        : Prisma.sql`(ca.answers->'sections'->${sectionKey}->>'grade')`;
    rows = await db().$queryRaw<Row[]>`
      SELECT ca.team_id, GROUPING(ca.team_id) = 1 AS is_total,
             count(*) FILTER (WHERE ${grade} = ANY(${keys})) AS count, count(*) AS n
      FROM case_audit ca
      WHERE ca.audit_id = ${audit.id} AND ca.status = 'SUBMITTED' AND ca.overall_grade IS NOT NULL
        AND coalesce(${grade}, '') <> ''
        ${lawTypeFilter(query.lawTypes, Prisma.raw('ca.law_type'))}
        ${query.employment ? Prisma.sql`AND ca.employment::text = ${query.employment}` : Prisma.empty}
      GROUP BY GROUPING SETS ((ca.team_id), ())`;
  }

  const totalRow = rows.find((row) => row.is_total);
  const teamRows = rows.filter((row) => !row.is_total && row.team_id !== null && Number(row.n ?? 0) > 0);
  const teams = await db().team.findMany({
    where: { id: { in: teamRows.map((row) => row.team_id!) } },
    select: { id: true, name: true, serviceAreaId: true, serviceArea: { select: { code: true } } },
  });
  const byId = new Map(teams.map((team) => [team.id, team]));
  return {
    total: { count: Number(totalRow?.count ?? 0), n: Number(totalRow?.n ?? 0) },
    teams: teamRows
      .flatMap((row) => {
        const team = byId.get(row.team_id!);
        return team
          ? [
              {
                teamId: team.id,
                teamName: team.name,
                serviceAreaId: team.serviceAreaId,
                areaCode: team.serviceArea.code,
                count: Number(row.count ?? 0),
                n: Number(row.n ?? 0),
              },
            ]
          : [];
      })
      .sort((a, b) => a.teamName.localeCompare(b.teamName, 'en-GB', { numeric: true })),
  };
}
