import { describe, expect, it } from 'vitest';
import { createSamplingAudit, createUser } from '../factories';
import { db } from '@/lib/db/client';
import { findSampledCasesPage, getSampledCase, SAMPLE_PAGE_SIZE } from '@/lib/db/sample-cases';
import { SampleCasesFilterSchema } from '@/lib/schemas/sample';

const filter = (query: Record<string, string> = {}) => SampleCasesFilterSchema.parse(query);

describe('the sampled cases table, a page at a time', () => {
  it('pages the selected cases and filters them by assignment and case reference in the database', async () => {
    const { audit } = await createSamplingAudit({ size: 20, lock: true });
    const pageSize = 4;
    const first = await findSampledCasesPage(audit.id, filter(), pageSize);
    expect(first.selected).toBe(10);
    expect(first.total).toBe(10);
    expect(first.unassigned).toBe(10);
    expect(first.cases).toHaveLength(pageSize);
    const pages = [first];
    for (const page of ['2', '3'])
      pages.push(await findSampledCasesPage(audit.id, filter({ page }), pageSize));
    expect(pages.map((page) => page.cases.length)).toEqual([4, 4, 2]);
    const ids = new Set(pages.flatMap((page) => page.cases.map((row) => row.id)));
    expect(ids.size).toBe(10);
    expect((await findSampledCasesPage(audit.id, filter())).cases).toHaveLength(
      Math.min(10, SAMPLE_PAGE_SIZE),
    );

    const target = first.cases[3]!;
    const auditor = await createUser('IMPROVEMENT_MANAGER');
    await db().sampledCase.update({ where: { id: target.id }, data: { assignedToId: auditor.id } });
    const assigned = await findSampledCasesPage(audit.id, filter({ assignment: 'assigned' }));
    expect(assigned.cases.map((row) => row.id)).toEqual([target.id]);
    expect(assigned.unassigned).toBe(9);
    expect((await findSampledCasesPage(audit.id, filter({ assignment: 'unassigned' }))).total).toBe(9);

    const byReference = await findSampledCasesPage(
      audit.id,
      filter({ reference: target.caseReference.slice(-8).toLowerCase() }),
    );
    expect(byReference.cases.map((row) => row.id)).toEqual([target.id]);
    // Wildcards are literal: '%' and '_' match no reference.
    expect((await findSampledCasesPage(audit.id, filter({ reference: '%' }))).total).toBe(0);
    expect((await findSampledCasesPage(audit.id, filter({ reference: '_' }))).total).toBe(0);
  });

  it('finds one sampled case only within its own audit', async () => {
    const { audit } = await createSamplingAudit({ size: 4, lock: true });
    const other = await createSamplingAudit({ size: 2, lock: true });
    const [row] = (await findSampledCasesPage(audit.id, filter())).cases;
    expect(await getSampledCase(audit.id, row!.id)).toMatchObject({ id: row!.id });
    expect(await getSampledCase(other.audit.id, row!.id)).toBeNull();
  });

  it('reads odd query strings as no filter', () => {
    expect(filter({ assignment: 'everyone', page: '-3', area: 'A1', reference: '\u0000  ' })).toEqual({
      serviceAreaId: null,
      assignment: 'all',
      reference: null,
      page: 1,
    });
    expect(filter({ reference: 'x'.repeat(10_000) }).reference).toBeNull();
  });
});
