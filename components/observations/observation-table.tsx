import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { formatDate } from '@/lib/domain/dates';
import {
  judgementProfile,
  OBSERVATION_SETTING_LABELS,
  type ObservationAnswers,
  type ObservationSetting,
} from '@/lib/domain/observation';

export type ObservationRow = {
  id: string;
  observedOn: string;
  setting: ObservationSetting;
  practitionerName: string;
  teamName: string;
  areaCode: string;
  observerName: string;
  answers: ObservationAnswers;
};

/** The observations list: each row opens its observation; the profile counts its judgements. */
export function ObservationTable({
  rows,
  caption,
  empty,
  showArea,
}: {
  rows: ObservationRow[];
  caption: string;
  empty: string;
  showArea: boolean;
}) {
  return (
    <DataTable
      caption={caption}
      empty={empty}
      scroll={{ label: 'Practice observations' }}
      rows={rows}
      rowKey={(row) => row.id}
      columns={[
        {
          header: 'Date',
          isRowHeader: true,
          className: 'whitespace-nowrap',
          cell: (row) => (
            <Link href={`/local/observations/${row.id}`}>
              {formatDate(row.observedOn)}
              <span className="sr-only">: observation of {row.practitionerName}</span>
            </Link>
          ),
        },
        { header: 'Practitioner', cell: (row) => row.practitionerName },
        { header: 'Team', cell: (row) => row.teamName },
        showArea && { header: 'Area', cell: (row) => row.areaCode },
        { header: 'Setting', cell: (row) => OBSERVATION_SETTING_LABELS[row.setting] },
        { header: 'Observed by', cell: (row) => row.observerName },
        { header: 'Strong', isNumeric: true, cell: (row) => judgementProfile(row.answers).STRONG },
        { header: 'Developing', isNumeric: true, cell: (row) => judgementProfile(row.answers).DEVELOPING },
        {
          header: 'Needs support',
          isNumeric: true,
          cell: (row) => judgementProfile(row.answers).NEEDS_SUPPORT,
        },
      ]}
    />
  );
}
