import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/ui/action-form';
import { CheckboxGroupField, SelectField, TextAreaField } from '@/components/ui/fields';
import { raiseChallengeAction } from '@/lib/actions/challenges';
import { requireActor } from '@/lib/auth/actor';
import { getChallengeableCase } from '@/lib/use-cases/challenges/get-challengeable-case';
import { isUuid } from '@/lib/schemas/fields';

export const metadata: Metadata = { title: 'Challenge a grade' };
export const dynamic = 'force-dynamic';

export default async function NewChallengePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const { case: sampledCaseId } = await searchParams;
  if (typeof sampledCaseId !== 'string' || !isUuid(sampledCaseId)) notFound();
  const target = await getChallengeableCase(sampledCaseId, actor);
  if (!target) notFound();
  const { content } = target;
  const current =
    content.scale.levels.find((level) => level.key === target.currentGrade)?.label ?? target.currentGrade;
  return (
    <div className="space-y-6">
      <p>
        <Link href="/reviews">Back to reviews</Link>
      </p>
      <h1>Challenge the grade of case {target.caseReference}</h1>
      <p className="max-w-3xl text-slate-700">
        Current grade: {current}. The auditor who graded the case replies; then the audit lead decides, or
        refers it to the National Service Director, whose adjudication is final. You can withdraw before a
        decision.
      </p>
      <section className="card">
        <ActionForm
          action={raiseChallengeAction}
          values={{ sampledCaseId: target.sampledCaseId }}
          submitLabel="Raise challenge"
          successMessage="Challenge raised: the auditor and the audit lead have been told."
          redirectTo="/challenges/{challengeId}?raised=1"
        >
          <CheckboxGroupField
            name="disputedSections"
            label="Sections you dispute"
            options={content.sections.map((section) => ({ value: section.key, label: section.title }))}
          />
          <SelectField
            name="proposedGrade"
            label="The grade you believe is right"
            options={content.scale.levels
              .filter((level) => level.key !== target.currentGrade)
              .map((level) => ({ value: level.key, label: level.label }))}
            placeholder="Choose a grade"
          />
          <TextAreaField name="reasons" label="Your reasons and evidence" rows={6} />
        </ActionForm>
      </section>
      <p>
        <Link href="/challenges">See all challenges</Link>
      </p>
    </div>
  );
}
