import { saveDraft } from '@/lib/db/case-audits';
import { can, NATIONAL } from '@/lib/domain/permissions';
import { handleDraftSave } from '@/lib/http/draft';

export const dynamic = 'force-dynamic';

/**
 * Autosave of a grading draft. A route handler (not a server action) so the
 * form can save with fetch every few seconds and with keepalive on leaving.
 */
export async function PUT(request: Request, { params }: { params: Promise<{ sampledCaseId: string }> }) {
  const { sampledCaseId } = await params;
  return handleDraftSave(request, sampledCaseId, {
    mayTry: (actor) => can(actor, 'caseAudit.grade', NATIONAL),
    notYours: 'That case was not found, or it is not assigned to you.',
    save: async (actor, baseVersion, answers) => {
      const result = await saveDraft(actor, sampledCaseId, baseVersion, answers, new Date());
      return result.saved ? result : { saved: false, ...result.conflict };
    },
  });
}
