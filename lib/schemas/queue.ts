import { z } from 'zod';
import { LAW_TYPES } from '@/lib/domain/audits';

const first = (value: unknown): unknown => (Array.isArray(value) ? (value as unknown[])[0] : value);

/** Query-string filters for the queue: anything odd means "no filter". */
export const QueueFilterSchema = z
  .object({
    status: z.preprocess(
      first,
      z.enum(['TO_DO', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED']).optional().catch(undefined),
    ),
    area: z.preprocess(first, z.string().uuid().optional().catch(undefined)),
    lawType: z.preprocess(first, z.enum(LAW_TYPES).optional().catch(undefined)),
    page: z.preprocess(first, z.coerce.number().int().min(1).max(10_000).catch(1).default(1)),
  })
  .transform(({ status, area, lawType, page }) => ({
    status: status ?? null,
    serviceAreaId: area ?? null,
    lawType: lawType ?? null,
    page,
  }));
