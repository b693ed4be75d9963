import { z } from 'zod';
import { INSPECTION_GRADES } from '@/lib/domain/inspection';
import { calendarDate, id, text } from './fields';

export const RecordInspectionJudgementSchema = z.strictObject({
  serviceAreaId: id('service area'),
  judgedOn: calendarDate('the date of the judgement'),
  grade: z.enum(INSPECTION_GRADES, { error: 'Choose the judgement' }),
  inspectedBy: text(120, { label: 'who inspected' }),
  note: text(2_000, { required: false, multiline: true }),
});
