// The auditor of record (case_audit.auditor_id) is whoever submits the case;
// a reassigned case's draft goes to the new auditor, logged. The feedback
// sheet, challenge replies and the benchmarker rule all follow it.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { actingAs, completeAnswers, createSamplingAudit, createUser, sampledCases } from '../factories';
import { PUT as saveDraftRoute } from '@/app/api/case-audits/[sampledCaseId]/draft/route';
import { addBenchmarkCaseAction } from '@/lib/actions/benchmarks';
import { replyToChallengeAction, raiseChallengeAction } from '@/lib/actions/challenges';
import { raiseConcernAction, submitCaseAuditAction } from '@/lib/actions/grading';
import { MESSAGES } from '@/lib/actions/run';
import { autoAssignAction, reassignCaseAction } from '@/lib/actions/sampling';
import { findChallenges } from '@/lib/use-cases/challenges/find-challenges';
import { db } from '@/lib/db/client';
import { DRAFT_HANDED_OVER_REASON } from '@/lib/domain/case-audit-rules';
import { getFeedbackSheet } from '@/lib/use-cases/case-audits/get-feedback-sheet';
import { getGradingCase } from '@/lib/use-cases/case-audits/get-grading-case';
import { LOCAL_QUALITY_IMPACT_TOOL } from '../../prisma/seed/thresholds';

const content = LOCAL_QUALITY_IMPACT_TOOL;
const DRAFT_MARKER = 'Drafted by the first auditor before the case was reassigned.';

const putDraft = (sampledCaseId: string, baseVersion: number, rationale: string) =>
  saveDraftRoute(
    new Request('http://localhost/draft', {
      method: 'PUT',
      body: JSON.stringify({
        baseVersion,
        answers: { ...completeAnswers(content, 'inadequate'), overallRationale: rationale },
      }),
    }),
    { params: Promise.resolve({ sampledCaseId }) },
  );

/** A case of an audit under grading, drafted by a first auditor, then reassigned by the lead to a second. */
async function reassignedWithDraft() {
  const { audit, area, lead } = await createSamplingAudit({ lock: true });
  await db().audit.update({ where: { id: audit.id }, data: { status: 'GRADING' } });
  const [selected] = await sampledCases(audit.id, 'SELECTED');
  if (!selected) throw new Error('the sample has no selected case');
  const sampledCaseId = selected.id;
  const leadSession = await actingAs('SENIOR_SERVICE_MANAGER', null, lead.id);
  const first = await actingAs('IMPROVEMENT_MANAGER');
  const second = await actingAs('IMPROVEMENT_MANAGER');
  const reassign = (auditorId: string, version: number) =>
    leadSession.act(() => reassignCaseAction({ sampledCaseId, version, auditorId }));
  expect(await reassign(first.id, selected.version)).toEqual({ ok: true, data: null });
  expect((await first.act(() => putDraft(sampledCaseId, 0, DRAFT_MARKER))).status).toBe(200);
  expect(await reassign(second.id, selected.version + 1)).toEqual({ ok: true, data: null });
  return { audit, area, lead, sampledCaseId, first, second };
}

async function submitAs(
  person: Awaited<ReturnType<typeof actingAs>>,
  sampledCaseId: string,
  version: number,
) {
  return person.act(() =>
    submitCaseAuditAction({
      sampledCaseId,
      baseVersion: version,
      submissionId: randomUUID(),
      answersJson: JSON.stringify({
        ...completeAnswers(content, 'inadequate'),
        overallRationale: 'Submitted.',
      }),
    }),
  );
}

describe('reassigning a case with a draft', () => {
  it('hands the draft to the new auditor, with who handed it over from whom to whom in the case’s history', async () => {
    const { lead, sampledCaseId, first, second } = await reassignedWithDraft();
    const caseAudit = await db().caseAudit.findUniqueOrThrow({
      where: { sampledCaseId },
      select: { id: true, auditorId: true, version: true, status: true, answers: true },
    });
    expect(caseAudit).toMatchObject({
      auditorId: second.id,
      status: 'IN_PROGRESS',
      version: 1,
      answers: { overallRationale: DRAFT_MARKER },
    });
    const history = await db().caseAuditHistory.findMany({
      where: { caseAuditId: caseAudit.id },
      select: { event: true, actorId: true, changes: true, reason: true, version: true },
      orderBy: { id: 'asc' },
    });
    expect(history).toEqual([
      {
        event: 'handed-over',
        actorId: lead.id,
        changes: [{ field: 'auditorId', from: first.id, to: second.id }],
        reason: DRAFT_HANDED_OVER_REASON,
        version: 1,
      },
    ]);
    const event = await db().auditEvent.findFirstOrThrow({
      where: { action: 'sample.case-reassigned', entityId: sampledCaseId, actorId: lead.id },
      orderBy: { id: 'desc' },
      select: { detail: true },
    });
    expect(event.detail).toEqual({ auditorId: second.id, draftHandedOver: true });
    // The new auditor opens the draft where the first left it; the first no longer can.
    const opened = await getGradingCase(second.actor, sampledCaseId);
    expect(opened?.caseAudit).toMatchObject({ version: 1, answers: { overallRationale: DRAFT_MARKER } });
    expect(await getGradingCase(first.actor, sampledCaseId)).toBeNull();
    expect((await first.act(() => putDraft(sampledCaseId, 1, 'Still mine?'))).status).toBe(404);
  });

  it('makes whoever submits the auditor of record: the feedback sheet and the challenge reply are theirs, not the first auditor’s', async () => {
    const { area, sampledCaseId, first, second } = await reassignedWithDraft();
    expect(await submitAs(first, sampledCaseId, 1)).toEqual({ ok: false, error: MESSAGES.notFound });
    expect(await submitAs(second, sampledCaseId, 1)).toMatchObject({ ok: true, data: { submitted: true } });
    const caseAudit = await db().caseAudit.findUniqueOrThrow({
      where: { sampledCaseId },
      select: { id: true, auditorId: true, status: true },
    });
    expect(caseAudit).toMatchObject({ auditorId: second.id, status: 'SUBMITTED' });
    const submitted = await db().caseAuditHistory.findFirstOrThrow({
      where: { caseAuditId: caseAudit.id, event: 'submitted' },
      select: { actorId: true },
    });
    expect(submitted.actorId).toBe(second.id);

    // The feedback sheet: the auditor of record's by right (no area reach), not the first auditor's.
    expect(await getFeedbackSheet(second.actor, sampledCaseId)).not.toBeNull();
    expect(await getFeedbackSheet(first.actor, sampledCaseId)).toBeNull();

    // A challenge goes to the auditor of record, who alone replies.
    const head = await actingAs('HEAD_OF_SERVICE', area.id);
    expect(
      await head.act(() =>
        raiseChallengeAction({
          sampledCaseId,
          disputedSections: ['plans'],
          proposedGrade: 'requires-improvement',
          reasons: 'The plan was reviewed on time.',
        }),
      ),
    ).toEqual({ ok: true, data: { challengeId: expect.any(String) as string } });
    const challenge = await db().challenge.findFirstOrThrow({
      where: { caseAuditId: caseAudit.id },
      select: { id: true, version: true },
    });
    expect(
      await db().notification.count({
        where: { userId: second.id, title: { startsWith: 'Grade challenged' } },
      }),
    ).toBe(1);
    expect(
      await db().notification.count({
        where: { userId: first.id, title: { startsWith: 'Grade challenged' } },
      }),
    ).toBe(0);
    expect((await findChallenges(first.actor, new Date())).map((row) => row.id)).not.toContain(challenge.id);
    expect((await findChallenges(second.actor, new Date())).map((row) => row.id)).toContain(challenge.id);
    const reply = (person: typeof first) =>
      person.act(() =>
        replyToChallengeAction({
          challengeId: challenge.id,
          version: challenge.version,
          reply: 'The plan was three weeks late.',
        }),
      );
    expect(await reply(first)).toEqual({ ok: false, error: MESSAGES.notFound });
    expect(await reply(second)).toEqual({ ok: true, data: null });
  });

  it('checks the benchmarker rule against the auditor who submitted, not the one the case was first given to', async () => {
    const { audit, lead, sampledCaseId, first, second } = await reassignedWithDraft();
    expect(await submitAs(second, sampledCaseId, 1)).toMatchObject({ ok: true, data: { submitted: true } });
    // Both auditors later become Senior Service Managers, who may benchmark.
    await db().user.updateMany({
      where: { id: { in: [first.id, second.id] } },
      data: { role: 'SENIOR_SERVICE_MANAGER' },
    });
    const reference = (
      await db().sampledCase.findUniqueOrThrow({
        where: { id: sampledCaseId },
        select: { caseFile: { select: { reference: true } } },
      })
    ).caseFile.reference;
    const leadSession = await actingAs('SENIOR_SERVICE_MANAGER', null, lead.id);
    const add = (benchmarkerId: string) =>
      leadSession.act(() =>
        addBenchmarkCaseAction({ auditId: audit.id, caseReference: reference, benchmarkerId }),
      );
    const bySubmitter = await add(second.id);
    expect(!bySubmitter.ok && bySubmitter.fieldErrors?.benchmarkerId).toMatch(/graded this case originally/);
    expect(await db().benchmark.count({ where: { auditId: audit.id } })).toBe(0);
    // The first auditor only drafted it: they did not grade it.
    expect(await add(first.id)).toEqual({ ok: true, data: null });
    expect(
      await db().benchmark.findFirstOrThrow({
        where: { auditId: audit.id },
        select: { auditorId: true, benchmarkerId: true },
      }),
    ).toEqual({ auditorId: second.id, benchmarkerId: first.id });
  });
});

describe('sharing out cases that already hold a draft', () => {
  it('hands an unassigned case’s draft (begun by a concern) to the auditor it is shared out to', async () => {
    const { audit, lead } = await createSamplingAudit({ lock: true });
    await db().audit.update({ where: { id: audit.id }, data: { status: 'GRADING' } });
    const [selected] = await sampledCases(audit.id, 'SELECTED');
    if (!selected) throw new Error('the sample has no selected case');
    const leadSession = await actingAs('SENIOR_SERVICE_MANAGER', null, lead.id);
    // The lead raises a concern on a case nobody has yet: its case audit starts with the lead's id.
    expect(
      await leadSession.act(() =>
        raiseConcernAction({
          sampledCaseId: selected.id,
          description: 'A referral is needed for the non-subject children.',
        }),
      ),
    ).toEqual({ ok: true, data: null });
    await createUser('IMPROVEMENT_MANAGER');
    expect(await leadSession.act(() => autoAssignAction({ auditId: audit.id }))).toMatchObject({ ok: true });
    const assigned = await db().sampledCase.findUniqueOrThrow({
      where: { id: selected.id },
      select: { assignedToId: true, caseAudit: { select: { id: true, auditorId: true } } },
    });
    expect(assigned.assignedToId).not.toBeNull();
    expect(assigned.caseAudit?.auditorId).toBe(assigned.assignedToId);
    const handedOver = await db().caseAuditHistory.findFirstOrThrow({
      where: { caseAuditId: assigned.caseAudit!.id, event: 'handed-over' },
      select: { actorId: true, changes: true },
    });
    expect(handedOver).toEqual({
      actorId: lead.id,
      changes: [{ field: 'auditorId', from: lead.id, to: assigned.assignedToId }],
    });
  });
});
