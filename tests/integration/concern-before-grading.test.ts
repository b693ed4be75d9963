import { describe, expect, it } from 'vitest';
import { actingAs, createAssignedCase } from '../factories';
import { raiseConcern } from '@/lib/use-cases/concerns/raise-concern';
import { emptyAnswers } from '@/lib/domain/grading';
import { getGradingCase } from '@/lib/use-cases/case-audits/get-grading-case';

describe('a safeguarding concern raised before anything is graded', () => {
  it('leaves the case open to grade, starting from an empty form', async () => {
    const auditor = await actingAs('IMPROVEMENT_MANAGER');
    const assigned = await createAssignedCase({ auditorId: auditor.id });
    await raiseConcern(
      auditor.actor,
      { sampledCaseId: assigned.sampledCaseId, description: 'Non-subject children at risk.' },
      new Date(),
    );
    const grading = await getGradingCase(auditor.actor, assigned.sampledCaseId);
    expect(grading?.caseAudit?.answers).toEqual(emptyAnswers(assigned.content));
  });
});
