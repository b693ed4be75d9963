// Runs every integration row of tests/access-matrix.ts against the real
// database with real sessions, and guards that no entry point is missing.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ACCESS_MATRIX, type MatrixEntry } from '../access-matrix';
import {
  actingAs,
  auditInput,
  completeAnswers,
  createAssignedCase,
  createAudit,
  createChallenge,
  createConcernAndReview,
  createBenchmark,
  createGradedAudit,
  createPractitioner,
  createServiceArea,
  createTeam,
  createSamplingAudit,
  createThresholdVersion,
  createUser,
  sampledCases,
  signedInAs,
  unique,
} from '../factories';
import { NATIONAL_THRESHOLD_OCTOBER_2014 } from '../../prisma/seed/thresholds';
import * as thresholds from '@/lib/actions/thresholds';
import * as audits from '@/lib/actions/audits';
import * as caseFiles from '@/lib/actions/case-files';
import * as sampling from '@/lib/actions/sampling';
import * as grading from '@/lib/actions/grading';
import * as challenges from '@/lib/actions/challenges';
import { PUT as saveDraftRoute } from '@/app/api/case-audits/[sampledCaseId]/draft/route';
import { db } from '@/lib/db/client';
import { randomUUID } from 'node:crypto';
import { GET as exportSample } from '@/app/(app)/audits/[auditId]/sample/export/route';
import { GET as exportReport } from '@/app/(app)/reports/[auditId]/export/route';
import { GET as exportDashboard } from '@/app/(app)/dashboard/export/route';
import { GET as exportQaOverview } from '@/app/(app)/local/qa-overview/export/route';
import * as reports from '@/lib/actions/reports';
import * as inspections from '@/lib/actions/improvement-inspections';
import * as benchmarks from '@/lib/actions/benchmarks';
import * as localObservations from '@/lib/actions/local-observations';
import { PUT as saveBenchmarkDraft } from '@/app/api/benchmarks/[benchmarkId]/draft/route';
import { GET as exportCalibration } from '@/app/(app)/audits/[auditId]/calibration/export/route';
import { databaseFingerprint } from '../support/fingerprint';
import { runWithSessionToken } from '@/lib/auth/actor';
import { MESSAGES } from '@/lib/actions/run';
import * as users from '@/lib/actions/admin-users';
import * as organisation from '@/lib/actions/admin-organisation';
import * as practitioners from '@/lib/actions/admin-practitioners';
import { GET as health } from '@/app/api/health/route';
import { GET as exportAccessLog } from '@/app/(app)/admin/access-log/export/route';
import * as register from '@/lib/actions/improvement-register';
import { createRegisterAction, createRegisterSource } from '../factories/improvement';
import * as improvementMeasures from '@/lib/actions/improvement-measures';
import * as improvementReviews from '@/lib/actions/improvement-reviews';
import { GET as exportReviewPdf } from '@/app/(app)/improvement/reviews/[reviewId]/export/pdf/route';
import { GET as exportReviewXlsx } from '@/app/(app)/improvement/reviews/[reviewId]/export/xlsx/route';
import { createProgressReviewFor, createRecommendationSource } from '../factories/improvement-reviews';
import { GET as exportBoardPackPdf } from '@/app/(app)/improvement/board-pack/export/pdf/route';
import { GET as exportBoardPackXlsx } from '@/app/(app)/improvement/board-pack/export/xlsx/route';
import * as localProgrammes from '@/lib/actions/local-programmes';
import * as teamManagers from '@/lib/actions/admin-team-managers';
import { createLocalArea, createProgramme } from '../factories/local-programmes';
import { SM_OF_THE_TEAM } from '../access-matrix';
import { monthOf } from '@/lib/domain/local-draw';

/** A practitioner in a team of `serviceAreaId`, managed by `serviceManagerId`. */
async function observationTarget(serviceAreaId: string, serviceManagerId: string | null) {
  const team = await createTeam(serviceAreaId);
  if (serviceManagerId) await db().team.update({ where: { id: team.id }, data: { serviceManagerId } });
  const practitioner = await createPractitioner(team.id);
  return { teamId: team.id, practitionerId: practitioner.id };
}

const observationFields = () => ({
  observedOn: '2026-01-20',
  setting: 'COURT_HEARING',
  childsVoice: 'STRONG',
  purpose: 'DEVELOPING',
  riskAnalysis: 'STRONG',
  relationship: 'STRONG',
  recording: 'NEEDS_SUPPORT',
  feedback: 'Clear explanation to the court of the child’s wishes.',
});
import * as localModeration from '@/lib/actions/local-moderation';
import { PUT as saveModerationDraft } from '@/app/api/local-moderations/[moderationId]/draft/route';
import { createLocalAuditCases, createLocalModeration } from '../factories/local-moderation';

type Outcome = { ok: boolean; error?: string };
type Call = () => Promise<Outcome>;

/**
 * A case open for grading, assigned to the actor when they are an Improvement Manager or the Service
 * Manager of its team in a local audit (in the target area); otherwise to another auditor.
 */
async function assignedForGrading(setup: {
  actorId: string | null;
  role: string;
  actorIs?: string;
  targetAreaId: string;
}) {
  if (setup.actorIs === SM_OF_THE_TEAM && setup.actorId) {
    const assigned = await createAssignedCase({
      auditorId: setup.actorId,
      serviceAreaId: setup.targetAreaId,
    });
    const row = await db().sampledCase.findUniqueOrThrow({
      where: { id: assigned.sampledCaseId },
      select: { caseFile: { select: { teamId: true } } },
    });
    await db().team.update({
      where: { id: row.caseFile.teamId ?? '' },
      data: { serviceManagerId: setup.actorId },
    });
    return assigned;
  }
  const auditorId =
    setup.role === 'IMPROVEMENT_MANAGER' && setup.actorId
      ? setup.actorId
      : (await createUser('IMPROVEMENT_MANAGER')).id;
  return createAssignedCase({ auditorId });
}
/** Who is acting, and where the target should be: in the actor's own area or elsewhere. */
type Setup = { actorId: string | null; role: string; targetAreaId: string; actorIs?: string };

/** An open recommendation whose source is in the area (or national). */
async function createMatrixRecommendation(serviceAreaId: string | null) {
  const owner = await createUser('NATIONAL_SERVICE_DIRECTOR');
  const source = await db().recommendationSource.create({
    data: {
      title: unique('Inspection'),
      kind: serviceAreaId ? 'AREA_IMPROVEMENT_PLAN' : 'INSPECTION',
      issuedBy: 'Ofsted',
      issuedOn: new Date('2014-03-31T00:00:00Z'),
      scale: 'MET_ONGOING',
      serviceAreaId,
      createdById: owner.id,
    },
    select: { id: true },
  });
  return db().recommendation.create({
    data: { sourceId: source.id, number: '1', text: 'Raise the share of Good work', kind: 'RECOMMENDATION' },
    select: { id: true },
  });
}

const measureInput = (serviceAreaId: string) => ({
  label: '% Good',
  sectionKey: '',
  share: 'GOOD_OR_ABOVE',
  auditKinds: [],
  lawTypes: [],
  serviceAreaIds: [serviceAreaId],
  teamIds: [],
  employment: '',
  baselineAuditId: '',
  targetPercent: '60',
  targetDirection: 'AT_LEAST',
});

async function createMatrixMeasure(serviceAreaId: string) {
  const recommendation = await createMatrixRecommendation(serviceAreaId);
  return db().measure.create({
    data: {
      recommendationId: recommendation.id,
      label: '% Good',
      share: 'GOOD_OR_ABOVE',
      serviceAreaIds: [serviceAreaId],
      targetPercent: 60,
    },
    select: { id: true, version: true },
  });
}

/** For each entry: build what it acts on, and return the call to make. */
const CALLS: Record<string, (setup: Setup) => Promise<Call>> = {
  createUserAction: async () => () =>
    users.createUserAction({
      email: `${unique('new')}@example.org`,
      name: 'New Person',
      role: 'DIRECTOR',
      serviceAreaId: '',
      password: 'a-long-password-1',
    }),
  updateUserAction: async () => {
    const target = await createUser('IMPROVEMENT_MANAGER');
    return () =>
      users.updateUserAction({
        userId: target.id,
        version: target.version,
        name: 'Renamed',
        role: 'IMPROVEMENT_ASSISTANT',
        serviceAreaId: '',
      });
  },
  setUserActiveAction: async () => {
    const target = await createUser('IMPROVEMENT_MANAGER');
    return () => users.setUserActiveAction({ userId: target.id, version: target.version, isActive: false });
  },
  resetPasswordAction: async () => {
    const target = await createUser('IMPROVEMENT_MANAGER');
    return () =>
      users.resetPasswordAction({
        userId: target.id,
        version: target.version,
        password: 'another-long-password',
      });
  },
  createServiceAreaAction: async () => () =>
    organisation.createServiceAreaAction({
      code: unique('Z')
        .replace(/[^A-Za-z0-9]/g, '')
        .slice(0, 20),
      name: 'New area',
    }),
  updateServiceAreaAction: async () => {
    const area = await createServiceArea();
    return () =>
      organisation.updateServiceAreaAction({
        serviceAreaId: area.id,
        version: area.version,
        name: 'Renamed area',
      });
  },
  createTeamAction: async () => {
    const area = await createServiceArea();
    return () => organisation.createTeamAction({ serviceAreaId: area.id, name: 'New team' });
  },
  updateTeamAction: async () => {
    const area = await createServiceArea();
    const team = await createTeam(area.id);
    return () =>
      organisation.updateTeamAction({ teamId: team.id, version: team.version, name: 'Renamed team' });
  },
  createPractitionerAction: async () => {
    const area = await createServiceArea();
    const team = await createTeam(area.id);
    return () =>
      practitioners.createPractitionerAction({
        reference: unique('P'),
        name: 'New Practitioner',
        teamId: team.id,
        employment: 'AGENCY',
        performanceBand: '3',
        managerId: '',
      });
  },
  updatePractitionerAction: async () => {
    const area = await createServiceArea();
    const team = await createTeam(area.id);
    const practitioner = await createPractitioner(team.id);
    return () =>
      practitioners.updatePractitionerAction({
        practitionerId: practitioner.id,
        version: practitioner.version,
        name: 'Renamed',
        teamId: team.id,
        employment: 'EMPLOYED',
        performanceBand: '',
        managerId: '',
        isActive: 'true',
      });
  },
  importPractitionersAction: async () => {
    const area = await createServiceArea();
    await createTeam(area.id, 'Imported team');
    const csv = `reference,name,service_area,team,employment\n${unique('P')},Imported Person,${area.code},Imported team,Employed\n`;
    return () => practitioners.importPractitionersAction({ csv, commit: true });
  },
  createThresholdDocumentAction: async () => () =>
    thresholds.createThresholdDocumentAction({
      name: unique('Rubric'),
      label: 'Version one',
      scale: 'four-point',
    }),
  startThresholdVersionAction: async () => {
    const published = await createThresholdVersion();
    return () =>
      thresholds.startThresholdVersionAction({ documentId: published.documentId, label: 'Next version' });
  },
  saveThresholdDraftAction: async () => {
    const draft = await createThresholdVersion({ status: 'DRAFT' });
    return () =>
      thresholds.saveThresholdDraftAction({
        versionId: draft.id,
        version: draft.version,
        label: 'Renamed draft',
        contentJson: JSON.stringify(NATIONAL_THRESHOLD_OCTOBER_2014),
      });
  },
  publishThresholdVersionAction: async () => {
    const draft = await createThresholdVersion({ status: 'DRAFT' });
    return () => thresholds.publishThresholdVersionAction({ versionId: draft.id, version: draft.version });
  },
  createAuditAction: async () => {
    const version = await createThresholdVersion();
    const area = await createServiceArea();
    return () => audits.createAuditAction(auditInput(version.id, area.id));
  },
  updateAuditAction: async () => {
    const audit = await createAudit();
    const area = await createServiceArea();
    return () =>
      audits.updateAuditAction({
        auditId: audit.id,
        version: audit.version,
        ...auditInput(audit.thresholdVersionId, area.id),
      });
  },
  transitionAuditAction: async () => {
    const audit = await createAudit();
    return () => audits.transitionAuditAction({ auditId: audit.id, version: audit.version, to: 'SAMPLING' });
  },
  importCaseIndexAction: async () => {
    const area = await createServiceArea();
    const team = await createTeam(area.id);
    const practitioner = await createPractitioner(team.id);
    const csv = `case_reference,service_area,team,practitioner_ref,law_type,document_type,filed_date,eit,subject_children\n${unique('CASE')},${area.code},${team.name},${practitioner.reference},Public Law,report,2014-10-01,no,2\n`;
    return () =>
      caseFiles.importCaseIndexAction({
        fileName: 'index.csv',
        contentBase64: Buffer.from(csv).toString('base64'),
        commit: true,
      });
  },
  drawSampleAction: async () => {
    const { audit } = await createSamplingAudit();
    return () => sampling.drawSampleAction({ auditId: audit.id, seed: 'matrix', sharePercent: '50' });
  },
  lockSampleAction: async () => {
    const { audit } = await createSamplingAudit({ draw: true });
    return () => sampling.lockSampleAction({ auditId: audit.id, version: 1 });
  },
  replaceSampledCaseAction: async () => {
    const { audit } = await createSamplingAudit({ lock: true });
    const [selected] = await sampledCases(audit.id, 'SELECTED');
    return () =>
      sampling.replaceSampledCaseAction({
        sampledCaseId: selected?.id ?? '',
        version: selected?.version ?? 1,
        reason: 'case-sealed',
        note: '',
      });
  },
  autoAssignAction: async () => {
    const { audit } = await createSamplingAudit({ lock: true });
    await createUser('IMPROVEMENT_MANAGER');
    return () => sampling.autoAssignAction({ auditId: audit.id });
  },
  reassignCaseAction: async () => {
    const { audit } = await createSamplingAudit({ lock: true });
    const auditor = await createUser('IMPROVEMENT_MANAGER');
    const [selected] = await sampledCases(audit.id, 'SELECTED');
    return () =>
      sampling.reassignCaseAction({
        sampledCaseId: selected?.id ?? '',
        version: selected?.version ?? 1,
        auditorId: auditor.id,
      });
  },
  'GET /(app)/audits/[auditId]/sample/export': async () => {
    const { audit } = await createSamplingAudit({ draw: true });
    return async () => {
      const response = await exportSample(new Request('http://localhost/export'), {
        params: Promise.resolve({ auditId: audit.id }),
      });
      if (response.status === 401) return { ok: false, error: MESSAGES.signedOut };
      if (response.status === 404) return { ok: false, error: MESSAGES.notFound };
      const text = await response.text();
      return {
        ok:
          response.status === 200 && text.startsWith('audit,seed,share_percent') && text.includes(audit.name),
      };
    };
  },
  'GET /(app)/reports/[auditId]/export': async ({ targetAreaId }) => {
    const { audit } = await createGradedAudit([
      { serviceAreaId: targetAreaId, grade: 'good' },
      { serviceAreaId: targetAreaId, grade: 'not-met' },
    ]);
    return async () => {
      const response = await exportReport(
        new Request(
          `http://localhost/reports/${audit.id}/export?format=csv&table=fig-3-service-area&area=${targetAreaId}`,
        ),
        { params: Promise.resolve({ auditId: audit.id }) },
      );
      if (response.status === 401) return { ok: false, error: MESSAGES.signedOut };
      if (response.status === 404) return { ok: false, error: MESSAGES.notFound };
      const text = await response.text();
      return {
        ok: response.status === 200 && text.startsWith('Service area,Cases') && text.includes('\nTotal,2,'),
      };
    };
  },
  'GET /(app)/dashboard/export': async ({ targetAreaId }) => {
    await createGradedAudit(
      [
        { serviceAreaId: targetAreaId, grade: 'good' },
        { serviceAreaId: targetAreaId, grade: 'met' },
      ],
      { kind: 'PERFORMANCE_BOARD', windowTo: '2039-06-30' },
    );
    return async () => {
      const response = await exportDashboard(
        new Request(
          `http://localhost/dashboard/export?table=standing&area=${targetAreaId}&kind=PERFORMANCE_BOARD&from=2039-06&to=2039-06`,
        ),
      );
      if (response.status === 401) return { ok: false, error: MESSAGES.signedOut };
      if (response.status === 404) return { ok: false, error: MESSAGES.notFound };
      const text = await response.text();
      return { ok: response.status === 200 && text.startsWith('Team,Graded cases,') };
    };
  },
  'GET /(app)/local/qa-overview/export': async ({ targetAreaId }) => {
    await createGradedAudit(
      [
        { serviceAreaId: targetAreaId, grade: 'good', qa: { collaborative: true } },
        { serviceAreaId: targetAreaId, grade: 'met', qa: { collaborative: false } },
      ],
      { kind: 'LOCAL_QUALITY_IMPACT', status: 'GRADING' },
    );
    const today = new Date().toISOString().slice(0, 10);
    return async () => {
      const response = await exportQaOverview(
        new Request(
          `http://localhost/local/qa-overview/export?format=csv&table=indicators&area=${targetAreaId}&from=${today}&to=${today}`,
        ),
      );
      if (response.status === 401) return { ok: false, error: MESSAGES.signedOut };
      if (response.status === 404) return { ok: false, error: MESSAGES.notFound };
      const text = await response.text();
      return { ok: response.status === 200 && text.startsWith('Indicator,Count,Of,') };
    };
  },
  drawBenchmarksAction: async ({ targetAreaId }) => {
    const auditor = await createUser('IMPROVEMENT_MANAGER');
    const { audit } = await createGradedAudit([{ serviceAreaId: targetAreaId, grade: 'good' }], {
      status: 'GRADING',
      auditorId: auditor.id,
    });
    return () => benchmarks.drawBenchmarksAction({ auditId: audit.id, sharePercent: '10' });
  },
  addBenchmarkCaseAction: async ({ targetAreaId }) => {
    const auditor = await createUser('IMPROVEMENT_MANAGER');
    const { audit } = await createGradedAudit([{ serviceAreaId: targetAreaId, grade: 'good' }], {
      status: 'GRADING',
      auditorId: auditor.id,
    });
    const found = await db().caseAudit.findFirstOrThrow({
      where: { auditId: audit.id },
      select: { sampledCase: { select: { caseFile: { select: { reference: true } } } } },
    });
    const benchmarker = await createUser('SENIOR_SERVICE_MANAGER');
    return () =>
      benchmarks.addBenchmarkCaseAction({
        auditId: audit.id,
        caseReference: found.sampledCase.caseFile.reference,
        benchmarkerId: benchmarker.id,
      });
  },
  submitBenchmarkAction: async ({ actorId, role }) => {
    // Assigned to the actor when they may benchmark; the case is never in their own area.
    const mayBenchmark = role === 'SENIOR_SERVICE_MANAGER' || role === 'HEAD_OF_SERVICE';
    const { benchmark, content } = await createBenchmark({
      benchmarkerId: mayBenchmark && actorId ? actorId : undefined,
    });
    return () =>
      benchmarks.submitBenchmarkAction({
        benchmarkId: benchmark.id,
        baseVersion: benchmark.version,
        submissionId: randomUUID(),
        answersJson: JSON.stringify(completeAnswers(content, 'met')),
      });
  },
  'PUT /api/benchmarks/[benchmarkId]/draft': async ({ actorId, role }) => {
    const mayBenchmark = role === 'SENIOR_SERVICE_MANAGER' || role === 'HEAD_OF_SERVICE';
    const { benchmark, content } = await createBenchmark({
      benchmarkerId: mayBenchmark && actorId ? actorId : undefined,
    });
    return async () => {
      const response = await saveBenchmarkDraft(
        new Request('http://localhost/draft', {
          method: 'PUT',
          body: JSON.stringify({ baseVersion: benchmark.version, answers: completeAnswers(content, 'met') }),
        }),
        { params: Promise.resolve({ benchmarkId: benchmark.id }) },
      );
      if (response.status === 401) return { ok: false, error: MESSAGES.signedOut };
      if (response.status === 404) return { ok: false, error: MESSAGES.notFound };
      return { ok: response.status === 200 };
    };
  },
  moderateBenchmarkAction: async ({ actorId, actorIs }) => {
    const { benchmark } = await createBenchmark({
      submitted: true,
      benchmarkerId: actorIs === 'the benchmarker' && actorId ? actorId : undefined,
      auditorId: actorIs === 'the original auditor' && actorId ? actorId : undefined,
    });
    return () =>
      benchmarks.moderateBenchmarkAction({
        benchmarkId: benchmark.id,
        version: benchmark.version,
        reason: 'Agreed after reading the plan again.',
        'agreed.overall': 'met',
        'agreed.case-recording': 'met',
        'agreed.case-planning': 'met',
        'agreed.reporting': 'met',
        'agreed.safeguarding': 'met',
        'agreed.voice-of-the-child': 'met',
        'agreed.diversity': 'met',
        'agreed.management-oversight': 'met',
        'agreed.supervision': 'met',
      });
  },
  drawModerationsAction: async ({ targetAreaId }) => {
    const manager = await createUser('SERVICE_MANAGER', targetAreaId);
    await createUser('HEAD_OF_PRACTICE', targetAreaId);
    await createLocalAuditCases({
      serviceAreaId: targetAreaId,
      managers: [{ id: manager.id, grades: ['good', 'met'] }],
    });
    return () => localModeration.drawModerationsAction({ serviceAreaId: targetAreaId, period: '2039-04' });
  },
  submitModerationAction: async ({ actorId, role, targetAreaId, actorIs }) => {
    // Given to the actor when they are a Head of Practice (in whichever area the row puts the case).
    const { moderation, content } = await createLocalModeration({
      serviceAreaId: targetAreaId,
      moderatorId: role === 'HEAD_OF_PRACTICE' && actorId && !actorIs ? actorId : undefined,
    });
    return () =>
      localModeration.submitModerationAction({
        moderationId: moderation.id,
        baseVersion: moderation.version,
        submissionId: randomUUID(),
        answersJson: JSON.stringify(completeAnswers(content, 'met')),
      });
  },
  'PUT /api/local-moderations/[moderationId]/draft': async ({ actorId, role, targetAreaId, actorIs }) => {
    const { moderation, content } = await createLocalModeration({
      serviceAreaId: targetAreaId,
      moderatorId: role === 'HEAD_OF_PRACTICE' && actorId && !actorIs ? actorId : undefined,
    });
    return async () => {
      const response = await saveModerationDraft(
        new Request('http://localhost/draft', {
          method: 'PUT',
          body: JSON.stringify({ baseVersion: moderation.version, answers: completeAnswers(content, 'met') }),
        }),
        { params: Promise.resolve({ moderationId: moderation.id }) },
      );
      if (response.status === 401) return { ok: false, error: MESSAGES.signedOut };
      if (response.status === 404) return { ok: false, error: MESSAGES.notFound };
      return { ok: response.status === 200 };
    };
  },
  agreeModerationAction: async ({ actorId, role, targetAreaId }) => {
    const { moderation, content } = await createLocalModeration({
      serviceAreaId: targetAreaId,
      submitted: true,
      moderatorId: role === 'HEAD_OF_PRACTICE' && actorId ? actorId : undefined,
    });
    const agreed = Object.fromEntries(content.sections.map((section) => [`agreed.${section.key}`, 'met']));
    return () =>
      localModeration.agreeModerationAction({
        moderationId: moderation.id,
        version: moderation.version,
        reason: 'Agreed with the manager after reading the plan.',
        'agreed.overall': 'met',
        ...agreed,
      });
  },
  'GET /(app)/audits/[auditId]/calibration/export': async () => {
    const { audit } = await createBenchmark({ submitted: true });
    return async () => {
      const response = await exportCalibration(
        new Request(
          `http://localhost/audits/${audit.id}/calibration/export?format=csv&table=agreement-overall`,
        ),
        { params: Promise.resolve({ auditId: audit.id }) },
      );
      if (response.status === 401) return { ok: false, error: MESSAGES.signedOut };
      if (response.status === 404) return { ok: false, error: MESSAGES.notFound };
      const text = await response.text();
      return {
        ok: response.status === 200 && text.startsWith('Statistic,Value') && text.includes('Pairs,1'),
      };
    };
  },
  saveReportNarrativeAction: async () => {
    const { audit } = await createGradedAudit([]);
    return () =>
      reports.saveReportNarrativeAction({
        auditId: audit.id,
        baseVersion: 0,
        strengths: 'Plans started on time.',
        learning: '',
        conclusion: '',
        nextSteps: '',
      });
  },
  importResultsAction: async ({ targetAreaId }) => {
    const area = await db().serviceArea.findUniqueOrThrow({
      where: { id: targetAreaId },
      select: { code: true },
    });
    const csv = `case_ref,service_area,practitioner_ref,employment,law_type,overall_grade,children_seen\n${unique('R')},${area.code},${unique('NEWP')},Employed,Public Law,Good,Seen\n`;
    return () =>
      reports.importResultsAction({
        auditName: unique('Imported audit'),
        fileName: 'results.csv',
        contentBase64: Buffer.from(csv).toString('base64'),
        commit: true,
        createPractitioners: true,
      });
  },
  submitCaseAuditAction: async ({ actorId, role, actorIs, targetAreaId }) => {
    // Assigned to the actor when they are an auditor (or the team's Service Manager); otherwise to someone else.
    const assigned = await assignedForGrading({ actorId, role, actorIs, targetAreaId });
    return () =>
      grading.submitCaseAuditAction({
        sampledCaseId: assigned.sampledCaseId,
        baseVersion: 0,
        submissionId: randomUUID(),
        answersJson: JSON.stringify(completeAnswers(assigned.content, 'good')),
      });
  },
  'PUT /api/case-audits/[sampledCaseId]/draft': async ({ actorId, role, actorIs, targetAreaId }) => {
    const assigned = await assignedForGrading({ actorId, role, actorIs, targetAreaId });
    return async () => {
      const response = await saveDraftRoute(
        new Request('http://localhost/draft', {
          method: 'PUT',
          body: JSON.stringify({ baseVersion: 0, answers: completeAnswers(assigned.content, 'good') }),
        }),
        { params: Promise.resolve({ sampledCaseId: assigned.sampledCaseId }) },
      );
      if (response.status === 401) return { ok: false, error: MESSAGES.signedOut };
      if (response.status === 404) return { ok: false, error: MESSAGES.notFound };
      return { ok: response.status === 200 };
    };
  },
  raiseConcernAction: async ({ actorId, role }) => {
    const auditorId =
      role === 'IMPROVEMENT_MANAGER' && actorId ? actorId : (await createUser('IMPROVEMENT_MANAGER')).id;
    const assigned = await createAssignedCase({ auditorId });
    return () =>
      grading.raiseConcernAction({
        sampledCaseId: assigned.sampledCaseId,
        description: 'A referral is needed for the non-subject children.',
      });
  },
  acknowledgeConcernAction: async ({ targetAreaId }) => {
    const { concern } = await createConcernAndReview(targetAreaId);
    return () => grading.acknowledgeConcernAction({ concernId: concern.id, version: concern.version });
  },
  closeConcernAction: async ({ targetAreaId }) => {
    const { concern } = await createConcernAndReview(targetAreaId, { acknowledged: true });
    return () =>
      grading.closeConcernAction({
        concernId: concern.id,
        version: concern.version,
        actionTaken: 'Referred to the local authority.',
      });
  },
  recordAreaReviewAction: async ({ targetAreaId }) => {
    const { review } = await createConcernAndReview(targetAreaId);
    return () =>
      grading.recordAreaReviewAction({
        reviewId: review.id,
        version: review.version,
        actionTaken: 'Discussed with the team manager.',
      });
  },
  recordInspectionJudgementAction:
    async ({ targetAreaId }) =>
    () =>
      inspections.recordInspectionJudgementAction({
        serviceAreaId: targetAreaId,
        judgedOn: '2018-03-02',
        grade: 'GOOD',
        inspectedBy: 'Ofsted',
        note: '',
      }),
  markInboxReadAction: async ({ actorId }) => {
    if (actorId)
      await db().notification.create({ data: { userId: actorId, title: 'Test', body: 'Test', link: '/' } });
    return () => grading.markInboxReadAction({});
  },
  raiseChallengeAction: async ({ targetAreaId }) => {
    const { assigned } = await createConcernAndReview(targetAreaId);
    return () =>
      challenges.raiseChallengeAction({
        sampledCaseId: assigned.sampledCaseId,
        disputedSections: ['plans'],
        proposedGrade: 'requires-improvement',
        reasons: 'The plan was reviewed.',
      });
  },
  withdrawChallengeAction: async ({ actorId, role, targetAreaId }) => {
    // Raised by the actor when they could have raised it.
    const raisedById =
      actorId && (role === 'HEAD_OF_SERVICE' || role === 'ASSISTANT_DIRECTOR') ? actorId : undefined;
    const { challenge } = await createChallenge({ serviceAreaId: targetAreaId, raisedById });
    return () =>
      challenges.withdrawChallengeAction({ challengeId: challenge.id, version: challenge.version });
  },
  replyToChallengeAction: async ({ actorId, role, targetAreaId }) => {
    const { challenge } = await createChallenge({
      serviceAreaId: targetAreaId,
      auditorId: role === 'IMPROVEMENT_MANAGER' && actorId ? actorId : undefined,
    });
    return () =>
      challenges.replyToChallengeAction({
        challengeId: challenge.id,
        version: challenge.version,
        reply: 'The plan was late.',
      });
  },
  decideChallengeAction: async ({ targetAreaId }) => {
    const { challenge } = await createChallenge({ serviceAreaId: targetAreaId, status: 'AWAITING_DECISION' });
    return () =>
      challenges.decideChallengeAction({
        challengeId: challenge.id,
        version: challenge.version,
        decision: 'REGRADED',
        newGrade: 'requires-improvement',
        reasons: 'The plan was on time.',
      });
  },
  referChallengeAction: async ({ targetAreaId }) => {
    const { challenge } = await createChallenge({ serviceAreaId: targetAreaId, status: 'AWAITING_DECISION' });
    return () => challenges.referChallengeAction({ challengeId: challenge.id, version: challenge.version });
  },
  adjudicateChallengeAction: async ({ targetAreaId }) => {
    const { challenge } = await createChallenge({ serviceAreaId: targetAreaId, status: 'REFERRED' });
    return () =>
      challenges.adjudicateChallengeAction({
        challengeId: challenge.id,
        version: challenge.version,
        adjudication: 'UPHELD',
        newGrade: '',
        reasons: 'The grade stands.',
      });
  },
  'GET /(app)/admin/access-log/export':
    async ({ actorId }) =>
    async () => {
      const response = await exportAccessLog(
        new Request('http://localhost/admin/access-log/export?action=export'),
      );
      if (response.status === 401) return { ok: false, error: MESSAGES.signedOut };
      if (response.status === 404) return { ok: false, error: MESSAGES.notFound };
      const text = await response.text();
      // The download logs itself before it is built, so it lists its own row.
      return {
        ok:
          response.status === 200 &&
          text.startsWith('occurred_at,person,email,action,target,details,ip') &&
          actorId !== null &&
          (await db().accessLog.count({ where: { actorId, action: 'export', target: 'access_log' } })) === 1,
      };
    },
  // The register: the target sits in the actor's area, another, or (for an area's leaders) is national.
  createSourceAction: async ({ targetAreaId, actorIs }) => {
    const national = actorIs === 'acting on a national source';
    return () =>
      register.createSourceAction({
        title: unique('Source'),
        kind: national ? 'INSPECTION' : 'AREA_IMPROVEMENT_PLAN',
        issuedBy: 'Ofsted',
        issuedOn: '2014-03-31',
        document: '',
        scale: 'MET_ONGOING',
        serviceAreaId: national ? '' : targetAreaId,
        auditId: '',
        periodFrom: '',
        periodTo: '',
      });
  },
  updateSourceAction: async ({ targetAreaId, actorIs }) => {
    const source = await createRegisterSource(actorIs ? null : targetAreaId);
    return () =>
      register.updateSourceAction({
        sourceId: source.id,
        version: source.version,
        title: unique('Renamed source'),
        kind: source.serviceAreaId ? 'AREA_IMPROVEMENT_PLAN' : 'INSPECTION',
        issuedBy: 'Ofsted',
        issuedOn: '2014-03-31',
        document: 'Renamed',
        scale: 'MET_ONGOING',
        serviceAreaId: source.serviceAreaId ?? '',
        auditId: '',
        periodFrom: '',
        periodTo: '',
      });
  },
  createRecommendationAction: async ({ targetAreaId, actorIs }) => {
    const source = await createRegisterSource(actorIs ? null : targetAreaId);
    return () =>
      register.createRecommendationAction({
        sourceId: source.id,
        number: '1',
        text: 'Improve the safeguarding letters',
        kind: 'RECOMMENDATION',
        scope: 'NATIONAL',
        serviceAreaIds: [],
        lawTypes: [],
        ownerId: '',
        dueOn: '',
      });
  },
  updateRecommendationAction: async ({ targetAreaId, actorIs }) => {
    const { recommendation } = await createRegisterAction(actorIs ? null : targetAreaId);
    return () =>
      register.updateRecommendationAction({
        recommendationId: recommendation.id,
        version: recommendation.version,
        number: '1',
        text: 'Improve the safeguarding letters, reworded',
        kind: 'RECOMMENDATION',
        scope: 'NATIONAL',
        serviceAreaIds: [],
        lawTypes: [],
        ownerId: '',
        dueOn: '',
      });
  },
  setRecommendationStatusAction: async ({ targetAreaId, actorIs }) => {
    const { recommendation } = await createRegisterAction(actorIs ? null : targetAreaId);
    return () =>
      register.setRecommendationStatusAction({
        recommendationId: recommendation.id,
        version: recommendation.version,
        status: 'CLOSED',
      });
  },
  createImprovementActionAction: async ({ targetAreaId, actorIs }) => {
    const { recommendation, owner } = await createRegisterAction(actorIs ? null : targetAreaId);
    return () =>
      register.createImprovementActionAction({
        recommendationId: recommendation.id,
        description: 'Re-issue the letter template',
        ownerId: owner.id,
        dueOn: '2015-01-31',
      });
  },
  updateImprovementActionAction: async ({ targetAreaId, actorIs }) => {
    const { action, owner } = await createRegisterAction(actorIs ? null : targetAreaId);
    return () =>
      register.updateImprovementActionAction({
        actionId: action.id,
        version: action.version,
        description: 'Monthly file reading in every team, with feedback',
        ownerId: owner.id,
        dueOn: '2014-10-31',
      });
  },
  changeImprovementActionStatusAction: async ({ targetAreaId, actorIs }) => {
    const { action } = await createRegisterAction(actorIs ? null : targetAreaId);
    return () =>
      register.changeImprovementActionStatusAction({
        actionId: action.id,
        version: action.version,
        status: 'IN_PROGRESS',
      });
  },
  recordImprovementActionUpdateAction: async ({ targetAreaId, actorIs }) => {
    const { action } = await createRegisterAction(actorIs ? null : targetAreaId);
    return () =>
      register.recordImprovementActionUpdateAction({
        actionId: action.id,
        version: action.version,
        text: 'Reading started in two teams.',
        auditIds: [],
        reportAuditIds: [],
        linkLabel: 'Minutes',
        linkUrl: 'https://intranet.example.org/minutes',
      });
  },
  importRecommendationsAction: async () => {
    const csv = `source_title,source_kind,issued_by,issued_on,scale,number,text\n${unique('Review')},Review,HMI,2014-05-01,Met / ongoing,1,Improve the letters\n`;
    return () =>
      register.importRecommendationsAction({
        fileName: 'recommendations.csv',
        contentBase64: Buffer.from(csv).toString('base64'),
        commit: true,
      });
  },
  createMeasureAction: async ({ targetAreaId }) => {
    const recommendation = await createMatrixRecommendation(targetAreaId);
    return () =>
      improvementMeasures.createMeasureAction({
        recommendationId: recommendation.id,
        ...measureInput(targetAreaId),
      });
  },
  updateMeasureAction: async ({ targetAreaId }) => {
    const measure = await createMatrixMeasure(targetAreaId);
    return () =>
      improvementMeasures.updateMeasureAction({
        measureId: measure.id,
        version: measure.version,
        ...measureInput(targetAreaId),
        targetPercent: '70',
      });
  },
  deleteMeasureAction: async ({ targetAreaId }) => {
    const measure = await createMatrixMeasure(targetAreaId);
    return () => improvementMeasures.deleteMeasureAction({ measureId: measure.id, version: measure.version });
  },
  commissionThematicAuditAction: async ({ targetAreaId }) => {
    const recommendation = await createMatrixRecommendation(null);
    const version = await createThresholdVersion({ content: NATIONAL_THRESHOLD_OCTOBER_2014 });
    return () =>
      improvementMeasures.commissionThematicAuditAction({
        name: unique('Thematic audit'),
        kind: 'THEMATIC',
        purpose: 'To test the recommendation',
        windowFrom: '2015-01-01',
        windowTo: '2015-03-31',
        thresholdVersionId: version.id,
        lawTypes: ['PUBLIC_LAW'],
        serviceAreaIds: [targetAreaId],
        goodOrAboveTarget: '',
        lowestTarget: '',
        targetDate: '',
        comparedWithId: '',
        commissionedById: '',
        leadId: '',
        challengeWindowDays: '10',
        recommendationId: recommendation.id,
        measureId: '',
      });
  },
  createProgressReviewAction: async ({ targetAreaId, actorIs }) => {
    const { source } = await createRecommendationSource({
      serviceAreaId: actorIs === 'on a national source' ? null : targetAreaId,
    });
    return () =>
      improvementReviews.createProgressReviewAction({
        sourceId: source.id,
        kind: 'MID_POINT',
        title: 'Mid-point review',
        asOf: '2014-10-15',
      });
  },
  recordJudgementAction: async ({ targetAreaId, actorIs }) => {
    const { source, recommendations } = await createRecommendationSource({
      serviceAreaId: actorIs === 'on a national source' ? null : targetAreaId,
    });
    const review = await createProgressReviewFor(source.id);
    return () =>
      improvementReviews.recordJudgementAction({
        reviewId: review.id,
        recommendationId: recommendations[0]?.id ?? '',
        basedOn: '',
        judgement: 'met',
        evidence: 'The audit shows the change.',
        reason: 'The target is met.',
      });
  },
  ...Object.fromEntries(
    (
      [
        ['pdf', exportReviewPdf, '%PDF'],
        ['xlsx', exportReviewXlsx, 'PK'],
      ] as const
    ).map(([format, handler, magic]) => [
      `GET /(app)/improvement/reviews/[reviewId]/export/${format}`,
      async ({ targetAreaId, actorIs }: Setup): Promise<Call> => {
        const { source } = await createRecommendationSource({
          serviceAreaId: actorIs === 'on a national source' ? null : targetAreaId,
        });
        const review = await createProgressReviewFor(source.id);
        return async () => {
          const response = await handler(new Request(`http://localhost/export/${format}`), {
            params: Promise.resolve({ reviewId: review.id }),
          });
          if (response.status === 401) return { ok: false, error: MESSAGES.signedOut };
          if (response.status === 404) return { ok: false, error: MESSAGES.notFound };
          const bytes = Buffer.from(await response.arrayBuffer());
          return {
            ok: response.status === 200 && bytes.subarray(0, magic.length).toString('latin1') === magic,
          };
        };
      },
    ]),
  ),
  'GET /(app)/improvement/board-pack/export/pdf': async () => async () => {
    const response = await exportBoardPackPdf(
      new Request('http://localhost/improvement/board-pack/export/pdf?date=2015-03-31'),
    );
    if (response.status === 401) return { ok: false, error: MESSAGES.signedOut };
    if (response.status === 404) return { ok: false, error: MESSAGES.notFound };
    const bytes = Buffer.from(await response.arrayBuffer());
    return { ok: response.status === 200 && bytes.subarray(0, 5).toString('latin1') === '%PDF-' };
  },
  'GET /(app)/improvement/board-pack/export/xlsx': async () => async () => {
    const response = await exportBoardPackXlsx(
      new Request('http://localhost/improvement/board-pack/export/xlsx?date=2015-03-31'),
    );
    if (response.status === 401) return { ok: false, error: MESSAGES.signedOut };
    if (response.status === 404) return { ok: false, error: MESSAGES.notFound };
    const bytes = Buffer.from(await response.arrayBuffer());
    // A workbook is a zip: it starts "PK".
    return { ok: response.status === 200 && bytes.subarray(0, 2).toString('latin1') === 'PK' };
  },
  setTeamServiceManagerAction: async () => {
    const area = await createServiceArea();
    const team = await createTeam(area.id);
    const manager = await createUser('SERVICE_MANAGER', area.id);
    return () =>
      teamManagers.setTeamServiceManagerAction({
        teamId: team.id,
        version: team.version,
        serviceManagerId: manager.id,
      });
  },
  createLocalProgrammeAction: async ({ targetAreaId }) => {
    const version = await createThresholdVersion();
    return () =>
      localProgrammes.createLocalProgrammeAction({
        name: unique('Local programme'),
        kind: 'LOCAL_QUALITY_IMPACT',
        serviceAreaId: targetAreaId,
        thresholdVersionId: version.id,
        windowFrom: '2039-04-01',
        windowTo: '2040-03-31',
        quota: '2',
        moderationSharePercent: '10',
        recentDays: '90',
      });
  },
  drawLocalMonthAction: async ({ targetAreaId }) => {
    await createLocalArea({ teams: 1, casesPerTeam: 2, serviceAreaId: targetAreaId });
    const lead = await actingAs('SENIOR_SERVICE_MANAGER');
    const { auditId } = await createProgramme(lead.actor, { serviceAreaId: targetAreaId });
    return () => localProgrammes.drawLocalMonthAction({ auditId, month: '2039-05', seed: 'matrix' });
  },
  pickLocalCaseAction: async ({ actorId, role, targetAreaId }) => {
    // The case's team is the actor's when they are a Service Manager: the area decides.
    const local = await createLocalArea({ teams: 1, casesPerTeam: 1, serviceAreaId: targetAreaId });
    const team = local.managers[0];
    if (role === 'SERVICE_MANAGER' && actorId && team)
      await db().team.update({ where: { id: team.teamId }, data: { serviceManagerId: actorId } });
    const lead = await actingAs('SENIOR_SERVICE_MANAGER');
    const month = monthOf(new Date());
    const { auditId } = await createProgramme(lead.actor, {
      serviceAreaId: targetAreaId,
      windowFrom: month,
      windowTo: `${Number(month.slice(0, 4)) + 1}-${month.slice(5, 7)}-01`,
    });
    return () =>
      localProgrammes.pickLocalCaseAction({
        auditId,
        caseFileId: team?.caseFileIds[0] ?? '',
        month: month.slice(0, 7),
        reason: 'The plan changed twice after the hearing.',
      });
  },
  recordObservationAction: async ({ actorId, role, targetAreaId, actorIs }) => {
    // A Service Manager's own team, unless the row is about someone else's.
    const managerId = role === 'SERVICE_MANAGER' && actorId && !actorIs ? actorId : null;
    const { practitionerId } = await observationTarget(targetAreaId, managerId);
    return () => localObservations.recordObservationAction({ practitionerId, ...observationFields() });
  },
  amendObservationAction: async ({ actorId, role, targetAreaId, actorIs }) => {
    const isObserver = (role === 'SERVICE_MANAGER' || role === 'HEAD_OF_PRACTICE') && actorId && !actorIs;
    const observerId = isObserver ? actorId : (await createUser('HEAD_OF_PRACTICE', targetAreaId)).id;
    const target = await observationTarget(targetAreaId, role === 'SERVICE_MANAGER' ? observerId : null);
    const observation = await db().practiceObservation.create({
      data: {
        serviceAreaId: targetAreaId,
        teamId: target.teamId,
        practitionerId: target.practitionerId,
        observerId,
        observedOn: new Date('2026-01-15T00:00:00Z'),
        setting: 'MEETING',
        answers: {},
        feedback: 'First feedback.',
      },
      select: { id: true, version: true },
    });
    return () =>
      localObservations.amendObservationAction({
        observationId: observation.id,
        version: observation.version,
        ...observationFields(),
      });
  },
  'GET /api/health': async () => async () => {
    const response = await health();
    const body = (await response.json()) as { status: string };
    return { ok: response.status === 200 && body.status === 'ok' };
  },
};

let rowsRun = 0;
const integrationEntries = ACCESS_MATRIX.filter((entry) => entry.runIn === 'integration');

describe.each(integrationEntries)('$entry', (entry: MatrixEntry) => {
  const titled = entry.rows.map(
    (row) =>
      [
        `${row.role} (${row.scope}${row.actorIs ? `, as ${row.actorIs}` : ''}) → ${row.expected}`,
        row,
      ] as const,
  );
  it.each(titled)('%s', async (_title, row) => {
    const prepare = CALLS[entry.entry];
    expect(prepare, `no call defined for ${entry.entry}`).toBeDefined();
    // Area roles run one area; the target sits in it ("own area") or elsewhere.
    const ownArea = row.scope === 'own area' || row.scope === 'other area' ? await createServiceArea() : null;
    const actor = row.role === 'anonymous' ? null : await createUser(row.role, ownArea?.id ?? null);
    const targetAreaId = row.scope === 'own area' && ownArea ? ownArea.id : (await createServiceArea()).id;
    const call = await (prepare as (setup: Setup) => Promise<Call>)({
      actorId: actor?.id ?? null,
      role: row.role,
      targetAreaId,
      actorIs: row.actorIs,
    });
    const token = actor ? await signedInAs(actor.id) : '';
    const isRoute = entry.entry.includes(' ');
    const before = await databaseFingerprint();
    const outcome = await runWithSessionToken(token, call);
    const after = await databaseFingerprint();
    rowsRun += 1;
    if (row.expected === 'allowed') {
      expect(outcome).toMatchObject({ ok: true });
      if (!isRoute) expect(after).not.toEqual(before);
    } else {
      expect(outcome.ok).toBe(false);
      // A refusal reads exactly like "not found": it never confirms the record exists
      // (unless the actor may see the target anyway, when the row names its explanation).
      expect(outcome.error).toBe(
        row.refusal ?? (row.role === 'anonymous' ? MESSAGES.signedOut : MESSAGES.notFound),
      );
      expect(after).toEqual(before);
    }
  });
});

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

describe('access-matrix guard', () => {
  it('has a row for every exported server action', () => {
    const actionFiles = walk('lib/actions').filter((file) =>
      /^['"]use server['"]/.test(readFileSync(file, 'utf8').trimStart()),
    );
    const exported = actionFiles.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/export async function (\w+)/g)].map((match) => match[1]),
    );
    expect(exported.length).toBeGreaterThan(0);
    const covered = new Set(ACCESS_MATRIX.map((entry) => entry.entry));
    expect(exported.filter((name) => !covered.has(name as string))).toEqual([]);
  });

  it('has a row for every route handler method', () => {
    const routes = walk('app').filter((file) => file.endsWith('route.ts'));
    const declared = routes.flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      const methods = [
        ...source.matchAll(
          /export (?:async function|const) (GET|POST|PUT|PATCH|DELETE)\b|as (GET|POST|PUT|PATCH|DELETE)\b/g,
        ),
      ].map((match) => match[1] ?? match[2]);
      const route = '/' + path.dirname(path.relative('app', file)).split(path.sep).join('/');
      return methods.map((method) => `${method} ${route}`);
    });
    expect(declared.length).toBeGreaterThan(0);
    const covered = new Set(ACCESS_MATRIX.map((entry) => entry.entry));
    expect(declared.filter((entry) => !covered.has(entry))).toEqual([]);
  });

  it('defines a call for every integration entry', () => {
    expect(integrationEntries.map((entry) => entry.entry).filter((entry) => !(entry in CALLS))).toEqual([]);
  });
});

afterAll(() => {
  // Fewer rows than declared means some were silently dropped.
  const expected = integrationEntries.reduce((sum, entry) => sum + entry.rows.length, 0);
  if (rowsRun !== expected) throw new Error(`access matrix ran ${rowsRun} of ${expected} integration rows`);
});
