// The access matrix: every server action and route handler, every role,
// every scope, and what must happen. Integration tests run each row against
// the real database; a guard fails when an exported entry point has no row.
import { MODERATOR_IS_AUDITOR, MODERATOR_IS_BENCHMARKER } from '@/lib/domain/benchmarking';
import { AREA_ROLES, ROLES, type Role } from '@/lib/domain/roles';

export type Scope = 'national' | 'own area' | 'other area';
export type Expected = 'allowed' | 'refused';
export type MatrixRow = {
  role: Role | 'anonymous';
  scope: Scope;
  expected: Expected;
  /** How the actor stands to the target, where that alone decides: "the benchmarker". */
  actorIs?: string;
  /**
   * A refusal that explains itself (the actor may see the target, so "not found"
   * would be false): the message expected instead of "not found".
   */
  refusal?: string;
};

export type MatrixEntry = {
  /** `createUserAction`, or `GET /api/health`. */
  entry: string;
  file: string;
  /** Where the rows run: integration (actions called directly) or e2e (over HTTP). */
  runIn: 'integration' | 'e2e';
  rows: MatrixRow[];
};

/** A national action only `allowed` roles may take: one row per role (area roles in their own area), plus anonymous. */
function onlyFor(entry: string, file: string, allowed: Role[]): MatrixEntry {
  return {
    entry,
    file,
    runIn: 'integration',
    rows: [
      ...ROLES.map((role): MatrixRow => ({
        role,
        scope: AREA_ROLES.includes(role) ? 'own area' : 'national',
        expected: allowed.includes(role) ? 'allowed' : 'refused',
      })),
      { role: 'anonymous', scope: 'national', expected: 'refused' },
    ],
  };
}

/**
 * An action on something in one service area: area roles get an own-area row
 * and an other-area row; national roles a national row; plus anonymous.
 */
function areaScoped(
  entry: string,
  file: string,
  allowed: { ownArea: Role[]; national: Role[] },
  runIn: 'integration' | 'e2e' = 'integration',
): MatrixEntry {
  const rows: MatrixRow[] = [];
  for (const role of ROLES) {
    if (AREA_ROLES.includes(role)) {
      rows.push({
        role,
        scope: 'own area',
        expected: allowed.ownArea.includes(role) ? 'allowed' : 'refused',
      });
      rows.push({ role, scope: 'other area', expected: 'refused' });
    } else {
      rows.push({
        role,
        scope: 'national',
        expected: allowed.national.includes(role) ? 'allowed' : 'refused',
      });
    }
  }
  rows.push({ role: 'anonymous', scope: 'national', expected: 'refused' });
  return { entry, file, runIn, rows };
}

/** Rows where the actor's part in the target (not their role or area) decides. */
const withRows = (entry: MatrixEntry, rows: MatrixRow[]): MatrixEntry => ({
  ...entry,
  rows: [...entry.rows, ...rows],
});

const adminOnly = (entry: string, file: string) => onlyFor(entry, file, ['ADMIN']);
const auditLeadership = (entry: string, file: string) =>
  onlyFor(entry, file, ['SENIOR_SERVICE_MANAGER', 'ADMIN']);

const publicRoute = (entry: string, file: string, runIn: 'integration' | 'e2e'): MatrixEntry => ({
  entry,
  file,
  runIn,
  rows: [
    { role: 'anonymous', scope: 'national', expected: 'allowed' },
    { role: 'DIRECTOR', scope: 'national', expected: 'allowed' },
  ],
});

/**
 * The improvement register: a source's area (none: national) is the scope of
 * everything under it. An area's leaders manage their own area's plan, never a
 * national source (which they read) nor another area's.
 */
const NATIONAL_SOURCE = 'acting on a national source';
const register = (entry: string) =>
  withRows(
    areaScoped(entry, 'lib/actions/improvement-register.ts', {
      ownArea: ['HEAD_OF_SERVICE', 'ASSISTANT_DIRECTOR'],
      national: ['NATIONAL_SERVICE_DIRECTOR', 'SENIOR_SERVICE_MANAGER'],
    }),
    (['HEAD_OF_SERVICE', 'ASSISTANT_DIRECTOR'] as const).map((role): MatrixRow => ({
      role,
      scope: 'own area',
      expected: 'refused',
      actorIs: NATIONAL_SOURCE,
    })),
  );
/** A Service Manager grading a local audit's case of a team they manage. */
export const SM_OF_THE_TEAM = 'the Service Manager of the case’s team';

export const ACCESS_MATRIX: MatrixEntry[] = [
  adminOnly('createUserAction', 'lib/actions/admin-users.ts'),
  adminOnly('updateUserAction', 'lib/actions/admin-users.ts'),
  adminOnly('setUserActiveAction', 'lib/actions/admin-users.ts'),
  adminOnly('resetPasswordAction', 'lib/actions/admin-users.ts'),
  adminOnly('createServiceAreaAction', 'lib/actions/admin-organisation.ts'),
  adminOnly('updateServiceAreaAction', 'lib/actions/admin-organisation.ts'),
  adminOnly('createTeamAction', 'lib/actions/admin-organisation.ts'),
  adminOnly('updateTeamAction', 'lib/actions/admin-organisation.ts'),
  adminOnly('createPractitionerAction', 'lib/actions/admin-practitioners.ts'),
  adminOnly('updatePractitionerAction', 'lib/actions/admin-practitioners.ts'),
  adminOnly('importPractitionersAction', 'lib/actions/admin-practitioners.ts'),
  auditLeadership('createThresholdDocumentAction', 'lib/actions/thresholds.ts'),
  auditLeadership('startThresholdVersionAction', 'lib/actions/thresholds.ts'),
  auditLeadership('saveThresholdDraftAction', 'lib/actions/thresholds.ts'),
  auditLeadership('publishThresholdVersionAction', 'lib/actions/thresholds.ts'),
  auditLeadership('createAuditAction', 'lib/actions/audits.ts'),
  auditLeadership('updateAuditAction', 'lib/actions/audits.ts'),
  auditLeadership('transitionAuditAction', 'lib/actions/audits.ts'),
  onlyFor('importCaseIndexAction', 'lib/actions/case-files.ts', ['IMPROVEMENT_ASSISTANT']),
  onlyFor('drawSampleAction', 'lib/actions/sampling.ts', ['SENIOR_SERVICE_MANAGER']),
  onlyFor('lockSampleAction', 'lib/actions/sampling.ts', ['SENIOR_SERVICE_MANAGER']),
  onlyFor('replaceSampledCaseAction', 'lib/actions/sampling.ts', ['SENIOR_SERVICE_MANAGER']),
  onlyFor('autoAssignAction', 'lib/actions/sampling.ts', ['SENIOR_SERVICE_MANAGER']),
  onlyFor('reassignCaseAction', 'lib/actions/sampling.ts', ['SENIOR_SERVICE_MANAGER']),
  // Reading the sample (a download): the lead, the assistants who prepare it, the commissioning director.
  onlyFor('GET /(app)/audits/[auditId]/sample/export', 'app/(app)/audits/[auditId]/sample/export/route.ts', [
    'SENIOR_SERVICE_MANAGER',
    'IMPROVEMENT_ASSISTANT',
    'NATIONAL_SERVICE_DIRECTOR',
  ]),
  // Grading: only the auditor the case is assigned to (a Service Manager: a local audit's case of their own team).
  withRows(onlyFor('submitCaseAuditAction', 'lib/actions/grading.ts', ['IMPROVEMENT_MANAGER']), [
    { role: 'SERVICE_MANAGER', scope: 'own area', expected: 'allowed', actorIs: SM_OF_THE_TEAM },
  ]),
  withRows(
    onlyFor(
      'PUT /api/case-audits/[sampledCaseId]/draft',
      'app/api/case-audits/[sampledCaseId]/draft/route.ts',
      ['IMPROVEMENT_MANAGER'],
    ),
    [{ role: 'SERVICE_MANAGER', scope: 'own area', expected: 'allowed', actorIs: SM_OF_THE_TEAM }],
  ),
  onlyFor('raiseConcernAction', 'lib/actions/grading.ts', ['IMPROVEMENT_MANAGER', 'SENIOR_SERVICE_MANAGER']),
  areaScoped('acknowledgeConcernAction', 'lib/actions/grading.ts', {
    ownArea: ['HEAD_OF_SERVICE', 'ASSISTANT_DIRECTOR'],
    national: ['SENIOR_SERVICE_MANAGER'],
  }),
  areaScoped('closeConcernAction', 'lib/actions/grading.ts', {
    ownArea: ['HEAD_OF_SERVICE', 'ASSISTANT_DIRECTOR'],
    national: ['SENIOR_SERVICE_MANAGER'],
  }),
  areaScoped('recordAreaReviewAction', 'lib/actions/grading.ts', {
    ownArea: ['HEAD_OF_SERVICE', 'ASSISTANT_DIRECTOR'],
    national: [],
  }),
  onlyFor('markInboxReadAction', 'lib/actions/grading.ts', [...ROLES]),
  // Challenges: raised and withdrawn by the area's leaders; replied to by the auditor; decided or
  // referred by the audit lead; adjudicated by the National Service Director.
  areaScoped('raiseChallengeAction', 'lib/actions/challenges.ts', {
    ownArea: ['HEAD_OF_SERVICE', 'ASSISTANT_DIRECTOR'],
    national: [],
  }),
  areaScoped('withdrawChallengeAction', 'lib/actions/challenges.ts', {
    ownArea: ['HEAD_OF_SERVICE', 'ASSISTANT_DIRECTOR'],
    national: [],
  }),
  onlyFor('replyToChallengeAction', 'lib/actions/challenges.ts', ['IMPROVEMENT_MANAGER']),
  onlyFor('decideChallengeAction', 'lib/actions/challenges.ts', ['SENIOR_SERVICE_MANAGER']),
  onlyFor('referChallengeAction', 'lib/actions/challenges.ts', ['SENIOR_SERVICE_MANAGER']),
  onlyFor('adjudicateChallengeAction', 'lib/actions/challenges.ts', ['NATIONAL_SERVICE_DIRECTOR']),
  // Reports: a Head of Service or Assistant Director reads their own area's figures; the national
  // roles read the nation's or any area's. The narrative is the audit lead's.
  areaScoped('GET /(app)/reports/[auditId]/export', 'app/(app)/reports/[auditId]/export/route.ts', {
    ownArea: ['HEAD_OF_SERVICE', 'ASSISTANT_DIRECTOR'],
    national: ['SENIOR_SERVICE_MANAGER', 'NATIONAL_SERVICE_DIRECTOR', 'DIRECTOR'],
  }),
  // Dashboards: an area's figures for its own leaders and the national roles (a team-level table here).
  areaScoped('GET /(app)/dashboard/export', 'app/(app)/dashboard/export/route.ts', {
    ownArea: ['HEAD_OF_SERVICE', 'ASSISTANT_DIRECTOR'],
    national: ['SENIOR_SERVICE_MANAGER', 'NATIONAL_SERVICE_DIRECTOR', 'DIRECTOR'],
  }),
  // The QA overview (seed 003): the national roles read the nation's or any area's; an area's Head of
  // Service, Assistant Director and Head of Practice their own.
  areaScoped('GET /(app)/local/qa-overview/export', 'app/(app)/local/qa-overview/export/route.ts', {
    ownArea: ['HEAD_OF_SERVICE', 'ASSISTANT_DIRECTOR', 'HEAD_OF_PRACTICE'],
    national: ['SENIOR_SERVICE_MANAGER', 'NATIONAL_SERVICE_DIRECTOR', 'DIRECTOR'],
  }),
  // Benchmarking: the audit lead draws and moderates; the assigned benchmarker (SSM or Head of Service)
  // grades blind; the calibration figures are for the audit lead and the directors.
  onlyFor('drawBenchmarksAction', 'lib/actions/benchmarks.ts', ['SENIOR_SERVICE_MANAGER']),
  onlyFor('addBenchmarkCaseAction', 'lib/actions/benchmarks.ts', ['SENIOR_SERVICE_MANAGER']),
  onlyFor('submitBenchmarkAction', 'lib/actions/benchmarks.ts', [
    'SENIOR_SERVICE_MANAGER',
    'HEAD_OF_SERVICE',
  ]),
  onlyFor('PUT /api/benchmarks/[benchmarkId]/draft', 'app/api/benchmarks/[benchmarkId]/draft/route.ts', [
    'SENIOR_SERVICE_MANAGER',
    'HEAD_OF_SERVICE',
  ]),
  // Nobody moderates a benchmark they graded, either time.
  withRows(onlyFor('moderateBenchmarkAction', 'lib/actions/benchmarks.ts', ['SENIOR_SERVICE_MANAGER']), [
    {
      role: 'SENIOR_SERVICE_MANAGER',
      scope: 'national',
      expected: 'refused',
      actorIs: 'the benchmarker',
      refusal: MODERATOR_IS_BENCHMARKER,
    },
    {
      role: 'SENIOR_SERVICE_MANAGER',
      scope: 'national',
      expected: 'refused',
      actorIs: 'the original auditor',
      refusal: MODERATOR_IS_AUDITOR,
    },
  ]),
  // Moderation of local audits (issue 17): a Head of Practice draws (a Senior Service Manager for any
  // area), grades blind and agrees in their own area only, and grades only the moderations given to them.
  areaScoped('drawModerationsAction', 'lib/actions/local-moderation.ts', {
    ownArea: ['HEAD_OF_PRACTICE'],
    national: ['SENIOR_SERVICE_MANAGER'],
  }),
  withRows(
    areaScoped('submitModerationAction', 'lib/actions/local-moderation.ts', {
      ownArea: ['HEAD_OF_PRACTICE'],
      national: [],
    }),
    [{ role: 'HEAD_OF_PRACTICE', scope: 'own area', expected: 'refused', actorIs: 'not its moderator' }],
  ),
  withRows(
    areaScoped(
      'PUT /api/local-moderations/[moderationId]/draft',
      'app/api/local-moderations/[moderationId]/draft/route.ts',
      { ownArea: ['HEAD_OF_PRACTICE'], national: [] },
    ),
    [{ role: 'HEAD_OF_PRACTICE', scope: 'own area', expected: 'refused', actorIs: 'not its moderator' }],
  ),
  areaScoped('agreeModerationAction', 'lib/actions/local-moderation.ts', {
    ownArea: ['HEAD_OF_PRACTICE'],
    national: [],
  }),
  onlyFor(
    'GET /(app)/audits/[auditId]/calibration/export',
    'app/(app)/audits/[auditId]/calibration/export/route.ts',
    ['SENIOR_SERVICE_MANAGER', 'NATIONAL_SERVICE_DIRECTOR', 'DIRECTOR'],
  ),
  onlyFor('saveReportNarrativeAction', 'lib/actions/reports.ts', ['SENIOR_SERVICE_MANAGER']),
  // The board pack (issue 16 §8): for the board's readers and the national leads.
  onlyFor(
    'GET /(app)/improvement/board-pack/export/pdf',
    'app/(app)/improvement/board-pack/export/pdf/route.ts',
    ['NATIONAL_SERVICE_DIRECTOR', 'SENIOR_SERVICE_MANAGER', 'DIRECTOR'],
  ),
  onlyFor(
    'GET /(app)/improvement/board-pack/export/xlsx',
    'app/(app)/improvement/board-pack/export/xlsx/route.ts',
    ['NATIONAL_SERVICE_DIRECTOR', 'SENIOR_SERVICE_MANAGER', 'DIRECTOR'],
  ),
  auditLeadership('importResultsAction', 'lib/actions/reports.ts'),
  // Issue 16: inspection judgements of an area are recorded nationally.
  areaScoped('recordInspectionJudgementAction', 'lib/actions/improvement-inspections.ts', {
    ownArea: [],
    national: ['NATIONAL_SERVICE_DIRECTOR', 'SENIOR_SERVICE_MANAGER'],
  }),
  // Progress reviews (issue 16 §4): recorded on the source's scope (its area, or national); read, and
  // downloaded, by whoever may read its recommendations (Heads of Service read national ones too).
  ...(['createProgressReviewAction', 'recordJudgementAction'] as const).map((entry) =>
    withRows(
      areaScoped(entry, 'lib/actions/improvement-reviews.ts', {
        ownArea: ['HEAD_OF_SERVICE', 'ASSISTANT_DIRECTOR'],
        national: ['NATIONAL_SERVICE_DIRECTOR', 'SENIOR_SERVICE_MANAGER'],
      }),
      [{ role: 'HEAD_OF_SERVICE', scope: 'own area', expected: 'refused', actorIs: 'on a national source' }],
    ),
  ),
  ...(['pdf', 'xlsx'] as const).map((format) =>
    withRows(
      areaScoped(
        `GET /(app)/improvement/reviews/[reviewId]/export/${format}`,
        `app/(app)/improvement/reviews/[reviewId]/export/${format}/route.ts`,
        {
          ownArea: ['HEAD_OF_SERVICE', 'ASSISTANT_DIRECTOR'],
          national: ['NATIONAL_SERVICE_DIRECTOR', 'SENIOR_SERVICE_MANAGER', 'DIRECTOR'],
        },
      ),
      [{ role: 'HEAD_OF_SERVICE', scope: 'own area', expected: 'allowed', actorIs: 'on a national source' }],
    ),
  ),
  // Practice observations: a Service Manager of the practitioner's team, or the area's Head of
  // Practice, records one; only its observer corrects it.
  withRows(
    areaScoped('recordObservationAction', 'lib/actions/local-observations.ts', {
      ownArea: ['SERVICE_MANAGER', 'HEAD_OF_PRACTICE'],
      national: [],
    }),
    [{ role: 'SERVICE_MANAGER', scope: 'own area', expected: 'refused', actorIs: "another team's manager" }],
  ),
  withRows(
    areaScoped('amendObservationAction', 'lib/actions/local-observations.ts', {
      ownArea: ['SERVICE_MANAGER', 'HEAD_OF_PRACTICE'],
      national: [],
    }),
    [{ role: 'HEAD_OF_PRACTICE', scope: 'own area', expected: 'refused', actorIs: 'not the observer' }],
  ),
  // The access log holds emails and addresses: its download is for Admin alone.
  adminOnly('GET /(app)/admin/access-log/export', 'app/(app)/admin/access-log/export/route.ts'),
  register('createSourceAction'),
  register('updateSourceAction'),
  register('createRecommendationAction'),
  register('updateRecommendationAction'),
  register('setRecommendationStatusAction'),
  register('createImprovementActionAction'),
  register('updateImprovementActionAction'),
  register('changeImprovementActionStatusAction'),
  register('recordImprovementActionUpdateAction'),
  onlyFor('importRecommendationsAction', 'lib/actions/improvement-register.ts', [
    'NATIONAL_SERVICE_DIRECTOR',
    'SENIOR_SERVICE_MANAGER',
  ]),
  // Measures on a recommendation: managed where its source is (an area's leaders in their own area,
  // the national leads anywhere); a thematic audit to test one is commissioned nationally.
  ...['createMeasureAction', 'updateMeasureAction', 'deleteMeasureAction'].map((entry) =>
    areaScoped(entry, 'lib/actions/improvement-measures.ts', {
      ownArea: ['HEAD_OF_SERVICE', 'ASSISTANT_DIRECTOR'],
      national: ['NATIONAL_SERVICE_DIRECTOR', 'SENIOR_SERVICE_MANAGER'],
    }),
  ),
  onlyFor('commissionThematicAuditAction', 'lib/actions/improvement-measures.ts', [
    'NATIONAL_SERVICE_DIRECTOR',
    'SENIOR_SERVICE_MANAGER',
  ]),
  // Local programmes (issue 17): set up and drawn by the area's Head of Practice or, anywhere, the
  // Senior Service Manager; a Service Manager picks their own team's case (the domain checks the team).
  adminOnly('setTeamServiceManagerAction', 'lib/actions/admin-team-managers.ts'),
  areaScoped('createLocalProgrammeAction', 'lib/actions/local-programmes.ts', {
    ownArea: ['HEAD_OF_PRACTICE'],
    national: ['SENIOR_SERVICE_MANAGER'],
  }),
  areaScoped('drawLocalMonthAction', 'lib/actions/local-programmes.ts', {
    ownArea: ['HEAD_OF_PRACTICE'],
    national: ['SENIOR_SERVICE_MANAGER'],
  }),
  areaScoped('pickLocalCaseAction', 'lib/actions/local-programmes.ts', {
    ownArea: ['SERVICE_MANAGER'],
    national: [],
  }),
  publicRoute('GET /api/health', 'app/api/health/route.ts', 'integration'),
  // next-auth's own endpoints (CSRF, sign-in, sign-out) are public by design
  // and need an HTTP request: the e2e sign-in journeys exercise them.
  publicRoute('GET /api/auth/[...nextauth]', 'app/api/auth/[...nextauth]/route.ts', 'e2e'),
  publicRoute('POST /api/auth/[...nextauth]', 'app/api/auth/[...nextauth]/route.ts', 'e2e'),
];

export const MATRIX_ROW_COUNT = ACCESS_MATRIX.reduce((sum, entry) => sum + entry.rows.length, 0);
