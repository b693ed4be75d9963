import { ActionForm } from '@/components/ui/action-form';
import { updateRecommendationAction } from '@/lib/actions/improvement-register';
import { RecommendationFields, type RecommendationDefaults } from './recommendation-fields';

export function RecommendationEditor({
  recommendation,
  areas,
  people,
}: {
  recommendation: RecommendationDefaults & { id: string; version: number };
  areas: { id: string; code: string }[];
  people: { id: string; name: string }[];
}) {
  return (
    <section className="card" aria-labelledby="edit-recommendation-title">
      <details>
        <summary className="cursor-pointer">
          <h2 id="edit-recommendation-title" className="inline">
            Edit this recommendation
          </h2>
        </summary>
        <ActionForm
          action={updateRecommendationAction}
          values={{ recommendationId: recommendation.id, version: recommendation.version }}
          submitLabel="Save recommendation"
          successMessage="Recommendation saved."
          className="mt-4 space-y-4"
        >
          <RecommendationFields
            areas={areas}
            people={people}
            defaults={{
              number: recommendation.number,
              text: recommendation.text,
              kind: recommendation.kind,
              serviceAreaIds: recommendation.serviceAreaIds,
              lawTypes: recommendation.lawTypes,
              ownerId: recommendation.ownerId,
              dueOn: recommendation.dueOn,
            }}
          />
        </ActionForm>
      </details>
    </section>
  );
}
