import { z } from 'zod';
import { AUDIT_KINDS, LAW_TYPES } from '@/lib/domain/audits';
import { NO_TEAM_KEY, type DashboardFilters, type DashboardScope } from '@/lib/domain/dashboard-views';
import { isUuid } from './fields';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

// Filters live in the URL so a view can be bookmarked; anything unreadable
// falls back to its default rather than failing the page.
const DashboardFiltersSchema = z.object({
  kind: z.enum(AUDIT_KINDS).catch('NATIONAL_PRACTICE_QUALITY'),
  from: month.nullable().catch(null),
  to: month.nullable().catch(null),
  law: z.enum(LAW_TYPES).nullable().catch(null),
});

type Query = Record<string, string | string[] | undefined>;
const single = (value: string | string[] | undefined) =>
  typeof value === 'string' && value !== '' ? value : null;

export function parseDashboardFilters(query: Query | URLSearchParams): DashboardFilters {
  const get = (key: string) =>
    query instanceof URLSearchParams ? single(query.get(key) ?? undefined) : single(query[key]);
  const parsed = DashboardFiltersSchema.parse({
    kind: get('kind') ?? 'NATIONAL_PRACTICE_QUALITY',
    from: get('from'),
    to: get('to'),
    law: get('law'),
  });
  return { kind: parsed.kind, from: parsed.from, to: parsed.to, lawType: parsed.law };
}

/** The filters as a query string, defaults left out so URLs stay short. */
export function dashboardQuery(filters: DashboardFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (filters.kind !== 'NATIONAL_PRACTICE_QUALITY') params.set('kind', filters.kind);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.lawType) params.set('law', filters.lawType);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The scope a dashboard address names (`area`, and `team` within it, from the
 * page's path or the export's query), or null when it names none that can
 * exist: the caller answers 404. Whether the team belongs to the area, and
 * whether this person may look, are decided after.
 */
export function parseDashboardScope(ids: {
  area: string | null;
  team: string | null;
}): DashboardScope | null {
  const { area, team } = ids;
  if ((area !== null && !isUuid(area)) || (team !== null && !(isUuid(team) || team === NO_TEAM_KEY)))
    return null;
  if (area === null) return team === null ? { level: 'national' } : null;
  return team === null
    ? { level: 'area', serviceAreaId: area }
    : { level: 'team', serviceAreaId: area, teamId: team };
}
