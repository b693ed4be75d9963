import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { findAuditsAwaitingCaseIndex } from '@/lib/use-cases/home/find-audits-awaiting-case-index';
import { findChallengesWaitingFor } from '@/lib/use-cases/home/find-challenges-waiting-for';
import { findCommissionedAudits } from '@/lib/use-cases/home/find-commissioned-audits';
import { findLedAudits } from '@/lib/use-cases/home/find-led-audits';
import { findModerationsToDo } from '@/lib/use-cases/home/find-moderations-to-do';
import { findPublishedHeadlines } from '@/lib/use-cases/home/find-published-headlines';
import { findOverdueImprovementWork } from '@/lib/use-cases/improvement/find-overdue-improvement-work';
import type { Actor } from '@/lib/domain/actor';
import { AUDIT_KIND_LABELS, AUDIT_STATUS_LABELS } from '@/lib/domain/audits';
import type { GroupShare } from '@/lib/domain/dashboard';
import { nextStepForLead, WAITING_LISTS, type NextStep } from '@/lib/domain/home';
import { MODERATION_STATUS_LABELS } from '@/lib/domain/local-moderation';

// The role homes' lists: each reads what waits for the person from the
// database and prints its empty sentence only when there is nothing.

function emptySentence(role: keyof typeof WAITING_LISTS, title: string): string {
  return WAITING_LISTS[role].find((list) => list.title === title)?.empty ?? '';
}

function HomeList(props: {
  id: string;
  title: string;
  count: number;
  empty: string;
  children: React.ReactNode;
}) {
  return (
    <section className="card" aria-labelledby={props.id}>
      <h2 id={props.id}>
        {props.title} ({props.count})
      </h2>
      {props.count === 0 ? <p className="mt-2 text-slate-700">{props.empty}</p> : props.children}
    </section>
  );
}

const londonDate = (iso: string) =>
  iso
    ? new Date(iso).toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'Europe/London',
      })
    : '';

function stepHref(auditId: string, step: NextStep): string {
  if (step.page === 'challenges') return '/challenges';
  if (step.page === 'report') return `/reports/${auditId}`;
  return `/audits/${auditId}${step.page}`;
}

export async function LeadAudits({ actor }: { actor: Actor }) {
  const audits = await findLedAudits(actor);
  return (
    <HomeList
      id="led-audits"
      title="Audits you lead"
      count={audits.length}
      empty={emptySentence('SENIOR_SERVICE_MANAGER', 'Audits you lead')}
    >
      <table className="data-table mt-2">
        <thead>
          <tr>
            <th scope="col">Audit</th>
            <th scope="col">Status</th>
            <th scope="col">Graded</th>
            <th scope="col">Next step</th>
          </tr>
        </thead>
        <tbody>
          {audits.map((audit) => {
            const step = nextStepForLead(audit.progress);
            return (
              <tr key={audit.id}>
                <th scope="row">
                  <Link href={`/audits/${audit.id}`}>{audit.name}</Link>
                </th>
                <td>{AUDIT_STATUS_LABELS[audit.progress.status]}</td>
                <td>
                  {audit.progress.graded.toLocaleString('en-GB')} of{' '}
                  {audit.progress.selected.toLocaleString('en-GB')}
                </td>
                <td>
                  <Link href={stepHref(audit.id, step)}>{step.label}</Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </HomeList>
  );
}

export async function ChallengesWaiting({ actor }: { actor: Actor }) {
  const challenges = await findChallengesWaitingFor(actor);
  const referrals = actor.role === 'NATIONAL_SERVICE_DIRECTOR';
  const title = referrals ? 'Challenges referred to you' : 'Challenges to decide';
  const role = referrals ? 'NATIONAL_SERVICE_DIRECTOR' : 'SENIOR_SERVICE_MANAGER';
  return (
    <HomeList
      id="challenges-waiting"
      title={title}
      count={challenges.length}
      empty={emptySentence(role, title)}
    >
      <ul className="mt-2 space-y-1">
        {challenges.map((challenge) => (
          <li key={challenge.id}>
            <Link href={`/challenges/${challenge.id}`}>Case {challenge.reference}</Link> ({challenge.areaCode}
            , {challenge.auditName}) — waiting since {londonDate(challenge.waitingSince)}
          </li>
        ))}
      </ul>
      <p className="mt-2">
        <Link href="/challenges">All challenges</Link>
      </p>
    </HomeList>
  );
}

export async function CommissionedAudits({ actor }: { actor: Actor }) {
  const audits = await findCommissionedAudits(actor);
  return (
    <HomeList
      id="commissioned-audits"
      title="Audits you commissioned"
      count={audits.length}
      empty="You have not commissioned an audit. Audits you commission appear here with their lead and status."
    >
      <ul className="mt-2 space-y-1">
        {audits.map((audit) => (
          <li key={audit.id}>
            <Link href={`/audits/${audit.id}`}>{audit.name}</Link> — {AUDIT_STATUS_LABELS[audit.status]}
            {audit.leadName ? `, led by ${audit.leadName}` : ', no lead yet'}
            {audit.status === 'PUBLISHED' && (
              <>
                {' '}
                (<Link href={`/reports/${audit.id}`}>report</Link>)
              </>
            )}
          </li>
        ))}
      </ul>
    </HomeList>
  );
}

export async function AuditsAwaitingIndex({ actor }: { actor: Actor }) {
  const audits = await findAuditsAwaitingCaseIndex(actor);
  return (
    <HomeList
      id="awaiting-index"
      title="Imports to prepare"
      count={audits.length}
      empty={emptySentence('IMPROVEMENT_ASSISTANT', 'Imports to prepare')}
    >
      <ul className="mt-2 space-y-2">
        {audits.map((audit) => {
          const missing = audit.areasInScope - audit.areasWithCases;
          return (
            <li key={audit.id}>
              <Link href={`/audits/${audit.id}`}>{audit.name}</Link> ({AUDIT_STATUS_LABELS[audit.status]}),
              filed {londonDate(`${audit.windowFrom}T12:00:00Z`)} to{' '}
              {londonDate(`${audit.windowTo}T12:00:00Z`)}:{' '}
              {audit.caseFiles === 0 ? (
                <strong>no case files indexed in the window yet.</strong>
              ) : missing > 0 ? (
                <strong>
                  {audit.caseFiles.toLocaleString('en-GB')} case files, but {missing} of {audit.areasInScope}{' '}
                  areas in scope have none.
                </strong>
              ) : (
                <>
                  {audit.caseFiles.toLocaleString('en-GB')} case files across all {audit.areasInScope} areas
                  in scope.
                </>
              )}
            </li>
          );
        })}
      </ul>
      <p className="mt-2">
        <Link href="/case-files">Import a case-file index</Link>
      </p>
    </HomeList>
  );
}

function share(value: GroupShare | null): string {
  return value ? value.display : 'no graded cases';
}

function againstTarget(
  value: GroupShare | null,
  target: number | null,
  direction: 'at least' | 'at most',
): string {
  if (target === null) return 'no target set';
  if (!value || value.percent === null) return `target ${direction} ${target}%`;
  const met = direction === 'at least' ? value.percent >= target : value.percent <= target;
  return `target ${direction} ${target}%: ${met ? 'met' : 'not met'}`;
}

export async function PublishedAudits({ actor }: { actor: Actor }) {
  const audits = await findPublishedHeadlines(actor);
  return (
    <HomeList
      id="published-audits"
      title="Published audits"
      count={audits.length}
      empty={emptySentence('DIRECTOR', 'Published audits')}
    >
      <table className="data-table mt-2">
        <thead>
          <tr>
            <th scope="col">Audit</th>
            <th scope="col">Good or above</th>
            <th scope="col">Lowest grade</th>
            <th scope="col">Read</th>
          </tr>
        </thead>
        <tbody>
          {audits.map((audit) => (
            <tr key={audit.id}>
              <th scope="row">
                {audit.name}
                <span className="block text-sm font-normal text-slate-700">
                  {AUDIT_KIND_LABELS[audit.kind]}
                </span>
              </th>
              <td>
                {share(audit.good)}
                <span className="block text-sm text-slate-700">
                  {againstTarget(audit.good, audit.goodTarget, 'at least')}
                </span>
              </td>
              <td>
                {share(audit.lowest)}
                <span className="block text-sm text-slate-700">
                  {againstTarget(audit.lowest, audit.lowestTarget, 'at most')}
                </span>
              </td>
              <td>
                <Link href={`/reports/${audit.id}`}>Report</Link>
                {' · '}
                <Link href={`/dashboard?kind=${audit.kind}`}>Dashboard</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </HomeList>
  );
}

/** Overdue improvement actions and recommendations: the NSD's, and an area lead's own area's. */
export async function OverdueImprovementWork({ actor }: { actor: Actor }) {
  const items = await findOverdueImprovementWork(actor, new Date());
  return (
    <HomeList
      id="overdue-improvement"
      title="Overdue improvement work"
      count={items.length}
      empty="No improvement actions or recommendations are overdue."
    >
      <DataTable
        caption="Overdue improvement actions and recommendations"
        captionStyle="hidden"
        rows={items}
        rowKey={(item) => `${item.subjectType}:${item.subjectId}`}
        columns={[
          {
            header: 'What',
            isRowHeader: true,
            cell: (item) => (
              <Link href={`/improvement/recommendations/${item.recommendationId}`}>
                {item.subjectType === 'action' ? 'Action: ' : 'Recommendation: '}
                {item.description}
              </Link>
            ),
          },
          { header: 'From', cell: (item) => `${item.sourceTitle}, ${item.recommendationNumber}` },
          { header: 'Owner', cell: (item) => item.ownerName },
          { header: 'Due', cell: (item) => londonDate(`${item.dueOn}T12:00:00Z`) },
        ]}
      />
    </HomeList>
  );
}

/** A Head of Practice's moderations to do: blind gradings to submit, then agreements to record. */
export async function ModerationsToDo({ actor }: { actor: Actor }) {
  const moderations = await findModerationsToDo(actor);
  return (
    <HomeList
      id="moderations-to-do"
      title="Moderations to do"
      count={moderations.length}
      empty={emptySentence('HEAD_OF_PRACTICE', 'Moderations to do')}
    >
      <ul className="mt-2 space-y-1">
        {moderations.map((moderation) => (
          <li key={moderation.id}>
            <Link href={`/local/moderation/${moderation.id}`}>Case {moderation.caseReference}</Link> —{' '}
            {MODERATION_STATUS_LABELS[moderation.status] ?? moderation.status}
            {moderation.teamName ? `, ${moderation.teamName}` : ''}
            {moderation.month ? `, ${moderation.month}` : ''}
          </li>
        ))}
      </ul>
      <p className="mt-2">
        <Link href="/local/moderation">All your moderations</Link>
      </p>
    </HomeList>
  );
}
