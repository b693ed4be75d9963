import 'server-only';
import { auditsWithheldWhileBenchmarking } from '@/lib/db/blind';
import { countLocalNationalPairs, countModerationPairs } from '@/lib/db/local-calibration';
import type { Actor } from '@/lib/domain/actor';
import { assembleLocalCalibration, type LocalCalibrationView } from '@/lib/domain/local-calibration';
import { can, inArea, NATIONAL } from '@/lib/domain/permissions';
import { authorise } from '../authorise';

/**
 * The local calibration figures for the months [from, to) (null: unbounded).
 * The national roles see every area (or the one asked for); a Head of Practice,
 * Head of Service or Assistant Director only their own, whatever they ask.
 */
export async function getLocalCalibration(
  actor: Actor,
  input: { serviceAreaId: string | null; from: string | null; to: string | null },
): Promise<LocalCalibrationView & { serviceAreaId: string | null }> {
  let serviceAreaId = input.serviceAreaId;
  if (!can(actor, 'localCalibration.view', NATIONAL)) {
    serviceAreaId = actor.serviceAreaId ?? '';
    authorise(actor, 'localCalibration.view', inArea(serviceAreaId));
  }
  const scope = { serviceAreaId, from: input.from, to: input.to };
  const [moderation, national] = await Promise.all([
    countModerationPairs(scope),
    countLocalNationalPairs(scope, actor.userId, await auditsWithheldWhileBenchmarking(actor)),
  ]);
  const view = assembleLocalCalibration(moderation.pairs, national.pairs, {
    ...national.labels,
    ...moderation.labels,
  });
  return { ...view, serviceAreaId };
}
