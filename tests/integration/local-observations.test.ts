import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { submitCaseAuditAction } from '@/lib/actions/grading';
import { importResultsAction } from '@/lib/actions/reports';
import { amendObservationAction, recordObservationAction } from '@/lib/actions/local-observations';
import { MESSAGES } from '@/lib/actions/run';
import { findObservations } from '@/lib/use-cases/observations/find-observations';
import { getObservation } from '@/lib/use-cases/observations/get-observation';
import { databaseFingerprint } from '../support/fingerprint';
import { db } from '@/lib/db/client';
import { countObservations } from '@/lib/db/observation-counts';
import type { GradingAnswers } from '@/lib/domain/grading';
import {
  actingAs,
  completeAnswers,
  createAssignedCase,
  createPractitioner,
  createServiceArea,
  createTeam,
  createThresholdVersion,
  createUser,
  unique,
} from '../factories';
import { NATIONAL_THRESHOLD_OCTOBER_2014 } from '../../prisma/seed/thresholds';

async function observe(
  serviceAreaId: string,
  teamId: string,
  practitionerId: string,
  observerId: string,
  days: string[],
) {
  await db().practiceObservation.createMany({
    data: days.map((day) => ({
      serviceAreaId,
      teamId,
      practitionerId,
      observerId,
      observedOn: new Date(`${day}T00:00:00Z`),
      setting: 'MEETING' as const,
      answers: {},
      feedback: 'Thank you',
    })),
  });
}

describe('observation counts', () => {
  it('counts a period by area, month and quarter in one pass', async () => {
    const [north, south] = [await createServiceArea(), await createServiceArea()];
    const northTeam = await createTeam(north.id);
    const southTeam = await createTeam(south.id);
    const [northPractitioner, southPractitioner] = [
      await createPractitioner(northTeam.id),
      await createPractitioner(southTeam.id),
    ];
    const observer = await createUser('SERVICE_MANAGER', north.id);
    await observe(north.id, northTeam.id, northPractitioner.id, observer.id, [
      '2031-03-31', // before the period
      '2031-04-01',
      '2031-04-30',
      '2031-06-15',
      '2031-07-01',
      '2031-12-01', // after it
    ]);
    await observe(south.id, southTeam.id, southPractitioner.id, observer.id, ['2031-05-10', '2031-11-30']);

    const north2031 = await countObservations({
      from: '2031-04-01',
      to: '2031-11-30',
      serviceAreaId: north.id,
    });
    expect(north2031).toEqual({
      total: 4,
      byArea: { [north.id]: 4 },
      byMonth: { '2031-04': 2, '2031-06': 1, '2031-07': 1 },
      byQuarter: { '2031-04': 3, '2031-07': 1 },
      byAreaMonth: { [north.id]: { '2031-04': 2, '2031-06': 1, '2031-07': 1 } },
      byAreaQuarter: { [north.id]: { '2031-04': 3, '2031-07': 1 } },
    });

    const national = await countObservations({ from: '2031-04-01', to: '2031-11-30', serviceAreaId: null });
    expect(national.byArea[south.id]).toBe(2);
    expect(national.byAreaQuarter[south.id]).toEqual({ '2031-04': 1, '2031-10': 1 });
    expect(national.total).toBeGreaterThanOrEqual(6);

    const none = await countObservations({
      from: '2031-04-01',
      to: '2031-11-30',
      serviceAreaId: 'no-such-area',
    });
    expect(none.total).toBe(0);
    expect(none.byMonth).toEqual({});
  });
});

describe('the local audit form', () => {
  it('stores a submitted local audit’s indicators in its QA columns and its history', async () => {
    const auditor = await actingAs('IMPROVEMENT_MANAGER');
    const assigned = await createAssignedCase({ auditorId: auditor.id }); // a local quality-and-impact audit
    const answers: GradingAnswers = {
      ...completeAnswers(assigned.content, 'good'),
      qa: { collaborative: true, familyFeedback: true, managementOversight: false, supervision: true },
      localQa: {
        practitionerReflection: 'I would see the child alone sooner.',
        familyFeedbackSaid: 'Father said the letter helped him understand.',
        managementOversightExpected: true,
        supervisionImpact: true,
      },
    };
    const submit = (sent: GradingAnswers) =>
      auditor.act(() =>
        submitCaseAuditAction({
          sampledCaseId: assigned.sampledCaseId,
          baseVersion: 0,
          submissionId: randomUUID(),
          answersJson: JSON.stringify(sent),
        }),
      );

    // Supervision recorded without its impact: refused, naming the field, nothing written.
    const incomplete = await submit({
      ...answers,
      localQa: { ...answers.localQa!, supervisionImpact: null },
    });
    expect(incomplete).toMatchObject({ ok: true, data: { submitted: false } });
    expect(incomplete.ok && !incomplete.data.submitted && incomplete.data.problems).toEqual([
      {
        field: 'qa-supervisionImpact',
        message: 'Answer yes or no: The supervision had an impact on the work',
      },
    ]);

    expect(await submit(answers)).toMatchObject({ ok: true, data: { submitted: true } });
    const stored = await db().caseAudit.findUniqueOrThrow({
      where: { sampledCaseId: assigned.sampledCaseId },
      select: {
        id: true,
        qaCollaborative: true,
        qaFamilyFeedback: true,
        qaManagementOversightExpected: true,
        qaManagementOversight: true,
        qaSupervision: true,
        qaSupervisionImpact: true,
        answers: true,
      },
    });
    expect(stored).toMatchObject({
      qaCollaborative: true,
      qaFamilyFeedback: true,
      qaManagementOversightExpected: true,
      qaManagementOversight: false,
      qaSupervision: true,
      qaSupervisionImpact: true,
      answers: { localQa: answers.localQa },
    });
    const history = await db().caseAuditHistory.findMany({
      where: { caseAuditId: stored.id },
      select: { event: true, changes: true },
    });
    expect(history).toHaveLength(1);
    expect(history[0]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'qa-familyFeedbackSaid', from: '', to: 'Father said the letter helped him understand.' },
        { field: 'qa-managementOversightExpected', from: '', to: 'yes' },
        { field: 'qa-supervisionImpact', from: '', to: 'yes' },
      ]),
    );
  });
});

describe('practice observations', () => {
  const fields = {
    observedOn: '2026-01-20',
    setting: 'DIRECT_WORK_WITH_CHILD',
    childsVoice: 'STRONG',
    purpose: 'STRONG',
    riskAnalysis: 'DEVELOPING',
    relationship: 'STRONG',
    recording: 'NEEDS_SUPPORT',
    feedback: 'The life-story work kept the child at the centre.',
  };

  async function organisation() {
    const area = await createServiceArea();
    const manager = await actingAs('SERVICE_MANAGER', area.id);
    const otherManager = await createUser('SERVICE_MANAGER', area.id);
    const ownTeam = await createTeam(area.id);
    const otherTeam = await createTeam(area.id);
    await db().team.update({ where: { id: ownTeam.id }, data: { serviceManagerId: manager.id } });
    await db().team.update({ where: { id: otherTeam.id }, data: { serviceManagerId: otherManager.id } });
    return {
      area,
      manager,
      ownPractitioner: await createPractitioner(ownTeam.id),
      otherPractitioner: await createPractitioner(otherTeam.id),
    };
  }

  it('lets a Service Manager record only for their own teams, and refusals change nothing', async () => {
    const { manager, ownPractitioner, otherPractitioner } = await organisation();
    const before = await databaseFingerprint();
    const refused = await manager.act(() =>
      recordObservationAction({ practitionerId: otherPractitioner.id, ...fields }),
    );
    expect(refused).toEqual({ ok: false, error: MESSAGES.notFound });
    expect(await databaseFingerprint()).toEqual(before);

    const recorded = await manager.act(() =>
      recordObservationAction({ practitionerId: ownPractitioner.id, ...fields }),
    );
    expect(recorded).toMatchObject({ ok: true });
    const observationId = recorded.ok ? recorded.data.observationId : '';
    const stored = await getObservation(manager.actor, observationId);
    expect(stored).toMatchObject({
      observedOn: '2026-01-20',
      setting: 'DIRECT_WORK_WITH_CHILD',
      answers: { childsVoice: 'STRONG', riskAnalysis: 'DEVELOPING', recording: 'NEEDS_SUPPORT' },
      feedback: fields.feedback,
      version: 1,
      canAmend: true,
    });
    const events = await db().auditEvent.findMany({
      where: { entityType: 'practice_observation', entityId: observationId },
      select: { action: true, actorId: true },
    });
    expect(events).toEqual([{ action: 'observation.recorded', actorId: manager.id }]);
  });

  it('lets a Head of Practice record anyone in their area and no one elsewhere', async () => {
    const { area, otherPractitioner } = await organisation();
    const headOfPractice = await actingAs('HEAD_OF_PRACTICE', area.id);
    const elsewhere = await organisation();
    const before = await databaseFingerprint();
    expect(
      await headOfPractice.act(() =>
        recordObservationAction({ practitionerId: elsewhere.ownPractitioner.id, ...fields }),
      ),
    ).toEqual({ ok: false, error: MESSAGES.notFound });
    expect(await databaseFingerprint()).toEqual(before);
    expect(
      await headOfPractice.act(() =>
        recordObservationAction({ practitionerId: otherPractitioner.id, ...fields }),
      ),
    ).toMatchObject({ ok: true });
  });

  it('names the field of every missing answer, and refuses a date in the future', async () => {
    const { manager, ownPractitioner } = await organisation();
    const before = await databaseFingerprint();
    const missing = await manager.act(() =>
      recordObservationAction({
        practitionerId: ownPractitioner.id,
        observedOn: '2026-02-30',
        feedback: ' ',
      }),
    );
    expect(missing.ok).toBe(false);
    expect(!missing.ok && Object.keys(missing.fieldErrors ?? {}).sort()).toEqual(
      [
        'childsVoice',
        'feedback',
        'observedOn',
        'purpose',
        'recording',
        'relationship',
        'riskAnalysis',
        'setting',
      ].sort(),
    );
    const future = await manager.act(() =>
      recordObservationAction({ practitionerId: ownPractitioner.id, ...fields, observedOn: '2099-01-01' }),
    );
    expect(future).toMatchObject({
      ok: false,
      fieldErrors: { observedOn: 'The date of the observation cannot be in the future' },
    });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('lists a Service Manager’s own teams’ observations, the area’s for its Head of Practice, none elsewhere', async () => {
    const { area, manager, ownPractitioner, otherPractitioner } = await organisation();
    const headOfPractice = await actingAs('HEAD_OF_PRACTICE', area.id);
    await headOfPractice.act(() =>
      recordObservationAction({ practitionerId: ownPractitioner.id, ...fields }),
    );
    await headOfPractice.act(() =>
      recordObservationAction({ practitionerId: otherPractitioner.id, ...fields, observedOn: '2026-02-03' }),
    );
    const all = { month: null, teamId: null, serviceAreaId: null };
    expect((await findObservations(manager.actor, all)).total).toBe(1);
    expect((await findObservations(headOfPractice.actor, all)).total).toBe(2);
    expect((await findObservations(headOfPractice.actor, { ...all, month: '2026-02' })).total).toBe(1);
    const otherArea = await actingAs('HEAD_OF_SERVICE', (await createServiceArea()).id);
    expect((await findObservations(otherArea.actor, all)).total).toBe(0);
    const otherAreaList = await findObservations(otherArea.actor, all);
    expect(otherAreaList.canRecord).toBe(false);
    const auditor = await actingAs('IMPROVEMENT_MANAGER');
    await expect(findObservations(auditor.actor, all)).rejects.toThrow();
  });

  it('lets only the observer correct an observation, guarded by its version', async () => {
    const { area, manager, ownPractitioner } = await organisation();
    const recorded = await manager.act(() =>
      recordObservationAction({ practitionerId: ownPractitioner.id, ...fields }),
    );
    const observationId = recorded.ok ? recorded.data.observationId : '';
    const headOfPractice = await actingAs('HEAD_OF_PRACTICE', area.id);
    const before = await databaseFingerprint();
    expect(
      await headOfPractice.act(() =>
        amendObservationAction({ observationId, version: 1, ...fields, feedback: 'Not mine to change.' }),
      ),
    ).toEqual({ ok: false, error: MESSAGES.notFound });
    expect(await databaseFingerprint()).toEqual(before);
    const amend = (version: number, feedback: string) =>
      manager.act(() => amendObservationAction({ observationId, version, ...fields, feedback }));
    expect(await amend(1, 'Corrected feedback.')).toEqual({ ok: true, data: { version: 2 } });
    expect(await amend(1, 'From a stale tab.')).toEqual({ ok: false, error: MESSAGES.stale });
    expect((await getObservation(manager.actor, observationId))?.feedback).toBe('Corrected feedback.');
    expect(
      await db().auditEvent.count({ where: { entityId: observationId, action: 'observation.amended' } }),
    ).toBe(1);
  });
});

describe('importing past local audits', () => {
  it('imports a local audit with its auditor, dates and indicators, all or nothing', async () => {
    await createThresholdVersion({ content: NATIONAL_THRESHOLD_OCTOBER_2014 });
    const area = await createServiceArea();
    const manager = await createUser('SERVICE_MANAGER', area.id);
    const lead = await actingAs('SENIOR_SERVICE_MANAGER');
    const header =
      'case_ref,service_area,practitioner_ref,employment,law_type,overall_grade,children_seen,kind,auditor,date,' +
      'collaborative,family_feedback,oversight_expected,oversight_recorded,supervision_recorded,supervision_impact';
    const [first, second] = [unique('LQ'), unique('LQ')];
    const practitioner = unique('LP');
    const rows = [
      `${first},${area.code},${practitioner},Employed,Public Law,Good,Seen,Local quality and impact,${manager.email.toUpperCase()},2023-06-14,yes,yes,yes,no,yes,yes`,
      `${second},${area.code},${practitioner},Employed,Public Law,Met,Seen,Local quality and impact,,2023-07-03,no,,no,no,no,`,
    ];
    const auditName = unique('Local quality and impact audits 2023');
    const send = (lines: string[]) =>
      lead.act(() =>
        importResultsAction({
          auditName,
          fileName: 'local.csv',
          contentBase64: Buffer.from([header, ...lines].join('\n')).toString('base64'),
          commit: true,
          createPractitioners: true,
        }),
      );

    // One bad row refuses the whole file, naming its line and column.
    const before = await databaseFingerprint();
    const refused = await send([
      ...rows,
      rows[1]!.replace(second, unique('LQ')).replace(',no,,no,no,no,', ',no,,no,no,no,yes'),
    ]);
    expect(refused).toMatchObject({
      ok: true,
      data: {
        status: 'problems',
        problems: [
          {
            line: 4,
            column: 'supervision_impact',
            reason: 'whether supervision had an impact applies only when supervision_recorded is yes',
          },
        ],
      },
    });
    expect(await databaseFingerprint()).toEqual(before);

    expect(await send(rows)).toMatchObject({
      ok: true,
      data: { status: 'imported', cases: 2, auditCreated: true },
    });
    const audit = await db().audit.findUniqueOrThrow({
      where: { name: auditName },
      select: { id: true, kind: true, windowFrom: true, windowTo: true },
    });
    expect(audit).toMatchObject({
      kind: 'LOCAL_QUALITY_IMPACT',
      windowFrom: new Date('2023-06-14T00:00:00Z'),
      windowTo: new Date('2023-07-03T00:00:00Z'),
    });
    expect(await db().localAuditProgramme.count({ where: { auditId: audit.id } })).toBe(1);
    const cases = await db().caseAudit.findMany({
      where: { auditId: audit.id },
      orderBy: { submittedAt: 'asc' },
      select: {
        auditorId: true,
        submittedAt: true,
        overallGrade: true,
        qaCollaborative: true,
        qaFamilyFeedback: true,
        qaManagementOversightExpected: true,
        qaManagementOversight: true,
        qaSupervision: true,
        qaSupervisionImpact: true,
      },
    });
    expect(cases).toEqual([
      {
        auditorId: manager.id,
        submittedAt: new Date('2023-06-14T12:00:00Z'),
        overallGrade: 'good',
        qaCollaborative: true,
        qaFamilyFeedback: true,
        qaManagementOversightExpected: true,
        qaManagementOversight: false,
        qaSupervision: true,
        qaSupervisionImpact: true,
      },
      {
        auditorId: lead.id,
        submittedAt: new Date('2023-07-03T12:00:00Z'),
        overallGrade: 'met',
        qaCollaborative: false,
        qaFamilyFeedback: null,
        qaManagementOversightExpected: false,
        qaManagementOversight: false,
        qaSupervision: false,
        qaSupervisionImpact: null,
      },
    ]);
  });
});
