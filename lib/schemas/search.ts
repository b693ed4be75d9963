import { z } from 'zod';

const first = (value: unknown): unknown => (Array.isArray(value) ? (value as unknown[])[0] : value);
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const CONTROL = /[\u0000-\u001F\u007F]/g;

/** Query-string filters: anything odd falls back to "no filter", never an error page. */
export const PractitionerSearchSchema = z
  .object({
    search: z
      .preprocess(first, z.string().max(100).catch('').default(''))
      .transform((value) => value.replace(CONTROL, '').trim()),
    area: z.preprocess(first, z.string().uuid().optional().catch(undefined)),
    page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000).catch(1).default(1)),
  })
  .transform(({ search, area, page }) => ({ search, serviceAreaId: area ?? null, page }));
