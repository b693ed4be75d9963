import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { GradingForm } from '@/components/grading/grading-form';
import { ModerationComparisonTable } from '@/components/moderation/moderation-comparison';
import { ActionForm } from '@/components/ui/action-form';
import { SelectField, TextAreaField } from '@/components/ui/fields';
import { agreeModerationAction, submitModerationAction } from '@/lib/actions/local-moderation';
import { requireActor } from '@/lib/auth/actor';
import { LAW_TYPE_LABELS } from '@/lib/domain/audits';
import { agreedField } from '@/lib/domain/benchmarking';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { isUuid } from '@/lib/schemas/fields';
import { getModerationCase, type ModerationCase } from '@/lib/use-cases/moderation/get-moderation-case';
import {
  getModerationComparison,
  type ModerationComparison,
} from '@/lib/use-cases/moderation/get-moderation-comparison';

export const metadata: Metadata = { title: 'Moderate a local audit' };
export const dynamic = 'force-dynamic';

async function orNull<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof NotFoundOrForbiddenError) return null;
    throw error;
  }
}

/**
 * Blind re-grading, then the comparison. Until the moderator submits, only the
 * grading form shows (the same form as the manager's, never their grades).
 */
export default async function ModerationCasePage({
  params,
  searchParams,
}: {
  params: Promise<{ moderationId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const { moderationId } = await params;
  if (!isUuid(moderationId)) notFound();
  const comparison = await orNull(() => getModerationComparison(actor, moderationId));
  const grading: ModerationCase | null = comparison
    ? null
    : await orNull(() => getModerationCase(actor, moderationId));
  if (!comparison && !grading) notFound();
  const back = (
    <p>
      <Link href="/local/moderation">Back to moderation</Link>
    </p>
  );
  if (grading)
    return (
      <div className="space-y-6">
        {back}
        <div>
          <h1>Moderate case {grading.caseReference}</h1>
          <p className="mt-1 text-slate-700">
            {grading.auditName} · {grading.areaCode} · {LAW_TYPE_LABELS[grading.lawType]} ·{' '}
            {grading.practitionerName}
            {grading.teamName ? `, ${grading.teamName}` : ''}. Grade it as you would any case: the manager’s
            grades appear side by side once you submit.
          </p>
        </div>
        <GradingForm
          userId={actor.userId}
          recordId={grading.moderationId}
          submitKey="moderationId"
          draftUrl={`/api/local-moderations/${grading.moderationId}/draft`}
          doneHref={`/local/moderation/${grading.moderationId}?submitted=1`}
          content={grading.content}
          isEitWorkToFirstHearing={grading.isEit && grading.lawType === 'PRIVATE_LAW_WTFH'}
          initialAnswers={grading.answers}
          initialVersion={grading.version}
          initialSavedAt={null}
          submissionId={randomUUID()}
          submitAction={submitModerationAction}
        />
      </div>
    );
  const c = comparison as ModerationComparison;
  const justSubmitted = (await searchParams).submitted === '1';
  const titleOf = (field: string) =>
    field === 'overall'
      ? 'Overall grade'
      : (c.content.sections.find((section) => section.key === field)?.title ?? field);
  const options = c.content.scale.levels.map((level) => ({ value: level.key, label: level.label }));
  return (
    <div className="space-y-6">
      {back}
      {justSubmitted && (
        <p role="status" className="card">
          Your grades are submitted. Here they are beside the manager’s.
        </p>
      )}
      <div>
        <h1>Case {c.caseReference}: the manager’s grading and yours</h1>
        <p className="mt-1 text-slate-700">
          {c.auditName} · {c.areaCode} · {c.practitionerName}
          {c.teamName ? `, ${c.teamName}` : ''} · graded by {c.managerName}, moderated by {c.moderatorName}.{' '}
          {c.differences.length === 0
            ? 'The gradings agree on every section and overall.'
            : `They differ on ${c.differences.length} of ${c.content.sections.length + 1} grades (marked).`}
        </p>
      </div>
      <ModerationComparisonTable
        content={c.content}
        first={c.first}
        second={c.second}
        differences={c.differences}
        agreed={c.agreed}
      />
      {c.agreed && (
        <p className="card">Agreed: “{c.agreed.reason}”. The case’s history keeps all three gradings.</p>
      )}
      {c.agreeRefusal && <p className="card">{c.agreeRefusal}</p>}
      {c.canAgree && (
        <section className="card space-y-4" aria-labelledby="agree">
          <h2 id="agree">Record the agreed grade</h2>
          <p className="text-sm text-slate-700">
            Talk it through with {c.managerName}, then record the grade you agree. Where it differs from the
            manager’s, it becomes the case’s grade; both gradings stay in the case’s history.
          </p>
          <ActionForm
            action={agreeModerationAction}
            values={{ moderationId: c.moderationId, version: c.version }}
            submitLabel="Record the agreed grade"
            successMessage="Agreed grade recorded."
            confirm={{
              title: 'Record the agreed grade?',
              body: 'Where it differs from the manager’s, it becomes the case’s grade.',
              confirmLabel: 'Yes, record it',
            }}
          >
            {c.differences.map((difference) => (
              <SelectField
                key={difference.field}
                name={agreedField(difference.field)}
                label={`Agreed grade: ${titleOf(difference.field)}`}
                options={options}
                defaultValue=""
                placeholder="Choose the agreed grade"
              />
            ))}
            <TextAreaField name="reason" label="Why this grade was agreed" />
          </ActionForm>
        </section>
      )}
    </div>
  );
}
