import { DataTable } from '@/components/ui/data-table';
import type { Difference, Grades } from '@/lib/domain/benchmarking';
import type { RubricContent } from '@/lib/domain/rubric';

/** The manager's and the moderator's grades, section by section, with any agreed grade; differences marked. */
export function ModerationComparisonTable(props: {
  content: RubricContent;
  first: Grades;
  second: Grades;
  differences: Difference[];
  agreed: { overall: string | null; sections: Record<string, string> } | null;
}) {
  const { content, first, second, agreed } = props;
  const label = (key: string | null | undefined) =>
    content.scale.levels.find((level) => level.key === key)?.label ?? 'Not graded';
  const differs = new Set(props.differences.map((difference) => difference.field));
  const rows = [
    { field: 'overall', title: 'Overall grade' },
    ...content.sections.map((section) => ({ field: section.key, title: section.title })),
  ];
  const gradeOf = (grades: Grades, field: string) =>
    field === 'overall' ? grades.overall : (grades.sections[field] ?? null);
  return (
    <DataTable
      caption="The manager’s and the moderator’s grades, section by section"
      captionStyle="hidden"
      rows={rows}
      rowKey={(row) => row.field}
      rowClassName={(row) => (differs.has(row.field) ? 'tone-amber' : undefined)}
      columns={[
        {
          header: 'Section',
          isRowHeader: true,
          className: 'font-normal',
          cell: (row) => (
            <>
              {row.title}
              {differs.has(row.field) && <strong> (differs)</strong>}
            </>
          ),
        },
        { header: 'Manager’s grade', cell: (row) => label(gradeOf(first, row.field)) },
        { header: 'Moderator’s grade', cell: (row) => label(gradeOf(second, row.field)) },
        {
          header: 'Agreed grade',
          cell: (row) =>
            agreed && differs.has(row.field)
              ? label(row.field === 'overall' ? agreed.overall : agreed.sections[row.field])
              : agreed
                ? label(gradeOf(first, row.field))
                : '',
        },
      ]}
    />
  );
}
