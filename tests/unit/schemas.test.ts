import { describe, expect, it } from 'vitest';
import { CreateUserSchema, UpdatePractitionerSchema } from '@/lib/schemas/admin';
import { RaiseChallengeSchema } from '@/lib/schemas/challenges';
import { PractitionerSearchSchema } from '@/lib/schemas/search';

const goodUser = {
  email: 'New.Person@Example.org',
  name: 'New Person',
  role: 'DIRECTOR',
  serviceAreaId: '',
  password: 'a-long-password',
};

describe('CreateUserSchema', () => {
  it('normalises email and empty area', () => {
    expect(CreateUserSchema.parse(goodUser)).toMatchObject({
      email: 'new.person@example.org',
      serviceAreaId: null,
    });
  });
  it.each([
    ['extra field (role escalation)', { ...goodUser, isActive: true }],
    ['unknown role', { ...goodUser, role: 'SUPERUSER' }],
    ['object where a value is expected', { ...goodUser, role: { not: 'ADMIN' } }],
    ['array where a value is expected', { ...goodUser, name: ['a'] }],
    ['short password', { ...goodUser, password: 'short' }],
    ['NUL in name', { ...goodUser, name: 'a\u0000b' }],
    ['zero-width character in name', { ...goodUser, name: 'a\u200Bb' }],
    ['lone surrogate', { ...goodUser, name: 'a\uD800b' }],
    ['2 MB name', { ...goodUser, name: 'x'.repeat(2 * 1024 * 1024) }],
    ['bad email', { ...goodUser, email: 'not-an-email' }],
    ['area that is not an id', { ...goodUser, serviceAreaId: "1' OR '1'='1" }],
  ])('refuses %s', (_label, input) => {
    expect(CreateUserSchema.safeParse(input).success).toBe(false);
  });
  it('keeps __proto__ from reaching the data', () => {
    const input = JSON.parse(
      '{"__proto__": {"role": "ADMIN"}, "email": "a@b.org", "name": "A", "role": "DIRECTOR", "password": "a-long-password"}',
    ) as unknown;
    const parsed = CreateUserSchema.safeParse(input);
    expect(parsed.success).toBe(false);
  });
});

describe('UpdatePractitionerSchema', () => {
  const good = {
    practitionerId: '7f0c2b3e-4d5a-4b6c-8d7e-9f0a1b2c3d4e',
    version: 1,
    name: 'Ann',
    teamId: '7f0c2b3e-4d5a-4b6c-8d7e-9f0a1b2c3d4f',
    employment: 'AGENCY',
    performanceBand: '',
    managerId: '',
    isActive: 'false',
  };
  it('accepts form strings for yes/no and empty optional values', () => {
    expect(UpdatePractitionerSchema.parse(good)).toMatchObject({
      isActive: false,
      performanceBand: '',
      managerId: null,
    });
  });
  it.each([NaN, Infinity, -1, 1.5, '1'])('refuses version %s', (version) => {
    expect(UpdatePractitionerSchema.safeParse({ ...good, version }).success).toBe(false);
  });
});

describe('PractitionerSearchSchema', () => {
  it('falls back to no filter on odd query strings', () => {
    expect(PractitionerSearchSchema.parse({ search: 'x'.repeat(10_000), area: 'nope', page: '-3' })).toEqual({
      search: '',
      serviceAreaId: null,
      page: 1,
    });
    expect(PractitionerSearchSchema.parse({ search: ['%_', 'b'], page: ['2'] })).toEqual({
      search: '%_',
      serviceAreaId: null,
      page: 2,
    });
    expect(PractitionerSearchSchema.parse({ search: 'a\u0000b' }).search).toBe('ab');
  });
});

describe('messages name their field', () => {
  it('an empty add-user form: every message says which field', () => {
    const parsed = CreateUserSchema.safeParse({
      email: '',
      name: '',
      role: '',
      serviceAreaId: '',
      password: '',
    });
    expect(parsed.success).toBe(false);
    const messages = Object.fromEntries(
      (parsed.error?.issues ?? []).map((issue) => [String(issue.path[0]), issue.message]),
    );
    expect(messages).toEqual({
      email: 'Enter an email address like name@example.org',
      name: 'Enter the person’s full name',
      role: 'Choose the person’s role',
      password: 'Password must be at least 12 characters',
    });
  });

  it('an empty challenge: every message says which field', () => {
    const parsed = RaiseChallengeSchema.safeParse({
      sampledCaseId: '5f0c7f4e-8d5a-4c59-9d0e-0d6f1c2b3a4e',
      disputedSections: [],
      proposedGrade: '',
      reasons: '   ',
    });
    const messages = Object.fromEntries(
      (parsed.error?.issues ?? []).map((issue) => [String(issue.path[0]), issue.message]),
    );
    expect(messages).toEqual({
      disputedSections: 'Choose at least one section you dispute',
      proposedGrade: 'Choose the grade you believe is right',
      reasons: 'Enter your reasons and evidence',
    });
  });
});
