import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { db, type Tx } from './client';
import type { InspectionGrade } from '@/lib/domain/inspection';

export type InspectionJudgementRow = {
  id: string;
  serviceAreaId: string;
  areaCode: string;
  judgedOn: string;
  grade: InspectionGrade;
  inspectedBy: string;
  note: string;
  recordedByName: string;
  /** The area's latest published national audit whose window closed by the judgement date. */
  audit: {
    name: string;
    cases: number;
    goodOrAbove: number;
    lowest: number;
    goodOrAboveTarget: number | null;
    lowestTarget: number | null;
  } | null;
};

/**
 * Every judgement (or one area's) with the area's audit figures beside it, in
 * one query: the audit is chosen per judgement (LATERAL) and its cases counted
 * by the grade scale of its own threshold version.
 */
export async function findInspectionJudgements(
  serviceAreaId: string | null,
): Promise<InspectionJudgementRow[]> {
  const rows = await db().$queryRaw<
    {
      id: string;
      service_area_id: string;
      area_code: string;
      judged_on: Date;
      grade: InspectionGrade;
      inspected_by: string;
      note: string;
      recorded_by_name: string;
      audit_name: string | null;
      good_or_above_target: number | null;
      lowest_target: number | null;
      cases: bigint | null;
      good_or_above: bigint | null;
      lowest: bigint | null;
    }[]
  >`
    SELECT j.id, j.service_area_id, sa.code AS area_code, j.judged_on, j.grade::text AS grade,
           j.inspected_by, j.note, u.name AS recorded_by_name,
           a.name AS audit_name, a.good_or_above_target, a.lowest_target,
           counts.cases, counts.good_or_above, counts.lowest
    FROM area_inspection_judgement j
    JOIN service_area sa ON sa.id = j.service_area_id
    JOIN app_user u ON u.id = j.recorded_by_id
    LEFT JOIN LATERAL (
      SELECT a.id, a.name, a.good_or_above_target, a.lowest_target, a.threshold_version_id
      FROM audit a
      WHERE a.status = 'PUBLISHED' AND a.kind = 'NATIONAL_PRACTICE_QUALITY' AND a.window_to <= j.judged_on
        AND EXISTS (SELECT 1 FROM case_audit ca
                    WHERE ca.audit_id = a.id AND ca.service_area_id = j.service_area_id AND ca.status = 'SUBMITTED')
      ORDER BY a.window_to DESC
      LIMIT 1
    ) a ON true
    LEFT JOIN LATERAL (
      SELECT count(*) AS cases,
             count(*) FILTER (WHERE ca.overall_grade IN (
               SELECT level->>'key' FROM jsonb_array_elements(tv.content->'scale'->'levels') level
               WHERE (level->>'isGoodOrAbove')::boolean)) AS good_or_above,
             count(*) FILTER (WHERE ca.overall_grade = tv.content->'scale'->>'lowestLevelKey') AS lowest
      FROM case_audit ca
      JOIN threshold_version tv ON tv.id = a.threshold_version_id
      WHERE ca.audit_id = a.id AND ca.service_area_id = j.service_area_id AND ca.status = 'SUBMITTED'
    ) counts ON a.id IS NOT NULL
    WHERE ${serviceAreaId === null ? Prisma.sql`true` : Prisma.sql`j.service_area_id = ${serviceAreaId}`}
    ORDER BY j.judged_on DESC, sa.sort_order`;
  return rows.map((row) => ({
    id: row.id,
    serviceAreaId: row.service_area_id,
    areaCode: row.area_code,
    judgedOn: row.judged_on.toISOString().slice(0, 10),
    grade: row.grade,
    inspectedBy: row.inspected_by,
    note: row.note,
    recordedByName: row.recorded_by_name,
    audit:
      row.audit_name === null
        ? null
        : {
            name: row.audit_name,
            cases: Number(row.cases ?? 0),
            goodOrAbove: Number(row.good_or_above ?? 0),
            lowest: Number(row.lowest ?? 0),
            goodOrAboveTarget: row.good_or_above_target,
            lowestTarget: row.lowest_target,
          },
  }));
}

export async function findServiceAreaForJudgement(
  tx: Tx,
  serviceAreaId: string,
): Promise<{ id: string; code: string } | null> {
  return tx.serviceArea.findUnique({ where: { id: serviceAreaId }, select: { id: true, code: true } });
}

export async function insertInspectionJudgement(
  tx: Tx,
  row: {
    serviceAreaId: string;
    judgedOn: Date;
    grade: InspectionGrade;
    inspectedBy: string;
    note: string;
    recordedById: string;
    recordedAt: Date;
  },
): Promise<string> {
  const created = await tx.areaInspectionJudgement.create({ data: row, select: { id: true } });
  return created.id;
}
