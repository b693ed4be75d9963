import { z } from 'zod';
import type { RubricContent } from '@/lib/domain/rubric';
import { text } from './fields';

const key = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Keys are lower-case letters, digits and hyphens (at most 40)');

// Drafts may be incomplete (empty titles, missing descriptors): publishing
// checks completeness and lists every reason. Here we only bound sizes and
// refuse what could never be stored safely.
const draftText = (max: number, multiline = false) => text(max, { required: false, multiline });

export const RubricContentSchema = z.strictObject({
  scale: z.strictObject({
    levels: z
      .array(z.strictObject({ key, label: draftText(60), isGoodOrAbove: z.boolean() }))
      .max(7, 'A scale has at most 7 levels'),
    lowestLevelKey: key.nullable(),
  }),
  sections: z
    .array(
      z.strictObject({
        key,
        title: draftText(120),
        guidance: draftText(4000, true),
        descriptors: z.record(key, draftText(4000, true)),
        questions: z
          .array(z.strictObject({ key, text: draftText(300) }))
          .max(20, 'A section has at most 20 questions'),
        replaces: z.array(key).max(10),
      }),
    )
    .max(30, 'A document has at most 30 sections'),
  themes: z.array(z.strictObject({ key, label: draftText(80) })).max(40, 'A document has at most 40 themes'),
  overallRule: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('lowest-of'), sectionKeys: z.array(key).max(30) }),
    z.strictObject({ kind: z.literal('most-common') }),
    z.strictObject({ kind: z.literal('lowest-section') }),
    z.strictObject({ kind: z.literal('none') }),
  ]),
}) satisfies z.ZodType<RubricContent, unknown>;

/** Stored content is re-validated on read: the database is not trusted to hold the shape. */
export function parseRubricContent(value: unknown): RubricContent {
  return RubricContentSchema.parse(value);
}
