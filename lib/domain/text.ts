// Rules for free text typed or imported by people. Postgres rejects NUL;
// bidi overrides and zero-width characters disguise what a value says;
// lone surrogates are not text at all.
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type TextProblem = 'control-characters' | 'formula' | 'too-long' | 'empty';

export function textProblem(
  value: string,
  options: { maxLength: number; required: boolean; multiline?: boolean },
): TextProblem | null {
  if (value.trim() === '') return options.required ? 'empty' : null;
  if (value.length > options.maxLength) return 'too-long';
  if (FORBIDDEN.test(value) || LONE_SURROGATE.test(value)) return 'control-characters';
  if (!options.multiline && /[\r\n\t]/.test(value)) return 'control-characters';
  return null;
}

/**
 * A spreadsheet treats a cell starting with = + - or @ (or a tab or carriage
 * return) as a formula. Imports store cells trimmed, so " =HYPERLINK(...)" is
 * a formula too: the check looks past any leading whitespace, the same
 * characters trim() removes.
 */
export function looksLikeFormula(value: string): boolean {
  return /^[\t\r]/.test(value) || /^\s*[=+\-@]/.test(value);
}

export function describeTextProblem(problem: TextProblem, maxLength: number, actualLength: number): string {
  switch (problem) {
    case 'empty':
      return 'is required';
    case 'too-long':
      return `is too long (${actualLength.toLocaleString('en-GB')} characters; at most ${maxLength.toLocaleString('en-GB')})`;
    case 'control-characters':
      return 'contains control or invisible characters';
    case 'formula':
      return 'starts with = + - or @, which a spreadsheet would run as a formula';
  }
}
