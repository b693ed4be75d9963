// Writes November 2014's challenges, benchmarks, moderations and safeguarding
// referral (activity.ts) the way the app records them (lib/db/challenges.ts,
// benchmarks.ts, reviews.ts): the rows, a history entry for each step, and the
// grade changes, while the audit is still in review. Set-based: a few
// statements, whatever the number of rows.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { emptyAnswers } from '../../lib/domain/grading.ts';
import type { RubricContent } from '../../lib/domain/rubric.ts';
import type { November2014Activity } from './activity.ts';
import type { DemoResult } from './results.ts';

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

type HistoryRow = {
  caseAuditId: string;
  occurredAt: Date;
  actorId: string;
  event: string;
  version: number;
  overallGrade: string;
  changes: { field: string; from: string; to: string }[];
  reason: string;
};

const at = (day: string, time = '10:00') => new Date(`${day}T${time}:00Z`);
/** The nth working day of December 2014 from the 1st (a Monday), at a time of day. */
function december(nth: number, time = '10:00'): Date {
  const date = at('2014-12-01', time);
  let left = nth;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    if (date.getUTCDay() !== 0 && date.getUTCDay() !== 6) left -= 1;
  }
  return date;
}

export async function usersByEmail(tx: Pick<Tx, 'user'>, emails: string[]): Promise<Map<string, string>> {
  const users = await tx.user.findMany({
    where: { email: { in: emails } },
    select: { id: true, email: true },
  });
  const byEmail = new Map(users.map((user) => [user.email, user.id]));
  for (const email of emails) if (!byEmail.has(email)) throw new Error(`demo user ${email} is missing`);
  return byEmail;
}

export async function writeNovember2014Activity(
  tx: Tx,
  input: {
    auditId: string;
    auditorId: string;
    content: RubricContent;
    results: readonly DemoResult[];
    caseRefs: readonly string[];
    activity: November2014Activity;
  },
): Promise<void> {
  const { activity, results } = input;
  const people = await usersByEmail(tx, [
    ...new Set([
      'ssm@example.org',
      'nsd@example.org',
      ...activity.challenges.map((item) => item.raisedBy),
      ...activity.benchmarks.flatMap((item) => [item.benchmarker, item.moderator]),
    ]),
  ]);
  const person = (email: string) => people.get(email) as string;
  const lead = person('ssm@example.org');
  const cases = await tx.$queryRaw<{ id: string; reference: string; service_area_id: string }[]>`
    SELECT ca.id, cf.reference, ca.service_area_id
    FROM case_audit ca JOIN sampled_case sc ON sc.id = ca.sampled_case_id JOIN case_file cf ON cf.id = sc.case_file_id
    WHERE ca.audit_id = ${input.auditId}`;
  const byRef = new Map(cases.map((row) => [row.reference, row]));
  const caseOf = (index: number) => {
    const found = byRef.get(input.caseRefs[index] ?? '');
    if (!found) throw new Error(`November 2014 case ${index} was not written`);
    return found;
  };

  const history: HistoryRow[] = [];
  const versions = new Map<string, number>();
  const versionOf = (id: string) => versions.get(id) ?? 1;
  /** Case audits whose grade or version changes, with the final values. */
  const updates = new Map<string, { overallGrade: string; answersGrade: string | null }>();

  // Challenges: raised, replied, then decided by the audit lead or referred and adjudicated.
  const challengeRows = activity.challenges.map((item, n) => {
    const target = caseOf(item.index);
    const finalGrade = (results[item.index] as DemoResult).grade;
    const raisedAt = december(1 + (n % 3), '09:30');
    const repliedAt = december(3 + (n % 3), '14:00');
    const decidedAt = december(7, '11:00');
    const referredAt = december(6, '16:00');
    const adjudicatedAt = december(11, '10:00');
    const raisedById = person(item.raisedBy);
    const id = target.id;
    const grade = item.originalGrade;
    history.push(
      {
        caseAuditId: id,
        occurredAt: raisedAt,
        actorId: raisedById,
        event: 'challenged',
        version: versionOf(id),
        overallGrade: grade,
        changes: [{ field: 'proposedGrade', from: grade, to: 'met' }],
        reason: item.reasons,
      },
      {
        caseAuditId: id,
        occurredAt: repliedAt,
        actorId: input.auditorId,
        event: 'challenge-replied',
        version: versionOf(id),
        overallGrade: grade,
        changes: [],
        reason: item.reply,
      },
    );
    if (item.referred) {
      history.push(
        {
          caseAuditId: id,
          occurredAt: referredAt,
          actorId: lead,
          event: 'challenge-referred',
          version: versionOf(id),
          overallGrade: grade,
          changes: [],
          reason: 'Referred to the National Service Director for adjudication',
        },
        {
          caseAuditId: id,
          occurredAt: adjudicatedAt,
          actorId: person('nsd@example.org'),
          event: 'challenge-adjudicated:upheld',
          version: versionOf(id),
          overallGrade: grade,
          changes: [],
          reason: 'The grade stands: the plan was not reviewed when the risks changed, and this is final.',
        },
      );
    } else {
      history.push({
        caseAuditId: id,
        occurredAt: decidedAt,
        actorId: lead,
        event: `challenge-decided:${item.outcome.toLowerCase()}`,
        version: versionOf(id),
        overallGrade: grade,
        changes: [],
        reason: item.decisionReasons,
      });
      if (item.outcome === 'REGRADED') {
        versions.set(id, versionOf(id) + 1);
        // As the app re-grades: the case's final grade changes; the submitted answers stay as they were.
        updates.set(id, { overallGrade: finalGrade, answersGrade: null });
        history.push({
          caseAuditId: id,
          occurredAt: decidedAt,
          actorId: lead,
          event: 'regraded',
          version: versionOf(id),
          overallGrade: finalGrade,
          changes: [{ field: 'overallGrade', from: grade, to: finalGrade }],
          reason: item.decisionReasons,
        });
      }
    }
    return {
      caseAuditId: id,
      auditId: input.auditId,
      serviceAreaId: target.service_area_id,
      raisedById,
      raisedAt,
      disputedSections: ['case-planning'],
      proposedGrade: 'met',
      reasons: item.reasons,
      originalGrade: grade,
      status: 'DECIDED' as const,
      reply: item.reply,
      repliedAt,
      repliedById: input.auditorId,
      decision: item.referred ? null : item.outcome,
      decisionGrade: item.outcome === 'REGRADED' ? finalGrade : null,
      decisionReasons: item.referred ? null : item.decisionReasons,
      decidedAt: item.referred ? null : decidedAt,
      decidedById: item.referred ? null : lead,
      referredAt: item.referred ? referredAt : null,
      referredById: item.referred ? lead : null,
      adjudication: item.referred ? 'UPHELD' : null,
      adjudicationReasons: item.referred
        ? 'The grade stands: the plan was not reviewed when the risks changed, and this is final.'
        : null,
      adjudicatedAt: item.referred ? adjudicatedAt : null,
      adjudicatedById: item.referred ? person('nsd@example.org') : null,
      version: item.referred ? 5 : 4,
    };
  });

  // Benchmarks: chosen at random, graded blind, and moderated where the gradings differ.
  const benchmarkRows = activity.benchmarks.map((item, n) => {
    const target = caseOf(item.index);
    const result = results[item.index] as DemoResult;
    const id = target.id;
    const createdAt = december(0, '08:00');
    const submittedAt = december(1 + (n % 7), n % 2 === 0 ? '11:15' : '15:40');
    const moderatedAt = december(9, '10:30');
    const answers = emptyAnswers(input.content);
    for (const [key, grade] of Object.entries(item.secondSections)) {
      const section = answers.sections[key];
      if (section) {
        section.grade = grade;
        section.evidence = 'Benchmark: read against the October 2014 threshold.';
      }
    }
    answers.childrenSeen = result.childrenSeen;
    answers.qa = { ...result.qa };
    answers.overallGrade = item.second;
    answers.overallRationale = 'Blind benchmark grading of the filed work.';
    history.push({
      caseAuditId: id,
      occurredAt: submittedAt,
      actorId: person(item.benchmarker),
      event: 'benchmarked',
      version: versionOf(id),
      overallGrade: item.second,
      changes: [{ field: 'overallGrade', from: item.first, to: item.second }],
      reason: 'Blind benchmark grading',
    });
    if (item.agreed !== null && item.moderationReason !== null) {
      versions.set(id, versionOf(id) + 1);
      const changed = item.agreed !== item.first;
      updates.set(id, { overallGrade: item.agreed, answersGrade: item.agreed });
      history.push({
        caseAuditId: id,
        occurredAt: moderatedAt,
        actorId: person(item.moderator),
        event: 'moderated',
        version: versionOf(id),
        overallGrade: item.agreed,
        changes: changed ? [{ field: 'overallGrade', from: item.first, to: item.agreed }] : [],
        reason: item.moderationReason,
      });
    }
    const agreedSections =
      item.agreed === null
        ? null
        : Object.fromEntries(
            Object.entries(item.secondSections).flatMap(([key, grade]) =>
              result.sectionGrades[key] !== grade ? [[key, result.sectionGrades[key] as string]] : [],
            ),
          );
    return {
      auditId: input.auditId,
      caseAuditId: id,
      serviceAreaId: target.service_area_id,
      auditorId: input.auditorId,
      benchmarkerId: person(item.benchmarker),
      chosenBy: 'RANDOM',
      status: item.agreed === null ? ('SUBMITTED' as const) : ('MODERATED' as const),
      firstOverallGrade: item.first,
      firstSectionGrades: result.sectionGrades,
      answers: JSON.parse(JSON.stringify(answers)) as object,
      overallGrade: item.second,
      submittedAt,
      agreedOverallGrade: item.agreed,
      ...(agreedSections ? { agreedSectionGrades: agreedSections } : {}),
      moderationReason: item.moderationReason,
      moderatedById: item.agreed === null ? null : person(item.moderator),
      moderatedAt: item.agreed === null ? null : moderatedAt,
      version: item.agreed === null ? 2 : 3,
      createdAt,
    };
  });

  // The one case that needed a referral: raised while grading, acknowledged the next morning, closed.
  const concernCase = caseOf(activity.concern.index);
  const headOfArea = await tx.user.findFirst({
    where: { role: 'HEAD_OF_SERVICE', serviceAreaId: concernCase.service_area_id },
    select: { id: true },
  });
  if (!headOfArea) throw new Error('the area of the safeguarding referral needs a Head of Service');
  await tx.safeguardingConcern.create({
    data: {
      caseAuditId: concernCase.id,
      serviceAreaId: concernCase.service_area_id,
      raisedById: input.auditorId,
      raisedAt: at('2014-11-24', '15:20'),
      description: activity.concern.description,
      acknowledgedAt: at('2014-11-25', '08:45'),
      acknowledgedById: headOfArea.id,
      closedAt: at('2014-11-27', '16:10'),
      closedById: headOfArea.id,
      actionTaken: activity.concern.actionTaken,
      version: 3,
    },
  });

  await tx.challenge.createMany({ data: challengeRows });
  await tx.benchmark.createMany({ data: benchmarkRows });
  const ordered = [...history].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  await tx.caseAuditHistory.createMany({ data: ordered });
  const changed = [...updates.entries()];
  if (changed.length > 0)
    await tx.$executeRaw`
      UPDATE case_audit ca
      SET overall_grade = u.overall_grade,
          answers = CASE WHEN u.answers_grade IS NULL THEN ca.answers
                         ELSE jsonb_set(ca.answers, '{overallGrade}', to_jsonb(u.answers_grade)) END,
          version = u.version,
          updated_at = u.updated_at
      FROM unnest(
        ${changed.map(([id]) => id)}::text[],
        ${changed.map(([, update]) => update.overallGrade)}::text[],
        ${changed.map(([, update]) => update.answersGrade)}::text[],
        ${changed.map(([id]) => versionOf(id))}::int[],
        ${changed.map(() => december(9, '12:00'))}::timestamptz[]
      ) AS u(id, overall_grade, answers_grade, version, updated_at)
      WHERE ca.id = u.id`;
}
