import 'server-only';
import { findAuditNames } from '@/lib/db/improvement-recommendations';
import type { Actor } from '@/lib/domain/actor';
import { RuleError } from '@/lib/domain/errors';
import { evidenceFor } from '@/lib/domain/improvement';
import type { RecordActionUpdateInput } from '@/lib/schemas/improvement-register';
import { guardActionWrite } from './guard-action-write';

/** A progress update: what has happened, with links to its evidence (audits, reports, a document). */
export async function recordActionUpdate(
  actor: Actor,
  update: RecordActionUpdateInput,
  now: Date,
): Promise<void> {
  const auditIds = [...new Set(update.auditIds)];
  const reportAuditIds = [...new Set(update.reportAuditIds)];
  const found = await findAuditNames([...new Set([...auditIds, ...reportAuditIds])]);
  const byId = new Map(found.map((audit) => [audit.id, audit]));
  const pick = (ids: string[], field: string) =>
    ids.map((id) => {
      const audit = byId.get(id);
      if (!audit) throw new RuleError('Choose audits from the list', field);
      return audit;
    });
  const evidence = evidenceFor(
    pick(auditIds, 'auditIds'),
    pick(reportAuditIds, 'reportAuditIds'),
    update.linkUrl ? { label: update.linkLabel ?? '', href: update.linkUrl } : null,
  );
  await guardActionWrite(actor, 'improvementAction.update', update, now, () => ({
    data: {},
    event: 'progress-update',
    text: update.text,
    evidence,
  }));
}
