import { getActor } from '@/lib/auth/actor';
import { isoDay } from '@/lib/domain/dates';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { recordDownload, refusedResponse } from '@/lib/http/access';
import { boardPackWorkbook, boardPackFileName } from '@/lib/report/board-pack-export';
import { BoardPackQuerySchema } from '@/lib/schemas/improvement-plans';
import { queryOf } from '@/lib/schemas/reports';
import { getBoardPack } from '@/lib/use-cases/improvement/get-board-pack';

export const dynamic = 'force-dynamic';

const notFound = () => new Response('Not found', { status: 404 });

/** The board pack for `?date=yyyy-mm-dd` (today without one) as a workbook; the board roles only. */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor)
    return refusedResponse(request, null, 'board-pack', new Response('Sign in to download', { status: 401 }));
  const query = BoardPackQuerySchema.safeParse(queryOf(new URL(request.url).searchParams));
  if (!query.success || !query.data.valid) return notFound();
  const date = query.data.date ?? isoDay(new Date());
  let pack;
  try {
    pack = await getBoardPack(actor, date);
  } catch (error) {
    if (error instanceof NotFoundOrForbiddenError) return refusedResponse(request, actor, 'board-pack');
    throw error;
  }
  // Logged before the file is built: it names teams and owners.
  await recordDownload(request, actor, {
    target: 'board-pack',
    table: 'board-pack',
    format: 'xlsx',
    filters: { date },
  });
  const file = await boardPackWorkbook(pack.view, pack.report);
  return new Response(new Uint8Array(file), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${boardPackFileName(pack.view, 'xlsx')}"`,
      'Cache-Control': 'no-store',
    },
  });
}
