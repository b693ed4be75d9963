// What every server action answers. A plain type module (no 'server-only'),
// so the client components that call actions share the one declaration.
export type ActionResult<T = null> =
  { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string> };
