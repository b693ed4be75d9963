import { databaseAnswers } from '@/lib/db/health';

export const dynamic = 'force-dynamic';

// Public: a load balancer asks it. Says nothing but up or down.
export async function GET() {
  const ok = await databaseAnswers();
  return Response.json(
    { status: ok ? 'ok' : 'unavailable' },
    { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
