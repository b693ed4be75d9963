import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireActor } from '@/lib/auth/actor';
import { findChallenges } from '@/lib/use-cases/challenges/find-challenges';
import { can, inArea } from '@/lib/domain/permissions';
import { isUuid } from '@/lib/schemas/fields';
import { ChallengeCard } from '../challenge-card';

export const metadata: Metadata = { title: 'Challenge' };
export const dynamic = 'force-dynamic';

/** A challenge's own page: where raising one lands (post/redirect/get), and where notifications point. */
export default async function ChallengePage({
  params,
  searchParams,
}: {
  params: Promise<{ challengeId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  if (!can(actor, 'challenge.view', inArea(actor.serviceAreaId ?? '*'))) notFound();
  const { challengeId } = await params;
  if (!isUuid(challengeId)) notFound();
  // The same scoped query as the list: another area's challenge reads as not found.
  const [challenge] = await findChallenges(actor, new Date(), challengeId);
  if (!challenge) notFound();
  const justRaised = (await searchParams).raised === '1';
  return (
    <div className="space-y-6">
      <p>
        <Link href="/challenges">All challenges</Link>
      </p>
      <h1>Challenge on case {challenge.caseReference}</h1>
      {justRaised && (
        <p role="status" className="card border-2 border-green-700">
          Challenge raised: the auditor and the audit lead have been told. The auditor replies first; then the
          audit lead decides.
        </p>
      )}
      <ChallengeCard challenge={challenge} actor={actor} />
    </div>
  );
}
