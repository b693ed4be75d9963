import 'server-only';
import { WITHHELD_WHILE_BENCHMARKING } from '@/lib/domain/benchmarking';

/**
 * A download refused because the reader still benchmarks blind in the audit.
 * Unlike other refusals it says why: they know the audit exists (it is in
 * their own benchmarking queue), and they need to know what to do.
 */
export function withheldWhileBenchmarkingResponse(): Response {
  return new Response(WITHHELD_WHILE_BENCHMARKING, {
    status: 403,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
