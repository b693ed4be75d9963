// Entra ID's `oid` claim: the person's object id in the tenant, the same for
// every application and never changed (unlike `email`, which an organisation
// or a person can change, or give to somebody else later).
const OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type EntraIdentity = { objectId: string; email: string };

/** The identity in Entra ID's id token claims, or null when there is no usable object id. */
export function entraIdentity(claims: unknown): EntraIdentity | null {
  if (typeof claims !== 'object' || claims === null) return null;
  const { oid, email } = claims as { oid?: unknown; email?: unknown };
  if (typeof oid !== 'string' || !OBJECT_ID.test(oid)) return null;
  return { objectId: oid.toLowerCase(), email: typeof email === 'string' ? email : '' };
}
