import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(root, folder)).flatMap((name) => {
    const relative = path.join(folder, name);
    if (statSync(path.join(root, relative)).isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(name) ? [relative] : [];
  });
}

// Grades and their history are written in one place (lib/db/grade-writer.ts),
// so no path can change a grade without its history row, or stamp it with the
// wrong time.
const WRITES_HISTORY = [
  /caseAuditHistory\.(create|createMany|upsert)\b/,
  /INSERT\s+INTO\s+case_audit_history/i,
];
const WRITES_GRADE = [
  /UPDATE\s+case_audit\s/i,
  /caseAudit\.(update|updateMany|upsert)\(\{[\s\S]{0,400}?(overallGrade|status: 'SUBMITTED')/,
];

describe('one writer of grades', () => {
  const files = [...sourceFiles('app'), ...sourceFiles('lib')].filter(
    (file) => file !== path.join('lib', 'db', 'grade-writer.ts'),
  );

  it('finds the app’s source to check', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('writes case history only in lib/db/grade-writer.ts', () => {
    const offenders = files.filter((file) =>
      WRITES_HISTORY.some((pattern) => pattern.test(readFileSync(path.join(root, file), 'utf8'))),
    );
    expect(offenders).toEqual([]);
  });

  it('changes a case’s grade only in lib/db/grade-writer.ts', () => {
    const offenders = files.filter((file) => {
      const text = readFileSync(path.join(root, file), 'utf8');
      return WRITES_GRADE.some((pattern) => pattern.test(text));
    });
    expect(offenders).toEqual([]);
  });
});
