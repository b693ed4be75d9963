import { randomUUID } from 'node:crypto';
import { getActor } from '@/lib/auth/actor';
import { saveDraft } from '@/lib/db/case-audits';
import { NotFoundOrForbiddenError, RuleError } from '@/lib/domain/errors';
import { can, NATIONAL } from '@/lib/domain/permissions';
import { isUuid } from '@/lib/schemas/fields';
import { SaveDraftSchema } from '@/lib/schemas/grading';

export const dynamic = 'force-dynamic';

const json = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
const MAX_BODY = 700_000;

/**
 * Autosave of a grading draft. A route handler (not a server action) so the
 * form can save with fetch every few seconds and with keepalive on leaving.
 * 200 saved · 409 someone saved since your version (theirs comes back) ·
 * 401 signed out · 404 not yours or not there · 422 bad input.
 */
export async function PUT(request: Request, { params }: { params: Promise<{ sampledCaseId: string }> }) {
  const actor = await getActor();
  if (!actor)
    return json(401, {
      error: 'Your session has ended. Your work is kept on this device: sign in again to save it.',
    });
  const { sampledCaseId } = await params;
  if (!isUuid(sampledCaseId) || !can(actor, 'caseAudit.grade', NATIONAL))
    return json(404, { error: 'That case was not found, or it is not assigned to you.' });
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
    const result = await saveDraft(
      actor,
      sampledCaseId,
      parsed.data.baseVersion,
      parsed.data.answers,
      new Date(),
    );
    if (result.saved) return json(200, { version: result.version, savedAt: result.savedAt.toISOString() });
    return json(409, {
      error: 'Someone else saved this case after you opened it.',
      yourVersion: result.conflict.yourVersion,
      currentVersion: result.conflict.currentVersion,
      savedAt: result.conflict.savedAt.toISOString(),
      answers: result.conflict.answers,
    });
  } catch (error) {
    if (error instanceof NotFoundOrForbiddenError)
      return json(404, { error: 'That case was not found, or it is not assigned to you.' });
    if (error instanceof RuleError) return json(409, { error: error.message });
    const reference = randomUUID().slice(0, 8);
    console.error(`[draft] unexpected error ${reference}`, error);
    return json(500, {
      error: `The draft was not saved (reference ${reference}). It is kept on this device; try again.`,
    });
  }
}
