'use server';

import { addBenchmarkCase } from '@/lib/use-cases/benchmarks/add-benchmark-case';
import { drawBenchmarks, type DrawOutcome } from '@/lib/use-cases/benchmarks/draw-benchmarks';
import { moderateBenchmark } from '@/lib/use-cases/benchmarks/moderate-benchmark';
import { submitBenchmark, type BenchmarkSubmit } from '@/lib/use-cases/benchmarks/submit-benchmark';
import { sendEmails } from '@/lib/notify/email';
import {
  AddBenchmarkCaseSchema,
  DrawBenchmarksSchema,
  ModerateBenchmarkSchema,
  SubmitBenchmarkSchema,
} from '@/lib/schemas/benchmarks';
import { runAction, type ActionResult } from './run';

/** The audit lead draws the benchmark sample; benchmarkers are assigned and told. */
export async function drawBenchmarksAction(input: unknown): Promise<ActionResult<DrawOutcome>> {
  return runAction(DrawBenchmarksSchema, input, async (actor, request) => {
    const { outcome, emails } = await drawBenchmarks(actor, request);
    await sendEmails(emails);
    return outcome;
  });
}

/** A case added to the benchmark sample by hand, with its benchmarker. */
export async function addBenchmarkCaseAction(input: unknown): Promise<ActionResult> {
  return runAction(AddBenchmarkCaseSchema, input, async (actor, request) => {
    const { emails } = await addBenchmarkCase(actor, request);
    await sendEmails(emails);
    return null;
  });
}

/** The benchmarker's blind grades, submitted once. */
export async function submitBenchmarkAction(input: unknown): Promise<ActionResult<BenchmarkSubmit>> {
  return runAction(SubmitBenchmarkSchema, input, (actor, request) =>
    submitBenchmark(
      actor,
      { benchmarkId: request.benchmarkId, baseVersion: request.baseVersion, answers: request.answersJson },
      new Date(),
    ),
  );
}

/** Where the gradings differ, the moderator's agreed grades become the case's. */
export async function moderateBenchmarkAction(input: unknown): Promise<ActionResult> {
  return runAction(ModerateBenchmarkSchema, input, async (actor, request) => {
    await moderateBenchmark(actor, request, new Date());
    return null;
  });
}
