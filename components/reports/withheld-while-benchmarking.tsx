import Link from 'next/link';
import { WITHHELD_WHILE_BENCHMARKING } from '@/lib/domain/benchmarking';

/**
 * Shown in place of an audit's figures (report, calibration, challenge counts)
 * to someone who still benchmarks cases of it blind: why, and what to do.
 */
export function WithheldWhileBenchmarking({ headingLevel = 2 }: { headingLevel?: 1 | 2 }) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <section className="card space-y-3" aria-labelledby="withheld-title">
      <Heading id="withheld-title">Figures withheld while you benchmark</Heading>
      <p>{WITHHELD_WHILE_BENCHMARKING}</p>
      <p>
        <Link href="/benchmarks" className="btn btn-primary">
          Go to your benchmark gradings
        </Link>
      </p>
    </section>
  );
}
