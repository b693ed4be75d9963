// The threshold documents (rubrics) the demo data grades against, drawn from
// the source documents: the national Threshold Document used in the April and
// September 2013 audits, its October 2014 revision (seed 000), and a local
// Quality and Impact Audit Tool on a 4-point scale (seed 002). The wording of
// the descriptors follows what the audit and inspection reports (seeds 000,
// 004) say good and weak practice look like.
import type { RubricContent } from '../../lib/domain/rubric.ts';
import { THREE_POINT_SCALE, FOUR_POINT_SCALE } from '../../lib/domain/rubric.ts';

/** The national Threshold Document as used in the April and September 2013 audits. */
export const NATIONAL_THRESHOLD_2013: RubricContent = {
  scale: THREE_POINT_SCALE,
  sections: [
    {
      key: 'recording-and-planning',
      title: 'Case recording and planning',
      guidance:
        'Read the contact logs, the case plan and any review of it alongside the filed documents. Check that all activity is recorded with a clear trail of decisions, and that a case plan was started at the outset and says what work will be done, by whom and why. Look for information in the logs being carried through into the plan and the report.',
      descriptors: {
        good: 'Recording is timely, clear and complete, with a visible trail of decision-making. A case plan was started at allocation, analyses the issues rather than listing tasks, and has been reviewed and updated as the case progressed.',
        met: 'The essential activity is recorded and a case plan is in place, but it is largely a list of tasks or was started late. Some decisions or contacts are recorded briefly, and the link between logs, plan and report is not always clear.',
        'not-met':
          'Key activity or decisions are missing from the record, or there is no case plan or only a plan that was not used. A reader could not follow what was done on the case or why.',
      },
      questions: [
        { key: 'plan-at-outset', text: 'Was a case plan started at the outset of the work?' },
        { key: 'plan-reviewed', text: 'Was the case plan reviewed and updated as the case progressed?' },
        { key: 'decisions-recorded', text: 'Is there a clear record of the decisions made on the case?' },
      ],
      replaces: [],
    },
    {
      key: 'reporting',
      title: 'Reporting to court',
      guidance:
        'Read the report or safeguarding letter filed with the court. Judge whether it is analytical rather than descriptive, whether its recommendations flow from the evidence, and whether it is accurate and filed on time. Note typographical and grammatical errors.',
      descriptors: {
        good: 'The report is succinct, child-centred and evidence-based, with a clear distinction between fact and opinion. Analysis weighs the options for the child and the recommendations flow from it. It is filed on time and free from errors.',
        met: 'The report addresses the questions before the court and reaches a reasoned recommendation, but it is more descriptive than analytical or longer than it needs to be. There may be minor errors of presentation.',
        'not-met':
          'The report lacks analysis, its recommendations do not follow from the evidence, or it omits information the court needs. It may be filed late or contain errors that undermine confidence in it.',
      },
      questions: [
        { key: 'filed-on-time', text: 'Was the report filed by the date set by the court?' },
        {
          key: 'recommendation-follows-analysis',
          text: 'Do the recommendations flow from the analysis in the report?',
        },
        { key: 'free-from-errors', text: 'Is the report free from typographical and grammatical errors?' },
      ],
      replaces: [],
    },
    {
      key: 'safeguarding',
      title: 'Safeguarding',
      guidance:
        'Check that police and local authority safeguarding checks were requested and received in time, and that the information was analysed rather than simply repeated. Look at whether risks to every child in the household, including non-subject children, were identified and acted on, and whether any referral to the local authority was made promptly.',
      descriptors: {
        good: 'Safeguarding checks were completed in time and the information is analysed, informing the assessment of risk to each child. Any concerns were acted on promptly, including referral to the local authority where needed, and the action is clearly recorded.',
        met: 'Safeguarding checks were completed and risks were identified, but the analysis of what the information means for the child is limited. Action taken was appropriate but not always clearly explained.',
        'not-met':
          'Safeguarding checks were missing or late, or known risks were not identified, analysed or acted on. Children, including non-subject children, may have been left without safe arrangements.',
      },
      questions: [
        {
          key: 'checks-before-first-hearing',
          text: 'Were safeguarding checks completed before the first hearing?',
        },
        {
          key: 'non-subject-children',
          text: 'Were risks to non-subject children in the household considered?',
        },
        {
          key: 'referral-made',
          text: 'Where there were concerns, was a timely referral made to the local authority?',
        },
      ],
      replaces: [],
    },
    {
      key: 'child-engagement',
      title: 'Engagement of the child',
      guidance:
        "Look for evidence that the child was seen, and seen alone where that was in their interests, or for a recorded professional judgement explaining why they were not. Check that the child's wishes and feelings were sought in a way suited to their age and understanding and are reflected in the report.",
      descriptors: {
        good: "The child was seen, or a clear professional judgement records why not. Direct work suited to the child's age and understanding draws out their wishes and feelings, which are reported in the child's own words and inform the recommendations.",
        met: "The child was seen or the reason for not seeing them is recorded, and their wishes and feelings are reported. The direct work or the weight given to the child's views is not fully explained.",
        'not-met':
          "The child was not seen and there is no recorded reason, or it is unclear whether they were seen. The child's wishes and feelings are absent from the report or do not influence it.",
      },
      questions: [
        { key: 'child-seen', text: 'Was the child seen?' },
        {
          key: 'reason-recorded',
          text: 'If the child was not seen, is the professional judgement for this recorded?',
        },
        {
          key: 'wishes-reflected',
          text: "Are the child's wishes and feelings reflected in the report?",
        },
      ],
      replaces: [],
    },
    {
      key: 'diversity',
      title: 'Diversity',
      guidance:
        "Check whether the child's identity, culture, heritage, religion, language, disability, age and vulnerabilities were considered. Look for analysis of what these mean for the child, not just a list of characteristics, and for a statement when diversity issues are not relevant.",
      descriptors: {
        good: 'The diversity needs of the child and family are identified and their impact on the child is analysed and carried through to the recommendations. Where diversity issues are not relevant, the report says so.',
        met: 'Diversity is recorded and some relevant needs are considered, but the impact on the child is described rather than analysed.',
        'not-met':
          'Diversity is not considered, or relevant issues such as language, disability or culture are overlooked in a way that affects the work with the child.',
      },
      questions: [
        { key: 'diversity-considered', text: "Were the child's diversity needs considered?" },
        { key: 'impact-analysed', text: 'Was the impact of diversity issues on the child analysed?' },
      ],
      replaces: [],
    },
    {
      key: 'management-oversight',
      title: 'Management oversight',
      guidance:
        'Look for recorded management involvement: review of the case at the outset, decisions and directions in the logs or case plan, and approval of reports before filing. Judge whether oversight made a difference to the work rather than simply being present.',
      descriptors: {
        good: 'Management oversight is recorded at key points, with clear decisions and directions that are followed through. The case was reviewed at the outset and the report approved before filing.',
        met: 'There is some recorded management oversight, but decisions or directions are brief and their impact on the work is not clear.',
        'not-met':
          'There is no recorded management oversight where it was needed, or issues a manager should have addressed were missed.',
      },
      questions: [
        { key: 'oversight-recorded', text: 'Is management oversight recorded on the case file?' },
        { key: 'report-approved', text: 'Was the report approved by a manager before filing?' },
      ],
      replaces: [],
    },
  ],
  themes: [
    { key: 'case-recording', label: 'Case recording' },
    { key: 'case-planning', label: 'Case planning' },
    { key: 'reporting', label: 'Reporting' },
    { key: 'safeguarding', label: 'Safeguarding' },
    { key: 'child-engagement', label: 'Child engagement' },
    { key: 'diversity', label: 'Diversity' },
    { key: 'management-oversight', label: 'Management oversight' },
    { key: 'tools-and-research', label: 'Use of tools and research' },
  ],
  overallRule: { kind: 'lowest-of', sectionKeys: ['recording-and-planning', 'safeguarding'] },
};

/** The Threshold Document (October 2014), used in the November 2014 national audit. */
export const NATIONAL_THRESHOLD_OCTOBER_2014: RubricContent = {
  scale: THREE_POINT_SCALE,
  sections: [
    {
      key: 'case-recording',
      title: 'Case recording',
      guidance:
        'Read the contact logs and case records for the whole period of the work. Check that all activity is recorded promptly, that interviews, including telephone interviews, are logged in enough detail to support the analysis, and that information is triangulated from logs to case plan and report. Referrals to the local authority should be explicit about the concerns and name every child involved.',
      descriptors: {
        good: 'All activity is recorded promptly with a clear trail of decision-making, including decisions about non-subject children. Interview logs are detailed enough to show the basis of the analysis, and information flows consistently from logs to the case plan and report.',
        met: 'The main activity and decisions are recorded, but some logs are brief or late, or the link between logs, case plan and report is not always evident.',
        'not-met':
          'Significant activity or decisions are not recorded, or the record is too thin to show what information the analysis relied on. Referrals, where made, are unclear about the concerns or the children involved.',
      },
      questions: [
        {
          key: 'interviews-logged',
          text: 'Are interviews, including telephone interviews, logged in enough detail?',
        },
        {
          key: 'triangulated',
          text: 'Is information consistent from the logs to the case plan and the report?',
        },
        {
          key: 'referral-explicit',
          text: 'Does any referral to the local authority set out the concerns and name all the children?',
        },
      ],
      replaces: ['recording-and-planning'],
    },
    {
      key: 'case-planning',
      title: 'Case planning',
      guidance:
        'Read the case plan and every review of it. Check that it was started at the point of allocation, gives an analytical summary of the issues, and sets out how the assessment will be conducted, including how the child and the adults will be engaged. In public law, look for planned liaison with the Independent Reviewing Officer throughout the case.',
      descriptors: {
        good: 'The case plan was started at allocation and is a clear, analytical summary of the issues, tasks and actions, showing reflective thinking about how the assessment will be carried out and how the child will be engaged. It is reviewed as the case develops, and manager reviews visibly improve it.',
        met: 'A case plan was started at the outset and covers the main tasks, but it is more a list of actions than an analysis, or reviews are not evidenced. Plans to engage the child are present but general.',
        'not-met':
          'There is no case plan, it was started late, or it was not used to guide the work, leading to drift or delay for the child.',
      },
      questions: [
        { key: 'plan-at-allocation', text: 'Was the case plan started at the point of allocation?' },
        { key: 'plan-reviewed', text: 'Is there evidence that the case plan was reviewed?' },
        {
          key: 'iro-liaison',
          text: 'In public law, does the plan provide for liaison with the IRO throughout the case?',
        },
      ],
      replaces: ['recording-and-planning'],
    },
    {
      key: 'reporting',
      title: 'Reporting to court',
      guidance:
        'Read the report, safeguarding letter or position statement filed with the court. Judge whether it is succinct, child-centred and evidence-based, distinguishes fact from opinion, and uses research and tools to support its analysis. Check that it was approved before filing, filed on time, and is free from typographical and grammatical errors.',
      descriptors: {
        good: 'The report is succinct, child-centred and evidence-based, distinguishing fact from opinion. It draws on research and tools, analyses the impact on the child of each option, and makes recommendations that flow clearly from the analysis. It is filed on time and free from errors.',
        met: 'The report answers the questions before the court with a reasoned recommendation, but the analysis is partly descriptive, the use of tools or research is limited, or there are minor errors of presentation.',
        'not-met':
          'The report is largely descriptive, omits relevant information gathered during the work, or makes recommendations the evidence does not support. It may be filed late or with errors that affect its credibility.',
      },
      questions: [
        { key: 'approved-before-filing', text: 'Was the report approved by a manager before filing?' },
        { key: 'tools-and-research', text: 'Does the report use tools or research to support its analysis?' },
        { key: 'free-from-errors', text: 'Is the report free from typographical and grammatical errors?' },
      ],
      replaces: ['reporting'],
    },
    {
      key: 'safeguarding',
      title: 'Safeguarding',
      guidance:
        'Check that safeguarding checks were completed before the first hearing and that the safeguarding letter analyses the information rather than repeating it. Look at whether risks to all children, including non-subject children, were identified and whether referrals to the local authority were timely and clear. Consider whether evidence-based tools, such as a domestic abuse tool, informed the risk assessment.',
      descriptors: {
        good: 'Safeguarding checks were completed in time and the information is analysed using evidence-based tools, informing a clear view of the risk to each child. Concerns about any child, including non-subject children, were acted on promptly and recorded.',
        met: 'Safeguarding checks were completed and risks identified, but the analysis of the information or the decisions about non-subject children are not fully recorded.',
        'not-met':
          'Safeguarding checks were missing or late, or risks were not identified, analysed or acted on, leaving a child without safe arrangements. This case needs immediate review by the area.',
      },
      questions: [
        {
          key: 'checks-before-first-hearing',
          text: 'Were safeguarding checks completed before the first hearing?',
        },
        {
          key: 'non-subject-children',
          text: 'Were decisions about non-subject children recorded?',
        },
        {
          key: 'referral-timely',
          text: 'Where there were concerns, was a timely referral made to the local authority?',
        },
      ],
      replaces: ['safeguarding'],
    },
    {
      key: 'voice-of-the-child',
      title: 'Voice and engagement of the child',
      guidance:
        "Check whether the child was seen, and seen alone where appropriate, or whether a clear professional judgement records why they were not. Look at how direct work and tools were used to understand the child's wishes, feelings and experiences, and whether the child's voice, in their own words where possible, informs the recommendations.",
      descriptors: {
        good: "The child was seen, or a valid professional judgement records why not. Well-planned direct work at the child's pace uses suitable tools, and the child's wishes and feelings, in their own words where possible, clearly shape the recommendations.",
        met: "The child was seen or the reason for not seeing them is recorded, and their wishes and feelings are reported, but the direct work is limited or the child's views are not clearly weighed in the analysis.",
        'not-met':
          "The child was not seen without a recorded reason, or the record is unclear whether they were seen. The child's wishes and feelings are missing or do not influence the work.",
      },
      questions: [
        { key: 'child-seen', text: 'Was the child seen?' },
        {
          key: 'reason-recorded',
          text: 'If the child was not seen, is the professional judgement for this recorded?',
        },
        {
          key: 'wishes-inform-recommendations',
          text: "Do the child's wishes and feelings inform the recommendations?",
        },
      ],
      replaces: ['child-engagement'],
    },
    {
      key: 'diversity',
      title: 'Diversity',
      guidance:
        "Check whether the child's identity, culture, heritage, religion, language, disability, age and other vulnerabilities were considered throughout the work. Look for analysis of their impact on the child, carried through to the report, and for an explicit statement when diversity issues are not relevant to the application.",
      descriptors: {
        good: "Diversity is considered sensitively throughout, and its impact on the child's needs and experiences is analysed and reflected in the recommendations. The report explains when diversity issues are not relevant.",
        met: 'Relevant diversity issues are identified and recorded, but their impact on the child is described rather than analysed.',
        'not-met':
          'Diversity is not considered, or relevant issues are overlooked in a way that affects the assessment of the child or the service offered to the family.',
      },
      questions: [
        { key: 'diversity-considered', text: "Were the child's diversity needs considered?" },
        { key: 'impact-analysed', text: 'Was the impact of diversity issues on the child analysed?' },
        {
          key: 'not-relevant-explained',
          text: 'Where diversity issues are not relevant, does the report say so?',
        },
      ],
      replaces: ['diversity'],
    },
    {
      key: 'management-oversight',
      title: 'Management oversight',
      guidance:
        'Look for recorded management oversight at key points: review of the case at the outset by a service manager or enhanced practitioner, reviews of the case plan, and approval of the report through the workflow system. Judge whether the oversight shows explicit, prioritised decisions and whether it improved the work.',
      descriptors: {
        good: 'Management oversight is recorded from the outset, with explicit and prioritised decisions and directions that are followed through. Reviews of the case plan show how the manager improved the quality of planning, and the report was approved before filing.',
        met: 'Management oversight is recorded, but decisions are brief or their impact on the work is not evident.',
        'not-met':
          'There is no recorded management oversight where it was needed, or a manager missed issues, including safeguarding issues, that should have been addressed.',
      },
      questions: [
        {
          key: 'reviewed-at-outset',
          text: 'Was the case reviewed by a manager or enhanced practitioner at the outset?',
        },
        {
          key: 'decisions-explicit',
          text: 'Are management decisions and directions recorded explicitly?',
        },
      ],
      replaces: ['management-oversight'],
    },
    {
      key: 'supervision',
      title: 'Supervision',
      guidance:
        "Look for records of case discussion in supervision, including situational supervision. Judge whether supervision was reflective, considering the child's experience, the analysis and the impact on the practitioner, and whether it led to clear decisions and guidance.",
      descriptors: {
        good: "Supervision of the case is recorded and reflective, considering the child's experience and the analysis of the evidence. It gives clear, appropriate decisions and guidance that visibly shape the work.",
        met: 'Supervision of the case is recorded but is mainly a check on progress, with limited reflection on the child or the analysis.',
        'not-met':
          'There is no recorded supervision of the case where it was needed, or supervision did not address significant issues in the work.',
      },
      questions: [
        { key: 'supervision-recorded', text: 'Is supervision of the case recorded?' },
        {
          key: 'reflective',
          text: 'Does the supervision record show reflection on the child and the analysis?',
        },
      ],
      replaces: [],
    },
  ],
  themes: [
    { key: 'case-recording', label: 'Case recording' },
    { key: 'case-planning', label: 'Case planning' },
    { key: 'reporting', label: 'Reporting' },
    { key: 'safeguarding', label: 'Safeguarding' },
    { key: 'child-engagement', label: 'Child engagement' },
    { key: 'diversity', label: 'Diversity' },
    { key: 'management-oversight', label: 'Management oversight' },
    { key: 'supervision', label: 'Supervision' },
    { key: 'tools-and-research', label: 'Use of tools and research' },
  ],
  overallRule: { kind: 'lowest-of', sectionKeys: ['case-planning', 'safeguarding'] },
};

/** A local authority's Quality and Impact Audit Tool, graded on the 4-point scale. */
export const LOCAL_QUALITY_IMPACT_TOOL: RubricContent = {
  scale: FOUR_POINT_SCALE,
  sections: [
    {
      key: 'chronology',
      title: 'Chronology',
      guidance:
        "Open the chronology and check the date it was last updated. Judge whether it records significant events in the child's life and the family's history, not only casework dates, and whether it helps a reader see patterns and trends.",
      descriptors: {
        outstanding:
          "The chronology is fully up to date, starts from the child's birth or earlier where relevant, and records significant events with brief analysis of their impact. It is used actively to identify patterns and inform decisions.",
        good: "The chronology is up to date and covers the key events in the child's life, giving a coherent overview of the family's history.",
        'requires-improvement':
          "The chronology is out of date or mainly lists casework dates such as visits and meetings, giving little overview of the child's lived experience.",
        inadequate:
          "There is no chronology, or it is so out of date (six months or more) or incomplete that it cannot be relied on to understand the child's history.",
      },
      questions: [
        { key: 'up-to-date', text: 'Has the chronology been updated within the last six months?' },
        {
          key: 'significant-events',
          text: "Does the chronology record significant events in the child's life, not only casework dates?",
        },
      ],
      replaces: [],
    },
    {
      key: 'assessments',
      title: 'Assessments',
      guidance:
        'Read the most recent assessment and any updates. Check that it was completed and updated within timescale, analyses risk, needs and strengths, and takes account of family history and context. Look for the views of the child and their carers, and for all relevant adults, including fathers and perpetrators of domestic abuse, being engaged.',
      descriptors: {
        outstanding:
          "The assessment is timely and incisive, analysing risk, needs and strengths in the context of family history and the child's whole journey. The child's and carers' views are central, and the analysis leads directly to well-evidenced decisions.",
        good: 'The assessment is completed within timescale, analyses risk and identifies needs and strengths, and includes the views of the child and their carers. Decisions are evidence-based.',
        'requires-improvement':
          'The assessment is descriptive rather than analytical, or updated assessments were not started within appropriate timescales. The views of the child or key adults are limited.',
        inadequate:
          'There is no current assessment, or it fails to identify or analyse significant risk, so decisions about the child are not supported by evidence.',
      },
      questions: [
        { key: 'within-timescale', text: 'Was the assessment completed or updated within timescale?' },
        { key: 'child-views', text: "Does the assessment include the child's views?" },
        { key: 'risk-analysed', text: 'Does the assessment analyse risk rather than only describe it?' },
      ],
      replaces: [],
    },
    {
      key: 'plans',
      title: 'Plans',
      guidance:
        "Read the child's current plan and its reviews. Check that it follows promptly from the assessment, addresses the needs identified, is SMART, and includes the child's and parents' views. Look for timely reviews and for actions being progressed without drift.",
      descriptors: {
        outstanding:
          'The plan is child-led where appropriate, SMART and multi-agency, and corresponds closely to the needs identified. Reviews are timely, actions are progressed promptly, and the plan shows clear progress for the child.',
        good: "The plan follows promptly from the assessment, is child-centred and includes the child's and parents' views. Goals are mostly SMART and reviews take place on time.",
        'requires-improvement':
          'The plan is not sufficiently SMART, was developed after a gap following the assessment, or is not reviewed or updated in a timely way, leaving room for drift.',
        inadequate:
          "There is no current plan, or the plan does not address the child's needs and actions are not progressed, causing delay for the child.",
      },
      questions: [
        { key: 'smart', text: 'Are the goals in the plan SMART?' },
        { key: 'reviewed-on-time', text: 'Was the plan reviewed within timescale?' },
        { key: 'child-views', text: "Does the plan include the child's views?" },
      ],
      replaces: [],
    },
    {
      key: 'visiting',
      title: 'Visiting the child',
      guidance:
        'Check the visit records against the agreed visiting frequency and note any reasons recorded for visits out of timescale. Judge whether the child was seen alone, whether visits were purposeful and linked to the plan, and whether records capture the voice of the child and reflect on what was learned.',
      descriptors: {
        outstanding:
          'The child is seen within, or more often than, the agreed frequency to build a trusting relationship. Visits are purposeful and linked to the plan, the child is seen alone, and records are written to the child, capturing their voice and analysing what was learned.',
        good: "The child is seen within the agreed frequency, including alone, and visit records capture the child's voice and show how the plan is progressing.",
        'requires-improvement':
          'Some visits are out of timescale without a recorded reason, or records are inconsistent, with limited voice of the child or reflection on what was seen.',
        inadequate:
          'Visits are significantly out of timescale, not recorded or of poor quality, with no evidence that the child was seen alone or that visits progressed the plan.',
      },
      questions: [
        { key: 'within-frequency', text: 'Was the child seen within the agreed visiting frequency?' },
        { key: 'seen-alone', text: 'Was the child seen alone?' },
        { key: 'delay-explained', text: 'Where visits were late, is the reason recorded?' },
      ],
      replaces: [],
    },
    {
      key: 'supervision',
      title: 'Supervision',
      guidance:
        "Read the supervision records for the case. Check that supervision took place within policy timescales, used the supervision template, and gives a clear plan for next steps. Look for reflection on the child's wishes and views and on the family's history, and for continuity when the case changed manager.",
      descriptors: {
        outstanding:
          "Supervision is regular, reflective and analytical, reviewing the child's needs, progress and plan in depth. It gives a clear, tracked plan for moving the case forward, and handovers between managers are detailed.",
        good: "Supervision is within timescale, uses the template, focuses on the concerns and gives a clear plan for next steps, with evidence that the child's needs are reviewed.",
        'requires-improvement':
          "Supervision is out of timescale, the template is not used consistently, or notes repeat earlier content with little reflection on the child's wishes or the family's history.",
        inadequate:
          'There is little or no recorded supervision, or management oversight is so limited that the case has no clear direction.',
      },
      questions: [
        { key: 'within-timescale', text: 'Did supervision take place within policy timescales?' },
        { key: 'reflective', text: 'Does the supervision record show reflective discussion of the child?' },
        { key: 'next-steps', text: 'Does supervision set a clear plan for next steps?' },
      ],
      replaces: [],
    },
    {
      key: 'intervention',
      title: 'Intervention and impact',
      guidance:
        "Consider the work done with the child and family as a whole. Judge whether direct work and services were delivered in time, were linked to the plan, and made a measurable difference to the child's circumstances and outcomes.",
      descriptors: {
        outstanding:
          "Intervention is timely, skilled and well matched to the child's needs, with clear evidence of improved outcomes and the child's experience at the centre of the work.",
        good: 'Intervention is timely and linked to the plan, direct work with the child is evident, and there is evidence of positive change for the child.',
        'requires-improvement':
          'Intervention takes place but is delayed, not clearly linked to the plan, or its impact on the child is not evident.',
        inadequate:
          'There is little purposeful intervention, or delay and drift leave the child without the help or protection they need.',
      },
      questions: [
        { key: 'direct-work', text: 'Is there evidence of direct work with the child?' },
        {
          key: 'impact-evident',
          text: "Is there evidence that the intervention improved the child's circumstances?",
        },
      ],
      replaces: [],
    },
  ],
  themes: [
    { key: 'chronology', label: 'Chronology' },
    { key: 'assessment', label: 'Assessment' },
    { key: 'planning', label: 'Planning' },
    { key: 'visiting', label: 'Visiting' },
    { key: 'voice-of-the-child', label: 'Voice of the child' },
    { key: 'timeliness', label: 'Timeliness' },
    { key: 'supervision', label: 'Supervision' },
    { key: 'management-oversight', label: 'Management oversight' },
    { key: 'intervention', label: 'Intervention and impact' },
  ],
  overallRule: { kind: 'most-common' },
};
