import { describe, expect, it } from 'vitest';
import { createPractitioner, createServiceArea, createTeam } from '../factories';
import { findPractitioners } from '@/lib/db/practitioners';

describe('searches match what was typed, literally', () => {
  it('treats % and _ in a practitioner search as characters, not wildcards', async () => {
    const area = await createServiceArea();
    const team = await createTeam(area.id);
    await createPractitioner(team.id);
    const everyone = await findPractitioners({ search: '', serviceAreaId: area.id, page: 1 });
    expect(everyone.total).toBe(1);
    for (const search of ['%', '_', '%%', '\\'])
      expect((await findPractitioners({ search, serviceAreaId: area.id, page: 1 })).total, search).toBe(0);
  });
});
