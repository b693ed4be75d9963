import { describe, expect, it } from 'vitest';
import { createConcernAndReview, createServiceArea, actingAs } from '../factories';
import { databaseFingerprint } from '../support/fingerprint';
import {
  adjudicateChallengeAction,
  decideChallengeAction,
  raiseChallengeAction,
  referChallengeAction,
  replyToChallengeAction,
  withdrawChallengeAction,
} from '@/lib/actions/challenges';
import { MESSAGES } from '@/lib/actions/run';
import { db } from '@/lib/db/client';
import { auditChallengeFigures } from '@/lib/db/challenges';

const raise = (sampledCaseId: string) =>
  raiseChallengeAction({
    sampledCaseId,
    disputedSections: ['plans', 'visiting'],
    proposedGrade: 'requires-improvement',
    reasons: 'The plan was reviewed on time.',
  });

describe('challenges', () => {
  it('runs challenge → reply → re-grade, changes the audit’s figures and keeps the original grade in history', async () => {
    const area = await createServiceArea();
    const graded = await createConcernAndReview(area.id);
    const hos = await actingAs('HEAD_OF_SERVICE', area.id);
    const auditor = await actingAs('IMPROVEMENT_MANAGER', null, graded.auditorId);
    const lead = await actingAs('SENIOR_SERVICE_MANAGER');
    const raised = await hos.act(() => raise(graded.assigned.sampledCaseId));
    const challenge = await db().challenge.findFirstOrThrow({
      where: { caseAuditId: graded.caseAuditId },
      select: { id: true, version: true },
    });
    // The action answers with the new challenge's id: the form goes to its page (post/redirect/get).
    expect(raised).toEqual({ ok: true, data: { challengeId: challenge.id } });
    // Only the auditor who graded the case replies; the lead cannot decide before the reply.
    expect(
      await lead.act(() =>
        decideChallengeAction({
          challengeId: challenge.id,
          version: 1,
          decision: 'UPHELD',
          newGrade: '',
          reasons: 'x',
        }),
      ),
    ).toMatchObject({ ok: false });
    expect(
      await auditor.act(() =>
        replyToChallengeAction({
          challengeId: challenge.id,
          version: 1,
          reply: 'The plan was three weeks late.',
        }),
      ),
    ).toEqual({ ok: true, data: null });
    expect(
      await lead.act(() =>
        decideChallengeAction({
          challengeId: challenge.id,
          version: 2,
          decision: 'REGRADED',
          newGrade: 'requires-improvement',
          reasons: 'The review happened within time.',
        }),
      ),
    ).toEqual({ ok: true, data: null });
    expect(
      await db().caseAudit.findUniqueOrThrow({
        where: { id: graded.caseAuditId },
        select: { overallGrade: true },
      }),
    ).toEqual({ overallGrade: 'requires-improvement' });
    const events = await db().caseAuditHistory.findMany({
      where: { caseAuditId: graded.caseAuditId },
      select: { event: true, changes: true, actorId: true },
      orderBy: { id: 'asc' },
    });
    expect(events.map((event) => event.event)).toEqual([
      'challenged',
      'challenge-replied',
      'challenge-decided:regraded',
      'regraded',
    ]);
    expect(events.at(-1)).toMatchObject({
      actorId: lead.id,
      changes: [{ field: 'overallGrade', from: 'inadequate', to: 'requires-improvement' }],
    });
    const figures = await auditChallengeFigures(graded.assigned.auditId, null);
    expect(figures.overall).toMatchObject({
      challenged: 1,
      regraded: 1,
      upheld: 0,
      regradedFromTo: { 'inadequate→requires-improvement': 1 },
    });
    // Once re-graded it is no longer the lowest grade: no second challenge.
    expect(await hos.act(() => raise(graded.assigned.sampledCaseId))).toMatchObject({ ok: false });
  });

  it('refers to the National Service Director, whose adjudication is final', async () => {
    const area = await createServiceArea();
    const graded = await createConcernAndReview(area.id);
    const hos = await actingAs('HEAD_OF_SERVICE', area.id);
    const auditor = await actingAs('IMPROVEMENT_MANAGER', null, graded.auditorId);
    const lead = await actingAs('SENIOR_SERVICE_MANAGER');
    const nsd = await actingAs('NATIONAL_SERVICE_DIRECTOR');
    await hos.act(() => raise(graded.assigned.sampledCaseId));
    const challenge = await db().challenge.findFirstOrThrow({
      where: { caseAuditId: graded.caseAuditId },
      select: { id: true },
    });
    await auditor.act(() =>
      replyToChallengeAction({
        challengeId: challenge.id,
        version: 1,
        reply: 'The grade reflects the plan.',
      }),
    );
    expect(await hos.act(() => withdrawChallengeAction({ challengeId: challenge.id, version: 2 }))).toEqual({
      ok: true,
      data: null,
    });
    // Withdrawn: a new challenge can be raised, referred and adjudicated.
    await hos.act(() => raise(graded.assigned.sampledCaseId));
    const second = await db().challenge.findFirstOrThrow({
      where: { caseAuditId: graded.caseAuditId, status: 'AWAITING_REPLY' },
      select: { id: true },
    });
    await auditor.act(() =>
      replyToChallengeAction({ challengeId: second.id, version: 1, reply: 'Still inadequate.' }),
    );
    expect(await lead.act(() => referChallengeAction({ challengeId: second.id, version: 2 }))).toEqual({
      ok: true,
      data: null,
    });
    expect(
      await hos.act(() => withdrawChallengeAction({ challengeId: second.id, version: 3 })),
    ).toMatchObject({ ok: false });
    expect(
      await nsd.act(() =>
        adjudicateChallengeAction({
          challengeId: second.id,
          version: 3,
          adjudication: 'UPHELD',
          newGrade: '',
          reasons: 'The grade stands.',
        }),
      ),
    ).toEqual({ ok: true, data: null });
    expect(
      await nsd.act(() =>
        adjudicateChallengeAction({
          challengeId: second.id,
          version: 4,
          adjudication: 'REGRADED',
          newGrade: 'good',
          reasons: 'Second thoughts.',
        }),
      ),
    ).toMatchObject({ ok: false });
    const figures = await auditChallengeFigures(graded.assigned.auditId, null);
    expect(figures.overall).toMatchObject({
      challenged: 2,
      withdrawn: 1,
      referred: 1,
      adjudicatedUpheld: 1,
      upheld: 1,
      regraded: 0,
    });
  });

  it('refuses a Head of Service of another area, an auditor and a Director, and changes nothing', async () => {
    const area = await createServiceArea();
    const graded = await createConcernAndReview(area.id);
    const before = await databaseFingerprint();
    for (const [role, areaId] of [
      ['HEAD_OF_SERVICE', (await createServiceArea()).id],
      ['IMPROVEMENT_MANAGER', null],
      ['DIRECTOR', null],
    ] as const) {
      const someone = await actingAs(role, areaId);
      const snapshot = await databaseFingerprint();
      expect(await someone.act(() => raise(graded.assigned.sampledCaseId))).toEqual({
        ok: false,
        error: MESSAGES.notFound,
      });
      expect(await databaseFingerprint()).toEqual(snapshot);
    }
    expect((await databaseFingerprint()).challenge).toEqual(before.challenge);
  });

  it('refuses a challenge once the window has closed', async () => {
    const area = await createServiceArea();
    const graded = await createConcernAndReview(area.id);
    await db().caseAudit.update({
      where: { id: graded.caseAuditId },
      data: { submittedAt: new Date(Date.now() - 30 * 86_400_000) },
    });
    const hos = await actingAs('HEAD_OF_SERVICE', area.id);
    expect(await hos.act(() => raise(graded.assigned.sampledCaseId))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/within 10 working days/) as unknown,
    });
  });

  it('answers a repeated raise with the challenge already raised, creating nothing; a different one waits its turn', async () => {
    const area = await createServiceArea();
    const graded = await createConcernAndReview(area.id);
    const hos = await actingAs('HEAD_OF_SERVICE', area.id);
    const first = await hos.act(() => raise(graded.assigned.sampledCaseId));
    expect(first.ok).toBe(true);
    const before = await db().challenge.count({ where: { caseAuditId: graded.caseAuditId } });
    const notificationsBefore = await db().notification.count();
    const historyBefore = await db().caseAuditHistory.count({ where: { caseAuditId: graded.caseAuditId } });
    expect(await hos.act(() => raise(graded.assigned.sampledCaseId))).toEqual(first);
    expect(await db().challenge.count({ where: { caseAuditId: graded.caseAuditId } })).toBe(before);
    expect(await db().notification.count()).toBe(notificationsBefore);
    expect(await db().caseAuditHistory.count({ where: { caseAuditId: graded.caseAuditId } })).toBe(
      historyBefore,
    );
    // Different reasons while the first is open: refused with the rule, nothing written.
    const different = await hos.act(() =>
      raiseChallengeAction({
        sampledCaseId: graded.assigned.sampledCaseId,
        disputedSections: ['plans'],
        proposedGrade: 'requires-improvement',
        reasons: 'Another reason altogether.',
      }),
    );
    expect(different.ok).toBe(false);
    expect(different.ok ? '' : different.error).toMatch(/already has an open challenge/);
    expect(await db().challenge.count({ where: { caseAuditId: graded.caseAuditId } })).toBe(before);
  });
});
