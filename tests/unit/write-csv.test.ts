import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '@/lib/csv/write-csv';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['=cmd|calc', `"'=cmd|calc"`],
    ['+1', `"'+1"`],
    ['-2', `"'-2"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tTab', `"'\tTab"`],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
  ])('%j → %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
  it('writes numbers and empties', () => {
    expect(toCsv(['a', 'b'], [[1, null]])).toBe('a,b\r\n1,\r\n');
  });
});
