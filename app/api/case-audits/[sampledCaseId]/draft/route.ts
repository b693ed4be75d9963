import { handleDraftSave } from '@/lib/http/draft';
import { saveDraft } from '@/lib/use-cases/case-audits/save-draft';

export const dynamic = 'force-dynamic';

/**
 * Autosave of a grading draft. A route handler (not a server action) so the
 * form can save with fetch every few seconds and with keepalive on leaving.
 */
export async function PUT(request: Request, { params }: { params: Promise<{ sampledCaseId: string }> }) {
  const { sampledCaseId } = await params;
  return handleDraftSave(request, sampledCaseId, {
    // Who may save is decided by saveDraft, against the case itself.
    mayTry: () => true,
    notYours: 'That case was not found, or it is not assigned to you.',
    save: async (actor, baseVersion, answers) => {
      const result = await saveDraft(actor, { sampledCaseId, baseVersion, answers }, new Date());
      return result.saved ? result : { saved: false, ...result.conflict };
    },
  });
}
