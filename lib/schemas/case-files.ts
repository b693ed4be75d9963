import { z } from 'zod';
import { text } from './fields';

export const ImportCaseIndexSchema = z.strictObject({
  fileName: text(200).pipe(z.string().regex(/\.(csv|xlsx)$/i, 'Choose a .csv or .xlsx file')),
  // Base64 keeps the upload one bounded primitive (XLSX is binary).
  contentBase64: z
    .string({ error: 'Choose a file' })
    .min(1, 'Choose a file')
    .max(28 * 1024 * 1024, 'The file is too large (at most 20 MB)')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file could not be read; choose it again'),
  commit: z.boolean(),
});
