import { describe, expect, it } from 'vitest';
import { parseDashboardScope } from '@/lib/schemas/dashboards';

// The dashboard pages and their CSV export read the scope from the address the same way.
const area = '3f2a1c4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
const team = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

describe('parseDashboardScope', () => {
  it.each([
    [{ area: null, team: null }, { level: 'national' }],
    [
      { area, team: null },
      { level: 'area', serviceAreaId: area },
    ],
    [
      { area, team },
      { level: 'team', serviceAreaId: area, teamId: team },
    ],
    // The cases graded with no team recorded have a dashboard of their own.
    [
      { area, team: 'none' },
      { level: 'team', serviceAreaId: area, teamId: 'none' },
    ],
  ])('reads %o as %o', (ids, scope) => {
    expect(parseDashboardScope(ids)).toEqual(scope);
  });

  it.each([
    { area: 'A1', team: null },
    { area: `${area}x`, team: null },
    { area, team: 'Team 1' },
    { area: null, team },
    { area: null, team: 'none' },
    { area: '', team: null },
  ])('names no scope for %o', (ids) => {
    expect(parseDashboardScope(ids)).toBeNull();
  });
});
