import 'server-only';
import { readCsv } from '@/lib/csv/read-csv';
import { organisationLookup } from '@/lib/db/practitioners';
import type { Actor } from '@/lib/domain/actor';
import type { PractitionerImportOutcome } from '@/lib/domain/import-outcomes';
import { NATIONAL } from '@/lib/domain/permissions';
import { MAX_IMPORT_ROWS, validatePractitionerRows } from '@/lib/domain/practitioner-import';
import { authorise } from '../authorise';

import { db } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { type PractitionerRow } from '@/lib/domain/practitioner-import';

/**
 * All-or-nothing: new references are created, changed ones updated, the rest
 * left alone, so importing the same file twice changes nothing the second time.
 */
async function commitRows(
  actorId: string,
  rows: PractitionerRow[],
): Promise<{ created: number; updated: number; unchanged: number }> {
  return db().$transaction(
    async (tx) => {
      const existing = await tx.practitioner.findMany({
        where: { reference: { in: rows.map((row) => row.reference) } },
        select: {
          id: true,
          reference: true,
          name: true,
          teamId: true,
          employment: true,
          performanceBand: true,
          managerId: true,
        },
      });
      const byReference = new Map(existing.map((row) => [row.reference, row]));
      const toCreate = rows.filter((row) => !byReference.has(row.reference));
      const toUpdate = rows.filter((row) => {
        const current = byReference.get(row.reference);
        return (
          current !== undefined &&
          (current.name !== row.name ||
            current.teamId !== row.teamId ||
            current.employment !== row.employment ||
            current.performanceBand !== row.performanceBand ||
            current.managerId !== row.managerId)
        );
      });
      if (toCreate.length > 0) {
        await tx.practitioner.createMany({
          data: toCreate.map(({ reference, name, teamId, employment, performanceBand, managerId }) => ({
            reference,
            name,
            teamId,
            employment,
            performanceBand,
            managerId,
          })),
        });
      }
      for (const row of toUpdate) {
        await tx.practitioner.update({
          where: { reference: row.reference },
          data: {
            name: row.name,
            teamId: row.teamId,
            employment: row.employment,
            performanceBand: row.performanceBand,
            managerId: row.managerId,
            version: { increment: 1 },
          },
        });
      }
      const summary = {
        created: toCreate.length,
        updated: toUpdate.length,
        unchanged: rows.length - toCreate.length - toUpdate.length,
      };
      if (summary.created + summary.updated > 0) {
        await recordAuditEvent(tx, {
          actorId,
          action: 'practitioner.imported',
          entityType: 'practitioner',
          entityId: 'import',
          detail: {
            ...summary,
            createdReferences: toCreate.map((row) => row.reference).slice(0, 1000),
            updatedReferences: toUpdate.map((row) => row.reference).slice(0, 1000),
          },
        });
      }
      return summary;
    },
    { timeout: 120_000 },
  );
}

const MAX_PROBLEMS_SHOWN = 500;

/** Check first (commit: false), then commit the same file; a commit re-checks everything. */
export async function importPractitioners(
  actor: Actor,
  request: { csv: string; commit: boolean },
): Promise<PractitionerImportOutcome> {
  authorise(actor, 'practitioner.import', NATIONAL);
  const csv = await readCsv(request.csv, { maxRows: MAX_IMPORT_ROWS });
  if (!csv.ok)
    return { status: 'problems', rowCount: 0, problems: [{ line: 1, column: '-', reason: csv.reason }] };
  const { rows, problems } = validatePractitionerRows(
    csv.table.header,
    csv.table.rows,
    await organisationLookup(),
  );
  if (problems.length > 0)
    return {
      status: 'problems',
      rowCount: csv.table.rows.length,
      problems: problems.slice(0, MAX_PROBLEMS_SHOWN),
    };
  if (!request.commit) return { status: 'checked', rowCount: rows.length };
  return { status: 'imported', ...(await commitRows(actor.userId, rows)) };
}
