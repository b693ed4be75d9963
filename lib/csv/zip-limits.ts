// An XLSX file is a zip. exceljs unpacks every part into memory before we see
// a row, so a 2 MB file that unpacks to 1.5 GB would take the server down.
// Before exceljs touches it, read the zip's central directory (yauzl; the
// same directory JSZip, inside exceljs, reads) and refuse a file whose parts are
// too many, too big in total, or compressed far beyond what a spreadsheet
// compresses; then unpack every part once, counting, and stop at the limit,
// because the sizes a zip declares are only claims.
import yauzl from 'yauzl';

export type ZipLimits = {
  /** Sum of every part unpacked. */
  maxUncompressedBytes: number;
  maxEntries: number;
  /** Unpacked ÷ packed size of one part, checked on parts above `ratioFloorBytes`. */
  maxCompressionRatio: number;
  ratioFloorBytes: number;
};

// exceljs writes a 9-column index as about 370 bytes of sheet XML a row (40 a
// cell), and holds about 15 times a workbook's unpacked size in memory while
// reading it. 50 MB is about 135,000 such rows and 700 MB of exceljs: larger
// files come as CSV, which streams. Real sheet XML compresses about 10 to 1;
// deflate over repeated bytes reaches about 1,000 to 1, which is what a zip
// bomb uses.
export const XLSX_LIMITS: ZipLimits = {
  maxUncompressedBytes: 50 * 1024 * 1024,
  maxEntries: 1_000,
  maxCompressionRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

export type ZipCheck = { ok: true } | { ok: false; reason: string; inflatedBytes: number };

const NOT_READABLE = 'The file is not a readable XLSX workbook.';
const mb = (bytes: number) => `${Math.round(bytes / 1048576).toLocaleString('en-GB')} MB`;

function tooBig(limits: ZipLimits, inflatedBytes: number): ZipCheck {
  return {
    ok: false,
    reason: `The workbook unpacks to more than ${mb(limits.maxUncompressedBytes)}, the most an import reads; save it as CSV, or split it into smaller files.`,
    inflatedBytes,
  };
}

export async function checkZipLimits(bytes: Uint8Array, limits: ZipLimits = XLSX_LIMITS): Promise<ZipCheck> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      validateEntrySizes: true,
    });
  } catch {
    return { ok: false, reason: NOT_READABLE, inflatedBytes: 0 };
  }
  if (zip.entryCount > limits.maxEntries)
    return {
      ok: false,
      reason: `The workbook has ${zip.entryCount.toLocaleString('en-GB')} parts; a spreadsheet has far fewer (at most ${limits.maxEntries.toLocaleString('en-GB')}), so it was not opened.`,
      inflatedBytes: 0,
    };

  // First pass: what the central directory declares. Nothing is unpacked yet.
  const entries: yauzl.Entry[] = [];
  let declared = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.isEncrypted() || !entry.canDecodeFileData())
        return { ok: false, reason: NOT_READABLE, inflatedBytes: 0 };
      declared += entry.uncompressedSize;
      if (declared > limits.maxUncompressedBytes) return tooBig(limits, 0);
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxCompressionRatio)
        return {
          ok: false,
          reason: `The workbook is compressed ${Math.round(ratio).toLocaleString('en-GB')} to 1 (a spreadsheet is at most ${limits.maxCompressionRatio} to 1), which is how a zip bomb is made, so it was not opened.`,
          inflatedBytes: 0,
        };
      entries.push(entry);
    }
  } catch {
    return { ok: false, reason: NOT_READABLE, inflatedBytes: 0 };
  }

  // Second pass: unpack each part, discarding the bytes, and stop at the
  // limit. yauzl also stops a part that unpacks past its declared size.
  let inflated = 0;
  for (const entry of entries) {
    try {
      const stream = await zip.openReadStreamPromise(entry);
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        inflated += chunk.byteLength;
        if (inflated > limits.maxUncompressedBytes) return tooBig(limits, inflated);
      }
    } catch {
      return {
        ok: false,
        reason: 'The workbook’s parts do not unpack to the sizes it declares, so it was not opened.',
        inflatedBytes: inflated,
      };
    }
  }
  return { ok: true };
}
