import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PrintButton } from '@/components/grading/print-button';
import { DataTable } from '@/components/ui/data-table';
import { requireActor } from '@/lib/auth/actor';
import { CHILDREN_SEEN_LABELS } from '@/lib/domain/grading';
import { can, NATIONAL } from '@/lib/domain/permissions';
import { isUuid } from '@/lib/schemas/fields';
import { getFeedbackSheet } from '@/lib/use-cases/case-audits/get-feedback-sheet';

export const metadata: Metadata = { title: 'Feedback sheet' };
export const dynamic = 'force-dynamic';

export default async function FeedbackPage({
  params,
  searchParams,
}: {
  params: Promise<{ sampledCaseId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const { sampledCaseId } = await params;
  const query = await searchParams;
  if (!isUuid(sampledCaseId)) notFound();
  const sheet = await getFeedbackSheet(actor, sampledCaseId);
  if (!sheet) notFound();
  const { content, answers } = sheet;
  const label = (key: string | null) => content.scale.levels.find((level) => level.key === key)?.label ?? '—';
  const theme = (key: string) => content.themes.find((item) => item.key === key)?.label ?? key;
  return (
    <article className="space-y-6 print:text-sm">
      {query.submitted === '1' && (
        <p role="status" className="card border-green-700 bg-green-50 print:hidden">
          Grades submitted.
          {query.review === '1'
            ? ' The case has gone to the area’s Head of Service and Assistant Director for review.'
            : ''}{' '}
          {can(actor, 'queue.view', NATIONAL) ? (
            <Link href="/queue">Back to my cases</Link>
          ) : (
            <Link href="/local/queue">Back to my local audits</Link>
          )}
        </p>
      )}
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1>Feedback: case {sheet.caseReference}</h1>
          <p className="mt-1 text-slate-700">
            {sheet.auditName} · {sheet.areaCode} · {sheet.practitionerName}
            {sheet.teamName ? `, ${sheet.teamName}` : ''} · submitted{' '}
            {sheet.submittedAt.toLocaleDateString('en-GB', { timeZone: 'Europe/London' })}
          </p>
        </div>
        <PrintButton />
      </div>
      <section aria-labelledby="overall-title" className="card">
        <h2 id="overall-title">Overall grade: {label(sheet.finalGrade)}</h2>
        {sheet.finalGrade !== answers.overallGrade && (
          <p className="mt-1">
            Re-graded after a challenge; the auditor graded it {label(answers.overallGrade)}.
          </p>
        )}
        {answers.overallRationale && <p className="mt-2 whitespace-pre-line">{answers.overallRationale}</p>}
      </section>
      <DataTable
        caption="Section grades"
        captionStyle="title"
        rows={content.sections}
        rowKey={(section) => section.key}
        columns={[
          { header: 'Section', isRowHeader: true, className: 'text-left', cell: (section) => section.title },
          { header: 'Grade', cell: (section) => label(answers.sections[section.key]?.grade ?? null) },
          {
            header: 'Evidence',
            className: 'whitespace-pre-line',
            cell: (section) => answers.sections[section.key]?.evidence,
          },
        ]}
      />
      <section aria-labelledby="strengths-title">
        <h2 id="strengths-title">Strengths</h2>
        {answers.strengths.length === 0 ? (
          <p>None recorded.</p>
        ) : (
          <ul className="mt-2 list-disc pl-5">
            {answers.strengths.map((note) => (
              <li key={note.key}>
                <strong>{theme(note.themeKey)}:</strong> {note.text}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="learning-title">
        <h2 id="learning-title">Learning points</h2>
        {answers.learningPoints.length === 0 ? (
          <p>None recorded.</p>
        ) : (
          <ul className="mt-2 list-disc pl-5">
            {answers.learningPoints.map((note) => (
              <li key={note.key}>
                <strong>{theme(note.themeKey)}:</strong> {note.text}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p>Children seen: {answers.childrenSeen ? CHILDREN_SEEN_LABELS[answers.childrenSeen] : '—'}</p>
    </article>
  );
}
