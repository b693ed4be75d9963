// "Local quality & impact audits on target (90.5%)" (seed 003): a manager is
// on target for a month when they submitted at least their quota of that
// month's local audits. Per team, area and nationally the figure is the share
// of manager-months on target. The month under way is not judged yet: it is
// "on track" when the manager has done what the days gone call for.

/** A month a manager had local audits assigned, with how many of them were submitted. */
export type ManagerMonth = {
  managerId: string;
  managerName: string;
  serviceAreaId: string;
  areaCode: string;
  /** The teams the manager manages (a manager may manage several). */
  teams: { id: string; name: string }[];
  /** yyyy-mm-01 */
  month: string;
  assigned: number;
  submitted: number;
};

export type OnTargetShare = {
  key: string;
  label: string;
  managerMonths: number;
  onTarget: number;
  /** Whole-number-and-one-decimal percent, or null with no manager-months. */
  percent: number | null;
};

export type CurrentMonthRow = {
  managerId: string;
  managerName: string;
  areaCode: string;
  teamNames: string;
  assigned: number;
  submitted: number;
  /** How many the days gone call for. */
  expectedSoFar: number;
  isOnTarget: boolean;
  isOnTrack: boolean;
};

export type OnTargetView = {
  quota: number;
  /** yyyy-mm-01: the month under way, not judged in the shares. */
  currentMonth: string;
  national: OnTargetShare;
  byArea: OnTargetShare[];
  byTeam: OnTargetShare[];
  byMonth: OnTargetShare[];
  current: CurrentMonthRow[];
};

export function isOnTarget(submitted: number, quota: number): boolean {
  return submitted >= quota;
}

/**
 * What a manager should have done by `day` of a month of `daysInMonth` days:
 * the quota spread evenly, rounded down (nobody is behind on the 1st).
 */
export function expectedSoFar(quota: number, day: number, daysInMonth: number): number {
  if (daysInMonth <= 0) return quota;
  const share = Math.min(1, Math.max(0, day / daysInMonth));
  return Math.floor(quota * share + 1e-9);
}

export function isOnTrack(submitted: number, quota: number, day: number, daysInMonth: number): boolean {
  return submitted >= expectedSoFar(quota, day, daysInMonth);
}

export function percentOf(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

function share(key: string, label: string, rows: ManagerMonth[], quota: number): OnTargetShare {
  const onTarget = rows.filter((row) => isOnTarget(row.submitted, quota)).length;
  return { key, label, managerMonths: rows.length, onTarget, percent: percentOf(onTarget, rows.length) };
}

function groupShares(
  rows: ManagerMonth[],
  quota: number,
  keysOf: (row: ManagerMonth) => { key: string; label: string }[],
): OnTargetShare[] {
  const groups = new Map<string, { label: string; rows: ManagerMonth[] }>();
  for (const row of rows)
    for (const { key, label } of keysOf(row)) {
      const group = groups.get(key) ?? { label, rows: [] };
      group.rows.push(row);
      groups.set(key, group);
    }
  return [...groups.entries()]
    .map(([key, group]) => share(key, group.label, group.rows, quota))
    .sort((a, b) => a.label.localeCompare(b.label, 'en-GB', { numeric: true }));
}

/** "A1 East" already names its area; another team name gets the area's code in front. */
const teamLabel = (areaCode: string, teamName: string) =>
  teamName.startsWith(`${areaCode} `) ? teamName : `${areaCode} · ${teamName}`;

/**
 * The on-target tables from the manager-months the database counted. Months
 * after `today`'s are not counted; the current month only shows as "on track".
 */
export function onTargetView(rows: ManagerMonth[], quota: number, today: string): OnTargetView {
  const currentMonth = `${today.slice(0, 7)}-01`;
  const judged = rows.filter((row) => row.month < currentMonth);
  const day = Number(today.slice(8, 10));
  const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return {
    quota,
    currentMonth,
    national: share('national', 'National', judged, quota),
    byArea: groupShares(judged, quota, (row) => [{ key: row.serviceAreaId, label: row.areaCode }]),
    byTeam: groupShares(judged, quota, (row) =>
      row.teams.map((team) => ({ key: team.id, label: teamLabel(row.areaCode, team.name) })),
    ),
    byMonth: groupShares(judged, quota, (row) => [{ key: row.month, label: row.month }]),
    current: rows
      .filter((row) => row.month === currentMonth)
      .map((row) => ({
        managerId: row.managerId,
        managerName: row.managerName,
        areaCode: row.areaCode,
        teamNames: row.teams.map((team) => team.name).join(', '),
        assigned: row.assigned,
        submitted: row.submitted,
        expectedSoFar: expectedSoFar(quota, day, daysInMonth),
        isOnTarget: isOnTarget(row.submitted, quota),
        isOnTrack: isOnTrack(row.submitted, quota, day, daysInMonth),
      }))
      .sort((a, b) => (a.managerName < b.managerName ? -1 : a.managerName > b.managerName ? 1 : 0)),
  };
}
