import { LAW_TYPE_LABELS, type LawType } from './audits';

/** "PUBLIC_LAW|2" → "Public Law, band 2". */
export function describeStratum(key: string): { lawType: string; band: string } {
  const [lawType, band] = key.split('|');
  return {
    lawType: LAW_TYPE_LABELS[lawType as LawType] ?? lawType ?? '',
    band: !band || band === 'none' ? 'no band' : `band ${band}`,
  };
}
