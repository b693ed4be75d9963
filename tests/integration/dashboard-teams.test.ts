import { describe, expect, it } from 'vitest';
import { actingAs, createGradedAudit, createServiceArea, createTeam } from '../factories';
import { getLatestStanding as latestStanding } from '@/lib/use-cases/dashboards/get-latest-standing';
import { getTrend as trend } from '@/lib/use-cases/dashboards/get-trend';
import { NO_TEAM_KEY, type DashboardFilters } from '@/lib/domain/dashboard-views';
import { NO_TEAM_RECORDED } from '@/lib/db/results-writer';

describe('an area dashboard’s teams', () => {
  it('shows cases imported without a team as one row, however they were stored', async () => {
    const filters: DashboardFilters = {
      kind: 'PERFORMANCE_BOARD',
      from: '2061-01',
      to: '2061-12',
      lawType: null,
    };
    const area = await createServiceArea();
    const team = await createTeam(area.id, 'Blue team');
    // An import puts practitioners with no team into a placeholder team of this name.
    const placeholder = await createTeam(area.id, NO_TEAM_RECORDED);
    await createGradedAudit(
      [
        ...['good', 'good', 'met', 'met', 'not-met'].map((grade) => ({
          serviceAreaId: area.id,
          grade,
          teamId: team.id,
        })),
        ...['good', 'met', 'met', 'met', 'not-met', 'not-met'].map((grade) => ({
          serviceAreaId: area.id,
          grade,
          teamId: placeholder.id,
        })),
      ],
      { kind: 'PERFORMANCE_BOARD', windowTo: '2061-06-30' },
    );
    const { actor } = await actingAs('DIRECTOR');
    const scope = { level: 'area' as const, serviceAreaId: area.id };
    const figures = await trend(actor, scope, filters);
    const labels = figures.good.map((series) => series.label);
    expect(labels.filter((label) => label === NO_TEAM_RECORDED)).toHaveLength(1);
    const none = figures.good.find((series) => series.key === NO_TEAM_KEY);
    expect(none?.points[0]).toMatchObject({ count: 1, total: 6 });
    expect(figures.good.find((series) => series.key === team.id)?.points[0]).toMatchObject({
      count: 2,
      total: 5,
    });

    const standing = await latestStanding(actor, scope, filters);
    expect(standing.rows.map((row) => [row.key, row.good.total])).toEqual([
      [team.id, 5],
      [NO_TEAM_KEY, 6],
    ]);
  });

  it('shows no "no team recorded" row when every case has its team', async () => {
    const filters: DashboardFilters = {
      kind: 'PERFORMANCE_BOARD',
      from: '2062-01',
      to: '2062-12',
      lawType: null,
    };
    const area = await createServiceArea();
    const team = await createTeam(area.id, 'Green team');
    await createGradedAudit(
      ['good', 'met', 'met', 'good', 'not-met'].map((grade) => ({
        serviceAreaId: area.id,
        grade,
        teamId: team.id,
      })),
      { kind: 'PERFORMANCE_BOARD', windowTo: '2062-06-30' },
    );
    const { actor } = await actingAs('DIRECTOR');
    const figures = await trend(actor, { level: 'area', serviceAreaId: area.id }, filters);
    expect(figures.good.map((series) => series.key)).toEqual(['all', team.id]);
    expect(figures.lowest.map((series) => series.key)).toEqual(['all', team.id]);
  });
});
