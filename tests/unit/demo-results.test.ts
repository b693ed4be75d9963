import { describe, expect, it } from 'vitest';
import { suggestOverallGrade, type RubricContent } from '@/lib/domain/rubric';
import { CHILDREN_SEEN, QA_INDICATORS } from '@/lib/domain/grading';
import { DEMO_AREAS } from '../../prisma/seed/demo';
import {
  april2013Results,
  november2014Results,
  september2013Results,
  type DemoResult,
} from '../../prisma/seed/results';
import { NATIONAL_THRESHOLD_2013, NATIONAL_THRESHOLD_OCTOBER_2014 } from '../../prisma/seed/thresholds';

// Seed 000, copied here on purpose: the generator must reproduce the report,
// not its own tables.
// Fig. 3: area, cases audited, Not Met, Good, Met.
const FIG_3: [string, number, number, number, number][] = [
  ['A1', 25, 2, 16, 7],
  ['A2', 25, 2, 17, 6],
  ['A3', 29, 1, 15, 13],
  ['A4', 24, 5, 13, 6],
  ['A5', 29, 2, 18, 9],
  ['A6', 17, 2, 11, 4],
  ['A7', 46, 3, 29, 14],
  ['A8', 30, 5, 19, 6],
  ['A9', 56, 5, 42, 9],
  ['A10', 20, 2, 15, 3],
  ['A11', 52, 6, 33, 13],
  ['A12', 32, 2, 18, 12],
  ['A13', 17, 3, 11, 3],
  ['A14', 48, 4, 29, 15],
  ['A15 Public', 45, 2, 30, 13],
  ['A15 Private', 38, 5, 30, 3],
  ['A16', 23, 0, 15, 8],
  ['A17', 21, 1, 16, 4],
];
// Fig. 4: area, cases, EIT cases, private/public, seen, not seen, not seen with no reason, unclear.
const FIG_4: [string, number, number, number, number, number, number, number][] = [
  ['A1', 25, 6, 19, 15, 4, 1, 0],
  ['A2', 25, 7, 18, 14, 3, 0, 1],
  ['A3', 29, 5, 24, 19, 4, 0, 1],
  ['A4', 24, 5, 19, 14, 4, 3, 1],
  ['A5', 29, 4, 25, 20, 5, 1, 0],
  ['A6', 17, 7, 10, 9, 1, 0, 0],
  ['A7', 46, 8, 38, 35, 3, 1, 0],
  ['A8', 30, 5, 25, 20, 4, 1, 1],
  ['A9', 56, 9, 47, 40, 6, 2, 1],
  ['A10', 20, 4, 16, 14, 2, 0, 0],
  ['A11', 52, 9, 43, 42, 1, 0, 0],
  ['A12', 32, 5, 27, 25, 2, 0, 0],
  ['A13', 17, 5, 12, 12, 0, 0, 0],
  ['A14', 48, 11, 37, 34, 3, 2, 0],
  ['A15 Public', 45, 0, 45, 40, 2, 2, 3],
  ['A15 Private', 38, 0, 38, 28, 10, 1, 0],
  ['A16', 23, 4, 19, 18, 1, 0, 0],
  ['A17', 21, 4, 17, 15, 2, 1, 0],
];
// Fig. 2, per-law-type rows: law type, total, Good, Met, Not Met.
const FIG_2: [DemoResult['lawType'], number, number, number, number][] = [
  ['PUBLIC_LAW', 265, 181, 67, 17],
  ['PRIVATE_LAW_WAFH', 214, 130, 56, 28],
  ['PRIVATE_LAW_WTFH', 98, 66, 25, 7],
];

const november = november2014Results();
const september = september2013Results();
const april = april2013Results();
const AUDITS: [string, DemoResult[], RubricContent][] = [
  ['November 2014', november, NATIONAL_THRESHOLD_OCTOBER_2014],
  ['September 2013', september, NATIONAL_THRESHOLD_2013],
  ['April 2013', april, NATIONAL_THRESHOLD_2013],
];

const count = (rows: DemoResult[], test: (row: DemoResult) => boolean) => rows.filter(test).length;
const grades = (rows: DemoResult[]) => ({
  cases: rows.length,
  good: count(rows, (row) => row.grade === 'good'),
  met: count(rows, (row) => row.grade === 'met'),
  notMet: count(rows, (row) => row.grade === 'not-met'),
});
const percent = (rows: DemoResult[], test: (row: DemoResult) => boolean) =>
  (100 * count(rows, test)) / rows.length;
const percentGood = (rows: DemoResult[]) => percent(rows, (row) => row.grade === 'good');
const percentNotMet = (rows: DemoResult[]) => percent(rows, (row) => row.grade === 'not-met');
const inArea = (rows: DemoResult[], code: string) => rows.filter((row) => row.areaCode === code);
const ofLaw = (rows: DemoResult[], lawType: DemoResult['lawType']) =>
  rows.filter((row) => row.lawType === lawType);

describe('November 2014 reproduces seed 000', () => {
  it('Fig. 1: 577 cases, 377 Good, 148 Met, 52 Not Met', () => {
    expect(grades(november)).toEqual({ cases: 577, good: 377, met: 148, notMet: 52 });
  });

  it.each(FIG_2)('Fig. 2: %s %i cases, %i Good, %i Met, %i Not Met', (lawType, cases, good, met, notMet) => {
    expect(grades(ofLaw(november, lawType))).toEqual({ cases, good, met, notMet });
  });

  it.each(FIG_3)('Fig. 3: %s %i cases, %i Not Met, %i Good, %i Met', (code, cases, notMet, good, met) => {
    expect(grades(inArea(november, code))).toEqual({ cases, good, met, notMet });
  });

  it.each(FIG_4)(
    'Fig. 4: %s %i cases, %i EIT, %i others: %i seen, %i not seen (%i no reason), %i unclear',
    (code, cases, eit, others, seen, notSeen, noReason, unclear) => {
      const rows = inArea(november, code);
      const nonEit = rows.filter((row) => !row.isEit);
      expect(rows).toHaveLength(cases);
      expect(count(rows, (row) => row.isEit)).toBe(eit);
      expect(count(rows, (row) => row.lawType === 'PRIVATE_LAW_WTFH')).toBe(eit);
      expect(nonEit).toHaveLength(others);
      expect(count(nonEit, (row) => row.childrenSeen === 'SEEN')).toBe(seen);
      expect(
        count(
          nonEit,
          (row) =>
            row.childrenSeen === 'NOT_SEEN_REASON_RECORDED' || row.childrenSeen === 'NOT_SEEN_NO_REASON',
        ),
      ).toBe(notSeen);
      expect(count(nonEit, (row) => row.childrenSeen === 'NOT_SEEN_NO_REASON')).toBe(noReason);
      expect(count(nonEit, (row) => row.childrenSeen === 'UNCLEAR')).toBe(unclear);
    },
  );

  it("Fig. 4's Overall row: 98 EIT, 479 others, 414 seen, 57 not seen (15 with no reason), 8 unclear", () => {
    const nonEit = november.filter((row) => !row.isEit);
    const byOutcome = (outcome: DemoResult['childrenSeen']) =>
      count(november, (row) => row.childrenSeen === outcome);
    expect([
      count(november, (row) => row.isEit),
      nonEit.length,
      byOutcome('SEEN'),
      byOutcome('NOT_SEEN_REASON_RECORDED') + byOutcome('NOT_SEEN_NO_REASON'),
      byOutcome('NOT_SEEN_NO_REASON'),
      byOutcome('UNCLEAR'),
    ]).toEqual([98, 479, 414, 57, 15, 8]);
  });

  it('keeps the halves of A15 apart: A15 Public all public law, A15 Private all WAFH', () => {
    expect(inArea(november, 'A15 Public').every((row) => row.lawType === 'PUBLIC_LAW')).toBe(true);
    expect(inArea(november, 'A15 Private').every((row) => row.lawType === 'PRIVATE_LAW_WAFH')).toBe(true);
  });

  it('gives A5 a WAFH at 67% Good (seed 000 §2c)', () => {
    expect(Math.round(percentGood(ofLaw(inArea(november, 'A5'), 'PRIVATE_LAW_WAFH')))).toBe(67);
  });

  it('puts children not seen without a reason on weaker cases', () => {
    const noReason = november.filter((row) => row.childrenSeen === 'NOT_SEEN_NO_REASON');
    expect(noReason.every((row) => row.grade !== 'good')).toBe(true);
    expect(count(noReason, (row) => row.grade === 'not-met')).toBeGreaterThan(noReason.length / 2);
  });

  it('Fig. 5: 20 agency cases, 7 Good, 7 Met, 6 Not Met; the rest employed', () => {
    const agency = november.filter((row) => row.employment === 'AGENCY');
    expect(grades(agency)).toEqual({ cases: 20, good: 7, met: 7, notMet: 6 });
    expect(count(november, (row) => row.employment === 'EMPLOYED')).toBe(557);
  });

  it("covers exactly DEMO_AREAS, with each area's sampled count", () => {
    const byArea = new Map<string, number>();
    for (const row of november) byArea.set(row.areaCode, (byArea.get(row.areaCode) ?? 0) + 1);
    expect([...byArea]).toEqual(DEMO_AREAS);
  });

  it('records the QA indicators at realistic rates', () => {
    const targets = { collaborative: 70, familyFeedback: 55, managementOversight: 80, supervision: 75 };
    for (const indicator of QA_INDICATORS)
      expect(Math.abs(percent(november, (row) => row.qa[indicator]) - targets[indicator])).toBeLessThan(7);
  });

  it('has supervision going with case planning (seed 002)', () => {
    expect(
      percent(november, (row) => row.sectionGrades.supervision === row.sectionGrades['case-planning']),
    ).toBeGreaterThan(65);
    const planningNotMet = november.filter((row) => row.sectionGrades['case-planning'] === 'not-met');
    const planningGood = november.filter((row) => row.sectionGrades['case-planning'] === 'good');
    expect(percent(planningNotMet, (row) => row.sectionGrades.supervision === 'not-met')).toBeGreaterThan(
      3 * percent(planningGood, (row) => row.sectionGrades.supervision === 'not-met'),
    );
  });
});

describe('September 2013', () => {
  it('is about 49% Good and 19% Not Met overall', () => {
    expect(Math.abs(percentGood(september) - 49)).toBeLessThanOrEqual(2);
    expect(Math.abs(percentNotMet(september) - 19)).toBeLessThanOrEqual(2);
  });

  it.each([
    ['PUBLIC_LAW', 60, 11],
    ['PRIVATE_LAW_WTFH', 40, 24],
    ['PRIVATE_LAW_WAFH', 44, 22],
  ] as const)('%s is about %i%% Good and %i%% Not Met', (lawType, good, notMet) => {
    const rows = ofLaw(september, lawType);
    expect(Math.abs(percentGood(rows) - good)).toBeLessThanOrEqual(2);
    expect(Math.abs(percentNotMet(rows) - notMet)).toBeLessThanOrEqual(2);
  });

  it.each([
    ['A10', 35],
    ['A6', 34],
    ['A13', 34],
    ['A4', 46],
  ] as const)('%s is about %i%% Good', (code, good) => {
    expect(Math.abs(percentGood(inArea(september, code)) - good)).toBeLessThanOrEqual(2);
  });

  it('has A4 at about 22% Not Met, and A5 WAFH at 27% Good', () => {
    expect(Math.abs(percentNotMet(inArea(september, 'A4')) - 22)).toBeLessThanOrEqual(2);
    expect(Math.round(percentGood(ofLaw(inArea(september, 'A5'), 'PRIVATE_LAW_WAFH')))).toBe(27);
  });

  it('has A3 and A12 slightly above November 2014 for Good, with more Not Met; other areas below', () => {
    for (const [code] of DEMO_AREAS) {
      const before = inArea(september, code);
      const after = inArea(november, code);
      if (code === 'A3' || code === 'A12') {
        expect(percentGood(before)).toBeGreaterThan(percentGood(after));
        expect(percentGood(before) - percentGood(after)).toBeLessThan(6);
        expect(percentNotMet(before)).toBeGreaterThan(percentNotMet(after));
      } else expect(percentGood(before)).toBeLessThan(percentGood(after));
    }
  });
});

describe('April 2013', () => {
  it('is about 45% Good and 20% Not Met over about 480 cases', () => {
    expect(Math.abs(percentGood(april) - 45)).toBeLessThanOrEqual(2);
    expect(Math.abs(percentNotMet(april) - 20)).toBeLessThanOrEqual(2);
    expect(Math.abs(april.length - 480)).toBeLessThanOrEqual(20);
  });

  it('leaves A17 out entirely', () => {
    expect(april.some((row) => row.areaCode === 'A17')).toBe(false);
    expect(september.some((row) => row.areaCode === 'A17')).toBe(true);
  });
});

describe.each(AUDITS)('%s', (_name, rows, rubric) => {
  const sectionKeys = rubric.sections.map((section) => section.key);
  const scaleKeys = rubric.scale.levels.map((level) => level.key);
  const themeKeys = new Set(rubric.themes.map((theme) => theme.key));

  it('is deterministic', () => {
    const again =
      rows === november
        ? november2014Results()
        : rows === september
          ? september2013Results()
          : april2013Results();
    expect(again).toEqual(rows);
  });

  it('uses demo areas, each with 80–100% of its November 2014 cases', () => {
    const sampled = new Map(DEMO_AREAS);
    for (const [code, cases] of DEMO_AREAS) {
      const here = inArea(rows, code).length;
      if (here === 0) continue;
      expect(here).toBeGreaterThanOrEqual(Math.floor(0.8 * cases));
      expect(here).toBeLessThanOrEqual(cases);
    }
    expect(rows.every((row) => sampled.has(row.areaCode))).toBe(true);
  });

  it('marks EIT exactly for work to first hearing, with children seen not applicable exactly there', () => {
    for (const row of rows) {
      expect(row.isEit).toBe(row.lawType === 'PRIVATE_LAW_WTFH');
      expect(row.childrenSeen === 'NOT_APPLICABLE').toBe(row.isEit);
      expect(CHILDREN_SEEN).toContain(row.childrenSeen);
    }
  });

  it("grades every section on the document's scale, the overall grade being the one its rule suggests", () => {
    for (const row of rows) {
      expect(Object.keys(row.sectionGrades)).toEqual(sectionKeys);
      for (const grade of Object.values(row.sectionGrades)) expect(scaleKeys).toContain(grade);
      expect(suggestOverallGrade(rubric, row.sectionGrades)).toBe(row.grade);
    }
  });

  it("writes 0–2 strengths and learning points on the document's themes", () => {
    for (const row of rows) {
      for (const notes of [row.strengths, row.learningPoints]) {
        expect(notes.length).toBeLessThanOrEqual(2);
        expect(new Set(notes.map((note) => note.themeKey)).size).toBe(notes.length);
        for (const note of notes) {
          expect(themeKeys.has(note.themeKey)).toBe(true);
          expect(note.text.trim()).not.toBe('');
        }
      }
    }
    expect(count(rows, (row) => row.strengths.length > 0)).toBeGreaterThan(rows.length / 2);
    expect(count(rows, (row) => row.learningPoints.length > 0)).toBeGreaterThan(rows.length / 2);
  });

  it('records the QA indicators as booleans, no more often than in November 2014', () => {
    for (const row of rows) expect(Object.keys(row.qa).sort()).toEqual([...QA_INDICATORS].sort());
    for (const indicator of QA_INDICATORS)
      expect(percent(rows, (row) => row.qa[indicator])).toBeLessThanOrEqual(
        percent(november, (row) => row.qa[indicator]),
      );
  });

  it('has a few agency cases', () => {
    const agency = count(rows, (row) => row.employment === 'AGENCY');
    expect(agency).toBeGreaterThan(0);
    expect(agency).toBeLessThan(rows.length * 0.06);
  });
});
