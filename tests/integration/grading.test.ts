import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  completeAnswers,
  createAssignedCase,
  createConcernAndReview,
  createServiceArea,
  createUser,
  signedInAs,
} from '../factories';
import { databaseFingerprint } from '../support/fingerprint';
import { startSmtpCatcher } from '../support/smtp-catcher';
import { PUT as saveDraftRoute } from '@/app/api/case-audits/[sampledCaseId]/draft/route';
import { runWithSessionToken } from '@/lib/auth/actor';
import {
  acknowledgeConcernAction,
  closeConcernAction,
  raiseConcernAction,
  recordAreaReviewAction,
  submitCaseAuditAction,
} from '@/lib/actions/grading';
import { MESSAGES } from '@/lib/actions/run';
import { db } from '@/lib/db/client';
import { findConcerns } from '@/lib/use-cases/concerns/find-concerns';
import { findAreaReviews } from '@/lib/use-cases/reviews/find-area-reviews';
import { emptyAnswers } from '@/lib/domain/grading';

let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
beforeAll(async () => {
  smtp = await startSmtpCatcher();
  process.env.SMTP_URL = smtp.url; // read lazily by lib/env on first use in this file
});
afterAll(async () => smtp.stop());

async function signedIn(
  role: 'IMPROVEMENT_MANAGER' | 'HEAD_OF_SERVICE' | 'ASSISTANT_DIRECTOR' | 'SENIOR_SERVICE_MANAGER',
  serviceAreaId: string | null = null,
) {
  const user = await createUser(role, serviceAreaId);
  const token = await signedInAs(user.id);
  return { user, act: <T>(fn: () => Promise<T>) => runWithSessionToken(token, fn) };
}

const putDraft = (sampledCaseId: string, body: unknown) =>
  saveDraftRoute(new Request('http://localhost/draft', { method: 'PUT', body: JSON.stringify(body) }), {
    params: Promise.resolve({ sampledCaseId }),
  });

describe('drafts', () => {
  it('saves with a version check: a save based on an older version is refused and answered with the newer one', async () => {
    const auditor = await signedIn('IMPROVEMENT_MANAGER');
    const assigned = await createAssignedCase({ auditorId: auditor.user.id });
    const first = { ...emptyAnswers(assigned.content), overallRationale: 'First tab' };
    const second = { ...emptyAnswers(assigned.content), overallRationale: 'Second tab' };
    const saved = await auditor.act(() =>
      putDraft(assigned.sampledCaseId, { baseVersion: 0, answers: first }),
    );
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ version: 1 });
    const stale = await auditor.act(() =>
      putDraft(assigned.sampledCaseId, { baseVersion: 0, answers: second }),
    );
    expect(stale.status).toBe(409);
    const conflict = (await stale.json()) as {
      yourVersion: number;
      currentVersion: number;
      answers: { overallRationale: string };
    };
    expect(conflict).toMatchObject({
      yourVersion: 0,
      currentVersion: 1,
      answers: { overallRationale: 'First tab' },
    });
    const stored = await db().caseAudit.findUniqueOrThrow({
      where: { sampledCaseId: assigned.sampledCaseId },
      select: { answers: true, version: true },
    });
    expect(stored).toMatchObject({ version: 1, answers: { overallRationale: 'First tab' } });
  });

  it('refuses an auditor a case assigned to someone else, as if it did not exist', async () => {
    const owner = await signedIn('IMPROVEMENT_MANAGER');
    const other = await signedIn('IMPROVEMENT_MANAGER');
    const assigned = await createAssignedCase({ auditorId: owner.user.id });
    const before = await databaseFingerprint();
    const response = await other.act(() =>
      putDraft(assigned.sampledCaseId, { baseVersion: 0, answers: emptyAnswers(assigned.content) }),
    );
    expect(response.status).toBe(404);
    const submit = await other.act(() =>
      submitCaseAuditAction({
        sampledCaseId: assigned.sampledCaseId,
        baseVersion: 0,
        submissionId: randomUUID(),
        answersJson: JSON.stringify(completeAnswers(assigned.content, 'good')),
      }),
    );
    expect(submit).toEqual({ ok: false, error: MESSAGES.notFound });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('refuses hostile input with 422 and writes nothing', async () => {
    const auditor = await signedIn('IMPROVEMENT_MANAGER');
    const assigned = await createAssignedCase({ auditorId: auditor.user.id });
    const before = await databaseFingerprint();
    for (const body of [
      { baseVersion: 0, answers: { ...emptyAnswers(assigned.content), overallRationale: 'nul\u0000byte' } },
      { baseVersion: 'x' },
      { baseVersion: 0, answers: emptyAnswers(assigned.content), role: 'ADMIN' },
    ]) {
      expect((await auditor.act(() => putDraft(assigned.sampledCaseId, body))).status).toBe(422);
    }
    expect(await databaseFingerprint()).toEqual(before);
  });
});

describe('submission', () => {
  it('records exactly one submission and one history row for 20 parallel submits with one submission id', async () => {
    const auditor = await signedIn('IMPROVEMENT_MANAGER');
    const assigned = await createAssignedCase({ auditorId: auditor.user.id });
    const submissionId = randomUUID();
    const answersJson = JSON.stringify(completeAnswers(assigned.content, 'good'));
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        auditor.act(() =>
          submitCaseAuditAction({
            sampledCaseId: assigned.sampledCaseId,
            baseVersion: 0,
            submissionId,
            answersJson,
          }),
        ),
      ),
    );
    expect(results.every((result) => result.ok && result.data.submitted)).toBe(true);
    const caseAudit = await db().caseAudit.findUniqueOrThrow({
      where: { sampledCaseId: assigned.sampledCaseId },
      select: { id: true, status: true, overallGrade: true, version: true },
    });
    expect(caseAudit).toMatchObject({ status: 'SUBMITTED', overallGrade: 'good', version: 1 });
    expect(await db().caseAuditHistory.count({ where: { caseAuditId: caseAudit.id } })).toBe(1);
  });

  it('refuses an incomplete submission, listing what is missing, and changes nothing', async () => {
    const auditor = await signedIn('IMPROVEMENT_MANAGER');
    const assigned = await createAssignedCase({ auditorId: auditor.user.id });
    const incomplete = {
      ...completeAnswers(assigned.content, 'good'),
      childrenSeen: null,
      overallGrade: null,
    };
    const result = await auditor.act(() =>
      submitCaseAuditAction({
        sampledCaseId: assigned.sampledCaseId,
        baseVersion: 0,
        submissionId: randomUUID(),
        answersJson: JSON.stringify(incomplete),
      }),
    );
    expect(
      result.ok && !result.data.submitted && result.data.problems.map((problem) => problem.field),
    ).toEqual(['childrenSeen', 'overallGrade']);
    expect(
      await db().caseAuditHistory.count({ where: { caseAudit: { sampledCaseId: assigned.sampledCaseId } } }),
    ).toBe(0);
  });

  it('keeps history the database will not let anyone rewrite', async () => {
    const auditor = await signedIn('IMPROVEMENT_MANAGER');
    const assigned = await createAssignedCase({ auditorId: auditor.user.id });
    await auditor.act(() =>
      submitCaseAuditAction({
        sampledCaseId: assigned.sampledCaseId,
        baseVersion: 0,
        submissionId: randomUUID(),
        answersJson: JSON.stringify(completeAnswers(assigned.content, 'good')),
      }),
    );
    const before = await db().caseAuditHistory.count();
    await expect(
      db().$executeRaw`UPDATE case_audit_history SET overall_grade = 'outstanding'`,
    ).rejects.toThrow(/append-only/);
    await expect(db().$executeRaw`DELETE FROM case_audit_history`).rejects.toThrow(/append-only/);
    await expect(db().$executeRaw`TRUNCATE case_audit_history`).rejects.toThrow(/append-only/);
    expect(await db().caseAuditHistory.count()).toBe(before);
  });

  it('sends a lowest-grade case at once to its area’s Head of Service and Assistant Director, in the inbox and by email', async () => {
    const area = await createServiceArea();
    const hos = await createUser('HEAD_OF_SERVICE', area.id);
    const ad = await createUser('ASSISTANT_DIRECTOR', area.id);
    const otherHos = await createUser('HEAD_OF_SERVICE', (await createServiceArea()).id);
    const auditor = await signedIn('IMPROVEMENT_MANAGER');
    const assigned = await createAssignedCase({ auditorId: auditor.user.id, serviceAreaId: area.id });
    const result = await auditor.act(() =>
      submitCaseAuditAction({
        sampledCaseId: assigned.sampledCaseId,
        baseVersion: 0,
        submissionId: randomUUID(),
        answersJson: JSON.stringify(completeAnswers(assigned.content, 'inadequate')),
      }),
    );
    expect(result).toEqual({ ok: true, data: { submitted: true, version: 1, sentForAreaReview: true } });
    expect(
      await db().areaReview.count({ where: { caseAudit: { sampledCaseId: assigned.sampledCaseId } } }),
    ).toBe(1);
    const inboxes = await db().notification.findMany({
      where: { userId: { in: [hos.id, ad.id, otherHos.id] } },
      select: { userId: true, title: true },
    });
    expect(inboxes.map((item) => item.userId).sort()).toEqual([hos.id, ad.id].sort());
    expect(inboxes[0]?.title).toBe(`Inadequate case for review: ${assigned.caseReference}`);
    expect(
      smtp.messages
        .filter((message) => message.data.includes(assigned.caseReference))
        .flatMap((message) => message.to)
        .sort(),
    ).toEqual([hos.email, ad.email].sort());
  });
});

describe('area reviews and safeguarding concerns', () => {
  it('shows a Head of Service their own area only', async () => {
    const [mine, theirs] = [await createServiceArea(), await createServiceArea()];
    await createConcernAndReview(mine.id);
    await createConcernAndReview(theirs.id);
    const hos = await signedIn('HEAD_OF_SERVICE', mine.id);
    const actor = {
      userId: hos.user.id,
      sessionId: '',
      name: '',
      email: hos.user.email,
      role: 'HEAD_OF_SERVICE' as const,
      serviceAreaId: mine.id,
    };
    const reviews = await findAreaReviews(actor);
    const concerns = await findConcerns(actor, new Date());
    expect(new Set(reviews.map((review) => review.areaCode))).toEqual(new Set([mine.code]));
    expect(new Set(concerns.map((concern) => concern.areaCode))).toEqual(new Set([mine.code]));
  });

  it('raises a concern, tells the area leaders and the audit lead, then acknowledges and closes it', async () => {
    const area = await createServiceArea();
    const hos = await signedIn('HEAD_OF_SERVICE', area.id);
    const lead = await createUser('SENIOR_SERVICE_MANAGER');
    const auditor = await signedIn('IMPROVEMENT_MANAGER');
    const assigned = await createAssignedCase({
      auditorId: auditor.user.id,
      serviceAreaId: area.id,
      leadId: lead.id,
    });
    expect(
      await auditor.act(() =>
        raiseConcernAction({
          sampledCaseId: assigned.sampledCaseId,
          description: 'Non-subject children need a referral.',
        }),
      ),
    ).toEqual({ ok: true, data: null });
    const notified = await db().notification.findMany({
      where: { title: `Safeguarding concern: case ${assigned.caseReference}` },
      select: { userId: true },
    });
    expect(notified.map((item) => item.userId).sort()).toEqual([hos.user.id, lead.id].sort());
    const concern = await db().safeguardingConcern.findFirstOrThrow({
      where: { caseAudit: { sampledCaseId: assigned.sampledCaseId } },
      select: { id: true, version: true },
    });
    expect(
      await hos.act(() =>
        closeConcernAction({ concernId: concern.id, version: concern.version, actionTaken: 'Referred' }),
      ),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/acknowledge/i) as unknown });
    expect(
      await hos.act(() => acknowledgeConcernAction({ concernId: concern.id, version: concern.version })),
    ).toEqual({ ok: true, data: null });
    expect(
      await hos.act(() =>
        closeConcernAction({
          concernId: concern.id,
          version: concern.version + 1,
          actionTaken: 'Referral to the local authority.',
        }),
      ),
    ).toEqual({ ok: true, data: null });
    expect(
      await db().safeguardingConcern.findUniqueOrThrow({
        where: { id: concern.id },
        select: { actionTaken: true, closedAt: true },
      }),
    ).toMatchObject({ actionTaken: 'Referral to the local authority.' });
  });

  it('lets a Head of Service record the review of their own area’s case, not another area’s', async () => {
    const [mine, theirs] = [await createServiceArea(), await createServiceArea()];
    const own = await createConcernAndReview(mine.id);
    const other = await createConcernAndReview(theirs.id);
    const hos = await signedIn('HEAD_OF_SERVICE', mine.id);
    expect(
      await hos.act(() =>
        recordAreaReviewAction({
          reviewId: own.review.id,
          version: own.review.version,
          actionTaken: 'Discussed in supervision.',
        }),
      ),
    ).toEqual({ ok: true, data: null });
    const before = await databaseFingerprint();
    expect(
      await hos.act(() =>
        recordAreaReviewAction({
          reviewId: other.review.id,
          version: other.review.version,
          actionTaken: 'Not mine.',
        }),
      ),
    ).toEqual({ ok: false, error: MESSAGES.notFound });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('freezes the grades of a published audit in the database', async () => {
    const area = await createServiceArea();
    const { assigned } = await createConcernAndReview(area.id);
    await db().audit.update({ where: { id: assigned.auditId }, data: { status: 'PUBLISHED' } });
    await expect(
      db()
        .$executeRaw`UPDATE case_audit SET overall_grade = 'good' WHERE sampled_case_id = ${assigned.sampledCaseId}`,
    ).rejects.toThrow(/published/);
  });
});
