import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireActor } from '@/lib/auth/actor';
import { findChallenges } from '@/lib/use-cases/challenges/find-challenges';
import { can, inArea } from '@/lib/domain/permissions';
import { ChallengeCard } from './challenge-card';

export const metadata: Metadata = { title: 'Challenges' };
export const dynamic = 'force-dynamic';

export default async function ChallengesPage() {
  const actor = await requireActor();
  if (!can(actor, 'challenge.view', inArea(actor.serviceAreaId ?? '*'))) notFound();
  const challenges = await findChallenges(actor, new Date());
  return (
    <div className="space-y-6">
      <h1>Challenges</h1>
      {challenges.length === 0 && <p>No challenges.</p>}
      {challenges.map((challenge) => (
        <ChallengeCard key={challenge.id} challenge={challenge} actor={actor} />
      ))}
    </div>
  );
}
