import 'server-only';
import type { Tx } from './client';
import type { Prisma } from '@/generated/prisma/client';

export type AuditEventInput = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  detail: Prisma.InputJsonValue;
};

/** Written inside the same transaction as the change it describes. */
export async function recordAuditEvent(tx: Tx, event: AuditEventInput): Promise<void> {
  await tx.auditEvent.create({ data: event });
}
