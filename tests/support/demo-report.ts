// `tsx --conditions=react-server tests/support/demo-report.ts counts|report`
// with DATABASE_URL on a seeded demo database: prints, as JSON, the counts or
// the national report of "National Audit November 2014", every database id
// replaced by a readable one (area:A1, team:A1 North, audit:<name>) so it can
// be compared with tests/fixtures/november-2014-counts.ts. Run as its own
// process because the app's database client follows DATABASE_URL.
import { db } from '@/lib/db/client';
import { loadReportCounts } from '@/lib/db/report-loader';
import { earlierAuditId, findReportAuditIdByName, loadReportAudit } from '@/lib/db/reports';
import { getNationalReportByName } from '@/lib/use-cases/reports/get-national-report-by-name';

export const NOVEMBER_2014 = 'National Audit November 2014';

async function readableIds(): Promise<Map<string, string>> {
  const [areas, teams, audits] = await Promise.all([
    db().serviceArea.findMany({ select: { id: true, code: true } }),
    db().team.findMany({ select: { id: true, name: true } }),
    db().audit.findMany({ select: { id: true, name: true } }),
  ]);
  return new Map([
    ...areas.map((area) => [area.id, `area:${area.code}`] as const),
    ...teams.map((team) => [team.id, `team:${team.name}`] as const),
    ...audits.map((audit) => [audit.id, `audit:${audit.name}`] as const),
  ]);
}

/** The value with every id, as a value or as a key, replaced by its readable form. */
function relabel(value: unknown, ids: Map<string, string>): unknown {
  if (typeof value === 'string') return ids.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => relabel(item, ids));
  if (value instanceof Date || value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [ids.get(key) ?? key, relabel(item, ids)]),
  );
}

async function main(what: string | undefined): Promise<unknown> {
  if (what === 'report') return getNationalReportByName(NOVEMBER_2014);
  if (what !== 'counts') throw new Error('usage: demo-report.ts counts|report');
  const auditId = await findReportAuditIdByName(NOVEMBER_2014);
  const audit = auditId ? await loadReportAudit(auditId) : null;
  if (!audit) throw new Error(`no audit called ${NOVEMBER_2014}`);
  return loadReportCounts(audit, { serviceAreaId: null }, {}, await earlierAuditId(audit), null);
}

try {
  const value = await main(process.argv[2]);
  process.stdout.write(`${JSON.stringify(relabel(value, await readableIds()))}\n`);
} finally {
  await db().$disconnect();
}
