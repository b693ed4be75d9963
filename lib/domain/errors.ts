// Errors the domain and data layers raise on purpose; actions turn them into
// plain-English results. Anything else is unexpected and gets a reference id.

/** Missing and forbidden look the same to the caller. */
export class NotFoundOrForbiddenError extends Error {
  /** `refusedAction`: the permission that was refused, for the access log only; never shown. */
  constructor(readonly refusedAction?: string) {
    super('not found or forbidden');
  }
}

/** Someone else saved the record since this person loaded it. */
export class StaleVersionError extends Error {
  constructor(readonly entity: string) {
    super(`stale ${entity}`);
  }
}

/** A rule of the service was broken; `field` names the input at fault. */
export class RuleError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/**
 * The person holds an unsubmitted benchmark in the audit, so its figures are
 * withheld (they know the audit exists: it is in their own benchmarking queue).
 */
export class WithheldWhileBenchmarkingError extends Error {
  constructor() {
    super('withheld while benchmarking');
  }
}
