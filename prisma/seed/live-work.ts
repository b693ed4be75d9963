// Work under way in the thematic audit being graded, so each role's home has
// something waiting: the Improvement Manager has cases to do, in progress,
// returned and submitted; the audit lead a challenge to decide; the National
// Service Director a referral; the Head of Service for A1 a Not Met case to
// review. Written as the app writes each step, with its history. Idempotent.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { emptyAnswers, type GradingAnswers } from '../../lib/domain/grading.ts';
import type { RubricContent } from '../../lib/domain/rubric.ts';
import { usersByEmail } from './activity-writer.ts';
import { answersFor } from './past-audits.ts';
import { november2014Results, type DemoResult } from './results.ts';
import { NATIONAL_THRESHOLD_OCTOBER_2014 } from './thresholds.ts';

export const LIVE_AUDIT = 'Thematic Audit 2015: IRO liaison';

type LiveState = 'TO_DO' | 'IN_PROGRESS' | 'RETURNED' | 'AWAITING_DECISION' | 'REFERRED' | 'AWAITING_REVIEW';

// References after the thematic audit's 42 graded cases; areas other than A1
// for the auditor's open cases (the e2e journeys take A1 cases of May 2015).
export const LIVE_CASES: {
  reference: string;
  areaCode: string;
  lawType: 'PUBLIC_LAW' | 'PRIVATE_LAW_WAFH';
  state: LiveState;
}[] = [
  { reference: 'T15-000043', areaCode: 'A3', lawType: 'PUBLIC_LAW', state: 'TO_DO' },
  { reference: 'T15-000044', areaCode: 'A7', lawType: 'PUBLIC_LAW', state: 'TO_DO' },
  { reference: 'T15-000045', areaCode: 'A9', lawType: 'PUBLIC_LAW', state: 'TO_DO' },
  { reference: 'T15-000046', areaCode: 'A5', lawType: 'PUBLIC_LAW', state: 'IN_PROGRESS' },
  { reference: 'T15-000047', areaCode: 'A12', lawType: 'PUBLIC_LAW', state: 'IN_PROGRESS' },
  { reference: 'T15-000048', areaCode: 'A14', lawType: 'PUBLIC_LAW', state: 'RETURNED' },
  { reference: 'T15-000049', areaCode: 'A1', lawType: 'PUBLIC_LAW', state: 'AWAITING_DECISION' },
  { reference: 'T15-000050', areaCode: 'A2', lawType: 'PUBLIC_LAW', state: 'REFERRED' },
  { reference: 'T15-000051', areaCode: 'A1', lawType: 'PUBLIC_LAW', state: 'AWAITING_REVIEW' },
];

const at = (day: string, time: string) => new Date(`${day}T${time}:00Z`);

/** A November 2014 case of the area and grade to lend its sections and notes (the thematic audit uses the same document). */
function answersLike(results: DemoResult[], areaCode: string, grade: DemoResult['grade']): GradingAnswers {
  const model =
    results.find((row) => row.areaCode === areaCode && row.grade === grade && row.lawType === 'PUBLIC_LAW') ??
    results.find((row) => row.grade === grade && row.lawType === 'PUBLIC_LAW');
  if (!model) throw new Error(`no ${grade} public law case to model`);
  const answers = answersFor(NATIONAL_THRESHOLD_OCTOBER_2014, model);
  for (const section of Object.values(answers.sections))
    section.evidence ||= 'Evidence from the case plan, the logs and the report to the court.';
  answers.overallRationale =
    grade === 'not-met'
      ? 'Liaison with the IRO stopped after the first review; the plan was not updated when the care plan changed.'
      : 'Early liaison with the IRO is recorded; later contact is thinner but the threshold for Met is reached.';
  return answers;
}

function startedAnswers(content: RubricContent): GradingAnswers {
  const answers = emptyAnswers(content);
  for (const key of ['case-recording', 'case-planning']) {
    const section = answers.sections[key];
    if (section) {
      section.grade = 'met';
      section.evidence = 'IRO consulted before the first review; the record of later contact is thin.';
    }
  }
  return answers;
}

export async function seedLiveWork(prisma: PrismaClient): Promise<{ liveCases: number }> {
  const audit = await prisma.audit.findUnique({
    where: { name: LIVE_AUDIT },
    select: { id: true, thresholdVersionId: true, status: true },
  });
  if (!audit || audit.status !== 'GRADING') return { liveCases: 0 };
  const exists = await prisma.caseFile.findUnique({
    where: { reference: LIVE_CASES[0]?.reference ?? '' },
    select: { id: true },
  });
  if (exists) return { liveCases: 0 };
  const people = await usersByEmail(prisma, [
    'im@example.org',
    'ssm@example.org',
    'hos.a1@example.org',
    'hos.a2@example.org',
  ]);
  const auditor = people.get('im@example.org') as string;
  const lead = people.get('ssm@example.org') as string;
  const results = november2014Results();
  const content = NATIONAL_THRESHOLD_OCTOBER_2014;

  await prisma.$transaction(
    async (tx) => {
      for (const live of LIVE_CASES) {
        // The area's last practitioner: the audits before took theirs from the front of the list.
        const practitioner = await tx.practitioner.findFirst({
          where: { team: { serviceArea: { code: live.areaCode } }, reference: { startsWith: 'P' } },
          orderBy: { reference: 'desc' },
          select: { id: true, teamId: true, team: { select: { serviceAreaId: true } } },
        });
        if (!practitioner) throw new Error(`no practitioner in ${live.areaCode}`);
        const serviceAreaId = practitioner.team.serviceAreaId;
        const caseFile = await tx.caseFile.create({
          data: {
            reference: live.reference,
            serviceAreaId,
            teamId: practitioner.teamId,
            practitionerId: practitioner.id,
            lawType: live.lawType,
            isEit: false,
            subjectChildren: 2,
            documents: {
              create: [
                { documentType: 'initial analysis', filedOn: at('2015-01-19', '00:00') },
                { documentType: 'final report', filedOn: at('2015-03-16', '00:00') },
              ],
            },
          },
          select: { id: true },
        });
        const sampled = await tx.sampledCase.create({
          data: {
            auditId: audit.id,
            caseFileId: caseFile.id,
            practitionerId: practitioner.id,
            serviceAreaId,
            stratumKey: `${live.areaCode}|${live.lawType}`,
            status: 'SELECTED',
            assignedToId: auditor,
          },
          select: { id: true },
        });
        if (live.state === 'TO_DO') continue;

        const grade = live.state === 'RETURNED' ? 'met' : 'not-met';
        const answers =
          live.state === 'IN_PROGRESS' ? startedAnswers(content) : answersLike(results, live.areaCode, grade);
        const submittedAt = at('2015-04-20', '15:30');
        const caseAudit = await tx.caseAudit.create({
          data: {
            sampledCaseId: sampled.id,
            auditId: audit.id,
            serviceAreaId,
            auditorId: auditor,
            thresholdVersionId: audit.thresholdVersionId,
            status:
              live.state === 'IN_PROGRESS'
                ? 'IN_PROGRESS'
                : live.state === 'RETURNED'
                  ? 'RETURNED'
                  : 'SUBMITTED',
            answers: JSON.parse(JSON.stringify(answers)) as object,
            overallGrade: live.state === 'IN_PROGRESS' ? null : grade,
            childrenSeen: live.state === 'IN_PROGRESS' ? null : answers.childrenSeen,
            submittedAt: live.state === 'IN_PROGRESS' ? null : submittedAt,
            version: live.state === 'IN_PROGRESS' ? 1 : live.state === 'RETURNED' ? 3 : 2,
            updatedAt: live.state === 'IN_PROGRESS' ? at('2015-04-21', '11:05') : submittedAt,
          },
          select: { id: true },
        });
        if (live.state === 'IN_PROGRESS') continue;
        const history = [
          {
            caseAuditId: caseAudit.id,
            occurredAt: submittedAt,
            actorId: auditor,
            event: 'submitted',
            version: 2,
            overallGrade: grade,
            changes: [{ field: 'overallGrade', from: '', to: grade }],
            reason: answers.overallRationale,
          },
        ];
        if (live.state === 'RETURNED') {
          history.push({
            caseAuditId: caseAudit.id,
            occurredAt: at('2015-04-22', '09:40'),
            actorId: lead,
            event: 'returned',
            version: 3,
            overallGrade: grade,
            changes: [],
            reason: 'Please add the evidence for the safeguarding section before the grades go to the area.',
          });
          await tx.caseAuditHistory.createMany({ data: history });
          continue;
        }

        // Every Not Met case goes to the area's leaders for review.
        const head = people.get(
          live.areaCode === 'A2' ? 'hos.a2@example.org' : 'hos.a1@example.org',
        ) as string;
        const challenged = live.state === 'AWAITING_DECISION' || live.state === 'REFERRED';
        await tx.areaReview.create({
          data: {
            caseAuditId: caseAudit.id,
            serviceAreaId,
            createdAt: submittedAt,
            ...(challenged
              ? {
                  reviewedAt: at('2015-04-21', '10:00'),
                  reviewedById: head,
                  actionTaken:
                    'Read the file with the practitioner’s manager: IRO contact is on the logs, not the plan. Grade challenged.',
                  version: 2,
                }
              : {}),
          },
        });
        if (challenged) {
          const referred = live.state === 'REFERRED';
          const raisedAt = at('2015-04-21', '11:20');
          const repliedAt = at('2015-04-23', '14:10');
          const referredAt = at('2015-04-24', '16:00');
          const reasons =
            'The logs record IRO contact at each review; the plan was updated by email. This is Met work.';
          const reply =
            'The logs record calls, but no liaison about the change of care plan: the threshold for Met is not reached.';
          await tx.challenge.create({
            data: {
              caseAuditId: caseAudit.id,
              auditId: audit.id,
              serviceAreaId,
              raisedById: head,
              raisedAt,
              disputedSections: ['case-planning'],
              proposedGrade: 'met',
              reasons,
              originalGrade: grade,
              status: referred ? 'REFERRED' : 'AWAITING_DECISION',
              reply,
              repliedAt,
              repliedById: auditor,
              referredAt: referred ? referredAt : null,
              referredById: referred ? lead : null,
              version: referred ? 3 : 2,
            },
          });
          history.push(
            {
              caseAuditId: caseAudit.id,
              occurredAt: raisedAt,
              actorId: head,
              event: 'challenged',
              version: 2,
              overallGrade: grade,
              changes: [{ field: 'proposedGrade', from: grade, to: 'met' }],
              reason: reasons,
            },
            {
              caseAuditId: caseAudit.id,
              occurredAt: repliedAt,
              actorId: auditor,
              event: 'challenge-replied',
              version: 2,
              overallGrade: grade,
              changes: [],
              reason: reply,
            },
          );
          if (referred)
            history.push({
              caseAuditId: caseAudit.id,
              occurredAt: referredAt,
              actorId: lead,
              event: 'challenge-referred',
              version: 2,
              overallGrade: grade,
              changes: [],
              reason: 'Referred to the National Service Director for adjudication',
            });
        }
        await tx.caseAuditHistory.createMany({ data: history });
      }
    },
    { timeout: 60_000 },
  );
  return { liveCases: LIVE_CASES.length };
}
