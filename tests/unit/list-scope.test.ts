import { describe, expect, it } from 'vitest';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { listScope } from '@/lib/domain/list-scope';

// Which areas a reviewer's lists cover, from the permission table: never an undefined area.
describe('listScope', () => {
  it.each([
    ['HEAD_OF_SERVICE', 'area-1', 'areaReview.view', { serviceAreaId: 'area-1' }],
    ['ASSISTANT_DIRECTOR', 'area-2', 'concern.view', { serviceAreaId: 'area-2' }],
    ['SENIOR_SERVICE_MANAGER', null, 'concern.view', {}],
    ['NATIONAL_SERVICE_DIRECTOR', null, 'areaReview.view', {}],
  ] as const)('%s (area %s) lists %s in %o', (role, serviceAreaId, action, scope) => {
    const result = listScope({ role, serviceAreaId }, action);
    expect(result).toEqual(scope);
    if ('serviceAreaId' in result) expect(result.serviceAreaId).toBeDefined();
  });

  it.each([
    ['DIRECTOR', null, 'concern.view'],
    ['IMPROVEMENT_MANAGER', null, 'areaReview.view'],
    ['ADMIN', null, 'concern.view'],
    // Seeing the list is not answering on it: the National Service Director records no review.
    ['NATIONAL_SERVICE_DIRECTOR', null, 'areaReview.record'],
  ] as const)('refuses %s (area %s) the %s list', (role, serviceAreaId, action) => {
    expect(() => listScope({ role, serviceAreaId }, action)).toThrow(NotFoundOrForbiddenError);
  });

  it('keeps anyone with an area to that area, even with a national grant', () => {
    expect(listScope({ role: 'SENIOR_SERVICE_MANAGER', serviceAreaId: 'area-3' }, 'concern.view')).toEqual({
      serviceAreaId: 'area-3',
    });
  });
});
