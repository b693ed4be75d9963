import { z } from 'zod';
import { ANSWERS, CHILDREN_SEEN, type GradingAnswers } from '@/lib/domain/grading';
import { LOCAL_QA_TEXT_MAX } from '@/lib/domain/local-indicators';
import { id, text } from './fields';

const key = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Reload the page and try again');
const freeText = (max: number) => text(max, { required: false, multiline: true });
const note = z.strictObject({ key, themeKey: z.union([z.literal(''), key]), text: freeText(2000) });

export const GradingAnswersSchema = z.strictObject({
  sections: z
    .record(
      key,
      z.strictObject({
        grade: key.nullable(),
        evidence: freeText(10_000),
        questions: z.record(key, z.enum(ANSWERS).nullable()),
      }),
    )
    .refine((sections) => Object.keys(sections).length <= 30, 'Too many sections'),
  strengths: z.array(note).max(30, 'At most 30 strengths'),
  learningPoints: z.array(note).max(30, 'At most 30 learning points'),
  childrenSeen: z.enum(CHILDREN_SEEN).nullable(),
  childrenNotSeenReason: freeText(2000),
  qa: z.strictObject({
    collaborative: z.boolean().nullable(),
    familyFeedback: z.boolean().nullable(),
    managementOversight: z.boolean().nullable(),
    supervision: z.boolean().nullable(),
  }),
  localQa: z
    .strictObject({
      practitionerReflection: freeText(LOCAL_QA_TEXT_MAX),
      familyFeedbackSaid: freeText(LOCAL_QA_TEXT_MAX),
      managementOversightExpected: z.boolean().nullable(),
      supervisionImpact: z.boolean().nullable(),
    })
    .optional(),
  overallGrade: key.nullable(),
  overallRationale: freeText(4000),
}) satisfies z.ZodType<GradingAnswers, unknown>;

/** Answers travel as one bounded JSON string (the form is nested). */
export const answersJson = z
  .string()
  .max(600_000, 'The form is too large to save')
  .transform((value, context) => {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      context.addIssue({ code: 'custom', message: 'The form could not be read; reload the page' });
      return z.NEVER;
    }
  })
  .pipe(GradingAnswersSchema);

export const SaveDraftSchema = z.strictObject({
  baseVersion: z.number().int().min(0).max(2_147_483_647),
  answers: GradingAnswersSchema,
});

export const SubmitCaseAuditSchema = z.strictObject({
  sampledCaseId: id('case'),
  baseVersion: z.number().int().min(0).max(2_147_483_647),
  submissionId: z.string().uuid('Reload the page and try again'),
  answersJson,
});

export const RaiseConcernSchema = z.strictObject({
  sampledCaseId: id('case'),
  description: text(4000, { multiline: true }),
});
export const AcknowledgeConcernSchema = z.strictObject({
  concernId: id('concern'),
  version: z.number().int().min(1),
});
export const CloseConcernSchema = z.strictObject({
  concernId: id('concern'),
  version: z.number().int().min(1),
  actionTaken: text(4000, { multiline: true }),
});
export const RecordAreaReviewSchema = z.strictObject({
  reviewId: id('review'),
  version: z.number().int().min(1),
  actionTaken: text(4000, { multiline: true }),
});
export const MarkInboxReadSchema = z.strictObject({});
