import { describe, expect, it } from 'vitest';
import { actingAs, completeAnswers, createGradedAudit, createServiceArea, createUser } from '../factories';
import { createLocalAuditCases, createLocalModeration } from '../factories/local-moderation';
import { databaseFingerprint } from '../support/fingerprint';
import { PUT as saveModerationDraftRoute } from '@/app/api/local-moderations/[moderationId]/draft/route';
import {
  agreeModerationAction,
  drawModerationsAction,
  submitModerationAction,
} from '@/lib/actions/local-moderation';
import { MESSAGES } from '@/lib/actions/run';
import { notBlindTo } from '@/lib/db/blind';
import { loadFeedbackSheet } from '@/lib/db/case-audits';
import { db } from '@/lib/db/client';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { GRADINGS_AGREE_REASON } from '@/lib/domain/local-moderation';
import { findModerationsToDo } from '@/lib/use-cases/home/find-moderations-to-do';
import { getLocalCalibration } from '@/lib/use-cases/moderation/get-local-calibration';
import { getModerationCase } from '@/lib/use-cases/moderation/get-moderation-case';
import { getModerationComparison } from '@/lib/use-cases/moderation/get-moderation-comparison';

const agreedFields = (sections: { key: string }[], grade: string) =>
  Object.fromEntries(sections.map((section) => [`agreed.${section.key}`, grade]));

describe('the moderation draw', () => {
  it('draws the share of the area’s local audits for its Head of Practice, every manager once, and only once a period', async () => {
    const area = await createServiceArea();
    const [m1, m2, m3] = [
      await createUser('SERVICE_MANAGER', area.id),
      await createUser('SERVICE_MANAGER', area.id),
      await createUser('SERVICE_MANAGER', area.id),
    ];
    await createLocalAuditCases({
      serviceAreaId: area.id,
      managers: [
        { id: m1.id, grades: Array.from({ length: 18 }, () => 'good') },
        { id: m2.id, grades: ['met', 'good'] },
        { id: m3.id, grades: ['good'] },
      ],
    });
    // Another month's audit is not in the period.
    await createLocalAuditCases({
      serviceAreaId: area.id,
      managers: [{ id: m1.id, grades: ['good'] }],
      month: '2039-05-01',
    });
    // Nor is a programme that moderates none of its audits (the demo's performance board).
    const unmoderated = await createLocalAuditCases({
      serviceAreaId: area.id,
      managers: [{ id: m1.id, grades: ['good', 'good'] }],
    });
    await db().localAuditProgramme.update({
      where: { auditId: unmoderated.audit.id },
      data: { moderationSharePercent: 0 },
    });
    const hop = await actingAs('HEAD_OF_PRACTICE', area.id);
    const drawn = await hop.act(() => drawModerationsAction({ serviceAreaId: area.id, period: '2039-04' }));
    expect(drawn).toMatchObject({ ok: true, data: { candidates: 21, target: 3, managers: 3 } });
    const rows = await db().localModeration.findMany({
      where: { serviceAreaId: area.id },
      select: { managerId: true, moderatorId: true, chosenBy: true, status: true, firstOverallGrade: true },
    });
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((row) => row.managerId))).toEqual(new Set([m1.id, m2.id, m3.id]));
    expect(rows.every((row) => row.moderatorId === hop.id && row.chosenBy === 'draw')).toBe(true);
    const logged = await db().auditEvent.findFirstOrThrow({
      where: { entityType: 'local-moderation-draw', entityId: area.id },
      select: { detail: true, actorId: true },
    });
    expect(logged.actorId).toBe(hop.id);
    expect(logged.detail).toMatchObject({ period: '2039-04', sharePercent: 10, candidates: 21 });
    expect((logged.detail as { seed: string }).seed).toMatch(/^[0-9a-f-]{36}$/);
    // The Head of Practice is told, without a grade in sight.
    const told = await db().notification.findFirstOrThrow({
      where: { userId: hop.id },
      select: { body: true },
    });
    expect(told.body).not.toMatch(/good|met/i);

    // The same period, or a quarter holding it, is not drawn again; nothing changes.
    const before = await databaseFingerprint();
    for (const period of ['2039-04', '2039-Q2']) {
      const again = await hop.act(() => drawModerationsAction({ serviceAreaId: area.id, period }));
      expect(again).toMatchObject({ ok: false, error: expect.stringMatching(/already drawn/) as unknown });
    }
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('refuses a Head of Practice another area’s draw and an area without local audits, changing nothing', async () => {
    const [own, other] = [await createServiceArea(), await createServiceArea()];
    const manager = await createUser('SERVICE_MANAGER', other.id);
    await createUser('HEAD_OF_PRACTICE', other.id);
    await createLocalAuditCases({
      serviceAreaId: other.id,
      managers: [{ id: manager.id, grades: ['good'] }],
    });
    const hop = await actingAs('HEAD_OF_PRACTICE', own.id);
    const before = await databaseFingerprint();
    expect(
      await hop.act(() => drawModerationsAction({ serviceAreaId: other.id, period: '2039-04' })),
    ).toEqual({
      ok: false,
      error: MESSAGES.notFound,
    });
    const empty = await hop.act(() => drawModerationsAction({ serviceAreaId: own.id, period: '2039-04' }));
    expect(empty).toMatchObject({
      ok: false,
      fieldErrors: { period: expect.stringMatching(/no submitted local audits/) as unknown },
    });
    expect(await databaseFingerprint()).toEqual(before);
  });
});

describe('blind moderation', () => {
  it('hides the manager’s grades from the moderator everywhere until they submit, then compares and agrees', async () => {
    const { moderation, content, caseAuditId, sampledCaseId, serviceAreaId, moderatorId } =
      await createLocalModeration();
    const hop = await actingAs('HEAD_OF_PRACTICE', serviceAreaId, moderatorId);

    // Before submitting: the grading view carries the moderator's own (empty) answers and nothing else.
    const view = await getModerationCase(hop.actor, moderation.id);
    expect(view.answers.overallGrade).toBeNull();
    expect(JSON.stringify(view)).not.toMatch(/firstOverallGrade|firstSectionGrades/);
    await expect(getModerationComparison(hop.actor, moderation.id)).rejects.toBeInstanceOf(
      NotFoundOrForbiddenError,
    );
    // Every read of one case's grades (feedback sheet, challenges, reviews, home) shares notBlindTo.
    expect(await loadFeedbackSheet(sampledCaseId, moderatorId)).toBeNull();
    expect(
      await db().caseAudit.count({ where: { AND: [{ id: caseAuditId }, notBlindTo(moderatorId)] } }),
    ).toBe(0);
    expect(
      await db().caseAudit.count({ where: { AND: [{ id: caseAuditId }, notBlindTo(hop.id + 'x')] } }),
    ).toBe(1);
    expect((await findModerationsToDo(hop.actor)).map((item) => item.id)).toEqual([moderation.id]);

    // The autosave route saves their own answers; a stale save answers with their own, never the manager's.
    const save = (baseVersion: number) =>
      hop.act(() =>
        saveModerationDraftRoute(
          new Request('http://localhost/draft', {
            method: 'PUT',
            body: JSON.stringify({ baseVersion, answers: completeAnswers(content, 'met') }),
          }),
          { params: Promise.resolve({ moderationId: moderation.id }) },
        ),
      );
    expect((await save(moderation.version)).status).toBe(200);
    const stale = await save(moderation.version);
    expect(stale.status).toBe(409);
    expect(JSON.stringify(await stale.json())).not.toMatch(/"overallGrade":"good"/);

    const submitted = await hop.act(() =>
      submitModerationAction({
        moderationId: moderation.id,
        baseVersion: moderation.version + 1,
        submissionId: crypto.randomUUID(),
        answersJson: JSON.stringify(completeAnswers(content, 'met')),
      }),
    );
    expect(submitted).toMatchObject({ ok: true, data: { submitted: true } });
    expect(await loadFeedbackSheet(sampledCaseId, moderatorId)).not.toBeNull();

    const comparison = await getModerationComparison(hop.actor, moderation.id);
    expect(comparison.first.overall).toBe('good');
    expect(comparison.second.overall).toBe('met');
    expect(comparison.differences.map((difference) => difference.field)).toContain('overall');
    expect(comparison.canAgree).toBe(true);

    // A stale agreement is refused in words and changes nothing.
    const before = await databaseFingerprint();
    const staleAgree = await hop.act(() =>
      agreeModerationAction({
        moderationId: moderation.id,
        version: comparison.version - 1,
        reason: 'Agreed with the manager after discussion.',
        'agreed.overall': 'met',
        ...agreedFields(content.sections, 'met'),
      }),
    );
    expect(staleAgree).toEqual({ ok: false, error: MESSAGES.stale });
    expect(await databaseFingerprint()).toEqual(before);

    const agreed = await hop.act(() =>
      agreeModerationAction({
        moderationId: moderation.id,
        version: comparison.version,
        reason: 'Agreed with the manager after discussion.',
        'agreed.overall': 'met',
        ...agreedFields(content.sections, 'met'),
      }),
    );
    expect(agreed).toEqual({ ok: true, data: null });
    // As benchmark moderation: the agreed grade is now the case's, and the history keeps all three.
    const graded = await db().caseAudit.findUniqueOrThrow({
      where: { id: caseAuditId },
      select: { overallGrade: true },
    });
    expect(graded.overallGrade).toBe('met');
    const history = await db().caseAuditHistory.findMany({
      where: { caseAuditId },
      orderBy: { id: 'asc' },
      select: { event: true, overallGrade: true },
    });
    expect(history.slice(-2)).toEqual([
      { event: 'moderation-graded', overallGrade: 'met' },
      { event: 'moderated', overallGrade: 'met' },
    ]);
    expect(await findModerationsToDo(hop.actor)).toEqual([]);
  });

  it('agrees at once when the two gradings match, leaving the case as it was', async () => {
    const { moderation, content, caseAuditId, serviceAreaId, moderatorId } = await createLocalModeration();
    const hop = await actingAs('HEAD_OF_PRACTICE', serviceAreaId, moderatorId);
    // The manager graded every section Good, as the moderator will.
    const allGood = completeAnswers(content, 'good');
    await db().localModeration.update({
      where: { id: moderation.id },
      data: {
        firstSectionGrades: Object.fromEntries(content.sections.map((section) => [section.key, 'good'])),
      },
    });
    const result = await hop.act(() =>
      submitModerationAction({
        moderationId: moderation.id,
        baseVersion: moderation.version,
        submissionId: crypto.randomUUID(),
        answersJson: JSON.stringify(allGood),
      }),
    );
    expect(result).toMatchObject({ ok: true, data: { submitted: true } });
    const row = await db().localModeration.findUniqueOrThrow({
      where: { id: moderation.id },
      select: { status: true, agreedReason: true, agreedOverallGrade: true },
    });
    expect(row).toEqual({
      status: 'MODERATED',
      agreedReason: GRADINGS_AGREE_REASON,
      agreedOverallGrade: 'good',
    });
    const graded = await db().caseAudit.findUniqueOrThrow({
      where: { id: caseAuditId },
      select: { overallGrade: true },
    });
    expect(graded.overallGrade).toBe('good');
  });

  it('lets a Head of Practice moderate only their own area, and only what is given to them, changing nothing', async () => {
    const { moderation, content, serviceAreaId } = await createLocalModeration({ submitted: true });
    const pending = await createLocalModeration({ serviceAreaId });
    const otherHead = await actingAs('HEAD_OF_PRACTICE', (await createServiceArea()).id);
    const sameAreaHead = await actingAs('HEAD_OF_PRACTICE', serviceAreaId);
    const before = await databaseFingerprint();
    for (const person of [otherHead, sameAreaHead]) {
      const submit = await person.act(() =>
        submitModerationAction({
          moderationId: pending.moderation.id,
          baseVersion: pending.moderation.version,
          submissionId: crypto.randomUUID(),
          answersJson: JSON.stringify(completeAnswers(content, 'met')),
        }),
      );
      expect(submit).toEqual({ ok: false, error: MESSAGES.notFound });
      await expect(getModerationCase(person.actor, pending.moderation.id)).rejects.toBeInstanceOf(
        NotFoundOrForbiddenError,
      );
    }
    const agree = await otherHead.act(() =>
      agreeModerationAction({
        moderationId: moderation.id,
        version: moderation.version,
        reason: 'Agreed with the manager after discussion.',
        'agreed.overall': 'met',
        ...agreedFields(content.sections, 'met'),
      }),
    );
    expect(agree).toEqual({ ok: false, error: MESSAGES.notFound });
    await expect(getModerationComparison(otherHead.actor, moderation.id)).rejects.toBeInstanceOf(
      NotFoundOrForbiddenError,
    );
    // A reason too short is refused by field.
    const short = await sameAreaHead.act(() =>
      agreeModerationAction({
        moderationId: moderation.id,
        version: moderation.version,
        reason: 'ok',
        'agreed.overall': 'met',
        ...agreedFields(content.sections, 'met'),
      }),
    );
    expect(short).toMatchObject({ ok: false, fieldErrors: { reason: expect.any(String) as unknown } });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('refuses an agreement on a published audit, whose grades are final', async () => {
    const { moderation, content, serviceAreaId, moderatorId } = await createLocalModeration({
      submitted: true,
      status: 'PUBLISHED',
    });
    const hop = await actingAs('HEAD_OF_PRACTICE', serviceAreaId, moderatorId);
    const result = await hop.act(() =>
      agreeModerationAction({
        moderationId: moderation.id,
        version: moderation.version,
        reason: 'Agreed with the manager after discussion.',
        'agreed.overall': 'met',
        ...agreedFields(content.sections, 'met'),
      }),
    );
    expect(result).toMatchObject({ ok: false, error: 'This audit is published: its grades are final.' });
  });
});

describe('local calibration', () => {
  it('measures each area’s managers against moderation and the national audit, scoped to who asks', async () => {
    const [a, b] = [await createServiceArea(), await createServiceArea()];
    const hopA = await actingAs('HEAD_OF_PRACTICE', a.id);
    const managerA = await createUser('SERVICE_MANAGER', a.id);
    // In A the manager graded Good where the Head of Practice graded Met, 6 times of 7.
    const { cases, audit } = await createLocalAuditCases({
      serviceAreaId: a.id,
      managers: [{ id: managerA.id, grades: Array.from({ length: 7 }, () => 'good') }],
      month: '2038-06-01',
    });
    for (const [index, item] of cases.entries())
      await db().localModeration.create({
        data: {
          auditId: audit.id,
          caseAuditId: item.caseAuditId,
          serviceAreaId: a.id,
          managerId: managerA.id,
          moderatorId: hopA.id,
          chosenBy: 'draw',
          status: 'MODERATED',
          firstOverallGrade: 'good',
          firstSectionGrades: {},
          overallGrade: index === 0 ? 'good' : 'met',
        },
      });
    await createLocalModeration({ serviceAreaId: b.id, submitted: true });
    // One of A's cases was graded nationally too, Met.
    const { audit: nationalAudit } = await createGradedAudit([{ serviceAreaId: a.id, grade: 'met' }]);
    const nationalCase = await db().sampledCase.findFirstOrThrow({
      where: { auditId: nationalAudit.id },
      select: { caseFileId: true },
    });
    await db().sampledCase.update({
      where: { id: cases[1]!.sampledCaseId },
      data: { caseFileId: nationalCase.caseFileId },
    });

    const period = { serviceAreaId: b.id, from: '2038-06-01', to: '2038-07-01' };
    // A Head of Practice asking for another area still gets their own.
    const own = await getLocalCalibration(hopA.actor, period);
    expect(own.serviceAreaId).toBe(a.id);
    expect(own.moderation.areas.map((area) => area.key)).toEqual([a.id]);
    const areaA = own.moderation.areas[0]!;
    expect(areaA.pairs).toBe(7);
    expect(areaA.bias.meanDifference).toBeCloseTo(6 / 7, 10);
    expect(areaA.bias.isMoreGenerous).toBe(true);
    expect(own.flags[0]).toMatch(
      /^Managers in .+ grade more generously than their Head of Practice: \+0\.9 grade steps/,
    );
    expect(own.national.overall.pairs).toBe(1);
    expect(own.national.areas[0]!.bias.meanDifference).toBe(1);

    const director = await actingAs('DIRECTOR');
    const everyArea = await getLocalCalibration(director.actor, {
      ...period,
      serviceAreaId: null,
      from: null,
      to: null,
    });
    expect(everyArea.moderation.areas.map((area) => area.key)).toEqual(expect.arrayContaining([a.id, b.id]));
    const manager = await actingAs('SERVICE_MANAGER', a.id);
    await expect(getLocalCalibration(manager.actor, period)).rejects.toBeInstanceOf(NotFoundOrForbiddenError);
  });
});
