import 'server-only';
import { db, type Tx } from './client';
import type { Email } from '@/lib/notify/email';

export type Message = { title: string; body: string; link: string };

/** Writes inbox rows inside the caller's transaction; returns the emails to send after commit. */
export async function notify(tx: Tx, userIds: string[], message: Message): Promise<Email[]> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return [];
  await tx.notification.createMany({ data: unique.map((userId) => ({ userId, ...message })) });
  const users = await tx.user.findMany({
    where: { id: { in: unique }, isActive: true },
    select: { email: true },
  });
  return users.map((user) => ({
    to: user.email,
    subject: message.title,
    text: `${message.body}\n\n${message.link}`,
  }));
}

/** Active Heads of Service and Assistant Directors of an area. */
export async function areaLeaders(tx: Tx, serviceAreaId: string): Promise<string[]> {
  const users = await tx.user.findMany({
    where: { serviceAreaId, role: { in: ['HEAD_OF_SERVICE', 'ASSISTANT_DIRECTOR'] }, isActive: true },
    select: { id: true },
  });
  return users.map((user) => user.id);
}

export type InboxItem = {
  id: string;
  title: string;
  body: string;
  link: string;
  createdAt: Date;
  isRead: boolean;
};

export async function findInbox(userId: string): Promise<InboxItem[]> {
  if (!userId) throw new Error('inbox scope missing');
  const rows = await db().notification.findMany({
    where: { userId },
    orderBy: { createdAt: 'desc' },
    take: 100,
  });
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: row.createdAt,
    isRead: row.readAt !== null,
  }));
}

export async function countUnread(userId: string): Promise<number> {
  return db().notification.count({ where: { userId, readAt: null } });
}

export async function markAllRead(userId: string, now: Date): Promise<number> {
  const { count } = await db().notification.updateMany({
    where: { userId, readAt: null },
    data: { readAt: now },
  });
  return count;
}
