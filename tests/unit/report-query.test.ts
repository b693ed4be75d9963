import { describe, expect, it } from 'vitest';
import { queryOf, reportExportHref, ReportQuerySchema } from '@/lib/schemas/reports';

const AREA = '1b4e28ba-2fa1-11d2-883f-0016d3cca427';
const AUDIT = '6f1c2d3e-4a5b-4c6d-8e7f-901234567890';
const parse = (query: Record<string, unknown>) => ReportQuerySchema.safeParse(query);

describe('ReportQuerySchema', () => {
  it('reads a full query: area, the two sections, format and table', () => {
    expect(
      parse({
        area: AREA,
        rows: 'supervision',
        columns: 'case-planning',
        format: 'csv',
        table: 'fig-1-overall',
      }),
    ).toEqual({
      success: true,
      data: {
        areaId: AREA,
        crossTab: { rowSection: 'supervision', columnSection: 'case-planning' },
        format: 'csv',
        table: 'fig-1-overall',
      },
    });
  });

  it.each([
    ['nothing', {}],
    ['empty values (the "All areas" choice)', { area: '', rows: '', columns: '', format: '', table: '' }],
    ['unknown parameters', { page: '2', utm_source: 'email' }],
  ])('gives national figures, no cross-tab and no format for %s', (_name, query) => {
    expect(parse(query)).toEqual({
      success: true,
      data: { areaId: null, crossTab: undefined, format: null, table: null },
    });
  });

  it('needs both sections for a cross-tab', () => {
    expect(parse({ rows: 'supervision' }).data?.crossTab).toBeUndefined();
    expect(parse({ columns: 'case-planning' }).data?.crossTab).toBeUndefined();
  });

  it.each([
    ['not an id', 'A18'],
    ['SQL', "' OR 1=1 --"],
    ['markup', '<script>alert(1)</script>'],
    ['an id with more after it', `${AREA}x`],
    ['a number', 42],
    ['an object', { id: AREA }],
  ])('refuses an area that is %s', (_name, area) => {
    expect(parse({ area }).success).toBe(false);
  });

  it.each([
    ['upper case', 'Supervision'],
    ['markup', '<b>x</b>'],
    ['a path', '../../etc/passwd'],
    ['too long', 'a'.repeat(41)],
    ['a number', 7],
  ])('ignores a section, format or table that is %s', (_name, value) => {
    expect(parse({ rows: value, columns: value, format: value, table: value })).toEqual({
      success: true,
      data: { areaId: null, crossTab: undefined, format: null, table: null },
    });
  });

  it('accepts only the four download formats', () => {
    for (const format of ['csv', 'xlsx', 'pdf', 'json']) expect(parse({ format }).data?.format).toBe(format);
    expect(parse({ format: 'docx' }).data?.format).toBeNull();
    expect(parse({ format: 'CSV' }).data?.format).toBeNull();
  });

  it('takes the first of a repeated parameter, as a URL does', () => {
    const query = queryOf(new URLSearchParams(`area=${AREA}&area=not-an-id&format=pdf&format=csv`));
    expect(parse(query).data).toMatchObject({ areaId: AREA, format: 'pdf' });
    expect(parse(queryOf(new URLSearchParams(`area=not-an-id&area=${AREA}`))).success).toBe(false);
  });
});

describe('reportExportHref', () => {
  it('carries the page’s area and sections into the download, and reads back the same', () => {
    const href = reportExportHref(AUDIT, {
      format: 'csv',
      table: 'trend',
      areaId: AREA,
      crossTab: { rowSection: 'supervision', columnSection: 'case-planning' },
    });
    expect(href).toBe(
      `/reports/${AUDIT}/export?format=csv&table=trend&area=${AREA}&rows=supervision&columns=case-planning`,
    );
    const url = new URL(href, 'http://localhost');
    expect(ReportQuerySchema.parse(queryOf(url.searchParams))).toEqual({
      areaId: AREA,
      crossTab: { rowSection: 'supervision', columnSection: 'case-planning' },
      format: 'csv',
      table: 'trend',
    });
  });

  it('leaves out what is not chosen', () => {
    expect(reportExportHref(AUDIT, { format: 'xlsx', areaId: null })).toBe(
      `/reports/${AUDIT}/export?format=xlsx`,
    );
  });
});
