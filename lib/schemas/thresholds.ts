import { z } from 'zod';
import { id, text, version } from './fields';
import { RubricContentSchema } from './rubric';

export const CreateThresholdDocumentSchema = z.strictObject({
  name: text(120),
  label: text(60),
  scale: z.enum(['three-point', 'four-point'], { error: 'Choose a grade scale' }),
});

export const StartThresholdVersionSchema = z.strictObject({
  documentId: id('threshold document'),
  label: text(60),
});

/** The editor sends the whole draft as JSON text: one bounded primitive at the boundary. */
export const SaveThresholdDraftSchema = z.strictObject({
  versionId: id('threshold version'),
  version,
  label: text(60),
  contentJson: z
    .string()
    .max(400_000, 'The document is too large to save')
    .transform((value, context) => {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'The document could not be read; reload the page' });
        return z.NEVER;
      }
    })
    .pipe(RubricContentSchema),
});

export const PublishThresholdVersionSchema = z.strictObject({ versionId: id('threshold version'), version });
