import { describe, expect, it } from 'vitest';
import {
  completeAnswers,
  createBenchmark,
  createGradedAudit,
  createServiceArea,
  createUser,
  actingAs,
} from '../factories';
import { PUT as saveBenchmarkDraftRoute } from '@/app/api/benchmarks/[benchmarkId]/draft/route';
import {
  addBenchmarkCaseAction,
  drawBenchmarksAction,
  moderateBenchmarkAction,
  submitBenchmarkAction,
} from '@/lib/actions/benchmarks';
import { MESSAGES } from '@/lib/actions/run';
import { getBenchmarkCase } from '@/lib/use-cases/benchmarks/get-benchmark-case';
import { getCalibration } from '@/lib/use-cases/benchmarks/get-calibration';
import { getComparison } from '@/lib/use-cases/benchmarks/get-comparison';
import { db } from '@/lib/db/client';
import { MODERATOR_IS_AUDITOR, MODERATOR_IS_BENCHMARKER } from '@/lib/domain/benchmarking';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { databaseFingerprint } from '../support/fingerprint';
import { getFeedbackSheet } from '@/lib/use-cases/case-audits/get-feedback-sheet';

describe('benchmark sample', () => {
  it('draws a share of the graded cases with every auditor and area, never to the auditor or the area’s own', async () => {
    const [north, south] = [await createServiceArea(), await createServiceArea()];
    const auditorA = await createUser('IMPROVEMENT_MANAGER');
    const cases = Array.from({ length: 12 }, (_, index) => ({
      serviceAreaId: index % 3 === 0 ? south.id : north.id,
      grade: index % 4 === 0 ? 'met' : 'good',
    }));
    const { audit } = await createGradedAudit(cases, { status: 'GRADING', auditorId: auditorA.id });
    // A Head of Service of the north area is a candidate benchmarker, but never for north's cases.
    await createUser('HEAD_OF_SERVICE', north.id);
    const lead = await actingAs('SENIOR_SERVICE_MANAGER');
    const drawn = await lead.act(() => drawBenchmarksAction({ auditId: audit.id, sharePercent: '10' }));
    expect(drawn.ok).toBe(true);
    if (!drawn.ok) return;
    // 10% of 12 is 2: and both areas are represented.
    expect(drawn.data.target).toBe(2);
    const chosen = await db().benchmark.findMany({
      where: { auditId: audit.id },
      select: {
        serviceAreaId: true,
        auditorId: true,
        benchmarker: { select: { id: true, serviceAreaId: true } },
      },
    });
    expect(chosen.length).toBeGreaterThanOrEqual(2);
    expect(new Set(chosen.map((row) => row.serviceAreaId))).toEqual(new Set([north.id, south.id]));
    for (const row of chosen) {
      expect(row.benchmarker.id).not.toBe(row.auditorId);
      expect(row.benchmarker.serviceAreaId).not.toBe(row.serviceAreaId);
    }
    // Drawing again adds nothing beyond the share.
    const again = await lead.act(() => drawBenchmarksAction({ auditId: audit.id, sharePercent: '10' }));
    expect(again).toMatchObject({ ok: true, data: { chosen: 0 } });
  });

  it('refuses by hand a benchmarker from the case’s area or the original auditor', async () => {
    const area = await createServiceArea();
    const auditor = await createUser('SENIOR_SERVICE_MANAGER');
    const { audit } = await createGradedAudit([{ serviceAreaId: area.id, grade: 'good' }], {
      status: 'GRADING',
      auditorId: auditor.id,
    });
    const reference = (
      await db().caseAudit.findFirstOrThrow({
        where: { auditId: audit.id },
        select: { sampledCase: { select: { caseFile: { select: { reference: true } } } } },
      })
    ).sampledCase.caseFile.reference;
    const ownAreaHead = await createUser('HEAD_OF_SERVICE', area.id);
    const lead = await actingAs('SENIOR_SERVICE_MANAGER');
    const add = (benchmarkerId: string) =>
      lead.act(() => addBenchmarkCaseAction({ auditId: audit.id, caseReference: reference, benchmarkerId }));
    const fromArea = await add(ownAreaHead.id);
    expect(!fromArea.ok && fromArea.fieldErrors?.benchmarkerId).toMatch(/this case's area/);
    const original = await add(auditor.id);
    expect(!original.ok && original.fieldErrors?.benchmarkerId).toMatch(/graded this case originally/);
    expect(await db().benchmark.count({ where: { auditId: audit.id } })).toBe(0);
    const otherHead = await createUser('HEAD_OF_SERVICE', (await createServiceArea()).id);
    expect(await add(otherHead.id)).toEqual({ ok: true, data: null });
    const twice = await add(otherHead.id);
    expect(!twice.ok && twice.fieldErrors?.caseReference).toMatch(/already being benchmarked/);
  });
});

describe('blind second grading', () => {
  it('shows the benchmarker no original grade until they submit, then both side by side', async () => {
    const benchmarker = await actingAs('SENIOR_SERVICE_MANAGER');
    const { benchmark, caseAudit, content } = await createBenchmark({ benchmarkerId: benchmarker.id });
    // The original grades carry a marker that must not reach the benchmarker.
    const original = await db().caseAudit.findUniqueOrThrow({
      where: { id: caseAudit.id },
      select: { answers: true },
    });
    const marker = 'ORIGINAL-RATIONALE-7731';
    await db().caseAudit.update({
      where: { id: caseAudit.id },
      data: { answers: { ...(original.answers as object), overallRationale: marker } },
    });
    const opened = await getBenchmarkCase(benchmarker.actor, benchmark.id);
    const text = JSON.stringify(opened);
    expect(text).not.toContain(marker);
    expect(text).not.toContain('firstOverallGrade');
    expect(opened.answers.overallGrade).toBeNull();
    await expect(getComparison(benchmarker.actor, benchmark.id)).rejects.toBeInstanceOf(
      NotFoundOrForbiddenError,
    );
    // The feedback sheet of the same case is closed to them while they are blind.
    expect(await getFeedbackSheet(benchmarker.actor, caseAudit.sampledCaseId)).toBeNull();
    // Nobody else opens the benchmark form.
    const other = await actingAs('SENIOR_SERVICE_MANAGER');
    await expect(getBenchmarkCase(other.actor, benchmark.id)).rejects.toBeInstanceOf(
      NotFoundOrForbiddenError,
    );

    // Autosave through the route, with the real session.
    const answers = completeAnswers(content, 'met');
    const saved = await benchmarker.act(() =>
      saveBenchmarkDraftRoute(
        new Request(`http://localhost/api/benchmarks/${benchmark.id}/draft`, {
          method: 'PUT',
          body: JSON.stringify({ baseVersion: benchmark.version, answers }),
        }),
        { params: Promise.resolve({ benchmarkId: benchmark.id }) },
      ),
    );
    expect(saved.status).toBe(200);
    const stale = await benchmarker.act(() =>
      saveBenchmarkDraftRoute(
        new Request(`http://localhost/api/benchmarks/${benchmark.id}/draft`, {
          method: 'PUT',
          body: JSON.stringify({ baseVersion: benchmark.version, answers }),
        }),
        { params: Promise.resolve({ benchmarkId: benchmark.id }) },
      ),
    );
    expect(stale.status).toBe(409);
    const submitted = await benchmarker.act(() =>
      submitBenchmarkAction({
        benchmarkId: benchmark.id,
        baseVersion: benchmark.version + 1,
        submissionId: crypto.randomUUID(),
        answersJson: JSON.stringify(answers),
      }),
    );
    expect(submitted).toMatchObject({ ok: true, data: { submitted: true } });
    const comparison = await getComparison(benchmarker.actor, benchmark.id);
    expect(comparison.first.overall).toBe('good');
    expect(comparison.second.overall).toBe('met');
    expect(comparison.differences.map((difference) => difference.field)).toContain('overall');
    expect(await getFeedbackSheet(benchmarker.actor, caseAudit.sampledCaseId)).not.toBeNull();
  });
});

describe('moderation', () => {
  it('makes the agreed grade the case’s grade, keeps all three in history, and counts it', async () => {
    const { audit, benchmark, caseAudit } = await createBenchmark({ submitted: true });
    const moderator = await actingAs('SENIOR_SERVICE_MANAGER');
    const comparison = await getComparison(moderator.actor, benchmark.id);
    expect(comparison.canModerate).toBe(true);
    const agreed = Object.fromEntries(
      comparison.differences.map((difference) => [`agreed.${difference.field}`, 'met']),
    );
    const missingReason = await moderator.act(() =>
      moderateBenchmarkAction({
        benchmarkId: benchmark.id,
        version: benchmark.version,
        reason: 'short',
        ...agreed,
      }),
    );
    expect(!missingReason.ok && missingReason.fieldErrors?.reason).toMatch(/reason/);
    const done = await moderator.act(() =>
      moderateBenchmarkAction({
        benchmarkId: benchmark.id,
        version: benchmark.version,
        reason: 'The plan was late and the risks were not weighed.',
        ...agreed,
      }),
    );
    expect(done).toEqual({ ok: true, data: null });
    const graded = await db().caseAudit.findUniqueOrThrow({
      where: { id: caseAudit.id },
      select: { overallGrade: true, history: { select: { event: true }, orderBy: { id: 'asc' } } },
    });
    expect(graded.overallGrade).toBe('met');
    expect(graded.history.map((entry) => entry.event)).toEqual(expect.arrayContaining(['moderated']));
    // A second moderation of the same benchmark is stale.
    const twice = await moderator.act(() =>
      moderateBenchmarkAction({
        benchmarkId: benchmark.id,
        version: benchmark.version,
        reason: 'The plan was late and the risks were not weighed.',
        ...agreed,
      }),
    );
    expect(twice.ok).toBe(false);
    const { calibration } = await getCalibration(moderator.actor, audit.id);
    expect(calibration.pairs).toBe(1);
    expect(calibration.moderations.map(({ moderatorId, count }) => ({ moderatorId, count }))).toEqual([
      { moderatorId: moderator.id, count: 1 },
    ]);
    expect(calibration.overall.percentAgreement.value).toBe(0);
  });

  it('refuses a Head of Service moderating, and anyone moderating before the benchmark is submitted', async () => {
    const { benchmark } = await createBenchmark();
    const lead = await actingAs('SENIOR_SERVICE_MANAGER');
    const early = await lead.act(() =>
      moderateBenchmarkAction({
        benchmarkId: benchmark.id,
        version: benchmark.version,
        reason: 'The plan was late and the risks were not weighed.',
        'agreed.overall': 'met',
      }),
    );
    expect(early).toEqual({ ok: false, error: MESSAGES.notFound });
    const head = await actingAs('HEAD_OF_SERVICE', (await createServiceArea()).id);
    const submitted = await createBenchmark({ submitted: true });
    const refused = await head.act(() =>
      moderateBenchmarkAction({
        benchmarkId: submitted.benchmark.id,
        version: submitted.benchmark.version,
        reason: 'The plan was late and the risks were not weighed.',
        'agreed.overall': 'met',
      }),
    );
    expect(refused).toEqual({ ok: false, error: MESSAGES.notFound });
  });
});

describe('who may moderate', () => {
  const moderate = (benchmarkId: string, version: number, agreed: Record<string, string>) =>
    moderateBenchmarkAction({
      benchmarkId,
      version,
      reason: 'The plan was late and the risks were not weighed.',
      ...agreed,
    });
  const agreedFrom = (differences: { field: string }[]) =>
    Object.fromEntries(differences.map((difference) => [`agreed.${difference.field}`, 'met']));

  it('refuses a Senior Service Manager who added a case with themselves as benchmarker and graded it, and changes nothing', async () => {
    const area = await createServiceArea();
    const auditor = await createUser('IMPROVEMENT_MANAGER');
    const { audit, content } = await createGradedAudit([{ serviceAreaId: area.id, grade: 'good' }], {
      status: 'GRADING',
      auditorId: auditor.id,
    });
    const reference = (
      await db().caseAudit.findFirstOrThrow({
        where: { auditId: audit.id },
        select: { sampledCase: { select: { caseFile: { select: { reference: true } } } } },
      })
    ).sampledCase.caseFile.reference;
    const lead = await actingAs('SENIOR_SERVICE_MANAGER');
    expect(
      await lead.act(() =>
        addBenchmarkCaseAction({ auditId: audit.id, caseReference: reference, benchmarkerId: lead.id }),
      ),
    ).toEqual({ ok: true, data: null });
    const benchmark = await db().benchmark.findFirstOrThrow({
      where: { auditId: audit.id },
      select: { id: true, version: true },
    });
    expect(
      await lead.act(() =>
        submitBenchmarkAction({
          benchmarkId: benchmark.id,
          baseVersion: benchmark.version,
          submissionId: crypto.randomUUID(),
          answersJson: JSON.stringify(completeAnswers(content, 'met')),
        }),
      ),
    ).toMatchObject({ ok: true, data: { submitted: true } });

    // The comparison offers them no form, and says why and who may.
    const theirs = await getComparison(lead.actor, benchmark.id);
    expect(theirs.differences.length).toBeGreaterThan(0);
    expect(theirs).toMatchObject({ canModerate: false, moderationRefusal: MODERATOR_IS_BENCHMARKER });

    const before = await databaseFingerprint();
    const refused = await lead.act(() =>
      moderate(benchmark.id, theirs.version, agreedFrom(theirs.differences)),
    );
    expect(refused).toEqual({ ok: false, error: MODERATOR_IS_BENCHMARKER });
    expect(await databaseFingerprint()).toEqual(before);

    // Another Senior Service Manager may.
    const other = await actingAs('SENIOR_SERVICE_MANAGER');
    const comparison = await getComparison(other.actor, benchmark.id);
    expect(comparison).toMatchObject({ canModerate: true, moderationRefusal: null });
    expect(
      await other.act(() => moderate(benchmark.id, comparison.version, agreedFrom(comparison.differences))),
    ).toEqual({ ok: true, data: null });
  });

  it('refuses the case’s auditor of record moderating, even when the case changed hands after it was chosen', async () => {
    const grader = await actingAs('SENIOR_SERVICE_MANAGER');
    const { benchmark, caseAudit } = await createBenchmark({ submitted: true, auditorId: grader.id });
    const asGrader = await getComparison(grader.actor, benchmark.id);
    expect(asGrader).toMatchObject({ canModerate: false, moderationRefusal: MODERATOR_IS_AUDITOR });
    const before = await databaseFingerprint();
    expect(
      await grader.act(() => moderate(benchmark.id, benchmark.version, agreedFrom(asGrader.differences))),
    ).toEqual({ ok: false, error: MODERATOR_IS_AUDITOR });
    expect(await databaseFingerprint()).toEqual(before);

    // The case's auditor of record now differs from the auditor the benchmark compared with.
    const recorded = await actingAs('SENIOR_SERVICE_MANAGER');
    await db().caseAudit.update({ where: { id: caseAudit.id }, data: { auditorId: recorded.id } });
    const asRecorded = await getComparison(recorded.actor, benchmark.id);
    expect(asRecorded).toMatchObject({ canModerate: false, moderationRefusal: MODERATOR_IS_AUDITOR });
    expect(
      await recorded.act(() => moderate(benchmark.id, benchmark.version, agreedFrom(asRecorded.differences))),
    ).toEqual({ ok: false, error: MODERATOR_IS_AUDITOR });
    // The first grader is still refused: their grades are the ones compared.
    expect((await getComparison(grader.actor, benchmark.id)).canModerate).toBe(false);
  });

  it('has the database refuse a moderation recorded by the benchmarker or by the case’s auditor of record', async () => {
    const { benchmark, caseAudit, benchmarkerId } = await createBenchmark({ submitted: true });
    const recorded = await createUser('SENIOR_SERVICE_MANAGER');
    await db().caseAudit.update({ where: { id: caseAudit.id }, data: { auditorId: recorded.id } });
    const moderateAs = (moderatorId: string) => db().$executeRaw`
      UPDATE benchmark
         SET status = 'MODERATED', agreed_overall_grade = 'met', agreed_section_grades = '{}'::jsonb,
             moderation_reason = 'Settled directly in the database.', moderated_by_id = ${moderatorId},
             moderated_at = now(), version = version + 1
       WHERE id = ${benchmark.id}`;
    const before = await db().benchmark.findUniqueOrThrow({ where: { id: benchmark.id } });
    await expect(moderateAs(benchmarkerId)).rejects.toThrow(/the benchmarker cannot moderate it/);
    await expect(moderateAs(recorded.id)).rejects.toThrow(/the case's auditor cannot moderate it/);
    expect(await db().benchmark.findUniqueOrThrow({ where: { id: benchmark.id } })).toEqual(before);
    // The same statement by someone who took no part is accepted.
    const moderator = await createUser('SENIOR_SERVICE_MANAGER');
    expect(await moderateAs(moderator.id)).toBe(1);
  });
});
