import 'server-only';
import { isoDay } from '@/lib/domain/dates';
import type { ManagerMonth } from '@/lib/domain/local-quota';
import { db } from './client';

/**
 * One row per manager and month they had the programme's cases assigned:
 * how many, how many submitted, with the manager's area and the teams they
 * manage. Counted in one query; lib/domain/local-quota turns it into shares.
 */
export async function countManagerMonths(auditId: string): Promise<ManagerMonth[]> {
  const rows = await db().$queryRaw<
    {
      manager_id: string;
      manager_name: string;
      service_area_id: string | null;
      area_code: string | null;
      teams: { id: string; name: string }[] | null;
      month: Date;
      assigned: number;
      submitted: number;
    }[]
  >`
    SELECT sc.assigned_to_id AS manager_id, u.name AS manager_name, u.service_area_id, sa.code AS area_code,
           (SELECT json_agg(json_build_object('id', t.id, 'name', t.name) ORDER BY t.name)
              FROM team t WHERE t.service_manager_id = u.id) AS teams,
           sc.month, count(*)::int AS assigned,
           count(ca.id) FILTER (WHERE ca.status = 'SUBMITTED')::int AS submitted
    FROM sampled_case sc
    JOIN app_user u ON u.id = sc.assigned_to_id
    LEFT JOIN service_area sa ON sa.id = u.service_area_id
    LEFT JOIN case_audit ca ON ca.sampled_case_id = sc.id
    WHERE sc.audit_id = ${auditId} AND sc.month IS NOT NULL AND sc.status = 'SELECTED'
    GROUP BY sc.assigned_to_id, u.id, u.name, u.service_area_id, sa.code, sc.month
    ORDER BY sc.month, u.name`;
  return rows.map((row) => ({
    managerId: row.manager_id,
    managerName: row.manager_name,
    serviceAreaId: row.service_area_id ?? '',
    areaCode: row.area_code ?? '—',
    teams: row.teams ?? [],
    month: isoDay(row.month),
    assigned: row.assigned,
    submitted: row.submitted,
  }));
}
