import 'server-only';
import { countServiceAreas } from '@/lib/db/improvement-register';
import { isActiveUser } from '@/lib/db/improvement-recommendations';
import { RuleError } from '@/lib/domain/errors';
import type { RecommendationFieldsInput } from '@/lib/schemas/improvement-register';

/**
 * The scope and owner of a recommendation, checked against the database; a
 * recommendation under an area's source (its plan) is about that area alone.
 */
export async function checkRecommendationFields(
  fields: RecommendationFieldsInput,
  sourceServiceAreaId: string | null,
): Promise<string[]> {
  const serviceAreaIds = fields.scope === 'NATIONAL' ? [] : [...new Set(fields.serviceAreaIds)];
  if ((await countServiceAreas(serviceAreaIds)) !== serviceAreaIds.length)
    throw new RuleError('Choose service areas from the list', 'serviceAreaIds');
  if (sourceServiceAreaId && serviceAreaIds.some((id) => id !== sourceServiceAreaId))
    throw new RuleError('A recommendation of an area’s own source can only name that area', 'serviceAreaIds');
  if (fields.ownerId && !(await isActiveUser(fields.ownerId)))
    throw new RuleError('Choose an owner from the list', 'ownerId');
  return serviceAreaIds;
}
