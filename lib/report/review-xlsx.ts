// A progress review as a spreadsheet: the PDF's columns, one row per
// recommendation, every string neutralised so no spreadsheet runs it as a formula.
import { formatDate } from '@/lib/domain/dates';
import type { ReviewView } from '@/lib/domain/review-view';
import type { ReportTable } from './tables';
import { tablesWorkbook } from './xlsx';

export function reviewTable(review: ReviewView): ReportTable {
  return {
    id: 'review',
    title: `${review.title}: judgements`,
    header: [
      'Number',
      'Recommendation',
      'Kind',
      'Arose from',
      'Evidence of progress',
      'Judgement',
      'Reason',
      'Judged by',
      'Judged at',
    ],
    rows: review.items.map((item) => [
      item.number,
      item.text,
      item.kindLabel,
      item.aroseFrom,
      item.latest?.evidence ?? item.draft,
      item.latest?.label ?? 'Not yet judged',
      item.latest?.reason ?? '',
      item.latest?.judgedBy ?? '',
      item.latest?.judgedAt ?? '',
    ]),
    totals: [],
    notes: ['Evidence of a recommendation not yet judged is the draft.'],
  };
}

export async function reviewWorkbook(review: ReviewView): Promise<Buffer> {
  return tablesWorkbook(
    `${review.title}: ${review.source.title}`,
    [
      ['Source', review.source.title],
      ['Issued by', `${review.source.issuedBy}, ${formatDate(review.source.issuedOn)}`],
      ['Scope', review.source.areaLabel],
      ['Review', review.kindLabel],
      ['As of', formatDate(review.asOf)],
      ['Reviewer', review.reviewer],
      ['Scale', review.scaleLabel],
    ],
    [reviewTable(review)],
  );
}

/** A file name that says what it is and is safe in a header. */
export function reviewFileName(review: ReviewView): string {
  return `${review.source.title} ${review.title}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 120);
}
