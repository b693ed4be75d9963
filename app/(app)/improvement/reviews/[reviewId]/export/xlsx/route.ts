import { getActor } from '@/lib/auth/actor';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { recordDownload, refusedResponse } from '@/lib/http/access';
import { reviewFileName, reviewWorkbook } from '@/lib/report/review-xlsx';
import { isUuid } from '@/lib/schemas/fields';
import { getProgressReview } from '@/lib/use-cases/improvement/get-progress-review';

export const dynamic = 'force-dynamic';

/** The review as a spreadsheet, with the PDF's columns; authorised as the page is. */
export async function GET(request: Request, { params }: { params: Promise<{ reviewId: string }> }) {
  const actor = await getActor();
  if (!actor)
    return refusedResponse(
      request,
      null,
      'progress review',
      new Response('Sign in to download', { status: 401 }),
    );
  const { reviewId } = await params;
  if (!isUuid(reviewId)) return new Response('Not found', { status: 404 });
  let review;
  try {
    review = await getProgressReview(actor, reviewId);
  } catch (error) {
    if (error instanceof NotFoundOrForbiddenError)
      return refusedResponse(request, actor, `progress-review:${reviewId}`);
    throw error;
  }
  await recordDownload(request, actor, {
    target: `progress-review:${reviewId}`,
    table: 'review',
    format: 'xlsx',
  });
  return new Response(new Uint8Array(await reviewWorkbook(review)), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${reviewFileName(review)}.xlsx"`,
      'Cache-Control': 'no-store',
    },
  });
}
