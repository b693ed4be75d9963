import 'server-only';
import { db } from '@/lib/db/client';
import {
  claimReminders,
  findActiveUserIds,
  findItemsOwingReminders,
  type DueImprovementItem,
} from '@/lib/db/improvement-due';
import { notify } from '@/lib/db/notifications';
import {
  DUE_SOON_DAYS,
  reminderDay,
  reminderMessage,
  reminderOwed,
  type ReminderKind,
} from '@/lib/domain/reminders';
import type { Email } from '@/lib/notify/email';

export type SentReminder = { kind: ReminderKind; subjectType: string; subjectId: string; userIds: string[] };

const plusDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The overdue reminder goes to the owner's manager role: the area's Head of
 * Service for an area's plan, the National Service Director for national work.
 * Where the owner is the area's only Head of Service, it goes up to the NSD.
 */
async function managersOf(tx: Parameters<typeof notify>[0], item: DueImprovementItem): Promise<string[]> {
  if (item.serviceAreaId !== null) {
    const heads = (await findActiveUserIds(tx, 'HEAD_OF_SERVICE', item.serviceAreaId)).filter(
      (id) => id !== item.ownerId,
    );
    if (heads.length > 0) return heads;
  }
  return findActiveUserIds(tx, 'NATIONAL_SERVICE_DIRECTOR', null);
}

/**
 * The reminder job (npm run reminders; a scheduler runs it daily). No actor: it
 * acts for the service. Each reminder is claimed in reminder_sent and written to
 * the inbox in one transaction, so a re-run, or two instances at once, send it once.
 */
export async function sendDueReminders(now: Date): Promise<{ sent: SentReminder[]; emails: Email[] }> {
  const today = reminderDay(now);
  const items = await findItemsOwingReminders(plusDays(today, DUE_SOON_DAYS));
  const sent: SentReminder[] = [];
  const emails: Email[] = [];
  for (const item of items) {
    const kind = reminderOwed(item.dueOn, today);
    if (kind === null) continue;
    const label = `${item.description} (${item.sourceTitle}, ${item.recommendationNumber})`;
    const message = reminderMessage(
      kind,
      {
        subjectType: item.subjectType,
        label,
        dueOn: item.dueOn,
        ownerName: item.ownerName,
        link: `/improvement/recommendations/${item.recommendationId}`,
      },
      today,
    );
    await db().$transaction(async (tx) => {
      const recipients =
        kind === 'overdue' ? await managersOf(tx, item) : item.ownerId === null ? [] : [item.ownerId];
      const claimed = await claimReminders(
        tx,
        { subjectType: item.subjectType, subjectId: item.subjectId, kind, dueOn: item.dueOn, sentAt: now },
        recipients,
      );
      if (claimed.length === 0) return;
      emails.push(
        ...(await notify(tx, claimed, {
          ...message,
          link: `/improvement/recommendations/${item.recommendationId}`,
        })),
      );
      sent.push({ kind, subjectType: item.subjectType, subjectId: item.subjectId, userIds: claimed });
    });
  }
  return { sent, emails };
}
