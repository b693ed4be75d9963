import 'server-only';

// A file may name up to 200,000 references; asking for them 5,000 at a time
// keeps each query and its bound parameters small and its cost predictable.
export const LOOKUP_BATCH_SIZE = 5_000;

/** Runs `lookup` over `values` in consecutive batches, one at a time, and joins what they find. */
export async function lookUpInBatches<T, R>(
  values: readonly T[],
  lookup: (batch: T[]) => Promise<R[]>,
  batchSize = LOOKUP_BATCH_SIZE,
): Promise<R[]> {
  const found: R[] = [];
  for (let start = 0; start < values.length; start += batchSize) {
    for (const row of await lookup(values.slice(start, start + batchSize))) found.push(row);
  }
  return found;
}
