// The graded cases of the demo's published national audits and the thematic audit being graded, written
// exactly as a results import writes them (lib/db/results-writer.ts), so
// the November 2014 report reproduces seed 000's Fig. 1–4. Idempotent.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { emptyAnswers } from '../../lib/domain/grading.ts';
import type { RubricContent } from '../../lib/domain/rubric.ts';
import { writePastResults, type PastResult } from '../../lib/db/results-writer.ts';
import { april2013Results, november2014Results, september2013Results, type DemoResult } from './results.ts';
import { november2014Activity } from './activity.ts';
import { writeNovember2014Activity } from './activity-writer.ts';
import { NATIONAL_THRESHOLD_2013, NATIONAL_THRESHOLD_OCTOBER_2014 } from './thresholds.ts';

const PAST_AUDITS: {
  name: string;
  prefix: string;
  content: RubricContent;
  gradedOn: string;
  results: () => DemoResult[];
}[] = [
  // Graded but not yet published: the audit the demo benchmarks (one case in 14 of November 2014's mix).
  {
    name: 'Thematic Audit 2015: IRO liaison',
    prefix: 'T15-',
    content: NATIONAL_THRESHOLD_OCTOBER_2014,
    gradedOn: '2015-04-15',
    results: () => november2014Results().filter((_, index) => index % 14 === 0),
  },
  {
    name: 'National Audit April 2013',
    prefix: 'A13-',
    content: NATIONAL_THRESHOLD_2013,
    gradedOn: '2013-04-20',
    results: april2013Results,
  },
  {
    name: 'National Audit September 2013',
    prefix: 'S13-',
    content: NATIONAL_THRESHOLD_2013,
    gradedOn: '2013-09-20',
    results: september2013Results,
  },
  {
    name: 'National Audit November 2014',
    prefix: 'N14-',
    content: NATIONAL_THRESHOLD_OCTOBER_2014,
    gradedOn: '2014-11-28',
    results: november2014Results,
  },
];

/** Seed 000 §5 and §7–8, as the audit lead wrote them. */
const NOVEMBER_2014_NARRATIVE = {
  strengths:
    'CIT transfers are happening on time, with clear recording of CIT actions, and EIT shows a consistent approach across the organisation. Case plans are started in a timely manner, with management oversight seen in case planning. Reports in private law were well written, succinct and outline the voice of the child. In public law there is a good understanding of the revised PLO, with effective planning at the start to minimise delay. Work across all law types has a clear focus on safeguarding.',
  learning:
    'All activity to be effectively recorded, with a clear trail of decision-making and management oversight. Case plans should be a clear analytical summary of issues, tasks and actions, and reviews of case plans by Service Managers and Enhanced Practitioners need to be evidenced. Planning in public law needs to account for liaison with the IRO throughout the life of cases. Reports should be free from typographical and grammar errors, and approved before filing.',
  conclusion:
    'This audit assessed recent work of 50% of the practice staff across all areas. 65% of this work was graded Good, a significant improvement that exceeds the targets set for May 2015. Benchmarking and moderation were open and transparent, and ensured a consistent approach to adopting the agreed threshold for quality of practice across the country.',
  nextSteps:
    'Three thematic audits during 2015: joint working between the IRO and the Guardian during proceedings; the Guardian’s agreement to position statements filed; and, in Private Law Work After First Hearing, the analysis of assessment and the use of research and tools.',
};

export function answersFor(content: RubricContent, result: DemoResult) {
  const answers = emptyAnswers(content);
  for (const [sectionKey, grade] of Object.entries(result.sectionGrades))
    if (answers.sections[sectionKey]) answers.sections[sectionKey].grade = grade;
  answers.strengths = result.strengths.map((note, index) => ({ key: `s${index + 1}`, ...note }));
  answers.learningPoints = result.learningPoints.map((note, index) => ({ key: `l${index + 1}`, ...note }));
  answers.childrenSeen = result.childrenSeen;
  answers.qa = { ...result.qa };
  answers.overallGrade = result.grade;
  return answers;
}

function ruleSectionsOf(content: RubricContent): string[] {
  return content.overallRule.kind === 'lowest-of' ? content.overallRule.sectionKeys : [];
}

export async function seedPastAudits(prisma: PrismaClient): Promise<{ gradedCases: number }> {
  const auditor = await prisma.user.findUnique({ where: { email: 'im@example.org' }, select: { id: true } });
  const lead = await prisma.user.findUnique({ where: { email: 'ssm@example.org' }, select: { id: true } });
  if (!auditor || !lead) throw new Error('the demo users must be seeded before the past audits');
  const practitioners = await prisma.$queryRaw<
    {
      id: string;
      team_id: string;
      service_area_id: string;
      code: string;
      employment: 'EMPLOYED' | 'AGENCY';
    }[]
  >`
    SELECT p.id, p.team_id, t.service_area_id, a.code, p.employment::text AS employment
    FROM practitioner p JOIN team t ON t.id = p.team_id JOIN service_area a ON a.id = t.service_area_id
    WHERE p.reference LIKE 'P_____'
    ORDER BY p.reference`;
  let gradedCases = 0;
  for (const past of PAST_AUDITS) {
    const audit = await prisma.audit.findUnique({
      where: { name: past.name },
      select: { id: true, thresholdVersionId: true, _count: { select: { sampledCases: true } } },
    });
    if (!audit || audit._count.sampledCases > 0) continue;
    // Seed 000: one case from any practitioner; agency results go to agency staff where the area has them.
    const pools = new Map<string, { agency: typeof practitioners; employed: typeof practitioners }>();
    for (const practitioner of practitioners) {
      const pool = pools.get(practitioner.code) ?? { agency: [], employed: [] };
      (practitioner.employment === 'AGENCY' ? pool.agency : pool.employed).push(practitioner);
      pools.set(practitioner.code, pool);
    }
    const graded = past.results();
    const isNovember = past.name === 'National Audit November 2014';
    // November 2014's challenges and moderations changed a few grades after they
    // were first submitted: write the first grades, then what changed them.
    const activity = isNovember ? november2014Activity(graded, ruleSectionsOf(past.content)) : null;
    const firstGrades = new Map<number, string>([
      ...(activity?.challenges ?? []).map((item): [number, string] => [item.index, item.originalGrade]),
      ...(activity?.benchmarks ?? []).map((item): [number, string] => [item.index, item.first]),
    ]);
    const results: PastResult[] = graded.map((result, index) => {
      const pool = pools.get(result.areaCode);
      const practitioner =
        (result.employment === 'AGENCY' ? pool?.agency.shift() : undefined) ??
        pool?.employed.shift() ??
        pool?.agency.shift();
      if (!practitioner) throw new Error(`not enough demo practitioners in ${result.areaCode}`);
      return {
        caseRef: `${past.prefix}${String(index + 1).padStart(6, '0')}`,
        serviceAreaId: practitioner.service_area_id,
        teamId: practitioner.team_id,
        practitionerId: practitioner.id,
        employment: result.employment,
        lawType: result.lawType,
        isEit: result.isEit,
        overallGrade: firstGrades.get(index) ?? result.grade,
        childrenSeen: result.childrenSeen,
        answers: {
          ...answersFor(past.content, result),
          overallGrade: firstGrades.get(index) ?? result.grade,
        },
      };
    });
    await prisma.$transaction(
      async (tx) => {
        await writePastResults(
          tx,
          {
            auditId: audit.id,
            thresholdVersionId: audit.thresholdVersionId,
            actorId: auditor.id,
            reason: 'Demo: results of a past audit',
            now: new Date(`${past.gradedOn}T12:00:00Z`),
          },
          results,
        );
        if (isNovember && activity) {
          await writeNovember2014Activity(tx, {
            auditId: audit.id,
            auditorId: auditor.id,
            content: past.content,
            results: graded,
            caseRefs: results.map((result) => result.caseRef),
            activity,
          });
          await tx.auditReport.upsert({
            where: { auditId: audit.id },
            update: {},
            create: { auditId: audit.id, ...NOVEMBER_2014_NARRATIVE, updatedById: lead.id },
          });
          // Published last: from here the database freezes its grades.
          await tx.audit.update({ where: { id: audit.id }, data: { status: 'PUBLISHED' } });
        }
      },
      { timeout: 60_000 },
    );
    gradedCases += results.length;
  }
  return { gradedCases };
}
