// `npm run reminders [-- --today YYYY-MM-DD]`: sends the improvement loop's
// due-date reminders and escalations (inbox and e-mail). Run it once a day from
// the scheduler beside the app; running it twice sends nothing twice. Uses
// DATABASE_URL, or the embedded demo database. --today replays a given day.
import { parseArgs } from 'node:util';
import { withAppDatabase } from './lib/app-database.ts';

const { values } = parseArgs({ options: { today: { type: 'string' } } });
if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) {
  console.error('usage: npm run reminders [-- --today YYYY-MM-DD]');
  process.exit(2);
}
const now = values.today ? new Date(`${values.today}T07:00:00Z`) : new Date();
const exitCode = await withAppDatabase(async () => {
  const { sendDueReminders } = await import('../lib/use-cases/improvement/send-due-reminders.ts');
  const { sendEmails } = await import('../lib/notify/email.ts');
  const { sent, emails } = await sendDueReminders(now);
  await sendEmails(emails);
  const byKind = new Map<string, number>();
  for (const reminder of sent)
    byKind.set(reminder.kind, (byKind.get(reminder.kind) ?? 0) + reminder.userIds.length);
  const summary = [...byKind].map(([kind, count]) => `${kind} ${count}`).join(', ') || 'none due';
  console.log(`reminders for ${now.toISOString().slice(0, 10)}: ${summary}`);
  return 0;
});
process.exit(exitCode);
