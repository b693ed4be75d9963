import 'server-only';
import { randomUUID } from 'node:crypto';
import { getActor } from '@/lib/auth/actor';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError, RuleError } from '@/lib/domain/errors';
import type { GradingAnswers } from '@/lib/domain/grading';
import { isUuid } from '@/lib/schemas/fields';
import { SaveDraftSchema } from '@/lib/schemas/grading';
import { refusedResponse } from './access';

const json = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
const MAX_BODY = 700_000;

export type DraftSave =
  | { saved: true; version: number; savedAt: Date }
  | { saved: false; yourVersion: number; currentVersion: number; savedAt: Date; answers: GradingAnswers };

/**
 * The autosave contract the grading form relies on, for an auditor's case and
 * a benchmarker's blind grading alike: 200 saved · 409 someone saved since
 * your version (theirs comes back) · 401 signed out · 404 not yours or not
 * there · 413 too large · 422 bad input.
 */
export async function handleDraftSave(
  request: Request,
  recordId: string,
  options: {
    mayTry: (actor: Actor) => boolean;
    notYours: string;
    save: (actor: Actor, baseVersion: number, answers: GradingAnswers) => Promise<DraftSave>;
  },
): Promise<Response> {
  const actor = await getActor();
  // No refusal is logged for a missing session here: the form autosaves every
  // few seconds, so one expired session would write a row every few seconds.
  if (!actor)
    return json(401, {
      error: 'Your session has ended. Your work is kept on this device: sign in again to save it.',
    });
  if (!isUuid(recordId) || !options.mayTry(actor))
    return refusedResponse(request, actor, 'draft', json(404, { error: options.notYours }));
  const text = await request.text();
  if (text.length > MAX_BODY) return json(413, { error: 'The form is too large to save.' });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return json(422, { error: 'The form could not be read; reload the page.' });
  }
  const parsed = SaveDraftSchema.safeParse(body);
  if (!parsed.success)
    return json(422, {
      error: 'Some answers could not be saved: reload the page.',
      fields: parsed.error.issues.map((issue) => issue.path.join('.')).slice(0, 20),
    });
  try {
    const result = await options.save(actor, parsed.data.baseVersion, parsed.data.answers);
    if (result.saved) return json(200, { version: result.version, savedAt: result.savedAt.toISOString() });
    return json(409, {
      error: 'Someone else saved this after you opened it.',
      yourVersion: result.yourVersion,
      currentVersion: result.currentVersion,
      savedAt: result.savedAt.toISOString(),
      answers: result.answers,
    });
  } catch (error) {
    if (error instanceof NotFoundOrForbiddenError)
      return refusedResponse(request, actor, `draft:${recordId}`, json(404, { error: options.notYours }));
    if (error instanceof RuleError) return json(409, { error: error.message });
    const reference = randomUUID().slice(0, 8);
    console.error(`[draft] unexpected error ${reference}`, error);
    return json(500, {
      error: `The draft was not saved (reference ${reference}). It is kept on this device; try again.`,
    });
  }
}
