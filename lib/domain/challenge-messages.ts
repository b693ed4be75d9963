// What the inbox and the e-mails say at each step of a challenge. Pure: the
// use cases choose the recipients and write these through lib/db/notifications.

export type ChallengeMessage = { title: string; body: string; link: string };

/** Who settles a challenge: the audit lead decides; the National Service Director adjudicates a referral. */
export type Settler = 'audit-lead' | 'national-service-director';

const link = (challengeId: string) => `/challenges/${challengeId}`;

export function challengeRaisedMessage(
  challengeId: string,
  reference: string,
  raisedBy: string,
): ChallengeMessage {
  return {
    title: `Grade challenged: case ${reference}`,
    body: `${raisedBy} challenged the grade of case ${reference}. The auditor replies first; then the audit lead decides.`,
    link: link(challengeId),
  };
}

export function challengeRepliedMessage(challengeId: string, reference: string): ChallengeMessage {
  return {
    title: `Reply to challenge: case ${reference}`,
    body: `The auditor replied to the challenge on case ${reference}. The audit lead decides next.`,
    link: link(challengeId),
  };
}

export function challengeSettledMessage(
  challengeId: string,
  reference: string,
  by: Settler,
  regraded: boolean,
): ChallengeMessage {
  const who = by === 'audit-lead' ? 'The audit lead decided' : 'The National Service Director adjudicated';
  const outcome = regraded
    ? 're-graded'
    : by === 'audit-lead'
      ? 'grade upheld'
      : 'grade unchanged. This is final';
  return {
    title: `Challenge ${by === 'audit-lead' ? 'decided' : 'adjudicated'}: case ${reference}`,
    body: `${who} the challenge on case ${reference}: ${outcome}.`,
    link: link(challengeId),
  };
}

export function challengeReferredMessage(challengeId: string, reference: string): ChallengeMessage {
  return {
    title: `Challenge referred for adjudication: case ${reference}`,
    body: `The challenge on case ${reference} was referred to the National Service Director, whose adjudication is final.`,
    link: link(challengeId),
  };
}

export function challengeWithdrawnMessage(challengeId: string, reference: string): ChallengeMessage {
  return {
    title: `Challenge withdrawn: case ${reference}`,
    body: `The challenge on case ${reference} was withdrawn.`,
    link: link(challengeId),
  };
}
