import { describe, expect, it } from 'vitest';
import {
  actionChanges,
  byNumber,
  actionStatusProblem,
  evidenceFor,
  evidenceUrlProblem,
  isActionOverdue,
  isRecommendationOverdue,
  readEvidence,
  registerReach,
  sourceAreaProblem,
  sourceScope,
  staleActionMessage,
  truncate,
  type ActionStatus,
} from '@/lib/domain/improvement';
import { RecordActionUpdateSchema, RegisterFilterSchema } from '@/lib/schemas/improvement-register';

const ACTION = '11111111-1111-4111-8111-111111111111';

describe('sourceScope', () => {
  it('is national without an area and the area otherwise', () => {
    expect(sourceScope(null)).toEqual({ scope: 'national' });
    expect(sourceScope('a4')).toEqual({ scope: 'area', serviceAreaId: 'a4' });
  });
});

describe('registerReach', () => {
  it.each(['NATIONAL_SERVICE_DIRECTOR', 'SENIOR_SERVICE_MANAGER', 'DIRECTOR'] as const)(
    '%s reads every source',
    (role) => {
      expect(registerReach({ role, serviceAreaId: null })).toEqual({ all: true });
    },
  );
  it.each(['HEAD_OF_SERVICE', 'ASSISTANT_DIRECTOR'] as const)(
    '%s reads national sources and their own area’s',
    (role) => {
      expect(registerReach({ role, serviceAreaId: 'a4' })).toEqual({
        all: false,
        serviceAreaId: 'a4',
        national: true,
      });
      expect(registerReach({ role, serviceAreaId: null })).toEqual({
        all: false,
        serviceAreaId: null,
        national: true,
      });
    },
  );
  it.each([
    'IMPROVEMENT_MANAGER',
    'IMPROVEMENT_ASSISTANT',
    'ADMIN',
    'SERVICE_MANAGER',
    'HEAD_OF_PRACTICE',
  ] as const)('%s reads none', (role) => {
    expect(
      registerReach({
        role,
        serviceAreaId: role.startsWith('SERVICE') || role.startsWith('HEAD') ? 'a1' : null,
      }),
    ).toBeNull();
  });
});

describe('sourceAreaProblem', () => {
  it('needs an area for an improvement plan only', () => {
    expect(sourceAreaProblem('AREA_IMPROVEMENT_PLAN', null)).toMatch(/one service area/);
    expect(sourceAreaProblem('AREA_IMPROVEMENT_PLAN', 'a4')).toBeNull();
    expect(sourceAreaProblem('INSPECTION', null)).toBeNull();
    expect(sourceAreaProblem('REVIEW', 'a4')).toBeNull();
  });
});

describe('actionStatusProblem', () => {
  const statuses: ActionStatus[] = ['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'DROPPED'];
  it.each(
    statuses.flatMap((from) =>
      statuses.filter((to) => to !== from && to !== 'DROPPED').map((to) => [from, to] as const),
    ),
  )('%s → %s is allowed without a reason', (from, to) => {
    expect(actionStatusProblem(from, to, null)).toBeNull();
  });
  it('refuses dropping without a reason, naming the reason field', () => {
    expect(actionStatusProblem('IN_PROGRESS', 'DROPPED', null)).toEqual({
      field: 'droppedReason',
      message: 'Say why the action is dropped',
    });
    expect(actionStatusProblem('IN_PROGRESS', 'DROPPED', '   ')?.field).toBe('droppedReason');
    expect(actionStatusProblem('IN_PROGRESS', 'DROPPED', 'Replaced by the new training plan')).toBeNull();
  });
  it('refuses a move to the status it already has', () => {
    expect(actionStatusProblem('DONE', 'DONE', null)).toEqual({
      field: 'status',
      message: 'The action is already done',
    });
  });
});

describe('overdue', () => {
  it('flags an open action past its due day, never a done or dropped one', () => {
    expect(isActionOverdue({ status: 'NOT_STARTED', dueOn: '2014-10-30' }, '2014-10-31')).toBe(true);
    expect(isActionOverdue({ status: 'IN_PROGRESS', dueOn: '2014-10-31' }, '2014-10-31')).toBe(false);
    expect(isActionOverdue({ status: 'DONE', dueOn: '2014-01-01' }, '2014-10-31')).toBe(false);
    expect(isActionOverdue({ status: 'DROPPED', dueOn: '2014-01-01' }, '2014-10-31')).toBe(false);
  });
  it('flags an open recommendation past its due day', () => {
    expect(isRecommendationOverdue({ status: 'OPEN', dueOn: '2014-01-01' }, '2014-10-31')).toBe(true);
    expect(isRecommendationOverdue({ status: 'CLOSED', dueOn: '2014-01-01' }, '2014-10-31')).toBe(false);
    expect(isRecommendationOverdue({ status: 'OPEN', dueOn: null }, '2014-10-31')).toBe(false);
  });
});

describe('evidence links', () => {
  it.each([
    ['javascript:alert(1)', /https/],
    ['JavaScript:alert(1)//https://x.org', /https/],
    ['http://intranet.example.org/minutes', /https/],
    ['data:text/html,<script>', /https/],
    ['https://', /complete/],
    ['https://localhost/x', /complete/],
    ['https://user:secret@example.org/x', /user name or password/],
  ])('refuses %s', (url, message) => {
    expect(evidenceUrlProblem(url)).toMatch(message);
  });
  it('accepts an https address', () => {
    expect(evidenceUrlProblem('https://www.example.org/board/minutes-march.pdf')).toBeNull();
  });
  it('links audits and reports inside Threshold and keeps a labelled link', () => {
    expect(
      evidenceFor([{ id: 'a1', name: 'Nov 2014' }], [{ id: 'a2', name: 'Sep 2013' }], {
        label: 'Minutes',
        href: 'https://x.org/m',
      }),
    ).toEqual([
      { kind: 'audit', auditId: 'a1', label: 'Nov 2014', href: '/audits/a1' },
      { kind: 'report', auditId: 'a2', label: 'Report: Sep 2013', href: '/reports/a2' },
      { kind: 'link', label: 'Minutes', href: 'https://x.org/m' },
    ]);
  });
  it('reads back only well-formed evidence (a tampered javascript: link is dropped)', () => {
    expect(
      readEvidence([
        { kind: 'link', label: 'Bad', href: 'javascript:alert(1)' },
        { kind: 'audit', auditId: 'a1', label: 'Off site', href: 'https://evil.example.org' },
        { kind: 'audit', auditId: 'a1', label: 'Nov 2014', href: '/audits/a1' },
        'junk',
      ]),
    ).toEqual([{ kind: 'audit', auditId: 'a1', label: 'Nov 2014', href: '/audits/a1' }]);
    expect(readEvidence(null)).toEqual([]);
  });
});

describe('RecordActionUpdateSchema', () => {
  const base = {
    actionId: ACTION,
    version: 1,
    text: 'File reading started.',
    auditIds: [],
    reportAuditIds: [],
  };
  it('refuses a javascript: link, naming the field', () => {
    const parsed = RecordActionUpdateSchema.safeParse({
      ...base,
      linkLabel: 'Click',
      linkUrl: 'javascript:alert(1)',
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['linkUrl']);
  });
  it('needs a label with a link, and a link with a label', () => {
    expect(
      RecordActionUpdateSchema.safeParse({ ...base, linkUrl: 'https://x.org/a' }).error?.issues[0]?.path,
    ).toEqual(['linkLabel']);
    expect(
      RecordActionUpdateSchema.safeParse({ ...base, linkLabel: 'Minutes', linkUrl: '' }).error?.issues[0]
        ?.path,
    ).toEqual(['linkUrl']);
  });
  it('accepts an update with an audit and an https link; refuses extra fields', () => {
    expect(
      RecordActionUpdateSchema.safeParse({
        ...base,
        auditIds: ACTION,
        linkLabel: 'Minutes',
        linkUrl: 'https://x.org/a',
      }).success,
    ).toBe(true);
    expect(RecordActionUpdateSchema.safeParse({ ...base, actorId: ACTION }).success).toBe(false);
  });
});

describe('RegisterFilterSchema', () => {
  it('falls back to no filter on anything odd', () => {
    expect(RegisterFilterSchema.parse({ source: 'x', status: 'PENDING', area: ['nope'] })).toEqual({
      sourceId: null,
      status: null,
      serviceAreaId: null,
    });
    expect(RegisterFilterSchema.parse({ source: ACTION, status: 'OPEN' })).toEqual({
      sourceId: ACTION,
      status: 'OPEN',
      serviceAreaId: null,
    });
  });
});

describe('history', () => {
  it('names each changed field of an edit', () => {
    const names = new Map([
      ['u1', 'Ann'],
      ['u2', 'Bo'],
    ]);
    expect(
      actionChanges(
        { description: 'Read files', ownerId: 'u1', dueOn: '2014-10-31' },
        { description: 'Read files', ownerId: 'u2', dueOn: '2014-11-30' },
        (id) => names.get(id) ?? '?',
      ),
    ).toEqual([
      { field: 'owner', from: 'Ann', to: 'Bo' },
      { field: 'dueOn', from: '2014-10-31', to: '2014-11-30' },
    ]);
  });
  it('says who changed an action, when and what, for a stale save', () => {
    expect(
      staleActionMessage([
        {
          actorName: 'Ann Lee',
          occurredAt: '3 Nov 2014, 10:00',
          event: 'status-changed',
          changes: [{ field: 'status', from: 'NOT_STARTED', to: 'IN_PROGRESS' }],
        },
        { actorName: 'Bo Chan', occurredAt: '4 Nov 2014, 09:00', event: 'progress-update', changes: [] },
      ]),
    ).toBe(
      'This action changed after you opened it. Ann Lee (3 Nov 2014, 10:00): status: Not started → In progress. Bo Chan (4 Nov 2014, 09:00): progress update. Reload the page to see it, then make your change again.',
    );
  });
});

describe('truncate', () => {
  it('cuts at a word and marks the cut', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('Improve the minority of safeguarding letters', 18)).toBe('Improve the…');
  });
});

describe('byNumber', () => {
  it('orders recommendation numbers as the source wrote them', () => {
    expect(['10', '2', '4a', '1', '4'].sort(byNumber)).toEqual(['1', '2', '4', '4a', '10']);
  });
});
