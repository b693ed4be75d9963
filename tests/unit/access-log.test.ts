import { describe, expect, it } from 'vitest';
import {
  ACCESS_ACTIONS,
  describeAccessDetails,
  londonDayRange,
  londonDayStart,
  typedEmailForLog,
} from '@/lib/domain/access-log';
import { AccessLogSearchSchema, accessLogQuery } from '@/lib/schemas/access-log';

describe('typedEmailForLog', () => {
  it.each([
    ['Someone@Example.ORG', 'someone@example.org'],
    ['  nul\u0000@example.org ', 'nul@example.org'],
    ['rtl\u202E@example.org', 'rtl@example.org'],
    ['zero\u200Bwidth@example.org', 'zerowidth@example.org'],
  ])('keeps an email-shaped %j, cleaned, as %j', (typed, kept) => {
    expect(typedEmailForLog(typed)).toBe(kept);
  });

  it.each([['hunter2-my-password'], [''], ['two words@example.org'], ['a@b@c']])(
    'keeps nothing of %j, which may be a password typed into the email box',
    (typed) => {
      expect(typedEmailForLog(typed)).toBeNull();
    },
  );

  it('keeps nothing of a value that is not text', () => {
    expect(typedEmailForLog(['a@example.org'])).toBeNull();
    expect(typedEmailForLog({ not: 'a@example.org' })).toBeNull();
    expect(typedEmailForLog(undefined)).toBeNull();
  });

  it('cuts a very long email to 254 characters', () => {
    expect(typedEmailForLog(`${'a'.repeat(10_000)}@example.org`)).toHaveLength(254);
  });
});

describe('londonDayStart', () => {
  it.each([
    ['2026-01-15', '2026-01-15T00:00:00.000Z'], // GMT
    ['2026-07-01', '2026-06-30T23:00:00.000Z'], // BST
    ['2026-03-29', '2026-03-29T00:00:00.000Z'], // clocks go forward at 01:00 UTC this day
    ['2026-10-25', '2026-10-24T23:00:00.000Z'], // clocks go back at 01:00 UTC this day
    ['2026-10-26', '2026-10-26T00:00:00.000Z'],
  ])('midnight in London on %s is %s', (day, instant) => {
    expect(londonDayStart(day).toISOString()).toBe(instant);
  });

  it('a day range runs from the first midnight to the midnight after the last day', () => {
    expect(londonDayRange('2026-07-01', '2026-07-01')).toEqual({
      gte: new Date('2026-06-30T23:00:00.000Z'),
      lt: new Date('2026-07-01T23:00:00.000Z'),
    });
    expect(londonDayRange(null, '2026-12-31')).toEqual({
      gte: null,
      lt: new Date('2027-01-01T00:00:00.000Z'),
    });
  });
});

describe('AccessLogSearchSchema', () => {
  it('reads a well-formed search', () => {
    expect(
      AccessLogSearchSchema.parse({
        person: ' Ada ',
        action: 'sign-in',
        from: '2026-11-01',
        to: '2026-11-26',
        page: '2',
      }),
    ).toEqual({ person: 'Ada', action: 'sign-in', from: '2026-11-01', to: '2026-11-26', page: 2 });
  });

  it('falls back to "no filter" for hostile or malformed values, never an object', () => {
    expect(
      AccessLogSearchSchema.parse({
        person: 'x'.repeat(10_000),
        action: { not: 'sign-in' },
        from: '2024-02-30',
        to: '2026-11-26T00:00',
        page: '1e309',
        __proto__: { polluted: true },
      }),
    ).toEqual({ person: '', action: null, from: null, to: null, page: 1 });
    expect(AccessLogSearchSchema.parse({ action: 'delete-everything' }).action).toBeNull();
    expect(AccessLogSearchSchema.parse({ person: 'a\u0000b%_' }).person).toBe('ab%_');
  });

  it('turns a range typed backwards round', () => {
    expect(AccessLogSearchSchema.parse({ from: '2026-11-26', to: '2026-11-01' })).toMatchObject({
      from: '2026-11-01',
      to: '2026-11-26',
    });
  });

  it('writes the search back as a query string without empty filters', () => {
    const search = AccessLogSearchSchema.parse({ person: 'ada', action: 'export' });
    expect(accessLogQuery(search)).toBe('?person=ada&action=export');
    expect(accessLogQuery(search, 3)).toBe('?person=ada&action=export&page=3');
    expect(accessLogQuery(AccessLogSearchSchema.parse({}))).toBe('');
  });
});

describe('describeAccessDetails', () => {
  it('prints the filters and format on one line, leaving out empty ones', () => {
    expect(describeAccessDetails({ table: 'sample', format: 'csv', area: null, tags: ['a', 'b'] })).toBe(
      'table: sample · format: csv · tags: a, b',
    );
    expect(describeAccessDetails(null)).toBe('');
    expect(describeAccessDetails(['x'])).toBe('');
  });
});

it('the closed set of actions matches the database constraint', async () => {
  const { readFileSync } = await import('node:fs');
  const sql = readFileSync('prisma/migrations/20261126080400_access_log/migration.sql', 'utf8');
  const constraint = /access_log_action_known" CHECK \("action" IN \(([^)]*)\)/.exec(sql)?.[1] ?? '';
  expect([...constraint.matchAll(/'([^']+)'/g)].map((match) => match[1])).toEqual([...ACCESS_ACTIONS]);
});
