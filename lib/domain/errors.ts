// Errors the domain and data layers raise on purpose; actions turn them into
// plain-English results. Anything else is unexpected and gets a reference id.

/** Missing and forbidden look the same to the caller. */
export class NotFoundOrForbiddenError extends Error {
  constructor() {
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
