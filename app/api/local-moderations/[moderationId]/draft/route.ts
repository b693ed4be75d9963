import { can, inArea } from '@/lib/domain/permissions';
import { handleDraftSave } from '@/lib/http/draft';
import { saveModerationDraft } from '@/lib/use-cases/moderation/save-moderation-draft';

export const dynamic = 'force-dynamic';

/** Autosave of a Head of Practice's blind moderation grading; the same contract as the auditor's draft. */
export async function PUT(request: Request, { params }: { params: Promise<{ moderationId: string }> }) {
  const { moderationId } = await params;
  return handleDraftSave(request, moderationId, {
    // Refuses before reading the body someone who could never moderate; the use case decides the rest.
    mayTry: (actor) =>
      actor.serviceAreaId !== null && can(actor, 'moderation.grade', inArea(actor.serviceAreaId)),
    notYours: 'That moderation was not found, or it is not yours.',
    save: async (actor, baseVersion, answers) => {
      const result = await saveModerationDraft(actor, moderationId, baseVersion, answers, new Date());
      return result.saved ? result : { ...result, yourVersion: baseVersion };
    },
  });
}
