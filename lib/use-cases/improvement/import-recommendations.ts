import 'server-only';
import { readTable } from '@/lib/csv/read-table';
import { commitRecommendationImport, recommendationImportLookup } from '@/lib/db/recommendation-import';
import type { Actor } from '@/lib/domain/actor';
import type { RecommendationImportOutcome } from '@/lib/domain/import-outcomes';
import { NATIONAL } from '@/lib/domain/permissions';
import {
  MAX_RECOMMENDATION_IMPORT_ROWS,
  validateRecommendationRows,
} from '@/lib/domain/recommendation-import';
import { authorise } from '../authorise';

const MAX_PROBLEMS_SHOWN = 500;

/** Check first (commit: false), then commit the same file; a commit re-checks everything. */
export async function importRecommendations(
  actor: Actor,
  request: { bytes: Buffer; fileName: string; commit: boolean },
): Promise<RecommendationImportOutcome> {
  authorise(actor, 'recommendation.import', NATIONAL);
  const table = await readTable(request.bytes, request.fileName, {
    maxRows: MAX_RECOMMENDATION_IMPORT_ROWS,
    maxBytes: 5 * 1024 * 1024,
  });
  if (!table.ok)
    return {
      status: 'problems',
      rowCount: 0,
      problemCount: 1,
      problems: [{ line: 1, column: '-', reason: table.reason }],
    };
  const { sources, recommendations, problems } = validateRecommendationRows(
    table.table.header,
    table.table.rows,
    await recommendationImportLookup(),
  );
  const rowCount = table.table.rows.length;
  if (problems.length > 0)
    return {
      status: 'problems',
      rowCount,
      problemCount: problems.length,
      problems: problems.slice(0, MAX_PROBLEMS_SHOWN),
    };
  if (!request.commit)
    return {
      status: 'checked',
      rowCount,
      newSources: sources.map((source) => source.title),
      recommendationCount: recommendations.length,
    };
  return {
    status: 'imported',
    rowCount,
    ...(await commitRecommendationImport(actor.userId, sources, recommendations)),
  };
}
