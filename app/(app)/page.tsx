import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/lib/auth/actor';
import { countPractitioners } from '@/lib/db/practitioners';
import { findAuditorQueue } from '@/lib/db/queue';
import { countReviewsWaiting } from '@/lib/use-cases/reviews/count-reviews-waiting';
import type { Actor } from '@/lib/domain/actor';
import { countActiveUsers, findLockedUsers } from '@/lib/db/users';
import { HOME_PURPOSE } from '@/lib/domain/home';
import type { Role } from '@/lib/domain/roles';
import { can, NATIONAL } from '@/lib/domain/permissions';
import { ROLE_LABELS } from '@/lib/domain/roles';
import {
  AuditsAwaitingIndex,
  ChallengesWaiting,
  CommissionedAudits,
  LeadAudits,
  OverdueImprovementWork,
  ModerationsToDo,
  PublishedAudits,
} from './home-sections';
import { LocalAuditsThisMonth } from './home-local-audits';

export const metadata: Metadata = { title: 'Home' };
export const dynamic = 'force-dynamic';

const REVIEWER_ROLES: Role[] = [
  'HEAD_OF_SERVICE',
  'ASSISTANT_DIRECTOR',
  'SENIOR_SERVICE_MANAGER',
  'NATIONAL_SERVICE_DIRECTOR',
];

export default async function HomePage() {
  const actor = await requireActor();
  return (
    <div className="space-y-6">
      <div>
        <h1>Welcome, {actor.name}</h1>
        <p className="mt-1 text-slate-700">
          {ROLE_LABELS[actor.role]}: {HOME_PURPOSE[actor.role]}
        </p>
      </div>
      {actor.role === 'ADMIN' && can(actor, 'admin.view', NATIONAL) ? (
        <AdminHome />
      ) : actor.role === 'IMPROVEMENT_MANAGER' && can(actor, 'queue.view', NATIONAL) ? (
        <AuditorHome auditorId={actor.userId} />
      ) : (
        <>
          {actor.role === 'SENIOR_SERVICE_MANAGER' && (
            <>
              <LeadAudits actor={actor} />
              <ChallengesWaiting actor={actor} />
            </>
          )}
          {actor.role === 'NATIONAL_SERVICE_DIRECTOR' && (
            <>
              <ChallengesWaiting actor={actor} />
              <CommissionedAudits actor={actor} />
              <OverdueImprovementWork actor={actor} />
            </>
          )}
          {(actor.role === 'HEAD_OF_SERVICE' || actor.role === 'ASSISTANT_DIRECTOR') && (
            <OverdueImprovementWork actor={actor} />
          )}
          {actor.role === 'IMPROVEMENT_ASSISTANT' && <AuditsAwaitingIndex actor={actor} />}
          {actor.role === 'DIRECTOR' && <PublishedAudits actor={actor} />}
          {actor.role === 'SERVICE_MANAGER' && actor.serviceAreaId && <LocalAuditsThisMonth actor={actor} />}
          {actor.role === 'HEAD_OF_PRACTICE' && <ModerationsToDo actor={actor} />}
          {REVIEWER_ROLES.includes(actor.role) && <ReviewerHome actor={actor} />}
        </>
      )}
    </div>
  );
}

async function ReviewerHome({ actor }: { actor: Actor }) {
  const counts = await countReviewsWaiting(actor, new Date());
  const area = actor.serviceAreaId ? 'in your area ' : '';
  return (
    <>
      <section className="card" aria-labelledby="reviews-title">
        <h2 id="reviews-title">Not Met cases to review</h2>
        <p className="mt-2">
          {counts.reviewsWaiting === 0
            ? `No lowest-grade cases ${area}are waiting for review.`
            : `${counts.reviewsWaiting} case${counts.reviewsWaiting === 1 ? '' : 's'} ${area}waiting for review. `}
          {counts.reviewsWaiting > 0 && <Link href="/reviews">Review them</Link>}
        </p>
      </section>
      <section
        className={`card ${counts.concernsOverdue > 0 ? 'border-2 border-red-800' : ''}`}
        aria-labelledby="concerns-title"
      >
        <h2 id="concerns-title">Safeguarding concerns</h2>
        <p className="mt-2">
          {counts.concernsOpen === 0
            ? `No safeguarding concerns ${area}are open.`
            : `${counts.concernsOpen} open. `}
          {counts.concernsOverdue > 0 && (
            <strong className="text-red-800">
              {counts.concernsOverdue} not acknowledged within 24 hours.{' '}
            </strong>
          )}
          {counts.concernsOpen > 0 && <Link href="/reviews">Open concerns</Link>}
        </p>
      </section>
    </>
  );
}

async function AuditorHome({ auditorId }: { auditorId: string }) {
  const { counts } = await findAuditorQueue(auditorId);
  const waiting = counts.TO_DO + counts.IN_PROGRESS + counts.RETURNED;
  return (
    <section className="card" aria-labelledby="queue-title">
      <h2 id="queue-title">Cases to grade</h2>
      {waiting === 0 ? (
        <p className="mt-2 text-slate-700">
          No cases are assigned to you. When an audit lead assigns you cases, they appear here.
        </p>
      ) : (
        <p className="mt-2">
          {waiting} case{waiting === 1 ? ' is' : 's are'} waiting for you ({counts.TO_DO} to do,{' '}
          {counts.IN_PROGRESS} in progress, {counts.RETURNED} returned).{' '}
          <Link href="/queue">Open my cases</Link>
        </p>
      )}
    </section>
  );
}

async function AdminHome() {
  const now = new Date();
  const [users, practitioners, locked] = await Promise.all([
    countActiveUsers(),
    countPractitioners(),
    findLockedUsers(now),
  ]);
  return (
    <>
      <section className="card" aria-labelledby="locked-title">
        <h2 id="locked-title">Locked accounts</h2>
        {locked.length === 0 ? (
          <p className="mt-2 text-slate-700">No accounts are locked.</p>
        ) : (
          <ul className="mt-2 list-disc pl-5">
            {locked.map((user) => (
              <li key={user.id}>
                <Link href={`/admin/users/${user.id}`}>{user.name}</Link> ({user.email}) — locked until{' '}
                {user.lockedUntil.toLocaleTimeString('en-GB', {
                  hour: '2-digit',
                  minute: '2-digit',
                  timeZone: 'Europe/London',
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="org-title">
        <h2 id="org-title">Organisation</h2>
        <dl className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-3">
          <div>
            <dt className="text-sm text-slate-700">Active users</dt>
            <dd className="text-2xl font-bold">{users.toLocaleString('en-GB')}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">Active practitioners</dt>
            <dd className="text-2xl font-bold">{practitioners.total.toLocaleString('en-GB')}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">of whom agency staff</dt>
            <dd className="text-2xl font-bold">{practitioners.agency.toLocaleString('en-GB')}</dd>
          </div>
        </dl>
      </section>
    </>
  );
}
