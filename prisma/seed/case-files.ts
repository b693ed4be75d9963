// A realistic case-file index for the demo and the import benchmark:
// each practitioner with a few cases (law types in roughly the proportions of
// the November 2014 sample: 46% public, 37% WAFH, 17% WTFH), each case with
// reports and safeguarding letters filed over the months around the window.
import type { PrismaClient } from '../../generated/prisma/client.ts';

export type IndexPractitioner = {
  id: string;
  reference: string;
  areaCode: string;
  serviceAreaId: string;
  teamId: string;
  teamName: string;
};
export type IndexRow = {
  caseReference: string;
  practitioner: IndexPractitioner;
  lawType: 'PUBLIC_LAW' | 'PRIVATE_LAW_WAFH' | 'PRIVATE_LAW_WTFH';
  documentType: string;
  filedOn: string;
  isEit: boolean;
  subjectChildren: number;
};

const LAW_TYPE_LABEL = {
  PUBLIC_LAW: 'Public Law',
  PRIVATE_LAW_WAFH: 'Private Law WAFH',
  PRIVATE_LAW_WTFH: 'Private Law WTFH',
} as const;

function mulberry32(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function addDays(start: string, days: number): string {
  const date = new Date(`${start}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** `rowCount` filed-document rows spread over practitioners, filed from `from` over `spanDays`. */
export function generateCaseIndex(
  practitioners: IndexPractitioner[],
  rowCount: number,
  options: { from: string; spanDays: number; seed: number; prefix: string },
): IndexRow[] {
  const random = mulberry32(options.seed);
  const rows: IndexRow[] = [];
  let caseNumber = 0;
  while (rows.length < rowCount) {
    const practitioner = practitioners[Math.floor(random() * practitioners.length)];
    if (!practitioner) break;
    caseNumber += 1;
    const roll = random();
    const lawType = roll < 0.46 ? 'PUBLIC_LAW' : roll < 0.83 ? 'PRIVATE_LAW_WAFH' : 'PRIVATE_LAW_WTFH';
    const isEit = lawType === 'PRIVATE_LAW_WTFH';
    const subjectChildren = 1 + Math.floor(random() * 3);
    const first = Math.floor(random() * options.spanDays);
    const documents = isEit
      ? ['safeguarding letter']
      : ['initial analysis', 'section 7 report', 'final report'].slice(0, 1 + Math.floor(random() * 3));
    documents.forEach((documentType, index) => {
      if (rows.length >= rowCount) return;
      rows.push({
        caseReference: `${options.prefix}${String(caseNumber).padStart(6, '0')}`,
        practitioner,
        lawType,
        documentType,
        filedOn: addDays(options.from, Math.min(options.spanDays - 1, first + index * 14)),
        isEit,
        subjectChildren,
      });
    });
  }
  return rows;
}

export function caseIndexCsv(rows: IndexRow[]): string {
  const lines = [
    'case_reference,service_area,team,practitioner_ref,law_type,document_type,filed_date,eit,subject_children',
  ];
  for (const row of rows) {
    lines.push(
      [
        row.caseReference,
        row.practitioner.areaCode,
        row.practitioner.teamName,
        row.practitioner.reference,
        LAW_TYPE_LABEL[row.lawType],
        row.documentType,
        row.filedOn,
        row.isEit ? 'yes' : 'no',
        row.subjectChildren,
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

export async function loadIndexPractitioners(prisma: PrismaClient): Promise<IndexPractitioner[]> {
  const practitioners = await prisma.practitioner.findMany({
    where: { isActive: true },
    select: {
      id: true,
      reference: true,
      teamId: true,
      team: { select: { name: true, serviceArea: { select: { id: true, code: true } } } },
    },
    orderBy: { reference: 'asc' },
  });
  return practitioners.map((practitioner) => ({
    id: practitioner.id,
    reference: practitioner.reference,
    teamId: practitioner.teamId,
    teamName: practitioner.team.name,
    areaCode: practitioner.team.serviceArea.code,
    serviceAreaId: practitioner.team.serviceArea.id,
  }));
}

/** The demo's index: work filed February–May 2015, around the May 2015 audit's window. Idempotent. */
export async function seedCaseIndex(prisma: PrismaClient): Promise<{ caseFiles: number; documents: number }> {
  // The demo's own cases, not just any: an index imported by hand must not stop the demo's.
  if (await prisma.caseFile.findUnique({ where: { reference: 'C15-000001' }, select: { id: true } })) {
    return { caseFiles: await prisma.caseFile.count(), documents: await prisma.filedDocument.count() };
  }
  const rows = generateCaseIndex(await loadIndexPractitioners(prisma), 7_000, {
    from: '2015-02-01',
    spanDays: 110,
    seed: 2015,
    prefix: 'C15-',
  });
  const cases = new Map<string, IndexRow>();
  for (const row of rows) if (!cases.has(row.caseReference)) cases.set(row.caseReference, row);
  const created = await prisma.caseFile.createManyAndReturn({
    data: [...cases.values()].map((row) => ({
      reference: row.caseReference,
      serviceAreaId: row.practitioner.serviceAreaId,
      teamId: row.practitioner.teamId,
      practitionerId: row.practitioner.id,
      lawType: row.lawType,
      isEit: row.isEit,
      subjectChildren: row.subjectChildren,
    })),
    select: { id: true, reference: true },
  });
  const idByReference = new Map(created.map((row) => [row.reference, row.id]));
  await prisma.filedDocument.createMany({
    data: rows.map((row) => ({
      caseFileId: idByReference.get(row.caseReference) as string,
      documentType: row.documentType,
      filedOn: new Date(`${row.filedOn}T00:00:00Z`),
    })),
    skipDuplicates: true,
  });
  return { caseFiles: created.length, documents: await prisma.filedDocument.count() };
}
