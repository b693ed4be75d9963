// `npm run bench:import-limits`: hostile imports against the case-file index
// import, through what its server action runs after the session check (the
// action's zod schema on the base64 body, then the shared reader and checks),
// each in its own Node process so its memory peak is its own:
//   - an XLSX zip bomb, about 1.5 MB, that unpacks to 1.5 GB (honest sizes);
//   - the same bomb declaring its sheet is 64 KB (sizes that lie);
//   - 2.5 million rows of CSV that fit under the 20 MB byte cap;
//   - 2.5 million full rows of CSV (about 200 MB), through the command line's reader;
//   - and a normal 100,000-row index, checked then committed, which must still pass;
//     and the same index as XLSX, checked (what exceljs costs within the limit).
// Prints refused, message, seconds and the memory peak over idle (RSS sampled
// every 20 ms, and the kernel's high-water mark VmHWM). Goals: each hostile
// file refused in under 5 s, under 300 MB over idle. Files are written to a
// temporary directory as streams; 1.5 GB is never held in memory.
// Uses DATABASE_URL's server, or the embedded test cluster.
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { bin } from './lib/run.ts';

const { values } = parseArgs({
  options: { case: { type: 'string' }, file: { type: 'string' } },
});
const GB = 1024 * 1024 * 1024;
const MB = 1024 * 1024;
const HEADER =
  'case_reference,service_area,team,practitioner_ref,law_type,document_type,filed_date,eit,subject_children';

type CaseOutcome = {
  refused: boolean;
  message: string;
  seconds: number;
  sampledMbOverIdle: number;
  hwmMbOverIdle: number;
};

if (values.case) {
  const outcome = await measureCase(values.case, values.file ?? '');
  console.log(`RESULT ${JSON.stringify(outcome)}`);
  process.exit(0);
} else {
  await orchestrate();
}

/**
 * In a child process: what the import action runs once it has the session
 * (next's request context is not available outside the server): the same zod
 * schema on the base64 body, then the shared check-and-import with the reader.
 */
async function measureCase(kind: string, file: string): Promise<CaseOutcome> {
  const { ImportCaseIndexSchema } = await import('../lib/schemas/case-files.ts');
  const { checkAndImportCaseIndex } = await import('../lib/import/case-index.ts');
  const { db } = await import('../lib/db/client.ts');
  const { readImportFile } = await import('./lib/import-file.ts');
  const user = await db().user.findUniqueOrThrow({
    where: { email: 'ia@example.org' },
    select: { id: true },
  });
  const importFile = async (fileName: string, bytes: Buffer, commit: boolean) => {
    const parsed = ImportCaseIndexSchema.safeParse({
      fileName,
      contentBase64: bytes.toString('base64'),
      commit,
    });
    if (!parsed.success)
      return { ok: false as const, error: parsed.error.issues.map((issue) => issue.message).join('; ') };
    const request = parsed.data;
    const data = await checkAndImportCaseIndex(
      user.id,
      Buffer.from(request.contentBase64, 'base64'),
      request.fileName,
      request.commit,
    );
    return { ok: true as const, data };
  };
  // Every module and the database pool are loaded before "idle" is measured.
  await importFile(
    'warm-up.csv',
    Buffer.from(`${HEADER}\nW1,A1,,P1,Public Law,report,2014-10-01,no,1\n`),
    false,
  );

  globalThis.gc?.();
  const idle = process.memoryUsage().rss;
  let peak = idle;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  let refused: boolean;
  let message: string;
  if (kind === 'cli') {
    // The command line refuses by the file's size before reading it.
    const read = readImportFile(file);
    refused = !read.ok;
    message = read.ok ? `read ${read.bytes.length} bytes` : read.reason;
  } else {
    const bytes = readFileSync(file);
    const fileName = path.basename(file);
    const check = await importFile(fileName, bytes, false);
    let result = check;
    if (kind === 'normal' && check.ok && check.data.status === 'checked')
      result = await importFile(fileName, bytes, true);
    if (!result.ok) {
      refused = true;
      message = result.error;
    } else if (result.data.status === 'problems') {
      refused = true;
      message = result.data.problems[0]?.reason ?? '';
    } else {
      refused = false;
      message = JSON.stringify(result.data);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const hwmKb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
  await db().$disconnect();
  return {
    refused,
    message,
    seconds,
    sampledMbOverIdle: (peak - idle) / MB,
    hwmMbOverIdle: (hwmKb * 1024 - idle) / MB,
  };
}

async function writeStream(file: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  let batch = '';
  for (const line of lines) {
    batch += line;
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
  }
  out.end(batch);
  await once(out, 'finish');
}

async function orchestrate(): Promise<void> {
  const { openDatabase } = await import('./lib/database.ts');
  const { freshDatabase } = await import('./lib/fresh-database.ts');
  const { applyMigrations } = await import('./lib/migrate.ts');
  const { seedDemoDatabase } = await import('./lib/seed.ts');
  const { deflatedZeros, xlsxWithSheet } = await import('../tests/support/zip.ts');
  const database = await openDatabase('test');
  const directory = await mkdtemp(path.join(os.tmpdir(), 'threshold-import-limits-'));
  try {
    const url = await freshDatabase(await database.url('postgres'), 'threshold_bench_limits');
    await applyMigrations(url);
    await seedDemoDatabase(url);
    const { scriptPrisma } = await import('./lib/prisma-client.ts');
    const { caseIndexCsv, generateCaseIndex, loadIndexPractitioners } =
      await import('../prisma/seed/case-files.ts');
    const prisma = scriptPrisma(url);
    const practitioners = await loadIndexPractitioners(prisma);
    await prisma.$disconnect();

    const files = {
      bomb: path.join(directory, 'bomb.xlsx'),
      lying: path.join(directory, 'bomb-lying.xlsx'),
      narrow: path.join(directory, 'rows-2.5m.csv'),
      full: path.join(directory, 'rows-2.5m-full.csv'),
      normal: path.join(directory, 'index-100k.csv'),
      normalXlsx: path.join(directory, 'index-100k.xlsx'),
    };
    const sheet = await deflatedZeros('sheet', 1.5 * GB);
    await writeFile(files.bomb, xlsxWithSheet(sheet));
    await writeFile(files.lying, xlsxWithSheet({ ...sheet, declaredSize: 64 * 1024 }));
    // Eight bytes a row, so 2.5 million rows fit under the 20 MB byte cap.
    await writeStream(
      files.narrow,
      (function* () {
        yield `${HEADER}\n`;
        for (let row = 0; row < 2_500_000; row += 1) yield `${row.toString(36).padStart(5, '0')},A\n`;
      })(),
    );
    await writeStream(
      files.full,
      (function* () {
        yield `${HEADER}\n`;
        for (let row = 0; row < 2_500_000; row += 1)
          yield `F-${String(row).padStart(7, '0')},A1,A1 North,P-0001,Public Law,section 7 report,2015-03-02,no,2\n`;
      })(),
    );
    const normalRows = generateCaseIndex(practitioners, 100_000, {
      from: '2015-01-01',
      spanDays: 300,
      seed: 11,
      prefix: 'L-',
    });
    await writeFile(files.normal, caseIndexCsv(normalRows));
    // The same index as a workbook, written as a stream: it must pass the zip
    // check; its memory shows what exceljs costs within the limit.
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: files.normalXlsx });
    const indexSheet = writer.addWorksheet('Index');
    for (const line of caseIndexCsv(normalRows).trimEnd().split('\n'))
      indexSheet.addRow(line.split(',')).commit();
    indexSheet.commit();
    await writer.commit();

    const size = (file: string) => `${(statSync(file).size / MB).toFixed(1)} MB`;
    const cases: { label: string; kind: string; file: string; hostile: boolean }[] = [
      {
        label: `XLSX zip bomb, ${size(files.bomb)} → 1.5 GB`,
        kind: 'action',
        file: files.bomb,
        hostile: true,
      },
      { label: `same bomb declaring 64 KB`, kind: 'action', file: files.lying, hostile: true },
      {
        label: `CSV 2,500,000 rows, ${size(files.narrow)}`,
        kind: 'action',
        file: files.narrow,
        hostile: true,
      },
      {
        label: `CSV 2,500,000 full rows, ${size(files.full)} (CLI)`,
        kind: 'cli',
        file: files.full,
        hostile: true,
      },
      {
        label: `normal CSV 100,000 rows, ${size(files.normal)}`,
        kind: 'normal',
        file: files.normal,
        hostile: false,
      },
      {
        label: `normal XLSX 100,000 rows, ${size(files.normalXlsx)} (check)`,
        kind: 'action',
        file: files.normalXlsx,
        hostile: false,
      },
    ];
    console.log(
      `${'import'.padEnd(44)} ${'refused'.padEnd(7)} ${'seconds'.padStart(7)} ${'MB over idle'.padStart(12)} ${'VmHWM over idle'.padStart(15)}  message`,
    );
    let allMet = true;
    for (const item of cases) {
      const outcome = await runChild(item.kind, item.file, url);
      const met = item.hostile
        ? outcome.refused &&
          outcome.seconds < 5 &&
          Math.max(outcome.sampledMbOverIdle, outcome.hwmMbOverIdle) < 300
        : !outcome.refused;
      allMet &&= met;
      console.log(
        `${item.label.padEnd(44)} ${(outcome.refused ? 'yes' : 'no').padEnd(7)} ${outcome.seconds.toFixed(2).padStart(7)} ${outcome.sampledMbOverIdle.toFixed(0).padStart(12)} ${outcome.hwmMbOverIdle.toFixed(0).padStart(15)}  ${outcome.message}${met ? '' : '  <- goal NOT met'}`,
      );
    }
    console.log(
      `goals (hostile files refused in < 5 s and < 300 MB over idle; the normal import passes): ${allMet ? 'met' : 'NOT met'}`,
    );
  } finally {
    await rm(directory, { recursive: true, force: true });
    await database.stop();
  }
}

function runChild(kind: string, file: string, databaseUrl: string): Promise<CaseOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      bin('tsx'),
      [
        '--expose-gc',
        '--conditions=react-server',
        'scripts/bench-import-limits.ts',
        '--case',
        kind,
        '--file',
        file,
      ],
      {
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? 'benchmark-import-limits-secret-0000000000',
          NEXT_TELEMETRY_DISABLED: '1',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = output.split('\n').find((text) => text.startsWith('RESULT '));
      if (code !== 0 || !line) reject(new Error(`bench case ${kind} failed (exit ${code}): ${output}`));
      else resolve(JSON.parse(line.slice('RESULT '.length)) as CaseOutcome);
    });
  });
}
