import 'server-only';
import nodemailer from 'nodemailer';
import { env } from '@/lib/env';

export type Email = { to: string; subject: string; text: string };

/**
 * Sends after the change is committed, when SMTP is configured. A failure is
 * logged, never fatal: the in-app inbox already holds the message.
 */
export async function sendEmails(emails: Email[]): Promise<void> {
  const smtpUrl = env().SMTP_URL;
  if (!smtpUrl || emails.length === 0) return;
  const transport = nodemailer.createTransport(smtpUrl);
  try {
    for (const email of emails) {
      await transport.sendMail({
        from: env().SMTP_FROM,
        to: email.to,
        subject: email.subject,
        text: email.text,
      });
    }
  } catch (error) {
    console.error('[email] not sent', error instanceof Error ? error.message : error);
  } finally {
    transport.close();
  }
}
