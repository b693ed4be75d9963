import { can, NATIONAL } from '@/lib/domain/permissions';
import { handleDraftSave } from '@/lib/http/draft';
import { saveBenchmarkDraft } from '@/lib/use-cases/benchmarks/save-benchmark-draft';

export const dynamic = 'force-dynamic';

/** Autosave of a blind benchmark grading; the same contract as the auditor's draft. */
export async function PUT(request: Request, { params }: { params: Promise<{ benchmarkId: string }> }) {
  const { benchmarkId } = await params;
  return handleDraftSave(request, benchmarkId, {
    // Refuses before reading the body someone who could never benchmark; the use case decides the rest.
    mayTry: (actor) => can(actor, 'benchmark.grade', NATIONAL),
    notYours: 'That benchmark was not found, or it is not yours.',
    save: async (actor, baseVersion, answers) => {
      const result = await saveBenchmarkDraft(actor, benchmarkId, baseVersion, answers, new Date());
      return result.saved ? result : { ...result, yourVersion: baseVersion };
    },
  });
}
