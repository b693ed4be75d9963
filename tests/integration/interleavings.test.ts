// 1,000 concurrent mixed operations on the same few cases, through the real
// server actions and the autosave route with real sessions: autosave, submit
// (with double clicks), reassignment, challenge raise/reply/decide/withdraw and
// benchmark moderation. Afterwards the database must account for every
// operation that was told it succeeded, the history must replay to the stored
// state, and every refusal must be a stale-version or a plain rule message.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import {
  actingAs,
  completeAnswers,
  createChallenge,
  createConcernAndReview,
  createSamplingAudit,
  createServiceArea,
  createUser,
  sampledCases,
} from '../factories';
import { PUT as saveDraftRoute } from '@/app/api/case-audits/[sampledCaseId]/draft/route';
import { moderateBenchmarkAction } from '@/lib/actions/benchmarks';
import {
  decideChallengeAction,
  raiseChallengeAction,
  replyToChallengeAction,
  withdrawChallengeAction,
} from '@/lib/actions/challenges';
import { submitCaseAuditAction } from '@/lib/actions/grading';
import { MESSAGES, type ActionResult } from '@/lib/actions/run';
import { reassignCaseAction } from '@/lib/actions/sampling';
import { getComparison } from '@/lib/use-cases/benchmarks/get-comparison';
import { db } from '@/lib/db/client';
import type { ChallengeStatus } from '@/lib/domain/challenges';
import { emptyAnswers } from '@/lib/domain/grading';
import { env } from '@/lib/env';
import { LOCAL_QUALITY_IMPACT_TOOL } from '../../prisma/seed/thresholds';

const OPERATIONS = 1000;
const IN_FLIGHT = 25;
const content = LOCAL_QUALITY_IMPACT_TOOL;

type Kind = 'autosave' | 'submit' | 'reassign' | 'raise' | 'reply' | 'decide' | 'withdraw' | 'moderate';
// How often each happens: autosave is what auditors do most.
const MIX: [Kind, number][] = [
  ['autosave', 34],
  ['submit', 8],
  ['reassign', 10],
  ['raise', 12],
  ['reply', 12],
  ['decide', 10],
  ['withdraw', 6],
  ['moderate', 8],
];

/** A deterministic mix, so a failing run can be read again; the timing is what varies. */
function mulberry32(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Outcome = { kind: Kind; ok: boolean; error?: string; status?: number };

// The refusals a person may see when someone else got there first, or the rules say no.
const KNOWN_REFUSALS: RegExp[] = [
  new RegExp(`^${MESSAGES.stale.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
  new RegExp(`^${MESSAGES.notFound.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
  /^Someone else saved this after you opened it\.$/,
  /^That case was not found, or it is not assigned to you\.$/,
  /^This case has been submitted\. Ask the audit lead to return it if it needs to change\.$/,
  /^This case has already been submitted\.$/,
  /^This case already has an open challenge/,
  /^Only a case given the lowest grade .* can be challenged\.$/,
  /^This benchmark has already been moderated\.$/,
  /^The two gradings agree: there is nothing to moderate\.$/,
  // The challenge's steps, when another step got there first.
  /^This challenge has been decided: the decision is final\.$/,
  /^This challenge has been withdrawn\.$/,
  /^The auditor has already replied to this challenge\.$/,
  /^The auditor must reply before the challenge can be decided\.$/,
  // A re-grade to the grade a moderation has just given the case.
  /^Choose a grade different from the current one$/,
  /^The new grade is the same as the current grade: to keep the grade, uphold it instead\.$/,
];

describe('interleavings', () => {
  it('loses no update and keeps complete history under 1,000 concurrent mixed operations on the same cases', async () => {
    // ── Cases being graded: two auditors, one lead who reassigns them. ──
    const sampling = await createSamplingAudit({ size: 8, lock: true });
    await db().audit.update({ where: { id: sampling.audit.id }, data: { status: 'GRADING' } });
    const [firstAuditor, secondAuditor] = [
      await actingAs('IMPROVEMENT_MANAGER'),
      await actingAs('IMPROVEMENT_MANAGER'),
    ];
    const auditors = new Map([firstAuditor, secondAuditor].map((person) => [person.id, person]));
    const grading = (await sampledCases(sampling.audit.id, 'SELECTED')).slice(0, 4);
    expect(grading.length).toBeGreaterThanOrEqual(3);
    await db().sampledCase.updateMany({
      where: { id: { in: grading.map((row) => row.id) } },
      data: { assignedToId: firstAuditor.id },
    });
    const initialSampledVersion = new Map(
      (
        await db().sampledCase.findMany({
          where: { id: { in: grading.map((row) => row.id) } },
          select: { id: true, version: true },
        })
      ).map((row) => [row.id, row.version]),
    );
    const lead = await actingAs('SENIOR_SERVICE_MANAGER');

    // ── Submitted lowest-grade cases: challenged, and moderated after a benchmark. ──
    const area = await createServiceArea();
    const headOfService = await actingAs('HEAD_OF_SERVICE', area.id);
    const moderator = await actingAs('SENIOR_SERVICE_MANAGER');
    const challenged: {
      sampledCaseId: string;
      caseAuditId: string;
      initialVersion: number;
      auditor: Awaited<ReturnType<typeof actingAs>>;
      benchmarkId: string;
      agreed: Record<string, string>;
    }[] = [];
    for (let index = 0; index < 3; index += 1) {
      const graded = await createConcernAndReview(area.id);
      const benchmarker = await createUser('SENIOR_SERVICE_MANAGER');
      const first = completeAnswers(content, 'inadequate');
      const second = completeAnswers(content, 'requires-improvement');
      const benchmark = await db().benchmark.create({
        data: {
          auditId: graded.assigned.auditId,
          caseAuditId: graded.caseAuditId,
          serviceAreaId: area.id,
          auditorId: graded.auditorId,
          benchmarkerId: benchmarker.id,
          chosenBy: 'RANDOM',
          firstOverallGrade: 'inadequate',
          firstSectionGrades: Object.fromEntries(
            Object.entries(first.sections).map(([key, section]) => [key, section.grade]),
          ),
          status: 'SUBMITTED',
          answers: JSON.parse(JSON.stringify(second)) as object,
          overallGrade: 'requires-improvement',
          submittedAt: new Date(),
        },
        select: { id: true },
      });
      const comparison = await getComparison(moderator.actor, benchmark.id);
      // The moderator keeps the lowest grade on two cases, so they stay open to challenge,
      // and changes it on the third, where a re-grade may race it.
      const agreed = Object.fromEntries(
        comparison.differences.map((difference) => [
          `agreed.${difference.field}`,
          index === 0 && difference.field === 'overall' ? 'requires-improvement' : 'inadequate',
        ]),
      );
      const initial = await db().caseAudit.findUniqueOrThrow({
        where: { id: graded.caseAuditId },
        select: { version: true },
      });
      challenged.push({
        sampledCaseId: graded.assigned.sampledCaseId,
        caseAuditId: graded.caseAuditId,
        initialVersion: initial.version,
        auditor: await actingAs('IMPROVEMENT_MANAGER', null, graded.auditorId),
        benchmarkId: benchmark.id,
        agreed,
      });
    }

    // ── What each successful operation was told. ──
    const drafts: { sampledCaseId: string; version: number; rationale: string }[] = [];
    const submits: { sampledCaseId: string; submissionId: string; version: number }[] = [];
    const reassigns: { sampledCaseId: string; baseVersion: number; auditorId: string }[] = [];
    const challengeSteps: { challengeId: string; baseVersion: number; kind: Kind }[] = [];
    const caseEvents: { caseAuditId: string; kind: Kind; regraded?: boolean; challengeId?: string }[] = [];
    const outcomes: Outcome[] = [];

    const fromAction = (kind: Kind, result: ActionResult<unknown>): Outcome =>
      result.ok ? { kind, ok: true } : { kind, ok: false, error: result.error };

    const latestChallenge = (caseAuditId: string, statuses: ChallengeStatus[]) =>
      db().challenge.findFirst({
        where: { caseAuditId, status: { in: statuses } },
        orderBy: { raisedAt: 'desc' },
        select: { id: true, version: true },
      });
    const anyChallenge = (caseAuditId: string) =>
      db().challenge.findFirst({
        where: { caseAuditId },
        orderBy: { raisedAt: 'desc' },
        select: { id: true, version: true },
      });

    const random = mulberry32(13);
    const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)] as T;
    const plan = Array.from({ length: OPERATIONS }, (_, index) => {
      // Grading goes on for a while before anyone submits, as it does.
      const mix = index < OPERATIONS / 2 ? MIX.filter(([kind]) => kind !== 'submit') : MIX;
      let roll = random() * mix.reduce((sum, [, weight]) => sum + weight, 0);
      const kind = mix.find(([, weight]) => (roll -= weight) < 0)?.[0] ?? 'autosave';
      return {
        index,
        kind,
        gradingCase: pick(grading),
        challengedCase: pick(challenged),
        coin: random(),
      };
    });

    // Each operation reads what its page would have shown, then acts: the gap is where races live.
    async function perform(step: (typeof plan)[number]): Promise<Outcome[]> {
      const { kind, gradingCase, challengedCase: target, coin } = step;
      switch (kind) {
        case 'autosave': {
          const seen = await db().sampledCase.findUniqueOrThrow({
            where: { id: gradingCase.id },
            select: { assignedToId: true, caseAudit: { select: { version: true } } },
          });
          const person = auditors.get(seen.assignedToId ?? '') ?? firstAuditor;
          const rationale = `operation ${step.index}`;
          const response = await person.act(() =>
            saveDraftRoute(
              new Request('http://localhost/draft', {
                method: 'PUT',
                body: JSON.stringify({
                  baseVersion: seen.caseAudit?.version ?? 0,
                  answers: { ...emptyAnswers(content), overallRationale: rationale },
                }),
              }),
              { params: Promise.resolve({ sampledCaseId: gradingCase.id }) },
            ),
          );
          const body = (await response.json()) as { version?: number; error?: string };
          if (response.status === 200 && body.version !== undefined) {
            drafts.push({ sampledCaseId: gradingCase.id, version: body.version, rationale });
            return [{ kind, ok: true, status: 200 }];
          }
          return [{ kind, ok: false, status: response.status, error: body.error ?? '' }];
        }
        case 'submit': {
          const seen = await db().sampledCase.findUniqueOrThrow({
            where: { id: gradingCase.id },
            select: { assignedToId: true, caseAudit: { select: { version: true } } },
          });
          const person = auditors.get(seen.assignedToId ?? '') ?? firstAuditor;
          const submissionId = randomUUID();
          const send = () =>
            person.act(() =>
              submitCaseAuditAction({
                sampledCaseId: gradingCase.id,
                baseVersion: seen.caseAudit?.version ?? 0,
                submissionId,
                answersJson: JSON.stringify(completeAnswers(content, 'good')),
              }),
            );
          // A double click sends the same submission twice at once.
          const results = await Promise.all(coin < 0.3 ? [send(), send()] : [send()]);
          return results.map((result) => {
            if (result.ok && result.data.submitted)
              submits.push({ sampledCaseId: gradingCase.id, submissionId, version: result.data.version });
            return fromAction(kind, result);
          });
        }
        case 'reassign': {
          const seen = await db().sampledCase.findUniqueOrThrow({
            where: { id: gradingCase.id },
            select: { version: true, assignedToId: true },
          });
          const to = seen.assignedToId === firstAuditor.id ? secondAuditor : firstAuditor;
          const result = await lead.act(() =>
            reassignCaseAction({ sampledCaseId: gradingCase.id, version: seen.version, auditorId: to.id }),
          );
          if (result.ok)
            reassigns.push({ sampledCaseId: gradingCase.id, baseVersion: seen.version, auditorId: to.id });
          return [fromAction(kind, result)];
        }
        case 'raise': {
          const result = await headOfService.act(() =>
            raiseChallengeAction({
              sampledCaseId: target.sampledCaseId,
              disputedSections: [content.sections[0]!.key],
              proposedGrade: 'requires-improvement',
              reasons: 'The plan was reviewed on time.',
            }),
          );
          // The same challenge sent again answers with the one already open: count challenges, not answers.
          if (result.ok)
            caseEvents.push({ caseAuditId: target.caseAuditId, kind, challengeId: result.data.challengeId });
          return [fromAction(kind, result)];
        }
        case 'reply':
        case 'decide':
        case 'withdraw': {
          const wanted: ChallengeStatus[] = {
            reply: ['AWAITING_REPLY' as const],
            decide: ['AWAITING_DECISION' as const],
            withdraw: ['AWAITING_REPLY' as const, 'AWAITING_DECISION' as const],
          }[kind];
          // With nothing open the person acts on the last challenge they saw (or a stale
          // link to none), and is refused.
          const challenge = (await latestChallenge(target.caseAuditId, wanted)) ??
            (await anyChallenge(target.caseAuditId)) ?? { id: randomUUID(), version: 1 };
          const regrading = kind === 'decide' && coin < 0.25;
          const result =
            kind === 'reply'
              ? await target.auditor.act(() =>
                  replyToChallengeAction({
                    challengeId: challenge.id,
                    version: challenge.version,
                    reply: 'The plan was three weeks late.',
                  }),
                )
              : kind === 'decide'
                ? await lead.act(() =>
                    decideChallengeAction({
                      challengeId: challenge.id,
                      version: challenge.version,
                      decision: regrading ? 'REGRADED' : 'UPHELD',
                      newGrade: regrading ? 'requires-improvement' : '',
                      reasons: 'Decided on the evidence in the file.',
                    }),
                  )
                : await headOfService.act(() =>
                    withdrawChallengeAction({ challengeId: challenge.id, version: challenge.version }),
                  );
          if (result.ok) {
            challengeSteps.push({ challengeId: challenge.id, baseVersion: challenge.version, kind });
            caseEvents.push({ caseAuditId: target.caseAuditId, kind, regraded: regrading });
          }
          return [fromAction(kind, result)];
        }
        case 'moderate': {
          const seen = await db().benchmark.findUniqueOrThrow({
            where: { id: target.benchmarkId },
            select: { version: true },
          });
          const result = await moderator.act(() =>
            moderateBenchmarkAction({
              benchmarkId: target.benchmarkId,
              version: seen.version,
              reason: 'The plan was late and the risks were not weighed.',
              ...target.agreed,
            }),
          );
          if (result.ok) caseEvents.push({ caseAuditId: target.caseAuditId, kind });
          return [fromAction(kind, result)];
        }
      }
    }

    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < plan.length) {
          const step = plan[next++]!;
          try {
            outcomes.push(...(await perform(step)));
          } catch (error) {
            outcomes.push({ kind: step.kind, ok: false, error: `threw: ${String(error)}` });
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;

    // ── Every refusal is one a person can act on; nothing failed for an unknown reason. ──
    const unknown = outcomes.filter(
      (outcome) =>
        !outcome.ok &&
        (![undefined, 404, 409].includes(outcome.status) ||
          !KNOWN_REFUSALS.some((pattern) => pattern.test(outcome.error ?? ''))),
    );
    expect(unknown).toEqual([]);
    const succeeded = (kind: Kind) =>
      outcomes.filter((outcome) => outcome.kind === kind && outcome.ok).length;
    // Every kind of operation both succeeded and met a competitor, or the test proved little.
    for (const [kind] of MIX) expect(succeeded(kind), kind).toBeGreaterThan(0);
    expect(outcomes.filter((outcome) => !outcome.ok).length).toBeGreaterThan(0);

    // ── Cases being graded. ──
    for (const gradingCase of grading) {
      const stored = await db().sampledCase.findUniqueOrThrow({
        where: { id: gradingCase.id },
        select: {
          version: true,
          assignedToId: true,
          caseAudit: {
            select: {
              version: true,
              status: true,
              answers: true,
              history: { select: { event: true, submissionId: true, version: true } },
            },
          },
        },
      });
      // Two saves told they made the same version would mean one overwrote the other.
      const saved = drafts.filter((draft) => draft.sampledCaseId === gradingCase.id);
      expect(new Set(saved.map((draft) => draft.version)).size).toBe(saved.length);
      const lastSaved = saved.reduce<(typeof saved)[number] | null>(
        (latest, draft) => (latest && latest.version > draft.version ? latest : draft),
        null,
      );
      if (lastSaved) expect(stored.caseAudit?.version ?? 0).toBeGreaterThanOrEqual(lastSaved.version);
      // One submission at most lands; its retries are told the same outcome; history has it once.
      const landed = submits.filter((submit) => submit.sampledCaseId === gradingCase.id);
      const submittedRows = stored.caseAudit?.history.filter((row) => row.event === 'submitted') ?? [];
      expect(new Set(landed.map((submit) => submit.submissionId)).size).toBeLessThanOrEqual(1);
      expect(submittedRows).toHaveLength(landed.length > 0 ? 1 : 0);
      if (landed[0]) {
        expect(submittedRows[0]).toMatchObject({
          submissionId: landed[0].submissionId,
          version: landed[0].version,
        });
        expect(stored.caseAudit).toMatchObject({ status: 'SUBMITTED', version: landed[0].version });
        // No save was acknowledged on top of the submitted grades.
        for (const draft of saved) expect(draft.version).toBeLessThan(landed[0].version);
      } else if (lastSaved && stored.caseAudit?.version === lastSaved.version) {
        expect((stored.caseAudit.answers as { overallRationale: string }).overallRationale).toBe(
          lastSaved.rationale,
        );
      }
      // Each reassignment landed once, in order, with its audit event; the last one holds.
      const moved = reassigns
        .filter((reassign) => reassign.sampledCaseId === gradingCase.id)
        .sort((a, b) => a.baseVersion - b.baseVersion);
      expect(new Set(moved.map((reassign) => reassign.baseVersion)).size).toBe(moved.length);
      expect(stored.version).toBe((initialSampledVersion.get(gradingCase.id) ?? 0) + moved.length);
      expect(
        await db().auditEvent.count({
          where: { action: 'sample.case-reassigned', entityId: gradingCase.id },
        }),
      ).toBe(moved.length);
      if (moved.length > 0) expect(stored.assignedToId).toBe(moved.at(-1)!.auditorId);
    }

    // ── Challenged and moderated cases. ──
    for (const target of challenged) {
      const stored = await db().caseAudit.findUniqueOrThrow({
        where: { id: target.caseAuditId },
        select: {
          version: true,
          overallGrade: true,
          history: {
            select: { event: true, version: true, changes: true },
            orderBy: { id: 'asc' },
          },
          challenges: { select: { id: true, version: true, status: true } },
        },
      });
      const mine = caseEvents.filter((event) => event.caseAuditId === target.caseAuditId);
      const count = (kind: Kind) => mine.filter((event) => event.kind === kind).length;
      const rows = (prefix: string) => stored.history.filter((row) => row.event.startsWith(prefix)).length;
      // One history row per accepted change, no more, no fewer.
      const raised = new Set(
        mine.filter((event) => event.kind === 'raise').map((event) => event.challengeId),
      );
      expect(rows('challenged')).toBe(raised.size);
      expect(stored.challenges.length).toBe(raised.size);
      expect(rows('challenge-replied')).toBe(count('reply'));
      expect(rows('challenge-decided:')).toBe(count('decide'));
      expect(rows('challenge-withdrawn')).toBe(count('withdraw'));
      expect(rows('moderated')).toBe(count('moderate'));
      expect(count('moderate')).toBeLessThanOrEqual(1);
      const regrades = mine.filter((event) => event.regraded).length;
      expect(rows('regraded')).toBe(regrades);
      // Every change of the case itself moved its version by one.
      expect(stored.version).toBe(target.initialVersion + regrades + count('moderate'));
      // Replaying the grade changes in history gives the stored grade: no change was
      // made from a grade that was no longer the case's.
      let grade = 'inadequate';
      for (const row of stored.history) {
        const change = (row.changes as { field: string; from: string; to: string }[]).find(
          (item) => item.field === 'overallGrade',
        );
        if (row.event === 'challenged' || !change) continue;
        expect(change.from, `${row.event} at version ${row.version}`).toBe(grade);
        grade = change.to;
      }
      expect(stored.overallGrade).toBe(grade);
      // Each challenge moved one step per accepted change, never two from one version.
      for (const challenge of stored.challenges) {
        const steps = challengeSteps.filter((step) => step.challengeId === challenge.id);
        expect(new Set(steps.map((step) => step.baseVersion)).size).toBe(steps.length);
        expect(challenge.version).toBe(1 + steps.length);
      }
      expect(
        stored.challenges.filter((challenge) =>
          ['AWAITING_REPLY', 'AWAITING_DECISION', 'REFERRED'].includes(challenge.status),
        ).length,
      ).toBeLessThanOrEqual(1);
    }

    const tally = Object.fromEntries(
      MIX.map(([kind]) => [
        kind,
        `${succeeded(kind)}/${outcomes.filter((outcome) => outcome.kind === kind).length}`,
      ]),
    );
    const refusals = new Map<string, number>();
    for (const outcome of outcomes)
      if (!outcome.ok) {
        const key = `${outcome.kind} ${outcome.status ?? ''} ${outcome.error ?? ''}`;
        refusals.set(key, (refusals.get(key) ?? 0) + 1);
      }
    console.log(`[interleavings] refusals ${JSON.stringify(Object.fromEntries(refusals), null, 1)}`);
    console.log(
      `[interleavings] ${outcomes.length} calls (${OPERATIONS} operations, ${IN_FLIGHT} in flight) in ${seconds.toFixed(1)} s; succeeded/attempted ${JSON.stringify(tally)}`,
    );
    expect(seconds).toBeLessThan(60);
  }, 120_000);

  it('re-grades a challenge from the grade the case has when the decision lands, not one read before a moderation committed', async () => {
    const area = await createServiceArea();
    const { challenge, caseAuditId } = await createChallenge({
      serviceAreaId: area.id,
      status: 'AWAITING_DECISION',
    });
    const lead = await actingAs('SENIOR_SERVICE_MANAGER');
    // Another writer (a moderation, as lib/use-cases/benchmarks/moderate-benchmark.ts writes it) holds the case and changes its grade.
    const moderation = new pg.Client({ connectionString: env().DATABASE_URL });
    await moderation.connect();
    try {
      await moderation.query('BEGIN');
      const { rows } = await moderation.query<{ version: number }>(
        'SELECT version FROM case_audit WHERE id = $1 FOR UPDATE',
        [caseAuditId],
      );
      await moderation.query(
        "UPDATE case_audit SET overall_grade = 'requires-improvement', version = version + 1 WHERE id = $1",
        [caseAuditId],
      );
      await moderation.query(
        `INSERT INTO case_audit_history (case_audit_id, actor_id, event, version, overall_grade, changes, reason)
         SELECT $1, raised_by_id, 'moderated', $2, 'requires-improvement',
                '[{"field":"overallGrade","from":"inadequate","to":"requires-improvement"}]'::jsonb, 'Agreed at moderation.'
         FROM challenge WHERE id = $3`,
        [caseAuditId, (rows[0]?.version ?? 0) + 1, challenge.id],
      );
      const decision = lead.act(() =>
        decideChallengeAction({
          challengeId: challenge.id,
          version: challenge.version,
          decision: 'REGRADED',
          newGrade: 'good',
          reasons: 'The plan was reviewed on time.',
        }),
      );
      // The decision is under way and waits for the case (wherever it first needs it).
      await expect
        .poll(
          async () =>
            (
              await moderation.query<{ waiting: number }>(
                `SELECT count(*)::int AS waiting FROM pg_stat_activity
                 WHERE datname = current_database() AND wait_event_type = 'Lock'`,
              )
            ).rows[0]?.waiting,
          { timeout: 5000 },
        )
        .toBeGreaterThan(0);
      await moderation.query('COMMIT');
      expect(await decision).toEqual({ ok: true, data: null });
    } finally {
      await moderation.end();
    }
    const history = await db().caseAuditHistory.findMany({
      where: { caseAuditId, event: { in: ['moderated', 'regraded'] } },
      select: { event: true, changes: true },
      orderBy: { id: 'asc' },
    });
    expect(history).toEqual([
      {
        event: 'moderated',
        changes: [{ field: 'overallGrade', from: 'inadequate', to: 'requires-improvement' }],
      },
      { event: 'regraded', changes: [{ field: 'overallGrade', from: 'requires-improvement', to: 'good' }] },
    ]);
    expect(
      await db().caseAudit.findUniqueOrThrow({ where: { id: caseAuditId }, select: { overallGrade: true } }),
    ).toEqual({ overallGrade: 'good' });
  });
});
