import { z } from 'zod';

const first = (value: unknown): unknown => (Array.isArray(value) ? (value as unknown[])[0] : value);
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const CONTROL = /[\u0000-\u001F\u007F]/g;

export const SAMPLE_ASSIGNMENT_FILTERS = ['all', 'unassigned', 'assigned'] as const;
export type SampleAssignmentFilter = (typeof SAMPLE_ASSIGNMENT_FILTERS)[number];

/** Query-string filters for the sampled cases table: anything odd means "no filter". */
export const SampleCasesFilterSchema = z
  .object({
    area: z.preprocess(first, z.string().uuid().optional().catch(undefined)),
    assignment: z.preprocess(first, z.enum(SAMPLE_ASSIGNMENT_FILTERS).catch('all').default('all')),
    // A case reference, typed in part.
    reference: z.preprocess(
      first,
      z
        .string()
        .max(100)
        .transform((value) => value.replace(CONTROL, '').trim())
        .optional()
        .catch(undefined),
    ),
    page: z.preprocess(first, z.coerce.number().int().min(1).max(10_000).catch(1).default(1)),
  })
  .transform(({ area, assignment, reference, page }) => ({
    serviceAreaId: area ?? null,
    assignment,
    reference: reference || null,
    page,
  }));

export type SampleCasesFilter = z.output<typeof SampleCasesFilterSchema>;
