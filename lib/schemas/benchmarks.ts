import { z } from 'zod';
import { id, text, version } from './fields';
import { answersJson } from './grading';

export const DrawBenchmarksSchema = z.strictObject({
  auditId: id('audit'),
  sharePercent: z.coerce
    .number({ error: 'Enter a whole percentage' })
    .int('Enter a whole percentage')
    .min(1, 'At least 1%')
    .max(100, 'At most 100%'),
});

export const AddBenchmarkCaseSchema = z.strictObject({
  auditId: id('audit'),
  caseReference: text(40),
  benchmarkerId: id('benchmarker'),
});

export const SubmitBenchmarkSchema = z.strictObject({
  benchmarkId: id('benchmark'),
  baseVersion: z.number().int().min(0).max(2_147_483_647),
  submissionId: z.string().uuid('Reload the page and try again'),
  answersJson,
});

// The agreed grades arrive as fields named agreed.overall and agreed.<sectionKey>.
export const ModerateBenchmarkSchema = z
  .object({
    benchmarkId: id('benchmark'),
    version,
    reason: text(2000, { multiline: true }),
  })
  .catchall(z.string().max(100))
  .superRefine((value, context) => {
    for (const key of Object.keys(value))
      if (!['benchmarkId', 'version', 'reason'].includes(key) && !key.startsWith('agreed.'))
        context.addIssue({ code: 'custom', path: [key], message: 'This form does not accept that field.' });
  })
  .transform(({ benchmarkId, version: baseVersion, reason, ...rest }) => ({
    benchmarkId,
    version: baseVersion,
    reason,
    agreed: Object.fromEntries(
      Object.entries(rest)
        .filter(([key]) => key.startsWith('agreed.'))
        .map(([key, value]) => [key.slice('agreed.'.length), value]),
    ),
  }));
