// The improvement loop's register in the demo (issue 16 §10): the inspector's
// action plan that seed 000 §6 reviews, the ten recommendations of seed 001's
// post-inspection review, and A4's improvement plan (seed 003). Actions carry
// their history as the app writes it. Two of A4's actions are dated from the
// day the demo is seeded, so the reminders and overdue lists have something
// current to show. Idempotent: a source that exists is left alone.
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../../generated/prisma/client.ts';

export const OFSTED_2014_ACTION_PLAN = 'Ofsted inspection, March 2014: action plan';
export const OFSTED_2008_REVIEW = 'Ofsted inspection of Cafcass East Midlands 2008: post-inspection review';
export const A4_IMPROVEMENT_PLAN = 'A4 improvement plan 2014/15';

type ActionSeed = {
  description: string;
  owner: string;
  dueOn: string | { daysFromToday: number };
  status: 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE' | 'DROPPED';
  droppedReason?: string;
  /** Progress updates, oldest first, with the day they were written. */
  updates?: { on: string | { daysFromToday: number }; by: string; text: string }[];
};

type RecommendationSeed = {
  number: string;
  text: string;
  kind: 'RECOMMENDATION' | 'PRACTICE_IMPROVEMENT_POINT';
  areas?: string[];
  lawTypes?: ('PUBLIC_LAW' | 'PRIVATE_LAW_WAFH' | 'PRIVATE_LAW_WTFH')[];
  owner: string;
  dueOn: string;
  status?: 'OPEN' | 'CLOSED';
  actions: ActionSeed[];
};

type SourceSeed = {
  title: string;
  kind: 'INSPECTION' | 'REVIEW' | 'AUDIT_LEARNING' | 'AREA_IMPROVEMENT_PLAN';
  issuedBy: string;
  issuedOn: string;
  document: string;
  scale: 'MET_ONGOING' | 'SATISFACTORY_INADEQUATE' | 'INSPECTION_FOUR_POINT';
  area?: string;
  audit?: string;
  period?: [string, string];
  createdBy: string;
  recommendations: RecommendationSeed[];
};

const SSM = 'ssm@example.org';
const NSD = 'nsd@example.org';
const HOS_A4 = 'hos.a4@example.org';

const OFSTED_2014: SourceSeed = {
  title: OFSTED_2014_ACTION_PLAN,
  kind: 'INSPECTION',
  issuedBy: 'Ofsted',
  issuedOn: '2014-03-31',
  document: 'Ofsted inspection of Cafcass, March 2014: the service’s action plan',
  scale: 'MET_ONGOING',
  createdBy: NSD,
  recommendations: [
    {
      number: '1',
      text: 'Improve the minority of safeguarding letters which are not yet fit for purpose',
      kind: 'RECOMMENDATION',
      owner: SSM,
      dueOn: '2015-05-31',
      actions: [
        {
          description: 'Re-issue the safeguarding letter template with worked examples to every team',
          owner: SSM,
          dueOn: '2014-07-31',
          status: 'DONE',
          updates: [{ on: '2014-07-21', by: SSM, text: 'Template and examples sent to all service areas.' }],
        },
        {
          description: 'Managers check every safeguarding letter before it is filed',
          owner: SSM,
          dueOn: '2014-10-31',
          status: 'DONE',
          updates: [
            { on: '2014-10-30', by: SSM, text: 'Workflow approval in place in every area since October.' },
          ],
        },
      ],
    },
    {
      number: '2',
      text: 'Eliminate poor grammar and typographical errors',
      kind: 'RECOMMENDATION',
      owner: SSM,
      dueOn: '2015-05-31',
      actions: [
        {
          description: 'Managers approve reports in the workflow system before they are filed',
          owner: SSM,
          dueOn: '2014-09-30',
          status: 'DONE',
        },
        {
          description: 'Proof-reading guidance and a short e-learning module for practitioners',
          owner: SSM,
          dueOn: '2015-03-31',
          status: 'IN_PROGRESS',
          updates: [{ on: '2015-01-15', by: SSM, text: 'Module drafted; piloting in A2 and A9.' }],
        },
      ],
    },
    {
      number: '4',
      text: 'Improve effectiveness of efforts to contact parties or where sufficient efforts have been made these should be better recorded',
      kind: 'RECOMMENDATION',
      owner: SSM,
      dueOn: '2015-05-31',
      actions: [
        {
          description: 'Add a record of contact attempts to the case recording guidance',
          owner: SSM,
          dueOn: '2014-08-31',
          status: 'DONE',
        },
      ],
    },
    {
      number: '5',
      text: 'Ensure that in all private law casework work begins as early as possible once a family court adviser has been allocated',
      kind: 'RECOMMENDATION',
      lawTypes: ['PRIVATE_LAW_WAFH', 'PRIVATE_LAW_WTFH'],
      owner: SSM,
      dueOn: '2015-05-31',
      actions: [
        {
          description: 'Allocation within five working days of the order, monitored monthly by each area',
          owner: SSM,
          dueOn: '2014-12-31',
          status: 'DONE',
        },
      ],
    },
    {
      number: '8',
      text: 'Improve the consistency of Children’s Guardians practice in liaising before, during, and at the end of proceedings with local authority Independent Reviewing Officers',
      kind: 'PRACTICE_IMPROVEMENT_POINT',
      lawTypes: ['PUBLIC_LAW'],
      owner: SSM,
      dueOn: '2015-12-31',
      actions: [
        {
          description: 'Agree a liaison protocol with local authority IRO services',
          owner: SSM,
          dueOn: '2014-11-30',
          status: 'DONE',
        },
        {
          description: 'Test liaison throughout the life of cases in a thematic audit',
          owner: SSM,
          dueOn: '2015-12-31',
          status: 'IN_PROGRESS',
          updates: [
            {
              on: '2015-06-01',
              by: SSM,
              text: 'Thematic Audit 2015: IRO liaison commissioned; grading under way.',
            },
          ],
        },
      ],
    },
    {
      number: '13',
      text: 'Improve the % Good in Private Law, WAFH, in A5',
      kind: 'RECOMMENDATION',
      areas: ['A5'],
      lawTypes: ['PRIVATE_LAW_WAFH'],
      owner: SSM,
      dueOn: '2015-05-31',
      actions: [
        {
          description: 'Practice workshops on analysis for A5’s private law teams',
          owner: SSM,
          dueOn: '2014-09-30',
          status: 'DONE',
        },
        {
          description: 'Monthly file reading of WAFH reports by A5 service managers',
          owner: SSM,
          dueOn: '2015-03-31',
          status: 'DONE',
          updates: [{ on: '2015-03-20', by: SSM, text: 'Six months of file reading completed and logged.' }],
        },
      ],
    },
    {
      number: '14',
      text: 'Improve further the analysis in the report to the court and ensure that all relevant information gathered is pulled through into the report and based on research',
      kind: 'PRACTICE_IMPROVEMENT_POINT',
      owner: SSM,
      dueOn: '2015-12-31',
      actions: [
        {
          description: 'Promote the child engagement tools and research digest in every team meeting',
          owner: SSM,
          dueOn: '2014-12-31',
          status: 'DONE',
        },
        {
          description: 'Thematic audit of analysis in Private Law WAFH reports',
          owner: SSM,
          dueOn: '2015-09-30',
          status: 'NOT_STARTED',
        },
      ],
    },
  ],
};

const OFSTED_2008_TEXTS = [
  'Cafcass should take steps to ensure good quality of case recording and that accountability is demonstrable through effective management oversight',
  'Cafcass should update its practice guidance on the assessment of drug-using parents in relation to contact.',
  'Cafcass should update its guidance for practitioners about the application of the no order principle and ensure this is underpinned by necessary training.',
  'In order to ensure all Cafcass child protection and safeguarding practices are of an adequate standard, a thorough audit should be undertaken of the work across all teams, to ensure this work is subject to rigorous quality assurance and compliant with guidance.',
  'In order to strengthen the quality assurance of reports to court and to raise overall reporting standards, Cafcass should review its use of peer participation and introduce more robust arrangements including an increased role for senior managers.',
  'In order to improve management of performance and quality of practice, Cafcass should review and strengthen its guidance, particularly round the role and responsibilities of managers, in support of the supervision policy.',
  'Cafcass needs to ensure that information about complaints reaches the significant minority of service users who report that they do not know how to make a complaint.',
  'In the context of organisational change, Cafcass should ensure service managers understand and implement stated priorities to address the improvement agenda.',
  'Cafcass should explore further opportunities for collaborative work with those partners it has a contract with or grant aids.',
  'Cafcass should develop systems to measure the impact and outcome of staff training, to capture this and ensure learning is embedded in practice.',
];

const OFSTED_2008_ACTIONS = [
  'Roll out the national recording policy and audit files against it',
  'Publish practice guidance on drug-using parents and train managers in the SCODA tool',
  'Update the report template on the no order principle and run report-writing workshops',
  'Audit safeguarding compliance across every team and act on the weakest performers',
  'Replace peer review with service manager quality assurance of every report',
  'Supervision training for every service manager; observation of supervision by heads of service',
  'Introduce a welcome pack with information on how to complain',
  'Cascade the organisation’s priorities through area and team meetings',
  'Bring partnership working under a national commissioning team',
  'Collect the impact of training on practice three to six months after each event',
];

const OFSTED_2008: SourceSeed = {
  title: OFSTED_2008_REVIEW,
  kind: 'INSPECTION',
  issuedBy: 'Ofsted',
  issuedOn: '2008-02-01',
  document: 'Ofsted’s inspection of Cafcass East Midlands: key challenges and opportunities (February 2008)',
  scale: 'SATISFACTORY_INADEQUATE',
  createdBy: NSD,
  recommendations: OFSTED_2008_TEXTS.map((text, index) => ({
    number: String(index + 1),
    text,
    kind: 'RECOMMENDATION',
    owner: NSD,
    dueOn: '2009-06-11',
    status: 'CLOSED',
    actions: [
      {
        description: OFSTED_2008_ACTIONS[index] as string,
        owner: NSD,
        dueOn: '2009-03-31',
        status: 'DONE',
      },
    ],
  })),
};

const A4_PLAN: SourceSeed = {
  title: A4_IMPROVEMENT_PLAN,
  kind: 'AREA_IMPROVEMENT_PLAN',
  issuedBy: 'Service area A4',
  issuedOn: '2014-04-01',
  document: 'A4 improvement plan, agreed at the area’s quarterly performance meeting',
  scale: 'MET_ONGOING',
  area: 'A4',
  audit: 'National Audit September 2013',
  period: ['2014-04-01', '2015-03-31'],
  createdBy: HOS_A4,
  recommendations: [
    {
      number: '1',
      text: 'Raise the share of Good work in A4 to the national target of 60%',
      kind: 'RECOMMENDATION',
      areas: ['A4'],
      owner: HOS_A4,
      dueOn: '2015-03-31',
      actions: [
        {
          description: 'Monthly file reading by service managers in the teams below the area’s average',
          owner: HOS_A4,
          dueOn: { daysFromToday: 5 },
          status: 'IN_PROGRESS',
          updates: [
            {
              on: { daysFromToday: -20 },
              by: HOS_A4,
              text: 'File reading running in two teams; the third starts next month.',
            },
          ],
        },
        {
          description: 'Practice workshop on analysis and recommendations for every A4 team',
          owner: HOS_A4,
          dueOn: '2014-10-31',
          status: 'DONE',
        },
      ],
    },
    {
      number: '2',
      text: 'Reduce Not Met work in A4 below 14%',
      kind: 'RECOMMENDATION',
      areas: ['A4'],
      owner: HOS_A4,
      dueOn: '2015-03-31',
      actions: [
        {
          description:
            'Review every Not Met case with its practitioner and service manager within ten working days',
          owner: HOS_A4,
          dueOn: '2014-12-31',
          status: 'DONE',
        },
        {
          description: 'Supervision audit in the outlier team, with a support plan for each practitioner',
          owner: HOS_A4,
          dueOn: { daysFromToday: -10 },
          status: 'NOT_STARTED',
        },
      ],
    },
    {
      number: '3',
      text: 'Record why children were not seen in every case where they were not',
      kind: 'PRACTICE_IMPROVEMENT_POINT',
      areas: ['A4'],
      owner: HOS_A4,
      dueOn: '2015-03-31',
      actions: [
        {
          description: 'Add a “child not seen” reason to the case-closure checklist',
          owner: HOS_A4,
          dueOn: '2014-09-30',
          status: 'DONE',
        },
        {
          description: 'Weekly exception report of children not seen without a recorded reason',
          owner: HOS_A4,
          dueOn: '2015-01-31',
          status: 'DROPPED',
          droppedReason: 'Replaced by the national children-seen dashboard from January 2015.',
        },
      ],
    },
  ],
};

const day = (value: string | { daysFromToday: number }, today: Date): Date => {
  if (typeof value === 'string') return new Date(`${value}T00:00:00Z`);
  const date = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  date.setUTCDate(date.getUTCDate() + value.daysFromToday);
  return date;
};

const at = (value: Date, hour: number) => new Date(value.getTime() + hour * 3_600_000);

export async function seedImprovementRegister(
  prisma: PrismaClient,
  today: Date = new Date(),
): Promise<{ recommendationSources: number; recommendations: number; improvementActions: number }> {
  const users = new Map(
    (await prisma.user.findMany({ select: { id: true, email: true } })).map((user) => [user.email, user.id]),
  );
  const areas = new Map(
    (await prisma.serviceArea.findMany({ select: { id: true, code: true } })).map((area) => [
      area.code,
      area.id,
    ]),
  );
  const userId = (email: string) => {
    const id = users.get(email);
    if (!id) throw new Error(`demo register: no user ${email}`);
    return id;
  };
  let recommendations = 0;
  let improvementActions = 0;
  for (const source of [OFSTED_2014, OFSTED_2008, A4_PLAN]) {
    const exists = await prisma.recommendationSource.findUnique({ where: { title: source.title } });
    if (exists) continue;
    const audit = source.audit
      ? await prisma.audit.findUniqueOrThrow({ where: { name: source.audit }, select: { id: true } })
      : null;
    const sourceId = randomUUID();
    const issuedOn = day(source.issuedOn, today);
    await prisma.recommendationSource.create({
      data: {
        id: sourceId,
        title: source.title,
        kind: source.kind,
        issuedBy: source.issuedBy,
        issuedOn,
        document: source.document,
        scale: source.scale,
        serviceAreaId: source.area ? (areas.get(source.area) ?? null) : null,
        auditId: audit?.id ?? null,
        periodFrom: source.period ? day(source.period[0], today) : null,
        periodTo: source.period ? day(source.period[1], today) : null,
        createdById: userId(source.createdBy),
        createdAt: at(issuedOn, 9),
      },
    });
    const actionRows: {
      id: string;
      recommendationId: string;
      description: string;
      ownerId: string;
      dueOn: Date;
      status: ActionSeed['status'];
      droppedReason: string | null;
      version: number;
      createdAt: Date;
      updatedAt: Date;
    }[] = [];
    const historyRows: {
      actionId: string;
      occurredAt: Date;
      actorId: string;
      event: string;
      version: number;
      changes: object;
      text: string;
    }[] = [];
    for (const recommendation of source.recommendations) {
      const recommendationId = randomUUID();
      await prisma.recommendation.create({
        data: {
          id: recommendationId,
          sourceId,
          number: recommendation.number,
          text: recommendation.text,
          kind: recommendation.kind,
          serviceAreaIds: (recommendation.areas ?? []).map((code) => areas.get(code) as string),
          lawTypes: recommendation.lawTypes ?? [],
          ownerId: userId(recommendation.owner),
          dueOn: day(recommendation.dueOn, today),
          status: recommendation.status ?? 'OPEN',
          createdAt: at(issuedOn, 10),
        },
      });
      recommendations += 1;
      for (const action of recommendation.actions) {
        const id = randomUUID();
        const ownerId = userId(action.owner);
        const createdAt = at(issuedOn, 11);
        let version = 1;
        historyRows.push({
          actionId: id,
          occurredAt: createdAt,
          actorId: ownerId,
          event: 'created',
          version,
          changes: [
            { field: 'description', from: '', to: action.description },
            { field: 'status', from: '', to: 'NOT_STARTED' },
          ],
          text: '',
        });
        let last = createdAt;
        for (const update of action.updates ?? []) {
          version += 1;
          last = at(day(update.on, today), 14);
          historyRows.push({
            actionId: id,
            occurredAt: last,
            actorId: userId(update.by),
            event: 'progress-update',
            version,
            changes: [],
            text: update.text,
          });
        }
        if (action.status !== 'NOT_STARTED') {
          version += 1;
          const due = day(action.dueOn, today);
          last = new Date(
            Math.max(last.getTime() + 3_600_000, Math.min(at(due, 16).getTime(), today.getTime())),
          );
          historyRows.push({
            actionId: id,
            occurredAt: last,
            actorId: ownerId,
            event: 'status-changed',
            version,
            changes: [
              { field: 'status', from: 'NOT_STARTED', to: action.status },
              ...(action.droppedReason
                ? [{ field: 'droppedReason', from: '', to: action.droppedReason }]
                : []),
            ],
            text: action.droppedReason ?? '',
          });
        }
        actionRows.push({
          id,
          recommendationId,
          description: action.description,
          ownerId,
          dueOn: day(action.dueOn, today),
          status: action.status,
          droppedReason: action.droppedReason ?? null,
          version,
          createdAt,
          updatedAt: last,
        });
      }
    }
    await prisma.improvementAction.createMany({ data: actionRows });
    await prisma.improvementActionHistory.createMany({ data: historyRows });
    improvementActions += actionRows.length;
  }
  return { recommendationSources: 3, recommendations, improvementActions };
}
