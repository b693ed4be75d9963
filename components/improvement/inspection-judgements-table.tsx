import { DataTable } from '@/components/ui/data-table';
import { INSPECTION_GRADE_LABELS, type InspectionJudgementView } from '@/lib/domain/inspection';

const longDate = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** Inspection judgements beside the area's audit figures; a disagreement is highlighted and said in words. */
export function InspectionJudgementsTable(props: {
  judgements: InspectionJudgementView[];
  caption: string;
  showArea?: boolean;
}) {
  return (
    <DataTable
      caption={props.caption}
      captionStyle="note"
      empty="No inspection judgements are recorded yet."
      rows={props.judgements}
      rowKey={(judgement) => judgement.id}
      rowClassName={(judgement) => (judgement.disagreement ? 'bg-amber-50' : undefined)}
      columns={[
        props.showArea !== false && {
          header: 'Area',
          cell: (judgement) => judgement.areaCode,
          isRowHeader: true,
        },
        { header: 'Date', cell: (judgement) => longDate(judgement.judgedOn) },
        { header: 'Judgement', cell: (judgement) => INSPECTION_GRADE_LABELS[judgement.grade] },
        { header: 'Inspected by', cell: (judgement) => judgement.inspectedBy },
        { header: 'Audit compared', cell: (judgement) => judgement.audit?.name ?? 'No earlier audit' },
        { header: 'Cases', cell: (judgement) => judgement.audit?.cases ?? '–', isNumeric: true },
        {
          header: '% Good',
          cell: (judgement) => (judgement.audit ? `${judgement.audit.goodPercent}%` : '–'),
          isNumeric: true,
        },
        {
          header: '% Not Met',
          cell: (judgement) => (judgement.audit ? `${judgement.audit.lowestPercent}%` : '–'),
          isNumeric: true,
        },
        {
          header: 'Inspection and audit',
          cell: (judgement) =>
            judgement.disagreement ? (
              <span>
                <strong>Disagree:</strong> {judgement.disagreement}
              </span>
            ) : (
              'Agree'
            ),
        },
      ]}
    />
  );
}
