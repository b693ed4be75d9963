import { describe, expect, it } from 'vitest';
import {
  actingAs,
  createAudit,
  createBenchmark,
  createChallenge,
  createGradedAudit,
  createServiceArea,
} from '../factories';
import { db } from '@/lib/db/client';
import { findAuditsAwaitingCaseIndex } from '@/lib/use-cases/home/find-audits-awaiting-case-index';
import { findChallengesWaitingFor } from '@/lib/use-cases/home/find-challenges-waiting-for';
import { findCommissionedAudits } from '@/lib/use-cases/home/find-commissioned-audits';
import { findLedAudits } from '@/lib/use-cases/home/find-led-audits';
import { findPublishedHeadlines } from '@/lib/use-cases/home/find-published-headlines';

// Role homes list what waits for each person from the database; with nothing waiting, nothing is listed.
describe('role homes', () => {
  it('lists the audits a Senior Service Manager leads, with what the next step depends on', async () => {
    const { actor } = await actingAs('SENIOR_SERVICE_MANAGER');
    expect(await findLedAudits(actor)).toEqual([]);
    const audit = await createAudit({ status: 'DRAFT' });
    await db().audit.update({ where: { id: audit.id }, data: { leadId: actor.userId } });
    const led = await findLedAudits(actor);
    expect(led).toEqual([
      {
        id: audit.id,
        name: audit.name,
        progress: {
          status: 'DRAFT',
          sampleDrawn: false,
          sampleLocked: false,
          selected: 0,
          unassigned: 0,
          graded: 0,
          benchmarks: 0,
          benchmarksToModerate: 0,
          challengesToDecide: 0,
        },
      },
    ]);
    const another = await actingAs('SENIOR_SERVICE_MANAGER');
    expect(await findLedAudits(another.actor)).toEqual([]);
  });

  it('counts graded cases, benchmarks to moderate and challenges to decide in a led audit', async () => {
    const { actor } = await actingAs('SENIOR_SERVICE_MANAGER');
    const { audit } = await createBenchmark({ submitted: true });
    await db().audit.update({ where: { id: audit.id }, data: { leadId: actor.userId } });
    const [led] = await findLedAudits(actor);
    // Its one case was graded by import, with no auditor assigned: nothing waits to be assigned.
    expect(led?.progress).toMatchObject({
      status: 'GRADING',
      graded: 1,
      unassigned: 0,
      benchmarks: 1,
      benchmarksToModerate: 1,
    });
  });

  it('lists challenges waiting for the audit lead’s decision only in the audits they lead, and referrals for the NSD', async () => {
    const area = await createServiceArea();
    const lead = await actingAs('SENIOR_SERVICE_MANAGER');
    const otherLead = await actingAs('SENIOR_SERVICE_MANAGER');
    expect(await findChallengesWaitingFor(lead.actor)).toEqual([]);
    const waiting = await createChallenge({ serviceAreaId: area.id, status: 'AWAITING_DECISION' });
    const { auditId } = await db().challenge.findUniqueOrThrow({
      where: { id: waiting.challenge.id },
      select: { auditId: true },
    });
    await db().audit.update({ where: { id: auditId }, data: { leadId: lead.actor.userId } });
    const listed = await findChallengesWaitingFor(lead.actor);
    expect(listed.map((challenge) => challenge.id)).toEqual([waiting.challenge.id]);
    expect(await findChallengesWaitingFor(otherLead.actor)).toEqual([]);

    const referred = await createChallenge({ serviceAreaId: area.id, status: 'REFERRED' });
    const nsd = await actingAs('NATIONAL_SERVICE_DIRECTOR');
    const referrals = (await findChallengesWaitingFor(nsd.actor)).map((challenge) => challenge.id);
    expect(referrals).toContain(referred.challenge.id);
    expect(referrals).not.toContain(waiting.challenge.id);
  });

  it('leaves out a challenge on a case the lead is benchmarking blind', async () => {
    const lead = await actingAs('SENIOR_SERVICE_MANAGER');
    const { audit, caseAudit, serviceAreaId } = await createBenchmark({ benchmarkerId: lead.actor.userId });
    await db().audit.update({ where: { id: audit.id }, data: { leadId: lead.actor.userId } });
    const raiser = await actingAs('HEAD_OF_SERVICE', serviceAreaId);
    await db().challenge.create({
      data: {
        caseAuditId: caseAudit.id,
        auditId: audit.id,
        serviceAreaId,
        raisedById: raiser.actor.userId,
        raisedAt: new Date(),
        disputedSections: [],
        proposedGrade: 'met',
        reasons: 'test',
        originalGrade: 'not-met',
        status: 'AWAITING_DECISION',
      },
    });
    expect(await findChallengesWaitingFor(lead.actor)).toEqual([]);
  });

  it('lists the audits a National Service Director commissioned, running ones first', async () => {
    const nsd = await actingAs('NATIONAL_SERVICE_DIRECTOR');
    expect(await findCommissionedAudits(nsd.actor)).toEqual([]);
    // Commissioned while under way, then published (a published audit is final).
    const published = await createAudit({ status: 'REVIEW' });
    const draft = await createAudit({ status: 'DRAFT' });
    await db().audit.updateMany({
      where: { id: { in: [published.id, draft.id] } },
      data: { commissionedById: nsd.actor.userId },
    });
    await db().audit.update({ where: { id: published.id }, data: { status: 'PUBLISHED' } });
    expect((await findCommissionedAudits(nsd.actor)).map((audit) => audit.id)).toEqual([
      draft.id,
      published.id,
    ]);
  });

  it('shows an Improvement Assistant the unsampled audits whose areas have no case files in the window', async () => {
    const ia = await actingAs('IMPROVEMENT_ASSISTANT');
    const audit = await createAudit({ status: 'DRAFT' });
    const listed = (await findAuditsAwaitingCaseIndex(ia.actor)).find((entry) => entry.id === audit.id);
    expect(listed).toMatchObject({ areasInScope: 1, areasWithCases: 0, caseFiles: 0 });
    const published = await createAudit({ status: 'PUBLISHED' });
    expect((await findAuditsAwaitingCaseIndex(ia.actor)).map((entry) => entry.id)).not.toContain(
      published.id,
    );
  });

  it('gives a Director each published audit’s national headline figures against its targets', async () => {
    const director = await actingAs('DIRECTOR');
    const area = await createServiceArea();
    const grades = ['good', 'good', 'good', 'met', 'not-met'];
    const { audit } = await createGradedAudit(
      grades.map((grade) => ({ serviceAreaId: area.id, grade })),
      { kind: 'THEMATIC', windowTo: '2031-03-31' },
    );
    const headline = (await findPublishedHeadlines(director.actor)).find((entry) => entry.id === audit.id);
    expect(headline).toMatchObject({
      kind: 'THEMATIC',
      good: { count: 3, total: 5, percent: 60 },
      lowest: { count: 1, total: 5, percent: 20 },
      goodTarget: 60,
      lowestTarget: 14,
    });
  });

  it('lists nothing for roles the lists are not for', async () => {
    const auditor = await actingAs('IMPROVEMENT_MANAGER');
    expect(await findLedAudits(auditor.actor)).toEqual([]);
    expect(await findChallengesWaitingFor(auditor.actor)).toEqual([]);
    expect(await findCommissionedAudits(auditor.actor)).toEqual([]);
    expect(await findAuditsAwaitingCaseIndex(auditor.actor)).toEqual([]);
    expect(await findPublishedHeadlines(auditor.actor)).toEqual([]);
  });
});
