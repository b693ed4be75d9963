// The command-line imports read a file from disk: refuse one over the
// import's byte cap from its size, before reading a byte of it, with the
// browser's message.
import { readFileSync, statSync } from 'node:fs';
import { fileTooLargeReason } from '../../lib/csv/read-csv.ts';
import { MAX_TABLE_BYTES } from '../../lib/csv/read-table.ts';

export function readImportFile(file: string): { ok: true; bytes: Buffer } | { ok: false; reason: string } {
  const { size } = statSync(file);
  if (size > MAX_TABLE_BYTES) return { ok: false, reason: fileTooLargeReason(size, MAX_TABLE_BYTES) };
  return { ok: true, bytes: readFileSync(file) };
}
