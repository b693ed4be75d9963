import { describe, expect, it } from 'vitest';
import { createGradedAudit, createServiceArea, createUser } from '../factories';
import { findAuditorQueue } from '@/lib/db/queue';

describe('the auditor’s queue', () => {
  it('keeps the cases an auditor submitted, in any audit (published too), under Submitted', async () => {
    const area = await createServiceArea();
    const auditor = await createUser('IMPROVEMENT_MANAGER');
    const { audit: published } = await createGradedAudit(
      ['good', 'met'].map((grade) => ({ serviceAreaId: area.id, grade })),
      { auditorId: auditor.id, status: 'PUBLISHED' },
    );
    const { audit: live } = await createGradedAudit([{ serviceAreaId: area.id, grade: 'not-met' }], {
      auditorId: auditor.id,
      status: 'GRADING',
    });
    const queue = await findAuditorQueue(auditor.id);
    expect(queue.counts).toEqual({ TO_DO: 0, IN_PROGRESS: 0, SUBMITTED: 3, RETURNED: 0 });
    const submitted = await findAuditorQueue(auditor.id, {
      status: 'SUBMITTED',
      serviceAreaId: null,
      lawType: null,
      page: 1,
    });
    expect(submitted.total).toBe(3);
    expect(submitted.cases.map((row) => [row.auditName, row.status]).sort()).toEqual(
      [
        [published.name, 'SUBMITTED'],
        [published.name, 'SUBMITTED'],
        [live.name, 'SUBMITTED'],
      ].sort(),
    );
    const toDo = await findAuditorQueue(auditor.id, {
      status: 'TO_DO',
      serviceAreaId: null,
      lawType: null,
      page: 1,
    });
    expect(toDo.cases).toEqual([]);
    // Another auditor's finished work is not theirs.
    const other = await createUser('IMPROVEMENT_MANAGER');
    expect((await findAuditorQueue(other.id)).counts.SUBMITTED).toBe(0);
  });
});
