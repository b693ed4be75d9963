/** "Overdue" in words on a red ground: the colour never carries the meaning alone. */
export function OverdueTag({ children = 'Overdue' }: { children?: React.ReactNode }) {
  return (
    <span className="ml-1 inline-block rounded bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900">
      {children}
    </span>
  );
}
