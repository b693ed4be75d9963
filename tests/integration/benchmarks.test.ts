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
import { calibrationFor, getBenchmarkCase, getComparison } from '@/lib/db/benchmarks';
import { getFeedbackSheet } from '@/lib/db/case-audits';
import { db } from '@/lib/db/client';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';

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
    expect(await getFeedbackSheet(caseAudit.sampledCaseId, benchmarker.actor, () => true)).toBeNull();
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
    expect(await getFeedbackSheet(caseAudit.sampledCaseId, benchmarker.actor, () => true)).not.toBeNull();
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
    const { calibration } = await calibrationFor(audit.id);
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
