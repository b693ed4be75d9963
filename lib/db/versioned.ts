import 'server-only';
import { NotFoundOrForbiddenError, StaleVersionError } from '@/lib/domain/errors';

/**
 * After `updateMany({ where: { id, version } })`: one row means the save
 * landed; none means the record is gone (not found) or someone saved first
 * (stale) — never a silent overwrite.
 */
export async function assertVersionedUpdate(
  count: number,
  stillExists: () => Promise<unknown>,
  entity: string,
): Promise<void> {
  if (count === 1) return;
  if (!(await stillExists())) throw new NotFoundOrForbiddenError();
  throw new StaleVersionError(entity);
}
