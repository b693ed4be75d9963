import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RecommendationImport } from '@/components/improvement/recommendation-import';
import { requireActor } from '@/lib/auth/actor';
import { can, NATIONAL } from '@/lib/domain/permissions';

export const metadata: Metadata = { title: 'Import recommendations' };
export const dynamic = 'force-dynamic';

export default async function ImportRecommendationsPage() {
  const actor = await requireActor();
  if (!can(actor, 'recommendation.import', NATIONAL)) notFound();
  return (
    <div className="space-y-6">
      <p>
        <Link href="/improvement">Back to the improvement register</Link>
      </p>
      <h1>Import sources and recommendations</h1>
      <p>
        Threshold checks every row first and lists each problem by line and column. Nothing is imported unless
        every row is good; importing the same file again changes nothing.
      </p>
      <RecommendationImport />
    </div>
  );
}
