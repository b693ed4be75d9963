// A progress review as a letter, in the shape of seed 001: a heading (the
// source, the reviewer, the date), a summary of the judgements, then per
// recommendation its number and text, what it arose from, the evidence of
// progress and the judgement with its reason. Built-in Helvetica only, as the
// audit report is, so the text stays extractable.
import 'server-only';
import PDFDocument from 'pdfkit';
import { formatDate } from '@/lib/domain/dates';
import type { ReviewView } from '@/lib/domain/review-view';
import { printable } from './pdf';

type Doc = PDFKit.PDFDocument;

const MARGIN = 56;
const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const ITALIC = 'Helvetica-Oblique';
const BODY = 10.5;
const MUTED = '#444444';

const width = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

function write(
  doc: Doc,
  text: string,
  options: { font?: string; size?: number; color?: string; gap?: number; indent?: number } = {},
) {
  doc
    .font(options.font ?? REGULAR)
    .fontSize(options.size ?? BODY)
    .fillColor(options.color ?? '#000000')
    .text(printable(text), MARGIN + (options.indent ?? 0), doc.y, {
      width: width(doc) - (options.indent ?? 0),
    });
  doc.moveDown(options.gap ?? 0.5);
}

/** Paragraphs split on blank lines; "- " lines print as bullets, as seed 001 lists its evidence. */
function evidence(doc: Doc, text: string) {
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    for (const line of lines) {
      if (line.startsWith('- ') || line.startsWith('• '))
        write(doc, `•  ${line.slice(2)}`, { indent: 12, gap: 0.25 });
      else write(doc, line, { gap: 0.25 });
    }
    doc.moveDown(0.3);
  }
}

function summary(review: ReviewView): string {
  const judged = review.items.filter((item) => item.latest);
  if (review.items.length === 0) return 'The source has no recommendations to review.';
  const counts = review.options
    .map((option) => ({
      option,
      count: judged.filter((item) => item.latest?.judgement === option.value).length,
    }))
    .filter(({ count }) => count > 0)
    .map(({ option, count }) => `${option.label.toLowerCase()} in ${count}`);
  const total = review.items.length;
  const opening = `This letter sets out the findings of the ${review.kindLabel.toLowerCase()} of progress on the ${total} recommendation${total === 1 ? '' : 's'} of ${review.source.title}, as of ${formatDate(review.asOf)}.`;
  if (judged.length === 0) return `${opening} No recommendation has been judged yet.`;
  const rest = total - judged.length;
  return `${opening} The judgement is ${counts.join(', ')}${rest > 0 ? `; ${rest} not yet judged` : ''}.`;
}

export async function reviewPdf(review: ReviewView): Promise<Buffer> {
  const title = `${review.title}: ${review.source.title}`;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    displayTitle: true,
    lang: 'en-GB',
    font: REGULAR,
    info: { Title: title, Author: review.reviewer, Subject: 'Progress review' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  write(doc, formatDate(review.asOf), { gap: 1 });
  write(doc, review.title, { font: BOLD, size: 14, gap: 0.2 });
  write(doc, review.source.title, { font: BOLD, size: 12, gap: 0.6 });
  write(
    doc,
    `${review.kindLabel} · ${review.source.areaLabel} · source issued by ${review.source.issuedBy}, ${formatDate(review.source.issuedOn)}`,
    {
      color: MUTED,
      size: 9.5,
    },
  );
  write(doc, `Reviewer: ${review.reviewer}`, { color: MUTED, size: 9.5, gap: 1 });
  write(doc, summary(review), { gap: 1 });
  write(doc, 'Findings of the review:', { font: BOLD, gap: 0.8 });

  for (const item of review.items) {
    if (doc.y > doc.page.height - MARGIN - 120) doc.addPage();
    write(doc, `${item.number}: ${item.text}`, { font: BOLD, gap: 0.4 });
    write(doc, item.aroseFrom, { font: ITALIC });
    write(doc, 'Evidence of progress:', { font: BOLD, size: BODY, gap: 0.3 });
    evidence(doc, item.latest?.evidence ?? item.draft);
    if (item.latest) {
      write(doc, `Judgement: ${item.latest.label}.`, { font: BOLD, gap: 0.2 });
      write(doc, item.latest.reason, { gap: 0.2 });
      write(doc, `Recorded by ${item.latest.judgedBy} on ${formatDate(item.latest.judgedAt.slice(0, 10))}.`, {
        color: MUTED,
        size: 8.5,
        gap: 1.2,
      });
    } else {
      write(doc, 'Judgement: not yet judged (the evidence above is the draft).', { font: BOLD, gap: 1.2 });
    }
  }

  write(doc, 'Yours sincerely,', { gap: 1.5 });
  write(doc, review.reviewer, { font: BOLD, gap: 0.2 });

  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(REGULAR)
      .fontSize(8)
      .fillColor(MUTED)
      .text(
        printable(`${title} · page ${index - range.start + 1} of ${range.count}`),
        MARGIN,
        doc.page.height - MARGIN + 18,
        {
          width: width(doc),
          lineBreak: false,
          height: 10,
          ellipsis: true,
        },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
