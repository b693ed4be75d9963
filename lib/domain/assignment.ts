// Sharing the sampled cases among the auditors (Improvement Managers). Even
// workloads by count, every auditor spread across areas, and never a case of a
// practitioner the auditor manages: that would be marking one's own homework.

export type CaseToAssign = {
  sampledCaseId: string;
  serviceAreaId: string;
  practitionerId: string;
  /** The user who manages the practitioner, when known. */
  managerId: string | null;
};

export type Auditor = {
  userId: string;
  /** Cases already assigned to them; default 0. */
  currentLoad?: number;
};

export type AssignmentPlan = {
  /** sampledCaseId → auditor userId, in the order the cases were considered. */
  assignments: Map<string, string>;
  /** sampledCaseIds no auditor may take, in the order the cases were considered. */
  unassignable: string[];
};

/** Code-unit order: the same on every machine, unlike localeCompare. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** False when the auditor manages the practitioner whose case it is. */
export function canAssign(caseToAssign: CaseToAssign, auditorUserId: string): boolean {
  return caseToAssign.managerId !== auditorUserId;
}

type Tally = { userId: string; load: number; byArea: Map<string, number> };

/**
 * Considers the cases by serviceAreaId, then sampledCaseId, and gives each to
 * the allowed auditor with the lowest total load; among those, the one with
 * the fewest cases in that area so far (so every auditor sees several areas);
 * then the lowest userId. Deterministic: the same cases and auditors, in any
 * order, give the same plan. With no conflicts and equal starting loads, the
 * final loads differ by at most one.
 * Throws a RangeError for a repeated case or auditor, or a load that is not a
 * whole number of at least 0.
 */
export function balanceAssignments(cases: CaseToAssign[], auditors: Auditor[]): AssignmentPlan {
  const tallies: Tally[] = [];
  const seenAuditors = new Set<string>();
  for (const auditor of auditors) {
    const load = auditor.currentLoad ?? 0;
    if (!Number.isInteger(load) || load < 0)
      throw new RangeError(
        `currentLoad of auditor "${auditor.userId}" must be a whole number of at least 0 (got ${load})`,
      );
    if (seenAuditors.has(auditor.userId))
      throw new RangeError(`auditor "${auditor.userId}" appears more than once`);
    seenAuditors.add(auditor.userId);
    tallies.push({ userId: auditor.userId, load, byArea: new Map() });
  }
  const seenCases = new Set<string>();
  for (const item of cases) {
    if (seenCases.has(item.sampledCaseId))
      throw new RangeError(`case "${item.sampledCaseId}" appears more than once`);
    seenCases.add(item.sampledCaseId);
  }

  const ordered = [...cases].sort(
    (a, b) => compareText(a.serviceAreaId, b.serviceAreaId) || compareText(a.sampledCaseId, b.sampledCaseId),
  );
  const assignments = new Map<string, string>();
  const unassignable: string[] = [];
  for (const item of ordered) {
    let best: Tally | null = null;
    let bestInArea = 0;
    for (const tally of tallies) {
      if (!canAssign(item, tally.userId)) continue;
      const inArea = tally.byArea.get(item.serviceAreaId) ?? 0;
      if (
        best === null ||
        tally.load < best.load ||
        (tally.load === best.load &&
          (inArea < bestInArea || (inArea === bestInArea && compareText(tally.userId, best.userId) < 0)))
      ) {
        best = tally;
        bestInArea = inArea;
      }
    }
    if (best === null) {
      unassignable.push(item.sampledCaseId);
      continue;
    }
    best.load += 1;
    best.byArea.set(item.serviceAreaId, bestInArea + 1);
    assignments.set(item.sampledCaseId, best.userId);
  }
  return { assignments, unassignable };
}
