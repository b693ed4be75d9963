import { Suspense, type ReactNode } from 'react';

/** A titled panel that streams in; the fallback keeps the page's shape while it loads. */
export function Widget({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`widget-${id}`} className="space-y-3">
      <h2 id={`widget-${id}`}>{title}</h2>
      <Suspense
        fallback={
          <p role="status" className="text-slate-700">
            Counting…
          </p>
        }
      >
        {children}
      </Suspense>
    </section>
  );
}
