// Also used in the browser (the practitioner import reads its file there), so
// only web APIs: no node: imports.
type TextEncoding = 'utf-8' | 'windows-1252';

const CHUNK_BYTES = 64 * 1024;

/**
 * UTF-8 when the bytes are valid UTF-8, else Windows-1252 (Excel's "CSV" on
 * many desktops). Checked slice by slice, keeping none of the decoded text.
 */
function detectEncoding(bytes: Uint8Array): TextEncoding {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for (let start = 0; start < bytes.byteLength; start += CHUNK_BYTES) {
      const end = Math.min(start + CHUNK_BYTES, bytes.byteLength);
      decoder.decode(bytes.subarray(start, end), { stream: end < bytes.byteLength });
    }
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder(detectEncoding(bytes)).decode(bytes);
}

/**
 * The text in slices, decoded as they are asked for: a reader that stops
 * early never holds a decoded copy of the whole file. A UTF-8 byte-order
 * mark is dropped; a character split across two slices is joined.
 */
export function* decodeChunks(bytes: Uint8Array, chunkBytes = CHUNK_BYTES): Generator<string> {
  const decoder = new TextDecoder(detectEncoding(bytes));
  for (let start = 0; start < bytes.byteLength; start += chunkBytes) {
    const end = Math.min(start + chunkBytes, bytes.byteLength);
    yield decoder.decode(bytes.subarray(start, end), { stream: end < bytes.byteLength });
  }
}
