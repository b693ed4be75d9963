import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { deflatedPart, deflatedZeros, xlsxWithSheet, zipOf } from '../support/zip';
import { decodeChunks } from '@/lib/csv/decode';
import { readCsv, readCsvChunks } from '@/lib/csv/read-csv';
import { MAX_TABLE_BYTES, readTable } from '@/lib/csv/read-table';
import { checkZipLimits, XLSX_LIMITS, type ZipLimits } from '@/lib/csv/zip-limits';

const MB = 1024 * 1024;
const limits = (overrides: Partial<ZipLimits>): ZipLimits => ({ ...XLSX_LIMITS, ...overrides });

describe('CSV row cap', () => {
  it('stops pulling an endless CSV at the first row past the cap and asks for the file to be split', async () => {
    let rowsPulled = 0;
    function* endless() {
      yield 'case_reference,service_area\n';
      for (;;) {
        rowsPulled += 1;
        yield `C${rowsPulled},A1\n`;
      }
    }
    const started = performance.now();
    const read = await readCsvChunks(endless(), 10_000);
    expect(read).toEqual({
      ok: false,
      reason: 'The file has more than 10,000 rows; split it into files of at most 10,000 rows each.',
    });
    // The cap + 1 rows parsed, and no more than the parser's 16 KB write buffer read ahead.
    expect(rowsPulled).toBeGreaterThan(10_000);
    expect(rowsPulled).toBeLessThan(10_001 + (16 * 1024) / 'C1,A1\n'.length);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('accepts exactly the cap, and refuses one row more', async () => {
    const csv = (rows: number) =>
      ['a,b', ...Array.from({ length: rows }, (_, index) => `${index},x`)].join('\n');
    const atCap = await readCsv(csv(500), { maxRows: 500 });
    expect(atCap.ok && atCap.table.rows.length).toBe(500);
    expect(atCap.ok && atCap.table.rows.at(-1)).toEqual({ line: 501, cells: ['499', 'x'] });
    expect(await readCsv(csv(501), { maxRows: 500 })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/more than 500 rows; split it/) as unknown,
    });
  });

  it('refuses a 2.5-million-row CSV that fits under the byte cap within seconds, asking to split it', async () => {
    const header = 'case_reference,service_area\n';
    const bytes = Buffer.alloc(header.length + 2_500_000 * 8);
    bytes.write(header);
    for (let row = 0, at = header.length; row < 2_500_000; row += 1, at += 8)
      bytes.write(`${row.toString(36).padStart(5, '0')},A\n`, at, 'latin1');
    expect(bytes.length).toBeLessThan(MAX_TABLE_BYTES);
    const started = performance.now();
    const read = await readTable(bytes, 'index.csv', { maxRows: 200_000 });
    const seconds = (performance.now() - started) / 1000;
    expect(read).toEqual({
      ok: false,
      reason: 'The file has more than 200,000 rows; split it into files of at most 200,000 rows each.',
    });
    expect(seconds).toBeLessThan(5);
  });

  it('reads rows shorter than the header as cheaply as full ones, keeping their cells', async () => {
    const header = 'a,b,c,d,e,f,g,h,i';
    const full = [header, ...Array.from({ length: 100_000 }, (_, index) => `${index},x,,,,,,,`)].join('\n');
    const short = [header, ...Array.from({ length: 100_000 }, (_, index) => `${index},x`)].join('\n');
    const time = async (text: string) => {
      const started = performance.now();
      const read = await readCsv(text, { maxRows: 100_000 });
      return { read, ms: performance.now() - started };
    };
    const even = await time(full);
    const ragged = await time(short);
    expect(ragged.read.ok && ragged.read.table.rows[99_999]).toEqual({
      line: 100_001,
      cells: ['99999', 'x'],
    });
    expect(even.read.ok && even.read.table.rows).toHaveLength(100_000);
    // Before, csv-parse built an error per short row: about fifteen times slower.
    expect(ragged.ms).toBeLessThan(even.ms * 3 + 200);
  });

  it('refuses a file over the byte cap by its size, before decoding it', async () => {
    expect(await readTable(new Uint8Array(MAX_TABLE_BYTES + 1), 'index.csv', { maxRows: 10 })).toEqual({
      ok: false,
      reason: 'The file is too large (20.0 MB; at most 20 MB).',
    });
    expect(await readTable(new Uint8Array(MAX_TABLE_BYTES + 1), 'index.xlsx', { maxRows: 10 })).toEqual({
      ok: false,
      reason: 'The file is too large (20.0 MB; at most 20 MB).',
    });
  });

  it('decodes slice by slice without breaking a character split between slices', () => {
    const utf8 = new TextEncoder().encode('\uFEFFname\nZoë Ødegård €5');
    expect([...decodeChunks(utf8, 1)].join('')).toBe('name\nZoë Ødegård €5');
    const cp1252 = new Uint8Array([0x5a, 0x6f, 0xeb, 0x20, 0x80, 0x35]); // "Zoë €5" in Windows-1252
    expect([...decodeChunks(cp1252, 2)].join('')).toBe('Zoë €5');
  });

  it('numbers rows by the line they start on, across quoted newlines, blank lines and CRLF, in tiny slices', async () => {
    const text = 'name,notes\n"Ann","two\nlines"\nBo,x\n';
    const read = await readCsvChunks(text.split(''), 10);
    expect(read.ok && read.table.rows.map((row) => row.line)).toEqual([2, 4]);
    const windows = '\r\nname,notes\r\n\r\n"Ann","two\r\nlines"\r\n\r\nBo,x\r\n';
    const crlf = await readCsvChunks(windows.split(''), 10);
    expect(crlf.ok && crlf.table).toEqual({
      header: ['name', 'notes'],
      rows: [
        { line: 4, cells: ['Ann', 'two\r\nlines'] },
        { line: 7, cells: ['Bo', 'x'] },
      ],
    });
  });
});

describe('XLSX zip limits', () => {
  it('refuses a workbook whose parts declare more than the unpacked limit, before unpacking anything', async () => {
    const zip = xlsxWithSheet(deflatedPart('sheet', 'x'.repeat(2 * MB)));
    expect(await checkZipLimits(zip, limits({ maxUncompressedBytes: 1 * MB }))).toEqual({
      ok: false,
      reason:
        'The workbook unpacks to more than 1 MB, the most an import reads; save it as CSV, or split it into smaller files.',
      inflatedBytes: 0,
    });
  });

  it('refuses a part compressed far beyond what a spreadsheet compresses, before unpacking it', async () => {
    const bomb = xlsxWithSheet(await deflatedZeros('sheet', 200 * MB));
    expect(bomb.length).toBeLessThan(300 * 1024);
    const check = await checkZipLimits(bomb, limits({ maxUncompressedBytes: 1024 * MB }));
    expect(check).toMatchObject({
      ok: false,
      reason: expect.stringMatching(
        /compressed 1,0\d\d to 1 \(a spreadsheet is at most 200 to 1\)/,
      ) as unknown,
      inflatedBytes: 0,
    });
  });

  it('stops unpacking a 200 MB part that claims to be 1 KB within the first megabyte', async () => {
    const liar = { ...(await deflatedZeros('sheet', 200 * MB)), declaredSize: 1024 };
    const started = performance.now();
    const check = await checkZipLimits(xlsxWithSheet(liar));
    expect(check).toMatchObject({
      ok: false,
      reason: 'The workbook’s parts do not unpack to the sizes it declares, so it was not opened.',
    });
    expect(!check.ok && check.inflatedBytes).toBeLessThan(1 * MB);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('refuses a zip with more parts than a spreadsheet has', async () => {
    const parts = Array.from({ length: 11 }, (_, index) => deflatedPart(`part${index}.xml`, '<x/>'));
    expect(await checkZipLimits(zipOf(parts), limits({ maxEntries: 10 }))).toMatchObject({
      ok: false,
      reason: 'The workbook has 11 parts; a spreadsheet has far fewer (at most 10), so it was not opened.',
    });
  });

  it('refuses through readTable a 200 MB bomb (over the 50 MB limit) without handing it to exceljs', async () => {
    const bomb = xlsxWithSheet(await deflatedZeros('sheet', 200 * MB));
    const started = performance.now();
    expect(await readTable(bomb, 'index.xlsx', { maxRows: 200_000 })).toEqual({
      ok: false,
      reason:
        'The workbook unpacks to more than 50 MB, the most an import reads; save it as CSV, or split it into smaller files.',
    });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('still reads a real workbook, and refuses one with more rows than the import takes', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Index');
    sheet.addRow(['case_reference', 'filed_date']);
    for (let row = 1; row <= 30; row += 1) sheet.addRow([`C${row}`, new Date(Date.UTC(2014, 9, row))]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await checkZipLimits(bytes)).toEqual({ ok: true });
    const read = await readTable(bytes, 'index.xlsx', { maxRows: 30 });
    expect(read.ok && read.table.rows[0]).toEqual({ line: 2, cells: ['C1', '2014-10-01'] });
    expect(await readTable(bytes, 'index.xlsx', { maxRows: 29 })).toEqual({
      ok: false,
      reason: 'The file has more than 29 rows; split it into files of at most 29 rows each.',
    });
  });
});
