import { describe, expect, it } from 'vitest';
import { actingAs, createAssignedCase } from '../factories';
import { getGradingCase } from '@/lib/db/case-audits';
import { raiseConcern } from '@/lib/use-cases/concerns/raise-concern';
import { emptyAnswers } from '@/lib/domain/grading';

describe('a safeguarding concern raised before anything is graded', () => {
  it('leaves the case open to grade, starting from an empty form', async () => {
    const auditor = await actingAs('IMPROVEMENT_MANAGER');
    const assigned = await createAssignedCase({ auditorId: auditor.id });
    await raiseConcern(
      auditor.actor,
      { sampledCaseId: assigned.sampledCaseId, description: 'Non-subject children at risk.' },
      new Date(),
    );
    const grading = await getGradingCase(assigned.sampledCaseId, auditor.actor);
    expect(grading?.caseAudit?.answers).toEqual(emptyAnswers(assigned.content));
  });
});
