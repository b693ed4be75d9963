// Eight months of local audit work (April–November 2023) whose QA overview
// reproduces seed 003's board paper exactly: a Service Manager for every team
// or pair of teams, a Head of Practice per area, the three 2023/24 programmes
// (local quality and impact, performance board, national practice quality),
// their graded cases, practice observations and Heads of Practice's
// moderations. A3's managers grade visibly more generously than its Head of
// Practice; elsewhere the two agree closely. Idempotent and set-based: a few
// statements whatever the number of rows.
//
// How each figure of seed 003 is counted (the paper does not say; these are
// the definitions that make its figures agree with each other, and the QA
// overview, lib/db/qa-overview-counts.ts, uses the same ones). "In the period"
// means a submitted case audit whose submitted_at falls in it.
// - Audits: every submitted case audit of the three kinds: 4,019 = 3,372 local
//   quality and impact + 400 national practice quality + 247 performance board.
// - Collaborative: of the LOCAL quality and impact audits only (a manager
//   auditing with the practitioner; a national audit is never collaborative):
//   1,802 of 3,372 = 53.4%. Of all audits it would be 44.8%, which the paper
//   does not print.
// - Family feedback: of all audits: 1,780 of 4,019 = 44.3%.
// - Management oversight: of the audits where oversight was expected
//   (qa_management_oversight_expected): 2,470 of 3,012 = 82%.
// - Supervision recorded: of the audits where the question was answered
//   (qa_supervision not null): 2,031 of 2,604 = 78%.
// - Supervision with impact: of the audits where supervision was recorded:
//   1,007 of 2,031 = 49.6%.
// - Practice observations: observed_on in the period: 1,364.
// - Moderations: local moderations a Head of Practice submitted in the period: 379.
// - Local audits on target: of manager-months (a Service Manager with local
//   quality-and-impact assignments for a month in the period), the share whose
//   submitted audits for that month reach the programme's monthly quota: 90.5%.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { emptyAnswers, type ChildrenSeen, type GradingAnswers } from '../../lib/domain/grading.ts';
import { OBSERVATION_CRITERIA, OBSERVATION_JUDGEMENTS } from '../../lib/domain/observation.ts';
import { applyGrades, type CaseAuditChange, type ImportedGrade } from '../../lib/db/grade-writer.ts';
import { NATIONAL_THRESHOLD_OCTOBER_2014 } from './thresholds.ts';

/** Seed 003, "Quality assuring practice: April – December 2023 overview". */
export const SEED_003 = {
  from: '2023-04-01',
  to: '2023-11-30',
  audits: 4019,
  local: 3372,
  national: 400,
  performanceBoard: 247,
  collaborative: 1802,
  familyFeedback: 1780,
  oversightExpected: 3012,
  oversightRecorded: 2470,
  supervisionAnswered: 2604,
  supervisionRecorded: 2031,
  supervisionImpact: 1007,
  observations: 1364,
  moderations: 379,
  onTargetPercent: 90.5,
} as const;

export const LOCAL_PROGRAMME_2023 = 'Local quality and impact audits 2023/24';
export const PERFORMANCE_BOARD_2023 = 'Performance board quality and impact audits 2023/24';
export const NATIONAL_AUDIT_2023 = 'National practice quality audit 2023/24';
/** The area whose managers grade more generously than its Head of Practice. */
export const GENEROUS_AREA = 'A3';

const MONTHS = ['2023-04', '2023-05', '2023-06', '2023-07', '2023-08', '2023-09', '2023-10', '2023-11'];
const QUOTA = 2;

const FIRST = [
  'Aaron',
  'Beth',
  'Carys',
  'Dev',
  'Eleanor',
  'Femi',
  'Gemma',
  'Hamza',
  'Isla',
  'Jonah',
  'Kate',
  'Lola',
];
const LAST = [
  'Ashby',
  'Bennett',
  'Cole',
  'Dunn',
  'Eastwood',
  'Frost',
  'Hale',
  'Irving',
  'Kemp',
  'Lowe',
  'Marsh',
  'Noble',
];

function mulberry32(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const slugOf = (code: string) => code.toLowerCase().replace(/\s+/g, '-');
const pad = (n: number, width: number) => String(n).padStart(width, '0');

type Manager = {
  email: string;
  name: string;
  areaCode: string;
  areaId: string;
  teamIds: string[];
  id?: string;
};
type Practitioner = { id: string; teamId: string; areaId: string; employment: 'EMPLOYED' | 'AGENCY' };
type Kind = 'local' | 'national' | 'board';
type Row = {
  kind: Kind;
  reference: string;
  areaId: string;
  areaCode: string;
  practitioner: Practitioner;
  auditorId: string;
  month: string | null;
  pickedBy: string | null;
  pickReason: string | null;
  graded: boolean;
  submittedAt: Date;
  lawType: 'PUBLIC_LAW' | 'PRIVATE_LAW_WAFH' | 'PRIVATE_LAW_WTFH';
  isEit: boolean;
  grade: string;
  qa: {
    collaborative: boolean;
    familyFeedback: boolean;
    managementOversightExpected: boolean;
    managementOversight: boolean | null;
    supervision: boolean | null;
    supervisionImpact: boolean | null;
  };
};

const PICK_REASONS = [
  'Discussed in supervision: complex domestic abuse risk',
  'New practitioner: first local audit',
  'Case open over 52 weeks',
  'Feedback from the family raised concerns',
  'Follow-up to an earlier audit',
];

/** Picks exactly `count` rows for an indicator, likelier early in `order` (later months and some areas lean higher). */
function markExactly<T>(rows: T[], count: number, lean: (row: T) => number, random: () => number): Set<T> {
  const keyed = rows.map((row) => ({ row, key: random() - lean(row) }));
  keyed.sort((a, b) => a.key - b.key);
  return new Set(keyed.slice(0, count).map((item) => item.row));
}

export async function seedLocalHistory(prisma: PrismaClient): Promise<{ localHistoryCases: number }> {
  const existing = await prisma.audit.findUnique({
    where: { name: LOCAL_PROGRAMME_2023 },
    select: { _count: { select: { sampledCases: true } } },
  });
  if (existing && existing._count.sampledCases > 0) return { localHistoryCases: 0 };
  const random = mulberry32(20230401);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

  const template = await prisma.user.findUnique({
    where: { email: 'sm.a1@example.org' },
    select: { passwordHash: true },
  });
  const ssm = await prisma.user.findUnique({ where: { email: 'ssm@example.org' }, select: { id: true } });
  const nsd = await prisma.user.findUnique({ where: { email: 'nsd@example.org' }, select: { id: true } });
  const version = await prisma.thresholdVersion.findFirst({
    where: { document: { name: 'Threshold Document' }, number: 2 },
    select: { id: true },
  });
  if (!template || !ssm || !nsd || !version)
    throw new Error('seed the demo organisation before its local history');

  const areas = await prisma.serviceArea.findMany({
    orderBy: { sortOrder: 'asc' },
    select: { id: true, code: true, teams: { orderBy: { name: 'asc' }, select: { id: true, name: true } } },
  });
  const practitioners = await prisma.$queryRaw<
    { id: string; team_id: string; service_area_id: string; employment: 'EMPLOYED' | 'AGENCY' }[]
  >`
    SELECT p.id, p.team_id, t.service_area_id, p.employment::text AS employment
    FROM practitioner p JOIN team t ON t.id = p.team_id
    WHERE p.reference LIKE 'P_____' ORDER BY p.reference`;
  const byTeam = new Map<string, Practitioner[]>();
  for (const p of practitioners) {
    const list = byTeam.get(p.team_id) ?? [];
    list.push({ id: p.id, teamId: p.team_id, areaId: p.service_area_id, employment: p.employment });
    byTeam.set(p.team_id, list);
  }

  // People: a manager per team, or per pair where an area has four teams (and A1's first two,
  // Samuel Moore's); a Head of Practice per area. Harriet Price (A1) and Samuel Moore exist already.
  const managers: Manager[] = [];
  const heads: { email: string; name: string; areaId: string; areaCode: string }[] = [];
  for (const area of areas) {
    const teamIds = area.teams.map((team) => team.id).filter((id) => byTeam.has(id));
    if (teamIds.length === 0) continue;
    const groups: string[][] =
      area.code === 'A1'
        ? [teamIds.slice(0, 2), ...teamIds.slice(2).map((id) => [id])]
        : teamIds.length >= 4
          ? [[teamIds[0] as string], [teamIds[1] as string], teamIds.slice(2)]
          : teamIds.map((id) => [id]);
    const slug = slugOf(area.code);
    groups.forEach((group, index) =>
      managers.push({
        email: index === 0 ? `sm.${slug}@example.org` : `sm.${slug}.${index + 1}@example.org`,
        name: `${pick(FIRST)} ${pick(LAST)}`,
        areaCode: area.code,
        areaId: area.id,
        teamIds: group,
      }),
    );
    heads.push({
      email: `hop.${slug}@example.org`,
      name: `${pick(FIRST)} ${pick(LAST)}`,
      areaId: area.id,
      areaCode: area.code,
    });
  }
  const improvementManagers = [1, 2, 3].map((n) => ({
    email: `im.nis${n}@example.org`,
    name: `${pick(FIRST)} ${pick(LAST)}`,
  }));
  await prisma.user.createMany({
    data: [
      ...managers.map((m) => ({
        email: m.email,
        name: m.name,
        role: 'SERVICE_MANAGER' as const,
        serviceAreaId: m.areaId,
      })),
      ...heads.map((h) => ({
        email: h.email,
        name: h.name,
        role: 'HEAD_OF_PRACTICE' as const,
        serviceAreaId: h.areaId,
      })),
      // The national audit's Improvement Managers of 2023 have since moved on: not assignable today.
      ...improvementManagers.map((im) => ({ ...im, role: 'IMPROVEMENT_MANAGER' as const, isActive: false })),
    ].map((user) => ({ ...user, passwordHash: template.passwordHash })),
    skipDuplicates: true,
  });
  const ids = new Map(
    (
      await prisma.user.findMany({
        where: { email: { in: [...managers, ...heads, ...improvementManagers].map((u) => u.email) } },
        select: { id: true, email: true },
      })
    ).map((u) => [u.email, u.id]),
  );
  for (const manager of managers) manager.id = ids.get(manager.email);
  const headOf = new Map(heads.map((h) => [h.areaId, ids.get(h.email) as string]));
  const teamManager = managers.flatMap((m) =>
    m.teamIds.map((teamId) => ({ teamId, managerId: m.id as string })),
  );
  await prisma.$executeRaw`
    UPDATE team t SET service_manager_id = x.manager_id
    FROM unnest(${teamManager.map((t) => t.teamId)}::text[], ${teamManager.map((t) => t.managerId)}::text[]) AS x(team_id, manager_id)
    WHERE t.id = x.team_id`;
  await prisma.$executeRaw`
    UPDATE practitioner p SET manager_id = t.service_manager_id FROM team t
    WHERE t.id = p.team_id AND t.service_manager_id IS NOT NULL`;

  // Programmes.
  const allAreas = areas.map((area) => ({ serviceAreaId: area.id }));
  const programme = async (
    name: string,
    kind: 'LOCAL_QUALITY_IMPACT' | 'PERFORMANCE_BOARD' | 'NATIONAL_PRACTICE_QUALITY',
    purpose: string,
    status: 'GRADING' | 'REVIEW',
  ) =>
    (
      await prisma.audit.upsert({
        where: { name },
        update: {},
        create: {
          name,
          kind,
          purpose,
          windowFrom: new Date('2023-04-01T00:00:00Z'),
          windowTo: new Date('2024-03-31T00:00:00Z'),
          thresholdVersionId: version.id,
          lawTypes: ['PUBLIC_LAW', 'PRIVATE_LAW_WAFH', 'PRIVATE_LAW_WTFH'],
          commissionedById: nsd.id,
          status,
          serviceAreas: { create: allAreas },
        },
        select: { id: true },
      })
    ).id;
  const localId = await programme(
    LOCAL_PROGRAMME_2023,
    'LOCAL_QUALITY_IMPACT',
    "Service Managers audit their own teams' recent work every month, collaboratively with the practitioner where they can, against the national threshold.",
    'GRADING',
  );
  const boardId = await programme(
    PERFORMANCE_BOARD_2023,
    'PERFORMANCE_BOARD',
    "Cases chosen for the area's performance board, audited by Service Managers with the same form.",
    'GRADING',
  );
  const nationalId = await programme(
    NATIONAL_AUDIT_2023,
    'NATIONAL_PRACTICE_QUALITY',
    'The National Improvement Service audits a sample of recent work in every area against the national threshold.',
    'REVIEW',
  );
  await prisma.localAuditProgramme.createMany({
    data: [
      { auditId: localId, quotaPerManagerPerMonth: QUOTA, moderationSharePercent: 10 },
      { auditId: boardId, quotaPerManagerPerMonth: 1, moderationSharePercent: 0 },
    ],
    skipDuplicates: true,
  });
  await prisma.localAuditDraw.createMany({
    data: MONTHS.map((month) => ({
      auditId: localId,
      month: new Date(`${month}-01T00:00:00Z`),
      seed: `local-2023-${month}`,
      parameters: { quotaPerManagerPerMonth: QUOTA, recentDays: 90, managers: managers.length },
      drawnAt: new Date(`${month}-01T07:00:00Z`),
      drawnById: null,
    })),
    skipDuplicates: true,
  });

  // Manager-months. A few managers joined after April, as many as make seed 003's 90.5% exact.
  let late = 0;
  let onTarget = 0;
  for (; late < MONTHS.length; late += 1) {
    const total = managers.length * MONTHS.length - late;
    onTarget = Math.round((total * SEED_003.onTargetPercent) / 100);
    if (Math.floor((onTarget * 1000) / total + 0.5) === SEED_003.onTargetPercent * 10) break;
  }
  const lateManager = managers[managers.length - 1] as Manager;
  const managerMonths = managers.flatMap((manager) =>
    MONTHS.flatMap((month, index) =>
      manager === lateManager && index < late ? [] : [{ manager, month, monthIndex: index }],
    ),
  );
  // Off target: one of the month's two drawn cases audited. Never A1's managers (the demo's own queue).
  const offTarget = new Set(
    managerMonths
      .filter((mm) => mm.manager.areaCode !== 'A1')
      .map((mm) => ({ mm, key: random() + (mm.monthIndex === 3 || mm.monthIndex === 4 ? -0.3 : 0) }))
      .sort((a, b) => a.key - b.key)
      .slice(0, managerMonths.length - onTarget)
      .map((item) => item.mm),
  );
  const onTargetMonths = managerMonths.filter((mm) => !offTarget.has(mm));
  const extra = SEED_003.local - offTarget.size - QUOTA * onTargetMonths.length;
  const weights = onTargetMonths.map(() => 0.5 + random());
  const weightTotal = weights.reduce((sum, w) => sum + w, 0);
  const shares = weights.map((w) => (w * extra) / weightTotal);
  const counts = shares.map(Math.floor);
  let left = extra - counts.reduce((sum, c) => sum + c, 0);
  for (const index of shares
    .map((share, i) => ({ i, rest: share - Math.floor(share) }))
    .sort((a, b) => b.rest - a.rest)
    .map((item) => item.i)) {
    if (left-- <= 0) break;
    counts[index] = (counts[index] ?? 0) + 1;
  }

  const rows: Row[] = [];
  const serials = new Map<Kind, number>();
  const cursor = new Map<string, number>();
  const practitionerOf = (manager: Manager): Practitioner => {
    const pool = manager.teamIds.flatMap((teamId) => byTeam.get(teamId) ?? []);
    const at = cursor.get(manager.email) ?? Math.floor(random() * pool.length);
    cursor.set(manager.email, at + 1 + Math.floor(random() * 3));
    return pool[at % pool.length] as Practitioner;
  };
  const dayIn = (month: string, lastDay: number) =>
    new Date(
      `${month}-${pad(1 + Math.floor(random() * lastDay), 2)}T${pad(9 + Math.floor(random() * 8), 2)}:${pad(Math.floor(random() * 60), 2)}:00Z`,
    );
  const lawType = (): Row['lawType'] => {
    const r = random();
    return r < 0.4 ? 'PUBLIC_LAW' : r < 0.75 ? 'PRIVATE_LAW_WAFH' : 'PRIVATE_LAW_WTFH';
  };
  const grade = () => {
    const r = random();
    return r < 0.78 ? 'good' : r < 0.96 ? 'met' : 'not-met';
  };
  const blankQa = (): Row['qa'] => ({
    collaborative: false,
    familyFeedback: false,
    managementOversightExpected: false,
    managementOversight: null,
    supervision: null,
    supervisionImpact: null,
  });
  const push = (
    kind: Kind,
    fields: Omit<Row, 'kind' | 'reference' | 'lawType' | 'isEit' | 'grade' | 'qa' | 'areaCode' | 'areaId'>,
  ) => {
    const law = lawType();
    const prefix = kind === 'local' ? 'LQI23-' : kind === 'board' ? 'PBQ23-' : 'NPQ23-';
    const area = areas.find((a) => a.id === fields.practitioner.areaId);
    const serial = (serials.get(kind) ?? 0) + 1;
    serials.set(kind, serial);
    rows.push({
      kind,
      reference: `${prefix}${pad(serial, 5)}`,
      areaId: fields.practitioner.areaId,
      areaCode: area?.code ?? '',
      lawType: law,
      isEit: law === 'PRIVATE_LAW_WTFH' && random() < 0.8,
      grade: grade(),
      qa: blankQa(),
      ...fields,
    });
  };
  managerMonths.forEach((mm) => {
    const target = offTarget.has(mm);
    const index = onTargetMonths.indexOf(mm);
    const audited = target ? 1 : QUOTA + (counts[index] ?? 0);
    const assigned = Math.max(audited, QUOTA);
    for (let n = 0; n < assigned; n += 1)
      push('local', {
        practitioner: practitionerOf(mm.manager),
        auditorId: mm.manager.id as string,
        month: mm.month,
        pickedBy: n < QUOTA ? 'draw' : 'manager',
        pickReason: n < QUOTA ? null : pick(PICK_REASONS),
        graded: n < audited,
        submittedAt: dayIn(mm.month, 28),
      });
  });
  for (let n = 0; n < SEED_003.performanceBoard; n += 1) {
    const manager = pick(managers);
    const month = MONTHS[Math.floor(random() * MONTHS.length)] as string;
    push('board', {
      practitioner: practitionerOf(manager),
      auditorId: manager.id as string,
      month,
      pickedBy: 'manager',
      pickReason: 'Chosen for the performance board',
      graded: true,
      submittedAt: dayIn(month, 28),
    });
  }
  const nationalAuditors = improvementManagers.map((im) => ids.get(im.email) as string);
  const everyone = [...byTeam.values()].flat();
  for (let n = 0; n < SEED_003.national; n += 1)
    push('national', {
      practitioner: pick(everyone),
      auditorId: nationalAuditors[n % nationalAuditors.length] as string,
      month: null,
      pickedBy: null,
      pickReason: null,
      graded: true,
      // Two rounds: June and October.
      submittedAt: dayIn(n < 200 ? '2023-06' : '2023-10', 28),
    });

  // The indicators, exactly seed 003's counts; practice improves over the months and areas differ a little.
  const graded = rows.filter((row) => row.graded);
  const monthLean = (row: Row) => (row.submittedAt.getUTCMonth() - 3) * 0.03;
  const areaLean = new Map(areas.map((area) => [area.id, (random() - 0.5) * 0.3]));
  const lean = (row: Row) => monthLean(row) + (areaLean.get(row.areaId) ?? 0);
  for (const row of markExactly(
    graded.filter((r) => r.kind === 'local'),
    SEED_003.collaborative,
    lean,
    random,
  ))
    row.qa.collaborative = true;
  for (const row of markExactly(graded, SEED_003.familyFeedback, lean, random)) row.qa.familyFeedback = true;
  const expected = markExactly(graded, SEED_003.oversightExpected, () => 0, random);
  for (const row of graded) row.qa.managementOversight = expected.has(row) ? false : null;
  for (const row of expected) row.qa.managementOversightExpected = true;
  for (const row of markExactly([...expected], SEED_003.oversightRecorded, lean, random))
    row.qa.managementOversight = true;
  const answered = markExactly(graded, SEED_003.supervisionAnswered, () => 0, random);
  for (const row of answered) row.qa.supervision = false;
  const supervised = markExactly([...answered], SEED_003.supervisionRecorded, lean, random);
  for (const row of supervised) {
    row.qa.supervision = true;
    row.qa.supervisionImpact = false;
  }
  for (const row of markExactly([...supervised], SEED_003.supervisionImpact, lean, random))
    row.qa.supervisionImpact = true;

  const written = await writeRows(
    prisma,
    { localId, boardId, nationalId, versionId: version.id, actorId: ssm.id },
    rows,
    random,
  );
  await seedModerations(prisma, { localId, headOf }, written, random);
  await seedObservations(prisma, managers, byTeam, random);
  return { localHistoryCases: graded.length };
}

const content = NATIONAL_THRESHOLD_OCTOBER_2014;
const LEVELS = content.scale.levels.map((level) => level.key);
const RULE_SECTIONS = content.overallRule.kind === 'lowest-of' ? content.overallRule.sectionKeys : [];
const stepOf = (grade: string) => LEVELS.indexOf(grade);

/** Section grades whose overall (the lowest of the rule's sections) is `overall`. */
function sectionsFor(overall: string, random: () => number): Record<string, string> {
  const grades: Record<string, string> = {};
  const step = stepOf(overall);
  const anchor = RULE_SECTIONS[Math.floor(random() * RULE_SECTIONS.length)];
  for (const section of content.sections) {
    const isRule = RULE_SECTIONS.includes(section.key);
    const drift = random() < 0.25 ? (random() < 0.5 ? -1 : 1) : 0;
    const at =
      section.key === anchor ? step : isRule ? Math.min(step, step + Math.min(0, drift)) : step + drift;
    grades[section.key] = LEVELS[Math.max(0, Math.min(LEVELS.length - 1, at))] as string;
  }
  return grades;
}

function answersOf(row: Row, sections: Record<string, string>, childrenSeen: ChildrenSeen): GradingAnswers {
  const answers = emptyAnswers(content);
  for (const [key, grade] of Object.entries(sections))
    if (answers.sections[key]) answers.sections[key].grade = grade;
  answers.childrenSeen = childrenSeen;
  answers.qa = {
    collaborative: row.qa.collaborative,
    familyFeedback: row.qa.familyFeedback,
    managementOversight: row.qa.managementOversight ?? false,
    supervision: row.qa.supervision ?? false,
  };
  answers.overallGrade = row.grade;
  return answers;
}

type Written = { row: Row; caseAuditId: string; sections: Record<string, string>; answers: GradingAnswers };

async function writeRows(
  prisma: PrismaClient,
  ids: { localId: string; boardId: string; nationalId: string; versionId: string; actorId: string },
  rows: Row[],
  random: () => number,
): Promise<Written[]> {
  const auditOf = (row: Row) =>
    row.kind === 'local' ? ids.localId : row.kind === 'board' ? ids.boardId : ids.nationalId;
  await prisma.$executeRaw`
    INSERT INTO case_file (id, reference, service_area_id, team_id, practitioner_id, law_type, is_eit, subject_children)
    SELECT gen_random_uuid()::text, t.reference, t.area_id, t.team_id, t.practitioner_id, t.law_type::law_type, t.is_eit, t.children
    FROM unnest(
      ${rows.map((r) => r.reference)}::text[], ${rows.map((r) => r.areaId)}::text[],
      ${rows.map((r) => r.practitioner.teamId)}::text[], ${rows.map((r) => r.practitioner.id)}::text[],
      ${rows.map((r) => r.lawType)}::text[], ${rows.map((r) => r.isEit)}::boolean[],
      ${rows.map(() => 1 + Math.floor(random() * 3))}::int[]
    ) AS t(reference, area_id, team_id, practitioner_id, law_type, is_eit, children)
    ON CONFLICT (reference) DO NOTHING`;
  const sampled = await prisma.$queryRaw<{ id: string; reference: string }[]>`
    INSERT INTO sampled_case (id, audit_id, case_file_id, practitioner_id, service_area_id, stratum_key, status,
                              assigned_to_id, month, picked_by, pick_reason)
    SELECT gen_random_uuid()::text, t.audit_id, cf.id, t.practitioner_id, t.area_id, t.stratum, 'SELECTED',
           t.assigned_to_id, t.month::date, t.picked_by, t.pick_reason
    FROM unnest(
      ${rows.map(auditOf)}::text[], ${rows.map((r) => r.reference)}::text[],
      ${rows.map((r) => r.practitioner.id)}::text[], ${rows.map((r) => r.areaId)}::text[],
      ${rows.map((r) => (r.kind === 'national' ? 'imported' : (r.pickedBy ?? 'manager')))}::text[],
      ${rows.map((r) => r.auditorId)}::text[], ${rows.map((r) => (r.month ? `${r.month}-01` : null))}::text[],
      ${rows.map((r) => r.pickedBy)}::text[], ${rows.map((r) => r.pickReason)}::text[]
    ) AS t(audit_id, reference, practitioner_id, area_id, stratum, assigned_to_id, month, picked_by, pick_reason)
    JOIN case_file cf ON cf.reference = t.reference
    RETURNING id, (SELECT reference FROM case_file WHERE id = case_file_id) AS reference`;
  const sampledId = new Map(sampled.map((s) => [s.reference, s.id]));
  const graded = rows.filter((row) => row.graded);
  const prepared = graded.map((row) => {
    const sections = sectionsFor(row.grade, random);
    const r = random();
    const childrenSeen: ChildrenSeen = row.isEit
      ? 'NOT_APPLICABLE'
      : r < 0.9
        ? 'SEEN'
        : r < 0.96
          ? 'NOT_SEEN_REASON_RECORDED'
          : r < 0.98
            ? 'NOT_SEEN_NO_REASON'
            : 'UNCLEAR';
    return { row, sections, answers: answersOf(row, sections, childrenSeen), childrenSeen };
  });
  const imports: ImportedGrade[] = prepared.map(({ row, answers, childrenSeen }) => ({
    kind: 'import',
    sampledCaseId: sampledId.get(row.reference) ?? '',
    auditId: auditOf(row),
    serviceAreaId: row.areaId,
    thresholdVersionId: ids.versionId,
    practitionerId: row.practitioner.id,
    teamId: row.practitioner.teamId,
    lawType: row.lawType,
    isEit: row.isEit,
    employment: row.practitioner.employment,
    answers,
    overallGrade: row.grade,
    childrenSeen,
    auditorId: row.auditorId,
    submittedAt: row.submittedAt,
    qa: row.qa,
    history: { event: 'IMPORTED', reason: 'Demo: local audit history, April to November 2023' },
  }));
  const written = await prisma.$transaction(
    (tx) => applyGrades(tx, { actorId: ids.actorId, now: new Date('2023-12-01T09:00:00Z') }, imports),
    { timeout: 60_000 },
  );
  return prepared.map((item, index) => ({
    ...item,
    caseAuditId: (written[index] as { caseAuditId: string }).caseAuditId,
  }));
}

async function seedModerations(
  prisma: PrismaClient,
  ids: { localId: string; headOf: Map<string, string> },
  written: Written[],
  random: () => number,
): Promise<void> {
  // About a tenth of each area's local audits, every manager represented, early enough to be moderated by 30 November.
  const eligible = written.filter(
    (w) => w.row.kind === 'local' && w.row.submittedAt < new Date('2023-11-20T00:00:00Z'),
  );
  const byManager = new Map<string, Written[]>();
  for (const w of eligible) byManager.set(w.row.auditorId, [...(byManager.get(w.row.auditorId) ?? []), w]);
  const chosen: Written[] = [];
  const queues = [...byManager.values()].map((list) =>
    list
      .map((w) => ({ w, key: random() }))
      .sort((a, b) => a.key - b.key)
      .map((x) => x.w),
  );
  for (let round = 0; chosen.length < SEED_003.moderations; round += 1)
    for (const queue of queues) {
      const next = queue[round];
      if (next && chosen.length < SEED_003.moderations) chosen.push(next);
    }
  const moderations = chosen.map((w) => {
    const generous = w.row.areaCode === GENEROUS_AREA;
    const r = random();
    const step = stepOf(w.row.grade);
    // A3's Head of Practice finds the work a step weaker in almost half the cases; elsewhere they mostly agree.
    const shift = generous ? (r < 0.45 ? 1 : r < 0.48 ? -1 : 0) : r < 0.05 ? 1 : r < 0.09 ? -1 : 0;
    const second = LEVELS[Math.max(0, Math.min(LEVELS.length - 1, step + shift))] as string;
    const sections = second === w.row.grade ? w.sections : sectionsFor(second, random);
    const answers: GradingAnswers = {
      ...w.answers,
      sections: structuredClone(w.answers.sections),
      overallGrade: second,
    };
    for (const [key, grade] of Object.entries(sections))
      if (answers.sections[key]) answers.sections[key].grade = grade;
    const submittedAt = new Date(
      Math.min(
        w.row.submittedAt.getTime() + (3 + Math.floor(random() * 7)) * 86_400_000,
        Date.parse('2023-11-30T15:00:00Z'),
      ),
    );
    return { w, second, sections, answers, submittedAt, moderatorId: ids.headOf.get(w.row.areaId) as string };
  });
  await prisma.localModeration.createMany({
    data: moderations.map((m) => ({
      auditId: ids.localId,
      caseAuditId: m.w.caseAuditId,
      serviceAreaId: m.w.row.areaId,
      teamId: m.w.row.practitioner.teamId,
      managerId: m.w.row.auditorId,
      moderatorId: m.moderatorId,
      chosenBy: 'draw',
      status: 'MODERATED' as const,
      firstOverallGrade: m.w.row.grade,
      firstSectionGrades: m.w.sections,
      answers: m.answers,
      overallGrade: m.second,
      submittedAt: m.submittedAt,
      agreedOverallGrade: m.second,
      agreedSectionGrades: m.sections,
      agreedReason:
        m.second === m.w.row.grade
          ? 'Both gradings agree.'
          : 'Discussed with the Service Manager: the moderator’s grade reflects the threshold.',
      agreedAt: new Date(m.submittedAt.getTime() + 3_600_000),
      createdAt: new Date(m.w.row.submittedAt.getTime() + 86_400_000),
    })),
    skipDuplicates: true,
  });
  // The agreed grade becomes the case's grade, as in benchmarking; the history keeps both.
  const byModerator = new Map<string, typeof moderations>();
  for (const m of moderations.filter((x) => x.second !== x.w.row.grade))
    byModerator.set(m.moderatorId, [...(byModerator.get(m.moderatorId) ?? []), m]);
  await prisma.$transaction(async (tx) => {
    for (const [moderatorId, list] of byModerator)
      await applyGrades(
        tx,
        { actorId: moderatorId, now: new Date('2023-11-30T17:00:00Z') },
        list.map((m): CaseAuditChange => ({
          kind: 'change',
          caseAuditId: m.w.caseAuditId,
          answers: m.answers,
          overallGrade: m.second,
          history: {
            event: 'moderated',
            reason: 'Agreed with the Head of Practice after moderation',
            changes: [{ field: 'overallGrade', from: m.w.row.grade, to: m.second }],
          },
        })),
      );
  });
}

async function seedObservations(
  prisma: PrismaClient,
  managers: Manager[],
  byTeam: Map<string, Practitioner[]>,
  random: () => number,
): Promise<void> {
  const settings = ['DIRECT_WORK_WITH_CHILD', 'MEETING', 'COURT_HEARING'] as const;
  const feedback = [
    'Warm, clear direct work; the child’s words are in the record. Next: share the recommendation with the child in writing.',
    'Well-prepared meeting with a clear purpose; risk was named honestly. Next: record the decisions the same day.',
    'Confident at court and child-focused. Next: tie the analysis of domestic abuse risk to the recommendation.',
  ];
  const data = Array.from({ length: SEED_003.observations }, (_, n) => {
    const manager = managers[n % managers.length] as Manager;
    const pool = manager.teamIds.flatMap((teamId) => byTeam.get(teamId) ?? []);
    const practitioner = pool[Math.floor(random() * pool.length)] as Practitioner;
    const month = MONTHS[Math.floor(random() * MONTHS.length)] as string;
    const setting = settings[n % settings.length] as (typeof settings)[number];
    return {
      serviceAreaId: practitioner.areaId,
      teamId: practitioner.teamId,
      practitionerId: practitioner.id,
      observerId: manager.id as string,
      observedOn: new Date(`${month}-${pad(1 + Math.floor(random() * 28), 2)}T00:00:00Z`),
      setting,
      answers: Object.fromEntries(
        OBSERVATION_CRITERIA.map((criterion) => {
          const r = random();
          return [criterion.key, OBSERVATION_JUDGEMENTS[r < 0.6 ? 0 : r < 0.92 ? 1 : 2]];
        }),
      ),
      feedback: feedback[settings.indexOf(setting)] as string,
      createdAt: new Date(`${month}-28T17:00:00Z`),
    };
  });
  await prisma.$executeRaw`
    INSERT INTO practice_observation (id, service_area_id, team_id, practitioner_id, observer_id, observed_on, setting,
                                      answers, feedback, created_at)
    SELECT gen_random_uuid()::text, t.area_id, t.team_id, t.practitioner_id, t.observer_id, t.observed_on,
           t.setting::observation_setting, t.answers, t.feedback, t.created_at
    FROM unnest(
      ${data.map((o) => o.serviceAreaId)}::text[], ${data.map((o) => o.teamId)}::text[],
      ${data.map((o) => o.practitionerId)}::text[], ${data.map((o) => o.observerId)}::text[],
      ${data.map((o) => o.observedOn)}::date[], ${data.map((o) => o.setting)}::text[],
      ${data.map((o) => JSON.stringify(o.answers))}::jsonb[], ${data.map((o) => o.feedback)}::text[],
      ${data.map((o) => o.createdAt)}::timestamptz[]
    ) AS t(area_id, team_id, practitioner_id, observer_id, observed_on, setting, answers, feedback, created_at)`;
}
