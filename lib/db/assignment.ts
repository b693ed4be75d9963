import 'server-only';
import { db } from './client';

// Who can be given cases, and how many each already holds in an audit.

export async function assignmentLoads(
  auditId: string,
): Promise<{ auditorId: string; name: string; cases: number; areas: number }[]> {
  const rows = await db().$queryRaw<{ id: string; name: string; cases: bigint; areas: bigint }[]>`
    SELECT u.id, u.name, count(s.id) AS cases, count(DISTINCT s.service_area_id) AS areas
    FROM app_user u LEFT JOIN sampled_case s ON s.assigned_to_id = u.id AND s.audit_id = ${auditId} AND s.status = 'SELECTED'
    WHERE u.role = 'IMPROVEMENT_MANAGER' AND u.is_active
    GROUP BY u.id, u.name ORDER BY u.name`;
  return rows.map((row) => ({
    auditorId: row.id,
    name: row.name,
    cases: Number(row.cases),
    areas: Number(row.areas),
  }));
}

export async function findAuditorOptions(): Promise<{ id: string; name: string }[]> {
  return db().user.findMany({
    where: { role: 'IMPROVEMENT_MANAGER', isActive: true },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
  });
}
