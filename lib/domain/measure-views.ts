// What the measure screens show, as plain view types: the use cases build
// them, the components and printers only ever see these.
import type { AuditKind, AuditStatus, LawType } from './audits';
import type { AreaSampleSize, CommissionDefaults, DrawnSampleCheck } from './measure-rules';
import type { MeasureDefinition, MeasureView } from './measures';

export type LinkedAudit = {
  auditId: string;
  name: string;
  kind: AuditKind;
  status: AuditStatus;
  commissioned: boolean;
  measureId: string | null;
  /** The measure's label, when the audit tests one that still exists. */
  measureLabel: string | null;
  linkedAt: string;
};

export type RecommendationMeasures = {
  recommendationId: string;
  recommendation: { number: string; text: string; sourceTitle: string };
  isOpen: boolean;
  measures: (MeasureView & { version: number })[];
  linkedAudits: LinkedAudit[];
  canManage: boolean;
  canCommission: boolean;
};

export type BaselineChoice = { id: string; name: string; sections: { key: string; title: string }[] };

/** Everything the measure form offers, and the measure being edited. */
export type MeasureForm = {
  recommendation: { id: string; number: string; text: string; sourceTitle: string; areaScoped: boolean };
  baselines: BaselineChoice[];
  serviceAreas: { id: string; code: string }[];
  teams: { id: string; name: string; serviceAreaId: string }[];
  measure: MeasureDefinition | null;
};

export type CommissionForm = {
  recommendation: { id: string; number: string; text: string; sourceTitle: string; isOpen: boolean };
  measures: { id: string; label: string }[];
  /** The measure the form was built for, if any. */
  measure: { id: string; label: string; targetText: string | null; lawTypes: LawType[] } | null;
  defaults: CommissionDefaults;
  sampleSizes: AreaSampleSize[];
};

/** On a commissioned audit's page: what it tests and whether each area's sample can tell. */
export type CommissionedSample = {
  recommendation: { id: string; number: string; text: string; sourceTitle: string };
  measure: { label: string; targetText: string | null } | null;
  checks: DrawnSampleCheck[];
  anyTooSmall: boolean;
  sampleDrawn: boolean;
};

/** A recommendation with its measures' figures and linked audits, as the `recommendations` command prints it. */
export type RecommendationEvidence = {
  source: { title: string; issuedBy: string; issuedOn: string; areaCode: string | null };
  number: string;
  text: string;
  kind: 'RECOMMENDATION' | 'PRACTICE_IMPROVEMENT_POINT';
  status: 'OPEN' | 'CLOSED';
  dueOn: string | null;
  measures: MeasureView[];
  linkedAudits: LinkedAudit[];
};
