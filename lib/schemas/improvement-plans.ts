import { z } from 'zod';
import { isCalendarDate } from '@/lib/domain/dates';

const first = (value: unknown) => (Array.isArray(value) ? (value as unknown[])[0] : value);

export type BoardPackQuery = { date: string | null; valid: boolean };

/**
 * The board pack's `?date=yyyy-mm-dd`, read the same way by its page and its
 * PDF and XLSX routes. No date: today. A date that is not a real calendar
 * date is refused (the page says so; a download answers not found).
 */
export const BoardPackQuerySchema = z
  .object({ date: z.preprocess(first, z.string().max(10).optional()) })
  .transform(({ date }): BoardPackQuery => {
    if (date === undefined || date === '') return { date: null, valid: true };
    return isCalendarDate(date) ? { date, valid: true } : { date: null, valid: false };
  });

/** A link to a board pack download for the date on screen. */
export function boardPackExportHref(format: 'pdf' | 'xlsx', date: string): string {
  return `/improvement/board-pack/export/${format}?${new URLSearchParams({ date }).toString()}`;
}
