import { z } from 'zod';
import { ADJUDICATIONS, DECISIONS } from '@/lib/domain/challenges';
import { id, stringList, text, version } from './fields';

const keyFrom = (message: string) => z.string({ error: message }).regex(/^[a-z0-9][a-z0-9-]{0,39}$/, message);
const key = keyFrom('Choose from the list');
const optionalGrade = z
  .union([z.literal(''), key], { error: 'Choose a grade from the scale' })
  .nullable()
  .optional()
  .transform((value) => (value ? value : null));
const reasons = text(4000, { multiline: true });

export const RaiseChallengeSchema = z.strictObject({
  sampledCaseId: id('case'),
  disputedSections: stringList(keyFrom('Choose the sections you dispute from the list'), 30).pipe(
    z.array(key).min(1, 'Choose at least one section you dispute'),
  ),
  proposedGrade: keyFrom('Choose the grade you believe is right'),
  reasons: text(4000, { multiline: true, label: 'your reasons and evidence' }),
});
export const ReplyToChallengeSchema = z.strictObject({
  challengeId: id('challenge'),
  version,
  reply: reasons,
});
export const DecideChallengeSchema = z.strictObject({
  challengeId: id('challenge'),
  version,
  decision: z.enum(DECISIONS, { error: 'Choose a decision' }),
  newGrade: optionalGrade,
  reasons,
});
export const ReferChallengeSchema = z.strictObject({ challengeId: id('challenge'), version });
export const AdjudicateChallengeSchema = z.strictObject({
  challengeId: id('challenge'),
  version,
  adjudication: z.enum(ADJUDICATIONS, { error: 'Choose an adjudication' }),
  newGrade: optionalGrade,
  reasons,
});
export const WithdrawChallengeSchema = z.strictObject({ challengeId: id('challenge'), version });
