import { z } from 'zod';
import { ACCESS_ACTIONS, type AccessAction } from '@/lib/domain/access-log';
import { isCalendarDate } from '@/lib/domain/dates';

const first = (value: unknown): unknown => (Array.isArray(value) ? (value as unknown[])[0] : value);
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const CONTROL = /[\u0000-\u001F\u007F]/g;

const day = z.preprocess(first, z.string().refine(isCalendarDate).optional().catch(undefined));

export type AccessLogSearch = {
  person: string;
  action: AccessAction | null;
  from: string | null;
  to: string | null;
  page: number;
};

/**
 * The access log's search, shared by the page and its CSV export. Query
 * strings are typed by hand: anything odd (an unknown action, 2024-02-30, a
 * 10,000-character name) falls back to "no filter" rather than an error page,
 * and only primitives ever reach the query.
 */
export const AccessLogSearchSchema = z
  .object({
    person: z
      .preprocess(first, z.string().max(100).catch('').default(''))
      .transform((value) => value.replace(CONTROL, '').trim()),
    action: z.preprocess(first, z.enum(ACCESS_ACTIONS).optional().catch(undefined)),
    from: day,
    to: day,
    page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000).catch(1).default(1)),
  })
  .transform(({ person, action, from, to, page }): AccessLogSearch => {
    // A range typed backwards is still the range the person meant.
    const [start, end] = from && to && from > to ? [to, from] : [from ?? null, to ?? null];
    return { person, action: action ?? null, from: start, to: end, page };
  });

/** The search as a query string, empty filters left out. */
export function accessLogQuery(search: AccessLogSearch, page?: number): string {
  const params = new URLSearchParams();
  if (search.person) params.set('person', search.person);
  if (search.action) params.set('action', search.action);
  if (search.from) params.set('from', search.from);
  if (search.to) params.set('to', search.to);
  if (page !== undefined && page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}
