// One policy for the whole service: what each role may do, and where.
// Deny by default: an action or role not listed here is refused.
import type { Actor } from './actor';
import type { Role } from './roles';

export const ACTIONS = [
  'admin.view',
  'user.manage',
  'organisation.manage', // service areas and teams
  'practitioner.manage',
  'practitioner.import',
  'threshold.view',
  'threshold.edit', // draft, preview and publish threshold documents
  'audit.view',
  'audit.manage', // create audit programmes, edit them, move them through their statuses
  'caseIndex.import', // import the case-file index
  'caseIndex.view',
  'sample.manage', // draw, lock and replace the sample; assign cases to auditors
  'sample.view',
  'queue.view', // an auditor's own queue of cases
  'caseAudit.grade', // grade a case assigned to you
  'areaReview.view',
  'areaReview.record', // record the review of a lowest-grade case
  'concern.raise',
  'concern.view',
  'concern.respond', // acknowledge and close safeguarding concerns
  'inbox.read',
  'challenge.raise',
  'challenge.view',
  'challenge.reply',
  'challenge.decide', // decide or refer: the audit lead
  'challenge.adjudicate',
  'challenge.withdraw',
  'report.view', // an audit's report: national, or one area's
  'report.write', // the audit lead's narrative sections
  'results.import', // results of past audits, so trends exist from day one
  'dashboard.national', // every area against the targets, over time
  'dashboard.area', // one area, drilled down to its teams
  'dashboard.practitioners', // an area's practitioners, for those entitled to see individuals
  'benchmark.manage', // choose the benchmark sample and assign benchmarkers
  'benchmark.grade', // grade a case blind, as its benchmarker (never one's own area or own grading)
  'benchmark.moderate', // record the agreed grade where the two gradings differ
  'calibration.view', // the agreement figures of an audit
  'accessLog.view', // who signed in, was refused, or took personal data out
  // The improvement loop (issue 16). Sources without an area are national; an
  // area's improvement plan is a source in that area.
  'recommendation.view', // the register: sources, recommendations, actions, measures, reviews
  'recommendation.manage', // create and edit sources, recommendations, measures and actions
  'recommendation.import', // sources and recommendations from CSV/XLSX
  'improvementAction.update', // progress updates and status changes on an action
  'progressReview.record', // a progress review and its judgements
  'thematicAudit.commission', // commission a thematic audit from an open recommendation
  'inspectionJudgement.record', // an inspection's judgement of an area (seed 004)
  'boardPack.view', // the board pack for a date (PDF and XLSX)
  // Local quality-and-impact audits (issue 17).
  'localProgramme.manage', // set up a local programme: quotas, moderation share, monthly draws
  'localAudit.grade', // a Service Manager grades their own teams' cases (the domain checks the teams)
  'localAudit.pick', // a Service Manager picks a case of their own, with a reason
  'observation.record', // a practice observation
  'observation.view',
  'moderation.manage', // draw the share of local audits a Head of Practice moderates
  'moderation.grade', // grade a local audit blind, as its area's Head of Practice
  'moderation.agree', // record the agreed grade after comparing
  'localCalibration.view', // local grading against moderation and the national audit
  'qaOverview.view', // seed 003's quality-assurance overview
] as const;

export type Action = (typeof ACTIONS)[number];

/** What an action is done to: national (no area), or something in one service area. */
export type Resource = { scope: 'national' } | { scope: 'area'; serviceAreaId: string };

export const NATIONAL: Resource = { scope: 'national' };
export const inArea = (serviceAreaId: string): Resource => ({ scope: 'area', serviceAreaId });

type Grant = {
  /**
   * `any`: national and every area. `own-area`: only resources of the actor's own area.
   * `own-area-and-national`: their own area's and national resources, no other area's.
   */
  reach: 'any' | 'own-area' | 'own-area-and-national';
};

type Policy = Record<Action, Partial<Record<Role, Grant>>>;

const ANY: Grant = { reach: 'any' };
const OWN_AREA: Grant = { reach: 'own-area' };
const OWN_AREA_AND_NATIONAL: Grant = { reach: 'own-area-and-national' };

/** National reference material every role may read (rubrics, audit programmes). */
function everyone(): Partial<Record<Role, Grant>> {
  return {
    IMPROVEMENT_MANAGER: ANY,
    IMPROVEMENT_ASSISTANT: ANY,
    SENIOR_SERVICE_MANAGER: ANY,
    HEAD_OF_SERVICE: ANY,
    ASSISTANT_DIRECTOR: ANY,
    NATIONAL_SERVICE_DIRECTOR: ANY,
    DIRECTOR: ANY,
    ADMIN: ANY,
    SERVICE_MANAGER: ANY,
    HEAD_OF_PRACTICE: ANY,
  };
}

export const POLICY: Policy = {
  'admin.view': { ADMIN: ANY },
  'accessLog.view': { ADMIN: ANY },
  'user.manage': { ADMIN: ANY },
  'organisation.manage': { ADMIN: ANY },
  'practitioner.manage': { ADMIN: ANY },
  'practitioner.import': { ADMIN: ANY },
  'threshold.view': everyone(),
  'threshold.edit': { SENIOR_SERVICE_MANAGER: ANY, ADMIN: ANY },
  'audit.view': everyone(),
  'audit.manage': { SENIOR_SERVICE_MANAGER: ANY, ADMIN: ANY },
  'caseIndex.import': { IMPROVEMENT_ASSISTANT: ANY },
  'caseIndex.view': { IMPROVEMENT_ASSISTANT: ANY, SENIOR_SERVICE_MANAGER: ANY },
  'sample.manage': { SENIOR_SERVICE_MANAGER: ANY },
  'sample.view': { SENIOR_SERVICE_MANAGER: ANY, IMPROVEMENT_ASSISTANT: ANY, NATIONAL_SERVICE_DIRECTOR: ANY },
  'queue.view': { IMPROVEMENT_MANAGER: ANY },
  'caseAudit.grade': { IMPROVEMENT_MANAGER: ANY },
  'areaReview.view': {
    HEAD_OF_SERVICE: OWN_AREA,
    ASSISTANT_DIRECTOR: OWN_AREA,
    SENIOR_SERVICE_MANAGER: ANY,
    NATIONAL_SERVICE_DIRECTOR: ANY,
  },
  'areaReview.record': { HEAD_OF_SERVICE: OWN_AREA, ASSISTANT_DIRECTOR: OWN_AREA },
  'concern.raise': { IMPROVEMENT_MANAGER: ANY, SENIOR_SERVICE_MANAGER: ANY },
  'concern.view': {
    HEAD_OF_SERVICE: OWN_AREA,
    ASSISTANT_DIRECTOR: OWN_AREA,
    SENIOR_SERVICE_MANAGER: ANY,
    NATIONAL_SERVICE_DIRECTOR: ANY,
  },
  'concern.respond': { HEAD_OF_SERVICE: OWN_AREA, ASSISTANT_DIRECTOR: OWN_AREA, SENIOR_SERVICE_MANAGER: ANY },
  'inbox.read': everyone(),
  'challenge.raise': { HEAD_OF_SERVICE: OWN_AREA, ASSISTANT_DIRECTOR: OWN_AREA },
  'challenge.view': {
    HEAD_OF_SERVICE: OWN_AREA,
    ASSISTANT_DIRECTOR: OWN_AREA,
    IMPROVEMENT_MANAGER: ANY,
    SENIOR_SERVICE_MANAGER: ANY,
    NATIONAL_SERVICE_DIRECTOR: ANY,
  },
  'challenge.reply': { IMPROVEMENT_MANAGER: ANY },
  'challenge.decide': { SENIOR_SERVICE_MANAGER: ANY },
  'challenge.adjudicate': { NATIONAL_SERVICE_DIRECTOR: ANY },
  'challenge.withdraw': { HEAD_OF_SERVICE: OWN_AREA, ASSISTANT_DIRECTOR: OWN_AREA },
  'report.view': {
    SENIOR_SERVICE_MANAGER: ANY,
    NATIONAL_SERVICE_DIRECTOR: ANY,
    DIRECTOR: ANY,
    HEAD_OF_SERVICE: OWN_AREA,
    ASSISTANT_DIRECTOR: OWN_AREA,
  },
  'report.write': { SENIOR_SERVICE_MANAGER: ANY },
  'results.import': { SENIOR_SERVICE_MANAGER: ANY, ADMIN: ANY },
  'dashboard.national': { NATIONAL_SERVICE_DIRECTOR: ANY, DIRECTOR: ANY, SENIOR_SERVICE_MANAGER: ANY },
  'dashboard.area': {
    NATIONAL_SERVICE_DIRECTOR: ANY,
    DIRECTOR: ANY,
    SENIOR_SERVICE_MANAGER: ANY,
    HEAD_OF_SERVICE: OWN_AREA,
    ASSISTANT_DIRECTOR: OWN_AREA,
  },
  'benchmark.manage': { SENIOR_SERVICE_MANAGER: ANY },
  // Heads of Service benchmark other areas' cases: the reach is any area, the rule (not their own) is in the domain.
  'benchmark.grade': { SENIOR_SERVICE_MANAGER: ANY, HEAD_OF_SERVICE: ANY },
  'benchmark.moderate': { SENIOR_SERVICE_MANAGER: ANY },
  'calibration.view': { SENIOR_SERVICE_MANAGER: ANY, NATIONAL_SERVICE_DIRECTOR: ANY, DIRECTOR: ANY },
  // Directors see team level at most (issue 9).
  'dashboard.practitioners': {
    NATIONAL_SERVICE_DIRECTOR: ANY,
    SENIOR_SERVICE_MANAGER: ANY,
    HEAD_OF_SERVICE: OWN_AREA,
    ASSISTANT_DIRECTOR: OWN_AREA,
  },
  'recommendation.view': {
    NATIONAL_SERVICE_DIRECTOR: ANY,
    SENIOR_SERVICE_MANAGER: ANY,
    DIRECTOR: ANY,
    HEAD_OF_SERVICE: OWN_AREA_AND_NATIONAL,
    ASSISTANT_DIRECTOR: OWN_AREA_AND_NATIONAL,
  },
  'recommendation.manage': {
    NATIONAL_SERVICE_DIRECTOR: ANY,
    SENIOR_SERVICE_MANAGER: ANY,
    HEAD_OF_SERVICE: OWN_AREA,
    ASSISTANT_DIRECTOR: OWN_AREA,
  },
  'recommendation.import': { NATIONAL_SERVICE_DIRECTOR: ANY, SENIOR_SERVICE_MANAGER: ANY },
  'improvementAction.update': {
    NATIONAL_SERVICE_DIRECTOR: ANY,
    SENIOR_SERVICE_MANAGER: ANY,
    HEAD_OF_SERVICE: OWN_AREA,
    ASSISTANT_DIRECTOR: OWN_AREA,
  },
  'progressReview.record': {
    NATIONAL_SERVICE_DIRECTOR: ANY,
    SENIOR_SERVICE_MANAGER: ANY,
    HEAD_OF_SERVICE: OWN_AREA,
    ASSISTANT_DIRECTOR: OWN_AREA,
  },
  'thematicAudit.commission': { NATIONAL_SERVICE_DIRECTOR: ANY, SENIOR_SERVICE_MANAGER: ANY },
  'inspectionJudgement.record': { NATIONAL_SERVICE_DIRECTOR: ANY, SENIOR_SERVICE_MANAGER: ANY },
  'boardPack.view': { NATIONAL_SERVICE_DIRECTOR: ANY, SENIOR_SERVICE_MANAGER: ANY, DIRECTOR: ANY },
  'localProgramme.manage': { SENIOR_SERVICE_MANAGER: ANY, HEAD_OF_PRACTICE: OWN_AREA },
  'localAudit.grade': { SERVICE_MANAGER: OWN_AREA },
  'localAudit.pick': { SERVICE_MANAGER: OWN_AREA },
  'observation.record': { SERVICE_MANAGER: OWN_AREA, HEAD_OF_PRACTICE: OWN_AREA },
  'observation.view': {
    SERVICE_MANAGER: OWN_AREA,
    HEAD_OF_PRACTICE: OWN_AREA,
    HEAD_OF_SERVICE: OWN_AREA,
    ASSISTANT_DIRECTOR: OWN_AREA,
    SENIOR_SERVICE_MANAGER: ANY,
    NATIONAL_SERVICE_DIRECTOR: ANY,
  },
  'moderation.manage': { HEAD_OF_PRACTICE: OWN_AREA, SENIOR_SERVICE_MANAGER: ANY },
  'moderation.grade': { HEAD_OF_PRACTICE: OWN_AREA },
  'moderation.agree': { HEAD_OF_PRACTICE: OWN_AREA },
  'localCalibration.view': {
    HEAD_OF_PRACTICE: OWN_AREA,
    HEAD_OF_SERVICE: OWN_AREA,
    ASSISTANT_DIRECTOR: OWN_AREA,
    SENIOR_SERVICE_MANAGER: ANY,
    NATIONAL_SERVICE_DIRECTOR: ANY,
    DIRECTOR: ANY,
  },
  'qaOverview.view': {
    DIRECTOR: ANY,
    NATIONAL_SERVICE_DIRECTOR: ANY,
    SENIOR_SERVICE_MANAGER: ANY,
    HEAD_OF_SERVICE: OWN_AREA,
    ASSISTANT_DIRECTOR: OWN_AREA,
    HEAD_OF_PRACTICE: OWN_AREA,
  },
};

export function can(
  actor: Pick<Actor, 'role' | 'serviceAreaId'> | null,
  action: Action,
  resource: Resource,
): boolean {
  if (!actor) return false;
  const grant = POLICY[action]?.[actor.role];
  if (!grant) return false;
  if (grant.reach === 'any') return true;
  if (grant.reach === 'own-area-and-national' && resource.scope === 'national') return true;
  // own-area: a national resource is never "own area"; an actor without an
  // area (misconfigured) reaches nothing.
  return (
    resource.scope === 'area' &&
    actor.serviceAreaId !== null &&
    resource.serviceAreaId === actor.serviceAreaId
  );
}

/** The actions a role may take somewhere: drives navigation, never authorisation. */
export function actionsFor(role: Role): Action[] {
  return ACTIONS.filter((action) => POLICY[action][role] !== undefined);
}
