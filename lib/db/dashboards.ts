import 'server-only';
import { cache } from 'react';
import { db } from './client';
import { ensureSummaries } from './audit-summaries';
import { NO_TEAM_RECORDED } from './results-writer';
import { contentOf } from './case-audits';
import { parseDashboardRules, type DashboardRules } from '@/lib/domain/dashboard';
import { gradeKeysOf, type GradeKeys } from '@/lib/domain/dashboard-assembly';
import {
  NO_TEAM_KEY,
  type DashboardFilters,
  type DashboardGrouping,
  type DashboardScope,
  type Labelled,
  type PublishedAudit,
} from '@/lib/domain/dashboard-views';
import type { RubricContent } from '@/lib/domain/rubric';

// Read models the dashboards share: the rules, the published audits of a
// period and the labels of the groups they are counted by. The counting
// queries are in dashboard-counts.ts; who may see what is decided in
// lib/use-cases/dashboards.

export const getDashboardRules = cache(async (): Promise<DashboardRules> => {
  const row = await db().dashboardRule.findUnique({ where: { id: 'national' }, select: { content: true } });
  return parseDashboardRules(row?.content ?? null);
});

const monthStart = (month: string) => new Date(`${month}-01T00:00:00Z`);
const monthEnd = (month: string) => {
  const start = monthStart(month);
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
};

/** The published audits of the kind whose window ends in the period, oldest first. */
export const publishedAudits = cache(async (filters: DashboardFilters): Promise<PublishedAudit[]> => {
  const audits = await db().audit.findMany({
    where: {
      kind: filters.kind,
      status: 'PUBLISHED',
      windowTo: {
        ...(filters.from ? { gte: monthStart(filters.from) } : {}),
        ...(filters.to ? { lte: monthEnd(filters.to) } : {}),
      },
    },
    orderBy: [{ windowTo: 'asc' }, { name: 'asc' }],
    select: {
      id: true,
      name: true,
      windowTo: true,
      thresholdVersionId: true,
      goodOrAboveTarget: true,
      lowestTarget: true,
    },
  });
  await ensureSummaries(audits);
  return audits.map((audit) => ({
    auditId: audit.id,
    name: audit.name,
    windowTo: audit.windowTo.toISOString().slice(0, 10),
    thresholdVersionId: audit.thresholdVersionId,
    goodOrAboveTarget: audit.goodOrAboveTarget,
    lowestTarget: audit.lowestTarget,
  }));
});

/** The rubric an audit was graded against: its scale and sections. */
export function auditRubric(audit: Pick<PublishedAudit, 'thresholdVersionId'>): Promise<RubricContent> {
  return contentOf(audit.thresholdVersionId);
}

/** Good-or-above and lowest-grade keys per audit: scales differ between threshold versions. */
export async function gradeKeys(audits: PublishedAudit[]): Promise<Map<string, GradeKeys>> {
  const keys = new Map<string, GradeKeys>();
  for (const audit of audits) keys.set(audit.auditId, gradeKeysOf((await auditRubric(audit)).scale));
  return keys;
}

/** Every grade key the audits' scales name, with its label (a later audit's label wins). */
export async function levelLabels(audits: PublishedAudit[]): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  for (const audit of audits)
    for (const level of (await auditRubric(audit)).scale.levels) labels.set(level.key, level.label);
  return labels;
}

const areaLabels = cache(async (): Promise<Labelled[]> => {
  const areas = await db().serviceArea.findMany({
    orderBy: { sortOrder: 'asc' },
    select: { id: true, code: true },
  });
  return areas.map((area) => ({ key: area.id, label: area.code }));
});

async function teamLabels(serviceAreaId: string): Promise<Labelled[]> {
  const teams = await db().team.findMany({
    where: { serviceAreaId, name: { not: NO_TEAM_RECORDED } },
    orderBy: { name: 'asc' },
    select: { id: true, name: true },
  });
  return teams.map((team) => ({ key: team.id, label: team.name }));
}

/** The groups a scope's figures are counted by, in the order they are shown. */
export async function groupsFor(scope: DashboardScope, by: DashboardGrouping): Promise<Labelled[]> {
  if (by === 'all')
    return [{ key: 'all', label: scope.level === 'national' ? 'National' : await scopeLabel(scope) }];
  if (by === 'area') return areaLabels();
  if (scope.level === 'national') return [];
  return [...(await teamLabels(scope.serviceAreaId)), { key: NO_TEAM_KEY, label: NO_TEAM_RECORDED }];
}

export async function scopeLabel(scope: DashboardScope): Promise<string> {
  if (scope.level === 'national') return 'National';
  const area = await db().serviceArea.findUnique({
    where: { id: scope.serviceAreaId },
    select: { code: true },
  });
  if (scope.level === 'area') return area?.code ?? 'Unknown area';
  const team = await db().team.findUnique({ where: { id: scope.teamId }, select: { name: true } });
  return `${area?.code ?? 'Unknown area'}: ${team?.name ?? 'unknown team'}`;
}

export async function teamInArea(serviceAreaId: string, teamId: string): Promise<boolean> {
  if (teamId === NO_TEAM_KEY) return true;
  return (await db().team.count({ where: { id: teamId, serviceAreaId } })) === 1;
}
