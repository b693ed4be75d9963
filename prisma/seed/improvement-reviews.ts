// Seed 001's post-inspection review as two progress reviews of its ten
// recommendations: the October 2008 mid-point meeting (satisfactory progress
// on most, but inadequate on the two about safeguarding children, so the
// overall progress then was inadequate) and the final review of June 2009
// (satisfactory progress in all ten), with the evidence and reasons in the
// letter's words. The reviewer is the demo's audit lead, who recorded them.
// The final review of seed 000's Ofsted March 2014 recommendations is left for
// the NSD to record (the e2e journey does). Idempotent.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { OFSTED_2008_REVIEW } from './improvement-register.ts';

const REVIEWER_EMAIL = 'ssm@example.org';

type Judged = { judgement: 'satisfactory' | 'inadequate'; evidence: string; reason: string };
type Seeded = { number: number; aroseFrom: string; midPoint: Judged; final: Judged };

const bullets = (...lines: string[]) => lines.map((line) => `- ${line}`).join('\n');
const OK = 'satisfactory' as const;

export const SEED_001_REVIEWS: Seeded[] = [
  {
    number: 1,
    aroseFrom:
      'This recommendation arises from the inspection findings that almost two thirds of case plans did not demonstrate sufficient analysis of information and that case records, at best, only recorded information about process.',
    midPoint: {
      judgement: OK,
      evidence: bullets(
        'The implementation and roll out of a new national Cafcass recording policy.',
        "A new performance management system, 'Quality 4 Children' (Q4C), went live in October 2008.",
        'File audits within the region: a regional average of 71.2% compliance with the record-keeping policy in October 2008.',
      ),
      reason:
        'Satisfactory progress: the recording policy and Q4C are in place and audit activity has started.',
    },
    final: {
      judgement: OK,
      evidence: bullets(
        'The implementation and roll out of a new national Cafcass recording policy.',
        'Local priorities defined to address file storage; ensure all staff have read the policy; ensure all files are in the new format; and concentrate on the quality of contact records.',
        'The development of a new consistent assessment framework for private law cases.',
        "A new performance management system, 'Quality 4 Children' (Q4C), which went live in October 2008: service managers routinely examine two files prior to supervision and grade the quality of FCA work.",
        'An audit of practice identified the weakest performers; a follow-up management review of all cases was identified for 12 staff.',
        'File audits showed a regional average of 71.2% compliance with the record-keeping policy in October 2008, rising to 94.2% satisfactory or better at the time of this review.',
      ),
      reason:
        'Satisfactory progress had been made by Cafcass on this issue. Performance suggests the quality of case files and recording is improving, with some teams achieving a good standard. Ofsted has seen evidence of improved management oversight of case work and effective challenge to weak or inadequate practice.',
    },
  },
  {
    number: 2,
    aroseFrom:
      'This recommendation arises from the inspection finding that the practice of assessing parents who were using class C drugs seeking contact with their children was ineffective in assessing risk of harm.',
    midPoint: {
      judgement: 'inadequate',
      evidence: bullets(
        'Risk assessment training, including the SCODA tool, planned for all Central Area managers ahead of practitioner training.',
        'Practice guidance on drug-using parents is still being drafted.',
      ),
      reason:
        'Inadequate progress: guidance to assess the risk of harm from drug-using parents is not yet available, a continued concern for the safeguarding of children.',
    },
    final: {
      judgement: OK,
      evidence: bullets(
        'Risk assessment training was provided to all Central Area managers prior to practitioner training; every manager attended. It included the SCODA (Standing Conference on Drug Abuse) tool for specific assessments of drug use.',
        'New practice guidance on drug using parents is now available to staff on the Cafcass intranet.',
      ),
      reason:
        'Satisfactory progress had been made by Cafcass on this issue in so far as guidance is available to inform practice. Examples of practice did not yet demonstrate use of the assessment models designed for this purpose.',
    },
  },
  {
    number: 3,
    aroseFrom:
      "This recommendation arises from the inspection finding that in most private law reports the 'no order' principle was given insufficient attention and that practitioners failed to give reasons why it was better to make an order in the case.",
    midPoint: {
      judgement: OK,
      evidence: bullets(
        'The national report template has been updated regarding the no order principle.',
        'Auditing of reports and report writing workshops continue.',
      ),
      reason: 'Satisfactory progress: the template and workshops address the principle.',
    },
    final: {
      judgement: OK,
      evidence: bullets(
        'The national report template has been updated regarding the no order principle; the new quality assurance tool requires managers to make a judgment and comment on its use.',
        'The new assessment framework addresses the no order principle.',
        'Auditing of reports and report writing workshops/training events continues.',
      ),
      reason: 'Satisfactory progress had been made by Cafcass on this issue.',
    },
  },
  {
    number: 4,
    aroseFrom:
      'This recommendation arises from the inspection finding that there was an unacceptably high incidence of cases that demonstrated failure by Cafcass to safeguard children and young people.',
    midPoint: {
      judgement: 'inadequate',
      evidence: bullets(
        'A file audit of compliance against safeguarding requirements showed a regional average of 82.5% of case files satisfactory or better in October 2008.',
        'As part of the audit of FCA work, 12 FCAs were identified as inadequate in some aspects of their work, including safeguarding.',
      ),
      reason:
        'Inadequate progress: continued concerns about the issues related to safeguarding children; almost one case file in five fell short of the safeguarding requirements.',
    },
    final: {
      judgement: OK,
      evidence: bullets(
        'A file audit of compliance against safeguarding requirements showed a regional average of 82.5% of case files satisfactory or better in October 2008; by the time of this review, 98.9%.',
        'The 12 FCAs identified as inadequate in some aspects of their work, including safeguarding, have clear action plans; progress is closely monitored, with evidence of improvement.',
        'The Nottingham duty system has been audited and found satisfactory in terms of safeguarding.',
        'Performance against almost all performance indicators is good.',
      ),
      reason:
        'Satisfactory progress had been made by Cafcass on this issue. The range of activity and focus of intervention demonstrates that Cafcass has taken this recommendation seriously and continued to monitor the performance of the workforce with particular focus on those identified as weakest.',
    },
  },
  {
    number: 5,
    aroseFrom:
      'This recommendation arises from the inspection finding that Cafcass quality assurance systems were ineffective in identifying and rectifying inadequate practice, particularly when reporting to court.',
    midPoint: {
      judgement: OK,
      evidence: bullets(
        'Case file audits: quality of analysis (94%) and recommendations (91%) satisfactory or better in October 2008.',
        'Peer reviewing of reports has ceased; this is now a service manager responsibility.',
      ),
      reason: 'Satisfactory progress: managers now quality assure reports.',
    },
    final: {
      judgement: OK,
      evidence: bullets(
        'Data from case file audits: most quality of analysis (94%) and recommendations (91%) satisfactory or better in October 2008; at the time of the review 98.2% of reports were satisfactory or better.',
        'Peer reviewing of reports has ceased. This is now a service manager responsibility; funding has been secured to move to a 1:10 ratio of managers to practitioners. Reports are quality assured, graded and recorded on Q4C.',
      ),
      reason:
        "Satisfactory progress had been made by Cafcass on this issue. The audit of files demonstrated appropriate management practice to quality assure reports. Cafcass's own performance data shows that the quality of reports is improving.",
    },
  },
  {
    number: 6,
    aroseFrom:
      "This recommendation arises from the inspection finding that Cafcass's approach to supervision discouraged constructive criticism or challenge leading to a lack of practice improvement.",
    midPoint: {
      judgement: OK,
      evidence: bullets(
        'Supervision training for service managers under way.',
        'Heads of service have begun observing service managers undertaking supervision.',
      ),
      reason: 'Satisfactory progress: training and observation of supervision have started.',
    },
    final: {
      judgement: OK,
      evidence: bullets(
        'All service managers had completed the supervision training.',
        'Heads of service are observing service managers undertaking supervision, with a template for observation of supervision (not yet a nationally agreed tool).',
        'Only staff assessed as satisfactory are eligible for pay progression: currently 8% of staff will not progress at this stage.',
      ),
      reason:
        'Satisfactory progress had been made by Cafcass on this issue. Supervision notes showed clear challenge to weak or inadequate practice, not evident at the time of the inspection; however the quality of some supervision recording still fell below an acceptable standard, with a lack of clear SMART action planning.',
    },
  },
  {
    number: 7,
    aroseFrom:
      'This recommendation arises from the inspection finding that more than a third of Cafcass service users reported that they had not been told how to complain.',
    midPoint: {
      judgement: OK,
      evidence: bullets(
        'Complaints are now a national function, with a Learning Action Panel.',
        "A 'welcome pack' for new service users is being developed with HMCS.",
      ),
      reason: 'Satisfactory progress: the welcome pack will include how to complain.',
    },
    final: {
      judgement: OK,
      evidence: bullets(
        "Cafcass's management of complaints is a national function; its Learning Action Panel disseminates learning from complaints and serious case reviews.",
        'Practice observation of FCAs focuses on the first interview, so managers can assess how well FCAs inform service users about their right to complain.',
        'A new welcome pack was introduced from 1 April 2009, and a new portal on the external website allows service users easy communication with the organisation.',
      ),
      reason: 'Satisfactory progress had been made by Cafcass on this issue.',
    },
  },
  {
    number: 8,
    aroseFrom:
      "This recommendation arises from the inspection finding that leadership and management was failing to have sufficient impact on improving practice and quality assuring Cafcass's work.",
    midPoint: {
      judgement: OK,
      evidence: bullets(
        "All service managers had received the organisation's priorities, used by heads of service in setting appraisal targets.",
      ),
      reason: 'Satisfactory progress: the priorities are stated and cascaded.',
    },
    final: {
      judgement: OK,
      evidence: bullets(
        "All service managers had received the organisation's priorities and these had been used by heads of service in setting appraisal targets.",
        "A 'cascade' model ensures that decisions taken by senior management reach teams via area meetings.",
        'Six-weekly service improvement meetings in each area, chaired by the Operational Director, keep area management teams clear on the priorities and actions required.',
      ),
      reason:
        'Satisfactory progress had been made by Cafcass on this issue. The organisational priorities associated with practice improvement are evident in many of the documents seen as part of this review.',
    },
  },
  {
    number: 9,
    aroseFrom:
      'This recommendation arises from the inspection finding that some partners reported a lack of engagement with Cafcass.',
    midPoint: {
      judgement: OK,
      evidence: bullets('Partnership working is now led by a national team.'),
      reason: 'Satisfactory progress: a national team leads the work.',
    },
    final: {
      judgement: OK,
      evidence: bullets(
        'Partnership working is now led by a national team. The new provisions of the Children and Adoption Act 2006 regarding contact activities have taken precedence, through formal commissioning against national developments.',
      ),
      reason:
        'Satisfactory progress had been made by Cafcass on this issue. It is appropriate that the new statutory requirements regarding contact activities are the focus of this work.',
    },
  },
  {
    number: 10,
    aroseFrom:
      'This recommendation arises from the inspection finding that Cafcass lacked knowledge of the impact and outcome of staff training.',
    midPoint: {
      judgement: OK,
      evidence: bullets(
        'A national system to collect information about the impact of training is being developed.',
      ),
      reason: 'Satisfactory progress: the system is in development.',
    },
    final: {
      judgement: OK,
      evidence: bullets(
        'Nationally a system is being developed, as part of Q4C, to collect information about the impact of training on practice three to six months after the event. Cafcass has commissioned research on the impact of the risk training.',
        'There is evidence of high levels of initial satisfaction with training.',
        "Individual learning accounts are established, accessed through the service manager's approval; failure to attend training is systematically recorded and reported on.",
      ),
      reason: 'Satisfactory progress had been made by Cafcass on this issue.',
    },
  },
];

const REVIEWS = [
  {
    kind: 'MID_POINT',
    title: 'Mid-point meeting, October 2008',
    asOf: '2008-10-20',
    at: '2008-10-20T15:00:00Z',
  },
  {
    kind: 'FINAL',
    title: 'Final post-inspection review, June 2009',
    asOf: '2009-06-11',
    at: '2009-06-11T10:00:00Z',
  },
] as const;

/** The recommendation's number as a whole number, however the register writes it ("Recommendation 4", "Rec 4", "4"). */
const numberOf = (text: string) => Number(/(\d+)\s*$/.exec(text)?.[1] ?? NaN);

export async function seedImprovementReviews(prisma: PrismaClient): Promise<{ progressReviews: number }> {
  const source = await prisma.recommendationSource.findUnique({
    where: { title: OFSTED_2008_REVIEW },
    select: { id: true, recommendations: { select: { id: true, number: true } } },
  });
  const reviewer = await prisma.user.findUnique({ where: { email: REVIEWER_EMAIL }, select: { id: true } });
  if (!source || !reviewer) return { progressReviews: 0 };
  if ((await prisma.progressReview.count({ where: { sourceId: source.id } })) > 0)
    return { progressReviews: 0 };
  const byNumber = new Map(source.recommendations.map((row) => [numberOf(row.number), row.id]));
  for (const seeded of SEED_001_REVIEWS) {
    const id = byNumber.get(seeded.number);
    if (id) await prisma.recommendation.update({ where: { id }, data: { aroseFrom: seeded.aroseFrom } });
  }
  for (const review of REVIEWS) {
    const created = await prisma.progressReview.create({
      data: {
        sourceId: source.id,
        kind: review.kind,
        title: review.title,
        asOf: new Date(`${review.asOf}T00:00:00Z`),
        reviewerId: reviewer.id,
        createdAt: new Date(review.at),
      },
      select: { id: true },
    });
    await prisma.recommendationJudgement.createMany({
      data: SEED_001_REVIEWS.flatMap((seeded) => {
        const recommendationId = byNumber.get(seeded.number);
        const judged = review.kind === 'MID_POINT' ? seeded.midPoint : seeded.final;
        return recommendationId
          ? [
              {
                reviewId: created.id,
                recommendationId,
                ...judged,
                figures: { asOf: review.asOf, measures: [] },
                judgedById: reviewer.id,
                judgedAt: new Date(review.at),
              },
            ]
          : [];
      }),
    });
  }
  return { progressReviews: REVIEWS.length };
}
