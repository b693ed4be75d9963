import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The shape docs/architecture.md promises, checked: a reader asking "who may
// moderate?" opens lib/use-cases/benchmarks/moderate-benchmark.ts and finds
// one function, of that name, in a file short enough to read.
const root = path.resolve(import.meta.dirname, '../..');

function filesUnder(folder: string): string[] {
  return readdirSync(path.join(root, folder)).flatMap((name) => {
    const relative = path.join(folder, name);
    if (statSync(path.join(root, relative)).isDirectory()) return filesUnder(relative);
    return name.endsWith('.ts') ? [relative] : [];
  });
}

const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const camelCase = (kebab: string) => kebab.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

describe('code layout', () => {
  const useCases = filesUnder('lib/use-cases');
  const database = filesUnder('lib/db');

  it('finds the use cases and the data layer', () => {
    expect(useCases.length).toBeGreaterThan(50);
    expect(database.length).toBeGreaterThan(20);
  });

  it('exports one function per use-case file, named as the file', () => {
    const misnamed = useCases.flatMap((file) => {
      const exported = [...read(file).matchAll(/^export (?:async )?function (\w+)/gm)].map(
        (match) => match[1],
      );
      const expected = camelCase(path.basename(file, '.ts'));
      return exported.length === 1 && exported[0] === expected ? [] : [`${file}: ${exported.join(', ')}`];
    });
    expect(misnamed).toEqual([]);
  });

  it('keeps use cases on the server', () => {
    const open = useCases.filter((file) => {
      const text = read(file);
      // authorise.ts and the error translators hold no data access of their own.
      return /@\/lib\/db\//.test(text) && !text.startsWith("import 'server-only';");
    });
    expect(open).toEqual([]);
  });

  it('keeps every file in lib/db and lib/use-cases under 300 lines', () => {
    const long = [...database, ...useCases].filter((file) => read(file).split('\n').length > 300);
    expect(long).toEqual([]);
  });

  it('keeps authorisation out of lib/db', () => {
    const deciding = database.filter((file) => /\bcan\(|permissions'/.test(read(file)));
    expect(deciding).toEqual([]);
  });
});
