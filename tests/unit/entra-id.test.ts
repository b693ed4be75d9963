import { describe, expect, it } from 'vitest';
import { entraIdentity } from '@/lib/domain/entra-id';

const OID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

describe('entraIdentity reads the immutable object id from Entra ID claims', () => {
  it('takes the oid claim (lower-cased) and the email claim', () => {
    expect(entraIdentity({ oid: OID.toUpperCase(), email: 'Pat@Example.org', sub: 'pairwise-sub' })).toEqual({
      objectId: OID,
      email: 'Pat@Example.org',
    });
  });

  it('keeps the object id when the token has no email claim', () => {
    expect(entraIdentity({ oid: OID })).toEqual({ objectId: OID, email: '' });
  });

  it.each([
    ['no claims', undefined],
    ['no oid claim (only the changeable email)', { email: 'pat@example.org' }],
    ['an oid that is not a GUID', { oid: 'pat@example.org', email: 'pat@example.org' }],
    ['an oid that is not text', { oid: 42, email: 'pat@example.org' }],
  ])('refuses %s', (_label, claims) => {
    expect(entraIdentity(claims)).toBeNull();
  });
});
