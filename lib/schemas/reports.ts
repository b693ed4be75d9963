import { z } from 'zod';
import { ImportCaseIndexSchema } from './case-files';
import { id, text } from './fields';

const narrative = text(20_000, { required: false, multiline: true });

export const SaveNarrativeSchema = z.strictObject({
  auditId: id('audit'),
  baseVersion: z.number({ error: 'Reload the page and try again' }).int().min(0).max(2_147_483_647),
  strengths: narrative,
  learning: narrative,
  conclusion: narrative,
  nextSteps: narrative,
});

export const ImportResultsSchema = ImportCaseIndexSchema.extend({
  auditName: text(120),
  createPractitioners: z.boolean(),
});
