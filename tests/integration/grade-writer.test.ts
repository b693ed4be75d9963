import { describe, expect, it } from 'vitest';
import { createConcernAndReview, createServiceArea } from '../factories';
import { db } from '@/lib/db/client';
import { applyGrades } from '@/lib/db/grade-writer';
import { StaleVersionError } from '@/lib/domain/errors';

const historyOf = (caseAuditId: string) =>
  db().caseAuditHistory.findMany({
    where: { caseAuditId },
    orderBy: { id: 'asc' },
    select: {
      event: true,
      version: true,
      overallGrade: true,
      occurredAt: true,
      actorId: true,
      changes: true,
    },
  });

describe('the one writer of grades and history', () => {
  it('changes a grade with one history row, stamped with the time it was given, not the clock', async () => {
    const area = await createServiceArea();
    const graded = await createConcernAndReview(area.id);
    const given = new Date('2015-06-01T09:30:00Z');
    const written = await db().$transaction((tx) =>
      applyGrades(tx, { actorId: graded.auditorId, now: given }, [
        {
          kind: 'change',
          caseAuditId: graded.caseAuditId,
          expectedVersion: 1,
          overallGrade: 'requires-improvement',
          history: {
            event: 'regraded',
            reason: 'Agreed on challenge',
            changes: [{ field: 'overallGrade', from: 'inadequate', to: 'requires-improvement' }],
          },
        },
      ]),
    );
    expect(written).toEqual([{ caseAuditId: graded.caseAuditId, version: 2 }]);
    const row = await db().caseAudit.findUniqueOrThrow({
      where: { id: graded.caseAuditId },
      select: { overallGrade: true, version: true, updatedAt: true },
    });
    expect(row).toEqual({ overallGrade: 'requires-improvement', version: 2, updatedAt: given });
    expect(await historyOf(graded.caseAuditId)).toEqual([
      {
        event: 'regraded',
        version: 2,
        overallGrade: 'requires-improvement',
        occurredAt: given,
        actorId: graded.auditorId,
        changes: [{ field: 'overallGrade', from: 'inadequate', to: 'requires-improvement' }],
      },
    ]);
  });

  it('refuses a change made from a version someone else has moved on, and writes nothing', async () => {
    const area = await createServiceArea();
    const graded = await createConcernAndReview(area.id);
    await expect(
      db().$transaction((tx) =>
        applyGrades(tx, { actorId: graded.auditorId, now: new Date() }, [
          {
            kind: 'change',
            caseAuditId: graded.caseAuditId,
            expectedVersion: 7,
            overallGrade: 'good',
            history: { event: 'moderated', reason: 'Agreed', changes: [] },
          },
        ]),
      ),
    ).rejects.toBeInstanceOf(StaleVersionError);
    expect(await historyOf(graded.caseAuditId)).toEqual([]);
    expect(
      await db().caseAudit.findUniqueOrThrow({
        where: { id: graded.caseAuditId },
        select: { overallGrade: true, version: true },
      }),
    ).toEqual({ overallGrade: 'inadequate', version: 1 });
  });

  it('notes an event that changes no grade at the case’s own version, with the grade it records', async () => {
    const area = await createServiceArea();
    const graded = await createConcernAndReview(area.id);
    const when = new Date('2015-06-02T10:00:00Z');
    await db().$transaction((tx) =>
      applyGrades(tx, { actorId: graded.auditorId, now: when }, [
        {
          kind: 'note',
          caseAuditId: graded.caseAuditId,
          history: { event: 'challenged', reason: 'r', changes: [] },
        },
        {
          kind: 'note',
          caseAuditId: graded.caseAuditId,
          overallGrade: 'good',
          history: { event: 'benchmarked', reason: 'Blind benchmark grading', changes: [] },
        },
      ]),
    );
    const rows = await historyOf(graded.caseAuditId);
    expect(
      rows.map(({ event, version, overallGrade, occurredAt }) => ({
        event,
        version,
        overallGrade,
        occurredAt,
      })),
    ).toEqual([
      { event: 'challenged', version: 1, overallGrade: 'inadequate', occurredAt: when },
      { event: 'benchmarked', version: 1, overallGrade: 'good', occurredAt: when },
    ]);
    expect(
      (
        await db().caseAudit.findUniqueOrThrow({
          where: { id: graded.caseAuditId },
          select: { version: true },
        })
      ).version,
    ).toBe(1);
  });
});
