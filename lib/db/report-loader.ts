import 'server-only';
import { db } from './client';
import { ensureSummaries } from './audit-summaries';
import { contentOf } from './case-audits';
import { auditChallengeFigures } from './challenges';
import {
  countBenchmarking,
  countCaseDetails,
  countGrades,
  countQa,
  countSections,
  countThemes,
} from './report-counts';
import {
  countTrend,
  findTrendAudits,
  summarisedGrades,
  summarisedQa,
  summarisedSections,
} from './report-summary-counts';
import type { AuditStatus } from '@/lib/domain/audits';
import {
  crossTabSections,
  type AuditGradeCounts,
  type ReportCounts,
  type SectionCount,
} from '@/lib/domain/report-counts';
import type { Narrative, ReportOptions, ReportScope } from '@/lib/domain/report-view';
import { isoDay } from '@/lib/domain/dates';
import { type ReportAudit } from './reports';

async function areaLabels(): Promise<ReportCounts['areas']> {
  const areas = await db().serviceArea.findMany({ select: { id: true, code: true, sortOrder: true } });
  return Object.fromEntries(areas.map((area) => [area.id, { code: area.code, sortOrder: area.sortOrder }]));
}

async function teamLabels(teamIds: string[]): Promise<Record<string, string>> {
  if (teamIds.length === 0) return {};
  const teams = await db().team.findMany({
    where: { id: { in: teamIds } },
    select: { id: true, name: true },
  });
  return Object.fromEntries(teams.map((team) => [team.id, team.name]));
}

async function loadNarrative(auditId: string): Promise<Narrative> {
  const report = await db().auditReport.findUnique({
    where: { auditId },
    select: {
      strengths: true,
      learning: true,
      conclusion: true,
      nextSteps: true,
      version: true,
      updatedAt: true,
      updatedBy: { select: { name: true } },
    },
  });
  if (!report)
    return {
      strengths: '',
      learning: '',
      conclusion: '',
      nextSteps: '',
      version: 0,
      updatedAt: null,
      updatedBy: null,
    };
  return { ...report, updatedBy: report.updatedBy?.name ?? null };
}

/** Fig. 1–3 of a published audit from its summary; of any other, counted from its cases. */
async function gradeCounts(
  audit: { id: string; status: AuditStatus },
  scope: ReportScope,
): Promise<Omit<AuditGradeCounts, 'byEmployment'>> {
  return audit.status === 'PUBLISHED' ? summarisedGrades(audit.id, scope) : countGrades(audit.id, scope);
}

const teamIdsOf = (sections: SectionCount[]) => [
  ...new Set(sections.filter((row) => row.by === 'team' && row.groupId).map((row) => row.groupId!)),
];

/**
 * Every count the report of `audit` needs, in `scope`. Published audits (the
 * trend's, the earlier one, and this one once published) are read from their
 * summaries wherever those hold the figure; the rest is counted from case_audit.
 */
export async function loadReportCounts(
  audit: ReportAudit,
  scope: ReportScope,
  options: ReportOptions,
  earlierId: string | null,
  smallGroups: ReportCounts['smallGroups'],
): Promise<ReportCounts> {
  const [content, trendAudits, earlierAudit] = await Promise.all([
    contentOf(audit.thresholdVersionId),
    findTrendAudits(audit),
    earlierId
      ? db().audit.findUnique({
          where: { id: earlierId },
          select: { id: true, name: true, status: true, thresholdVersionId: true },
        })
      : null,
  ]);
  const published = [audit, ...(earlierAudit ? [earlierAudit] : []), ...trendAudits].filter(
    (candidate, index, all) =>
      candidate.status === 'PUBLISHED' && all.findIndex((other) => other.id === candidate.id) === index,
  );
  await ensureSummaries(published);

  const isPublished = audit.status === 'PUBLISHED';
  const goodKeys = content.scale.levels.filter((level) => level.isGoodOrAbove).map((level) => level.key);
  const crossTab = crossTabSections(
    content.sections.map((section) => section.key),
    options,
  );
  const grading = gradeCounts(audit, scope);
  const sectionCounts = isPublished
    ? summarisedSections(audit.id, scope)
    : countSections(audit.id, scope, goodKeys);
  const [
    grades,
    details,
    earlierGrades,
    earlierContent,
    sections,
    qa,
    themes,
    trend,
    areas,
    teams,
    narrative,
    challenges,
    benchmarking,
  ] = await Promise.all([
    grading,
    countCaseDetails(audit.id, scope, crossTab),
    earlierAudit ? gradeCounts(earlierAudit, scope) : null,
    earlierAudit ? contentOf(earlierAudit.thresholdVersionId) : null,
    sectionCounts,
    isPublished ? summarisedQa(audit.id, scope) : countQa(audit.id, scope),
    countThemes(audit.id, scope),
    // This audit's point is its own Fig. 1, however that was counted.
    grading.then((counts) => countTrend(trendAudits, scope, { id: audit.id, counts: counts.overall })),
    areaLabels(),
    sectionCounts.then((rows) => teamLabels(teamIdsOf(rows))),
    loadNarrative(audit.id),
    auditChallengeFigures(audit.id, scope.serviceAreaId),
    countBenchmarking(audit.id, scope),
  ]);

  return {
    audit: {
      id: audit.id,
      name: audit.name,
      kind: audit.kind,
      status: audit.status,
      windowFrom: isoDay(audit.windowFrom),
      windowTo: isoDay(audit.windowTo),
      goodOrAboveTarget: audit.goodOrAboveTarget,
      lowestTarget: audit.lowestTarget,
      targetDate: audit.targetDate ? isoDay(audit.targetDate) : null,
      thresholdVersionLabel: `${audit.thresholdVersion.document.name} (${audit.thresholdVersion.label})`,
    },
    scope,
    rubric: {
      scale: content.scale,
      sections: content.sections.map((section) => ({ key: section.key, title: section.title })),
      themes: content.themes.map((theme) => ({ key: theme.key, label: theme.label })),
    },
    grades: { ...grades, byEmployment: details.byEmployment },
    earlier:
      earlierAudit && earlierGrades && earlierContent
        ? {
            id: earlierAudit.id,
            name: earlierAudit.name,
            scale: earlierContent.scale,
            overall: earlierGrades.overall,
            byServiceArea: earlierGrades.byServiceArea,
          }
        : null,
    childrenSeen: details.childrenSeen,
    sections,
    crossTab: details.crossTab,
    qa,
    strengths: themes.strengths,
    learningPoints: themes.learningPoints,
    trend,
    areas,
    teams,
    challenges: challenges.overall,
    benchmarking,
    narrative,
    smallGroups,
  };
}
