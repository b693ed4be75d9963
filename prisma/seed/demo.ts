// The demo organisation: the 18 service areas of the November 2014 national
// audit (seed 000, Fig. 3), 2–4 teams each, about twice as many practitioners
// as were sampled (50% of practitioners were), ~3.5% agency staff, and one
// demo user per role. Idempotent: running it again changes nothing.
import { seedPastAudits } from './past-audits.ts';
import bcrypt from 'bcryptjs';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { seedAudits } from './audits.ts';
import { seedCaseIndex } from './case-files.ts';
import { seedLiveWork } from './live-work.ts';
import { seedImprovementRegister } from './improvement-register.ts';
import { seedInspectionJudgements } from './improvement-inspections.ts';
import { seedImprovementMeasures } from './improvement-measures.ts';
import { seedImprovementReviews } from './improvement-reviews.ts';
import { seedImprovementPlans } from './improvement-plans.ts';
import { seedLocalHistory } from './local-history.ts';
import { seedLocalProgrammes } from './local-programmes.ts';
import { seedLocalObservations } from './local-observations.ts';
import { seedLocalModerations } from './local-moderations.ts';

// Cases audited per area in Nov 2014 (Fig. 3); practitioners ≈ 2 × this.
export const DEMO_AREAS: [code: string, sampled: number][] = [
  ['A1', 25],
  ['A2', 25],
  ['A3', 29],
  ['A4', 24],
  ['A5', 29],
  ['A6', 17],
  ['A7', 46],
  ['A8', 30],
  ['A9', 56],
  ['A10', 20],
  ['A11', 52],
  ['A12', 32],
  ['A13', 17],
  ['A14', 48],
  ['A15 Public', 45],
  ['A15 Private', 38],
  ['A16', 23],
  ['A17', 21],
];

export const DEMO_PASSWORD = 'demo-password';

export const DEMO_USERS = [
  { email: 'im@example.org', name: 'Imogen Marsh', role: 'IMPROVEMENT_MANAGER', area: null },
  { email: 'ia@example.org', name: 'Ian Ashworth', role: 'IMPROVEMENT_ASSISTANT', area: null },
  { email: 'ssm@example.org', name: 'Sara Mensah', role: 'SENIOR_SERVICE_MANAGER', area: null },
  { email: 'hos.a1@example.org', name: 'Hannah Osei', role: 'HEAD_OF_SERVICE', area: 'A1' },
  { email: 'ad.a1@example.org', name: 'Adam Doyle', role: 'ASSISTANT_DIRECTOR', area: 'A1' },
  { email: 'hos.a2@example.org', name: 'Helen Okafor', role: 'HEAD_OF_SERVICE', area: 'A2' },
  // Heads of Service of the areas whose Not Met grades were challenged in November 2014 (seed 000 §1).
  { email: 'hos.a4@example.org', name: 'Olu Adebayo', role: 'HEAD_OF_SERVICE', area: 'A4' },
  { email: 'hos.a8@example.org', name: 'Fiona Grant', role: 'HEAD_OF_SERVICE', area: 'A8' },
  { email: 'hos.a11@example.org', name: 'Rajesh Varma', role: 'HEAD_OF_SERVICE', area: 'A11' },
  // Moderates what Sara Mensah benchmarked: nobody settles a disagreement they are party to.
  { email: 'ssm2@example.org', name: 'Grace Whitfield', role: 'SENIOR_SERVICE_MANAGER', area: null },
  { email: 'nsd@example.org', name: 'Nadia Das', role: 'NATIONAL_SERVICE_DIRECTOR', area: null },
  { email: 'director@example.org', name: 'Daniel Reid', role: 'DIRECTOR', area: null },
  { email: 'admin@example.org', name: 'Alex Min', role: 'ADMIN', area: null },
  // Local quality-and-impact audits (seed 003): a Service Manager of A1 teams, and A1's Head of Practice.
  { email: 'sm.a1@example.org', name: 'Samuel Moore', role: 'SERVICE_MANAGER', area: 'A1' },
  { email: 'hop.a1@example.org', name: 'Harriet Price', role: 'HEAD_OF_PRACTICE', area: 'A1' },
] as const;

const TEAM_SUFFIXES = ['North', 'South', 'East', 'West', 'Central'];
const FIRST = [
  'Amina',
  'Ben',
  'Chloe',
  'David',
  'Ella',
  'Farah',
  'George',
  'Hana',
  'Isaac',
  'Jade',
  'Kieran',
  'Leah',
  'Mohammed',
  'Niamh',
  'Owen',
  'Priya',
  'Rhys',
  'Sophie',
  'Tom',
  'Uma',
  'Victor',
  'Wendy',
  'Yusuf',
  'Zara',
  'Grace',
  'Liam',
  'Ruth',
  'Sean',
  'Aisha',
  'Marek',
];
const LAST = [
  'Ahmed',
  'Baker',
  'Clarke',
  'Davies',
  'Evans',
  'Fletcher',
  'Green',
  'Hughes',
  'Iqbal',
  'Jones',
  'Khan',
  'Lewis',
  'Morgan',
  'Nowak',
  'Owen',
  'Patel',
  'Quinn',
  'Roberts',
  'Singh',
  'Taylor',
  'Walsh',
  'Young',
  'Hussain',
  'Murphy',
  'Kaur',
  'Begum',
  'Wright',
  'Ellis',
  'Mills',
  'Byrne',
];

/** Small deterministic PRNG: the same demo every time. */
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

export async function seedDemo(prisma: PrismaClient): Promise<{
  areas: number;
  teams: number;
  practitioners: number;
  users: number;
  thresholdVersions: number;
  audits: number;
  caseFiles: number;
  documents: number;
  gradedCases: number;
  liveCases: number;
  recommendationSources: number;
  recommendations: number;
  improvementActions: number;
  measures: number;
  progressReviews: number;
  planMeasures: number;
  localProgrammeCases: number;
}> {
  const random = mulberry32(20141101);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

  const areaIds = new Map<string, string>();
  for (const [index, [code]] of DEMO_AREAS.entries()) {
    const area = await prisma.serviceArea.upsert({
      where: { code },
      update: {},
      create: { code, name: `Service area ${code}`, sortOrder: index + 1 },
      select: { id: true },
    });
    areaIds.set(code, area.id);
  }

  let serial = 0;
  const practitioners: {
    reference: string;
    name: string;
    teamId: string;
    employment: 'EMPLOYED' | 'AGENCY';
    performanceBand: string;
  }[] = [];
  let teamCount = 0;
  for (const [code, sampled] of DEMO_AREAS) {
    const serviceAreaId = areaIds.get(code) as string;
    const teamTotal = 2 + Math.floor(random() * 3);
    const teamIds: string[] = [];
    for (let t = 0; t < teamTotal; t += 1) {
      const name = `${code} ${TEAM_SUFFIXES[t]}`;
      const team = await prisma.team.upsert({
        where: { serviceAreaId_name: { serviceAreaId, name } },
        update: {},
        create: { serviceAreaId, name },
        select: { id: true },
      });
      teamIds.push(team.id);
    }
    teamCount += teamTotal;
    const headcount = sampled * 2;
    for (let p = 0; p < headcount; p += 1) {
      serial += 1;
      practitioners.push({
        reference: `P${String(serial).padStart(5, '0')}`,
        name: `${pick(FIRST)} ${pick(LAST)}`,
        teamId: teamIds[p % teamIds.length] as string,
        employment: random() < 0.035 ? 'AGENCY' : 'EMPLOYED',
        performanceBand: String(1 + Math.floor(random() * 4)),
      });
    }
  }
  await prisma.practitioner.createMany({ data: practitioners, skipDuplicates: true });

  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 12);
  for (const user of DEMO_USERS) {
    await prisma.user.upsert({
      where: { email: user.email },
      update: {},
      create: {
        email: user.email,
        name: user.name,
        role: user.role,
        serviceAreaId: user.area ? (areaIds.get(user.area) ?? null) : null,
        passwordHash,
      },
    });
  }
  const audits = await seedAudits(prisma);
  const caseIndex = await seedCaseIndex(prisma);
  const past = await seedPastAudits(prisma);
  const live = await seedLiveWork(prisma);
  const register = await seedImprovementRegister(prisma);
  await seedInspectionJudgements(prisma);
  const measures = await seedImprovementMeasures(prisma);
  const reviews = await seedImprovementReviews(prisma);
  const plans = await seedImprovementPlans(prisma);
  await seedLocalHistory(prisma);
  // After the local history: this year's programme with the month under way drawn.
  const local = await seedLocalProgrammes(prisma);
  await seedLocalObservations(prisma);
  const moderations = await seedLocalModerations(prisma);
  return {
    areas: DEMO_AREAS.length,
    teams: teamCount,
    practitioners: practitioners.length,
    users: DEMO_USERS.length,
    ...audits,
    ...caseIndex,
    ...past,
    ...live,
    ...register,
    ...measures,
    ...reviews,
    ...plans,
    ...local,
    ...moderations,
  };
}
