// Local quality-and-impact programmes on the real database: the monthly draw
// (reproducible, logged, refused twice), a manager's own pick, the Service
// Manager grading only their own teams' cases through the existing grading use
// cases, the team form keeping practitioners' managers in step, on target.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { actingAs, completeAnswers, createAssignedCase, createUser } from '../factories';
import { createLocalArea, createProgramme, type LocalArea } from '../factories/local-programmes';
import { databaseFingerprint } from '../support/fingerprint';
import { db } from '@/lib/db/client';
import { countManagerMonths } from '@/lib/db/local-quota-counts';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError, RuleError } from '@/lib/domain/errors';
import { drawLocalMonth as drawFromWork, type LocalCandidate } from '@/lib/domain/local-draw';
import { onTargetView } from '@/lib/domain/local-quota';
import { findLocalCandidates } from '@/lib/db/local-programmes';
import { getGradingCase } from '@/lib/use-cases/case-audits/get-grading-case';
import { saveDraft } from '@/lib/use-cases/case-audits/save-draft';
import { submitCaseAudit } from '@/lib/use-cases/case-audits/submit-case-audit';
import { createLocalProgramme } from '@/lib/use-cases/local-audits/create-local-programme';
import { drawLocalMonth } from '@/lib/use-cases/local-audits/draw-local-month';
import { findLocalQueue } from '@/lib/use-cases/local-audits/find-local-queue';
import { getLocalProgramme } from '@/lib/use-cases/local-audits/get-local-programme';
import { pickLocalCase } from '@/lib/use-cases/local-audits/pick-local-case';
import { setTeamServiceManager } from '@/lib/use-cases/organisation/set-team-service-manager';
import { updatePractitioner } from '@/lib/use-cases/practitioners/update-practitioner';
import { createUser as createUserAsAdmin } from '@/lib/use-cases/users/create-user';

const MAY = new Date('2039-05-15T10:00:00Z');
const JUNE = new Date('2039-06-02T10:00:00Z');

const managerActor = (area: LocalArea, index: number): Actor => ({
  userId: area.managers[index]?.id ?? '',
  sessionId: 'test',
  name: 'Service Manager',
  email: 'sm@example.org',
  role: 'SERVICE_MANAGER',
  serviceAreaId: area.serviceAreaId,
});

/** A refusal must throw `kind` and leave every table as it was. */
async function refusedUnchanged(
  kind: typeof NotFoundOrForbiddenError | typeof RuleError,
  call: () => Promise<unknown>,
) {
  const before = await databaseFingerprint();
  await expect(call()).rejects.toBeInstanceOf(kind);
  expect(await databaseFingerprint()).toEqual(before);
}

let area: LocalArea;
let hop: Actor;
let auditId: string;
let content: Awaited<ReturnType<typeof createProgramme>>['content'];

beforeAll(async () => {
  area = await createLocalArea({ teams: 2, casesPerTeam: 5 });
  hop = (await actingAs('HEAD_OF_PRACTICE', area.serviceAreaId)).actor;
  ({ auditId, content } = await createProgramme(hop, { serviceAreaId: area.serviceAreaId }));
});

describe('a local programme', () => {
  it('is set up by the area’s Head of Practice, never another area’s', async () => {
    const { thresholdVersionId } = await db().audit.findUniqueOrThrow({
      where: { id: auditId },
      select: { thresholdVersionId: true },
    });
    const input = (serviceAreaId: string | null) => ({
      name: `Refused ${randomUUID()}`,
      kind: 'LOCAL_QUALITY_IMPACT' as const,
      serviceAreaId,
      thresholdVersionId,
      windowFrom: '2039-04-01',
      windowTo: '2040-03-31',
      quota: 2,
      moderationSharePercent: 10,
      recentDays: 90,
    });
    const elsewhere = (
      await actingAs('HEAD_OF_PRACTICE', (await createLocalArea({ teams: 0 })).serviceAreaId)
    ).actor;
    await refusedUnchanged(NotFoundOrForbiddenError, () =>
      createLocalProgramme(elsewhere, input(area.serviceAreaId), MAY),
    );
    // Nationally only the Senior Service Manager.
    await refusedUnchanged(NotFoundOrForbiddenError, () => createLocalProgramme(hop, input(null), MAY));
    const row = await db().localAuditProgramme.findUniqueOrThrow({ where: { auditId } });
    expect(row).toMatchObject({ quotaPerManagerPerMonth: 2, moderationSharePercent: 10, recentDays: 90 });
    const audit = await db().audit.findUniqueOrThrow({
      where: { id: auditId },
      select: { kind: true, status: true },
    });
    expect(audit).toEqual({ kind: 'LOCAL_QUALITY_IMPACT', status: 'GRADING' });
  });

  it('refuses a bad setting by name, writing nothing', async () => {
    await expect(
      createLocalProgramme(
        hop,
        {
          name: 'Bad',
          kind: 'LOCAL_QUALITY_IMPACT',
          serviceAreaId: area.serviceAreaId,
          thresholdVersionId: randomUUID(),
          windowFrom: '2039-04-01',
          windowTo: '2040-03-31',
          quota: 0,
          moderationSharePercent: 10,
          recentDays: 90,
        },
        MAY,
      ),
    ).rejects.toMatchObject({ field: 'quota' });
  });
});

describe('picks, the monthly draw and the queue', () => {
  it('lets a manager pick their own team’s case with a reason, never another manager’s', async () => {
    const sm0 = managerActor(area, 0);
    const otherCase = area.managers[1]?.caseFileIds[0] as string;
    await refusedUnchanged(NotFoundOrForbiddenError, () =>
      pickLocalCase(
        sm0,
        { auditId, caseFileId: otherCase, month: '2039-05', reason: 'Looks worth a look at.' },
        MAY,
      ),
    );
    const ownCase = area.managers[0]?.caseFileIds[0] as string;
    await refusedUnchanged(RuleError, () =>
      pickLocalCase(sm0, { auditId, caseFileId: ownCase, month: '2039-05', reason: 'why' }, MAY),
    );
    const { sampledCaseId } = await pickLocalCase(
      sm0,
      { auditId, caseFileId: ownCase, month: '2039-05', reason: 'Returned to court twice: check the plan.' },
      MAY,
    );
    const picked = await db().sampledCase.findUniqueOrThrow({ where: { id: sampledCaseId } });
    expect(picked).toMatchObject({ pickedBy: 'manager', assignedToId: sm0.userId, status: 'SELECTED' });
    expect(picked.month?.toISOString().slice(0, 10)).toBe('2039-05-01');
  });

  it('draws each manager’s quota from their own teams, less their picks, logged with its seed', async () => {
    const before = await db().sampledCase.count({ where: { auditId } });
    const { result } = await drawLocalMonth(hop, { auditId, month: '2039-05', seed: 'may-seed' }, MAY);
    expect(result).toMatchObject({ managers: 2, seed: 'may-seed', drawn: 3 });
    expect(await db().sampledCase.count({ where: { auditId } })).toBe(before + 3);
    for (const [index, manager] of area.managers.entries()) {
      const cases = await db().sampledCase.findMany({
        where: { auditId, assignedToId: manager.id },
        select: { caseFileId: true, pickedBy: true },
      });
      expect(cases).toHaveLength(2);
      expect(cases.every((row) => manager.caseFileIds.includes(row.caseFileId))).toBe(true);
      expect(cases.filter((row) => row.pickedBy === 'manager')).toHaveLength(index === 0 ? 1 : 0);
    }
    const draw = await db().localAuditDraw.findFirstOrThrow({ where: { auditId } });
    expect(draw.seed).toBe('may-seed');
    const log = draw.parameters as {
      recentFrom: string;
      managers: { managerId: string; drawn: string[]; alreadyAssigned: number }[];
    };
    expect(log.recentFrom).toBe('2039-01-31');
    expect(log.managers.map((manager) => manager.alreadyAssigned).sort()).toEqual([0, 1]);
    expect(await db().auditEvent.count({ where: { entityId: auditId, action: 'local-month.drawn' } })).toBe(
      1,
    );
  });

  it('is reproducible from the logged seed and parameters', async () => {
    const draw = await db().localAuditDraw.findFirstOrThrow({ where: { auditId } });
    const log = draw.parameters as {
      managers: { managerId: string; drawn: string[]; alreadyAssigned: number }[];
    };
    // The same work the draw saw: the area's recent cases, with the pick already in the programme.
    const pick = await db().sampledCase.findFirstOrThrow({ where: { auditId, pickedBy: 'manager' } });
    const drawnIds = (await db().sampledCase.findMany({ where: { auditId, pickedBy: 'draw' } })).map(
      (row) => row.caseFileId,
    );
    const candidates: LocalCandidate[] = (
      await findLocalCandidates({
        auditId,
        serviceAreaIds: [area.serviceAreaId],
        from: '2039-01-31',
        to: '2039-04-30',
      })
    ).concat(
      (
        await findLocalCandidates({
          auditId: randomUUID(),
          serviceAreaIds: [area.serviceAreaId],
          from: '2039-01-31',
          to: '2039-04-30',
        })
      ).filter(
        (candidate) => drawnIds.includes(candidate.caseFileId) && candidate.caseFileId !== pick.caseFileId,
      ),
    );
    const again = drawFromWork(candidates, {
      seed: draw.seed,
      month: '2039-05-01',
      quota: 2,
      recentDays: 90,
      managerIds: log.managers.map((manager) => manager.managerId),
      alreadyAssigned: Object.fromEntries(
        log.managers.map((manager) => [manager.managerId, manager.alreadyAssigned]),
      ),
    });
    expect(again.managers.map((manager) => manager.drawn.map((drawn) => drawn.caseReference))).toEqual(
      log.managers.map((manager) => manager.drawn),
    );
  });

  it('refuses to draw a month twice, and anyone outside the area, changing nothing', async () => {
    await refusedUnchanged(RuleError, () =>
      drawLocalMonth(hop, { auditId, month: '2039-05', seed: 'again' }, MAY),
    );
    const elsewhere = (
      await actingAs('HEAD_OF_PRACTICE', (await createLocalArea({ teams: 0 })).serviceAreaId)
    ).actor;
    await refusedUnchanged(NotFoundOrForbiddenError, () =>
      drawLocalMonth(elsewhere, { auditId, month: '2039-06', seed: 'x' }, MAY),
    );
    const sm = managerActor(area, 0);
    await refusedUnchanged(NotFoundOrForbiddenError, () =>
      drawLocalMonth(sm, { auditId, month: '2039-06', seed: 'x' }, MAY),
    );
  });

  it('puts the month’s cases in the manager’s queue, and only theirs', async () => {
    const queue = await findLocalQueue(managerActor(area, 1), MAY);
    expect(queue.cases).toHaveLength(2);
    expect(queue.cases.every((row) => row.month === '2039-05-01' && row.status === 'TO_DO')).toBe(true);
    expect(queue.programmes.map((programme) => programme.auditId)).toContain(auditId);
    await expect(findLocalQueue(hop, MAY)).rejects.toBeInstanceOf(NotFoundOrForbiddenError);
  });
});

describe('the Service Manager grades with the grading form', () => {
  it('opens, saves and submits their own team’s case; on target follows', async () => {
    const sm = managerActor(area, 1);
    const [assigned] = await db().sampledCase.findMany({
      where: { auditId, assignedToId: sm.userId },
      orderBy: { id: 'asc' },
    });
    const sampledCaseId = assigned?.id as string;
    expect(await getGradingCase(sm, sampledCaseId)).not.toBeNull();
    const answers = completeAnswers(content, 'good');
    expect(await saveDraft(sm, { sampledCaseId, baseVersion: 0, answers }, MAY)).toMatchObject({
      saved: true,
    });
    const { result } = await submitCaseAudit(
      sm,
      { sampledCaseId, baseVersion: 1, submissionId: randomUUID(), answers },
      MAY,
    );
    expect(result).toMatchObject({ submitted: true });
    const graded = await db().caseAudit.findUniqueOrThrow({ where: { sampledCaseId } });
    expect(graded).toMatchObject({ status: 'SUBMITTED', auditorId: sm.userId });
    expect((graded.answers as { qa: { collaborative: boolean } }).qa.collaborative).toBe(true);

    const months = await countManagerMonths(auditId);
    expect(months.map((row) => [row.managerId, row.submitted]).sort()).toEqual(
      [
        [area.managers[0]?.id, 0],
        [sm.userId, 1],
      ].sort(),
    );
    // May judged in June: neither manager submitted both cases.
    const view = onTargetView(months, 2, '2039-06-02');
    expect(view.national).toMatchObject({ managerMonths: 2, onTarget: 0, percent: 0 });
    const page = await getLocalProgramme(hop, auditId, JUNE);
    expect(page?.onTarget.byTeam).toHaveLength(2);
  });

  it('never opens another manager’s case, or a national audit’s, and refusals change nothing', async () => {
    const sm = managerActor(area, 1);
    const others = await db().sampledCase.findMany({
      where: { auditId, assignedToId: area.managers[0]?.id },
    });
    const other = others[0]?.id as string;
    expect(await getGradingCase(sm, other)).toBeNull();
    const answers = completeAnswers(content, 'good');
    await refusedUnchanged(NotFoundOrForbiddenError, () =>
      saveDraft(sm, { sampledCaseId: other, baseVersion: 0, answers }, MAY),
    );
    await refusedUnchanged(NotFoundOrForbiddenError, () =>
      submitCaseAudit(sm, { sampledCaseId: other, baseVersion: 0, submissionId: randomUUID(), answers }, MAY),
    );
    // A national audit's case, assigned to them and of their own team, is still not theirs to grade.
    const national = await createAssignedCase({ auditorId: sm.userId, serviceAreaId: area.serviceAreaId });
    await db().audit.update({ where: { id: national.auditId }, data: { kind: 'NATIONAL_PRACTICE_QUALITY' } });
    const caseFile = await db().sampledCase.findUniqueOrThrow({
      where: { id: national.sampledCaseId },
      select: { caseFileId: true },
    });
    await db().caseFile.update({
      where: { id: caseFile.caseFileId },
      data: { teamId: area.managers[1]?.teamId },
    });
    expect(await getGradingCase(sm, national.sampledCaseId)).toBeNull();
    await refusedUnchanged(NotFoundOrForbiddenError, () =>
      submitCaseAudit(
        sm,
        {
          sampledCaseId: national.sampledCaseId,
          baseVersion: 0,
          submissionId: randomUUID(),
          answers: completeAnswers(national.content, 'good'),
        },
        MAY,
      ),
    );
    // An Improvement Manager's rule is as it was: their assigned case opens.
    const im = await actingAs('IMPROVEMENT_MANAGER');
    const imCase = await createAssignedCase({ auditorId: im.id });
    expect(await getGradingCase(im.actor, imCase.sampledCaseId)).not.toBeNull();
  });
});

describe('a team’s Service Manager', () => {
  it('and a Head of Practice are people Admin creates, each with their area', async () => {
    const admin = (await actingAs('ADMIN')).actor;
    for (const role of ['SERVICE_MANAGER', 'HEAD_OF_PRACTICE'] as const) {
      const person = (email: string, serviceAreaId: string | null) => ({
        email,
        name: 'New Manager',
        role,
        serviceAreaId,
        password: 'a-long-password-1',
      });
      await expect(
        createUserAsAdmin(admin, person(`${randomUUID()}@example.org`, null)),
      ).rejects.toMatchObject({ field: 'serviceAreaId' });
      const { id } = await createUserAsAdmin(
        admin,
        person(`${randomUUID()}@example.org`, area.serviceAreaId),
      );
      expect(
        await db().user.findUniqueOrThrow({ where: { id }, select: { role: true, serviceAreaId: true } }),
      ).toEqual({ role, serviceAreaId: area.serviceAreaId });
    }
  });

  it('is set by Admin with its practitioners’ manager in one transaction, and logged', async () => {
    const fresh = await createLocalArea({ teams: 1, casesPerTeam: 0 });
    const team = fresh.managers[0] as LocalArea['managers'][number];
    const newManager = await createUser('SERVICE_MANAGER', fresh.serviceAreaId);
    const admin = (await actingAs('ADMIN')).actor;
    const current = await db().team.findUniqueOrThrow({
      where: { id: team.teamId },
      select: { version: true },
    });
    const { practitionersChanged } = await setTeamServiceManager(admin, {
      teamId: team.teamId,
      version: current.version,
      serviceManagerId: newManager.id,
    });
    expect(practitionersChanged).toBe(3);
    const practitioners = await db().practitioner.findMany({ where: { teamId: team.teamId } });
    expect(practitioners.every((practitioner) => practitioner.managerId === newManager.id)).toBe(true);
    expect(
      await db().auditEvent.count({ where: { entityId: team.teamId, action: 'team.service-manager-set' } }),
    ).toBe(1);

    // Another area's Service Manager, or a stale form, is refused by name and changes nothing.
    const stranger = await createUser('SERVICE_MANAGER', area.serviceAreaId);
    await refusedUnchanged(RuleError, () =>
      setTeamServiceManager(admin, {
        teamId: team.teamId,
        version: current.version + 1,
        serviceManagerId: stranger.id,
      }),
    );
    // A practitioner's manager cannot contradict the team's Service Manager.
    const practitioner = practitioners[0] as (typeof practitioners)[number];
    await expect(
      updatePractitioner(admin, {
        practitionerId: practitioner.id,
        version: practitioner.version,
        name: practitioner.name,
        teamId: team.teamId,
        employment: 'EMPLOYED',
        performanceBand: null,
        managerId: stranger.id,
        isActive: true,
      }),
    ).rejects.toMatchObject({ field: 'managerId' });
    // Not Admin: refused.
    await refusedUnchanged(NotFoundOrForbiddenError, () =>
      setTeamServiceManager(hop, {
        teamId: team.teamId,
        version: current.version + 1,
        serviceManagerId: null,
      }),
    );
  });
});
