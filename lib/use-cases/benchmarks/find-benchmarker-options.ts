import 'server-only';
import { findBenchmarkers } from '@/lib/db/benchmark-sample';
import type { Actor } from '@/lib/domain/actor';
import { can, NATIONAL } from '@/lib/domain/permissions';

/** Whom the audit lead may choose as a case's benchmarker; nobody for those who may not choose. */
export async function findBenchmarkerOptions(actor: Actor, auditId: string) {
  if (!can(actor, 'benchmark.manage', NATIONAL)) return [];
  return (await findBenchmarkers(auditId)).map((person) => ({
    id: person.userId,
    name: person.name,
    role: person.role,
  }));
}
