import 'server-only';

/**
 * A case-insensitive "contains" filter that matches the text literally.
 * Prisma hands `contains` to LIKE as it is, so `%` and `_` would be
 * wildcards (a search for "%" matched every row): escape them first.
 */
export function literalContains(text: string): { contains: string; mode: 'insensitive' } {
  return { contains: text.replace(/[\\%_]/g, (match) => `\\${match}`), mode: 'insensitive' };
}
