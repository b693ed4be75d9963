import { describe, expect, it } from 'vitest';
import { calibrate } from '@/lib/domain/benchmarking';
import {
  assembleCalibration,
  type CalibrationAudit,
  type CalibrationBenchmark,
} from '@/lib/domain/calibration';
import { emptyAnswers, type GradingAnswers } from '@/lib/domain/grading';
import { FOUR_POINT_SCALE, THREE_POINT_SCALE, type RubricContent } from '@/lib/domain/rubric';

function rubric(scale: RubricContent['scale']): RubricContent {
  const section = (key: string, title: string) => ({
    key,
    title,
    guidance: '',
    descriptors: {},
    questions: [],
    replaces: [],
  });
  return {
    scale,
    sections: [section('plan', 'Case planning'), section('voice', 'Voice of the child')],
    themes: [],
    overallRule: { kind: 'none' },
  };
}

const THREE = rubric(THREE_POINT_SCALE);
const FOUR = rubric(FOUR_POINT_SCALE);

const audit = (id: string, windowTo: string, content = THREE): CalibrationAudit => ({
  id,
  name: `Audit ${id}`,
  windowTo: new Date(windowTo),
  content,
});

/** The benchmarker's answers: an overall grade and a grade for the plan section. */
function answers(content: RubricContent, overall: string, plan: string | null): GradingAnswers {
  const empty = emptyAnswers(content);
  return {
    ...empty,
    overallGrade: overall,
    sections: { ...empty.sections, plan: { ...empty.sections.plan!, grade: plan } },
  };
}

function benchmark(
  auditId: string,
  first: string,
  second: string,
  overrides: Partial<CalibrationBenchmark> = {},
): CalibrationBenchmark {
  return {
    auditId,
    auditorId: 'u-ann',
    auditorName: 'Ann',
    serviceAreaId: 'area-n',
    areaCode: 'N',
    moderatorId: null,
    moderatorName: null,
    firstOverallGrade: first,
    firstSectionGrades: { plan: first, voice: null },
    overallGrade: second,
    answers: answers(THREE, second, second),
    ...overrides,
  };
}

describe('assembleCalibration', () => {
  const autumn = audit('autumn', '2024-11-30');
  const spring = audit('spring', '2024-05-31');

  it('measures this audit on its own benchmarks, and the trend on every audit oldest first', () => {
    const report = assembleCalibration(
      { id: autumn.id, name: autumn.name, content: THREE },
      [autumn, spring],
      [
        benchmark('autumn', 'good', 'met'),
        benchmark('spring', 'met', 'met'),
        benchmark('autumn', 'met', 'met', { moderatorId: 'u-mo', moderatorName: 'Mo' }),
      ],
    );
    expect(report.auditName).toBe('Audit autumn');
    expect(report.content).toBe(THREE);
    expect(report.calibration.pairs).toBe(2);
    expect(report.calibration.overall.percentAgreement.value).toBe(0.5);
    expect(report.calibration.moderations).toEqual([{ moderatorId: 'u-mo', name: 'Mo', count: 1 }]);
    expect(report.acrossAudits.pairs).toBe(3);
    expect(report.acrossAudits.byAudit.map((group) => [group.key, group.pairs])).toEqual([
      ['spring', 1],
      ['autumn', 2],
    ]);
  });

  it('compares the section grades the benchmarker gave with those copied from the auditor', () => {
    const report = assembleCalibration(
      { id: autumn.id, name: autumn.name, content: THREE },
      [autumn],
      [benchmark('autumn', 'good', 'good', { answers: answers(THREE, 'good', 'met') })],
    );
    const plan = report.calibration.sections.find((section) => section.key === 'plan');
    const voice = report.calibration.sections.find((section) => section.key === 'voice');
    expect(plan?.title).toBe('Case planning');
    expect(plan?.agreement.pairs).toBe(1);
    expect(plan?.agreement.percentAgreement.value).toBe(0);
    // Neither grader graded the voice section: no pair.
    expect(voice?.agreement.pairs).toBe(0);
    expect(report.calibration.overall.percentAgreement.value).toBe(1);
  });

  it('reads a benchmark with no answers saved as no section graded', () => {
    const report = assembleCalibration(
      { id: autumn.id, name: autumn.name, content: THREE },
      [autumn],
      [benchmark('autumn', 'good', 'good', { answers: null })],
    );
    expect(report.calibration.pairs).toBe(1);
    expect(report.calibration.sections.every((section) => section.agreement.pairs === 0)).toBe(true);
  });

  it('leaves out of the trend pairs on another scale, and benchmarks of audits not given', () => {
    const older = audit('older', '2023-11-30', FOUR);
    const report = assembleCalibration(
      { id: autumn.id, name: autumn.name, content: THREE },
      [autumn, older],
      [
        benchmark('older', 'outstanding', 'requires-improvement', {
          firstSectionGrades: { plan: null, voice: null },
          answers: emptyAnswers(FOUR),
        }),
        benchmark('withheld', 'good', 'met'),
        benchmark('autumn', 'good', 'good'),
      ],
    );
    expect(report.calibration.pairs).toBe(1);
    expect(report.acrossAudits.pairs).toBe(1);
    expect(report.acrossAudits.byAudit.map((group) => group.key)).toEqual(['autumn']);
  });

  it('agrees with calibrate on hand-made pairs, grade for grade', () => {
    const rows = [
      benchmark('autumn', 'good', 'met', { auditorId: 'u-bo', auditorName: 'Bo' }),
      benchmark('autumn', 'met', 'met'),
      benchmark('autumn', 'not-met', 'met', { serviceAreaId: 'area-s', areaCode: 'S' }),
    ];
    const report = assembleCalibration({ id: autumn.id, name: autumn.name, content: THREE }, [autumn], rows);
    const levels = THREE_POINT_SCALE.levels.map((level) => level.key);
    const labels = Object.fromEntries(THREE_POINT_SCALE.levels.map((level) => [level.key, level.label]));
    const expected = calibrate(
      levels,
      THREE.sections.map((section) => ({ key: section.key, title: section.title })),
      rows.map((row) => ({
        auditId: row.auditId,
        auditName: autumn.name,
        auditorId: row.auditorId,
        auditorName: row.auditorName,
        serviceAreaId: row.serviceAreaId,
        areaCode: row.areaCode,
        first: { overall: row.firstOverallGrade, sections: row.firstSectionGrades },
        second: { overall: row.overallGrade, sections: { plan: row.overallGrade, voice: null } },
        moderatorId: null,
        moderatorName: null,
      })),
      labels,
    );
    expect(report.calibration).toEqual(expected);
    expect(report.acrossAudits).toEqual(expected);
  });

  it('gives an empty report for an audit with no benchmarks yet', () => {
    const report = assembleCalibration({ id: autumn.id, name: autumn.name, content: THREE }, [], []);
    expect(report.calibration.pairs).toBe(0);
    expect(report.calibration.overall.pairs).toBe(0);
    expect(report.acrossAudits.byAudit).toEqual([]);
  });
});
