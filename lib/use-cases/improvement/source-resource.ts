import 'server-only';
import { inArea, NATIONAL, type Resource } from '@/lib/domain/permissions';

/** Everything under a source shares its scope: its area, or national (issue 16). */
export function sourceResource(source: { serviceAreaId: string | null }): Resource {
  return source.serviceAreaId ? inArea(source.serviceAreaId) : NATIONAL;
}
