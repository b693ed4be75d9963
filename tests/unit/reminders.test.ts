import { describe, expect, it } from 'vitest';
import { daysUntil, DUE_SOON_DAYS, reminderMessage, reminderOwed } from '@/lib/domain/reminders';

describe('reminderOwed', () => {
  it.each([
    ['2015-03-31', '2015-03-23', null],
    ['2015-03-31', '2015-03-24', 'due-soon'],
    ['2015-03-31', '2015-03-30', 'due-soon'],
    ['2015-03-31', '2015-03-31', 'due'],
    ['2015-03-31', '2015-04-01', 'overdue'],
    ['2015-03-31', '2016-01-01', 'overdue'],
    // Across the change to summer time and a month end: calendar days, not hours.
    ['2015-04-02', '2015-03-26', 'due-soon'],
  ] as const)('due %s, today %s → %s', (dueOn, today, expected) => {
    expect(reminderOwed(dueOn, today)).toBe(expected);
  });

  it('starts seven days before', () => {
    expect(DUE_SOON_DAYS).toBe(7);
    expect(daysUntil('2015-03-31', '2015-03-24')).toBe(7);
    expect(daysUntil('2015-03-31', '2015-04-03')).toBe(-3);
  });
});

describe('reminderMessage', () => {
  const item = {
    subjectType: 'action' as const,
    label: 'Monthly file reading (A4 improvement plan 2014/15, 1)',
    dueOn: '2015-03-31',
    ownerName: 'Olu Adebayo',
    link: '/improvement/recommendations/x',
  };
  it('tells the owner how long is left', () => {
    expect(reminderMessage('due-soon', item, '2015-03-24')).toEqual({
      title: 'Due in 7 days: Monthly file reading (A4 improvement plan 2014/15, 1)',
      body: 'An action you own is due on 31 March 2015. Record its progress or its new status before then.',
    });
    expect(reminderMessage('due-soon', item, '2015-03-30').title).toMatch(/^Due in 1 day: /);
    expect(reminderMessage('due', item, '2015-03-31').title).toMatch(/^Due today: /);
  });
  it('tells the manager whose it is and how late', () => {
    const message = reminderMessage('overdue', { ...item, subjectType: 'recommendation' }, '2015-04-02');
    expect(message.title).toBe('Overdue: Monthly file reading (A4 improvement plan 2014/15, 1)');
    expect(message.body).toBe(
      "A recommendation owned by Olu Adebayo was due on 31 March 2015 and is 2 days overdue. It is escalated to you as the owner's manager.",
    );
  });
});
