import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { requireActor } from '@/lib/auth/actor';
import { getServiceAreaCode } from '@/lib/db/organisation';
import { navigationFor } from '@/lib/domain/navigation';
import { ROLE_LABELS } from '@/lib/domain/roles';

// The shell only. Every page and action authorises for itself: a layout's
// check does not run for server actions or route handlers.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const areaCode = actor.serviceAreaId ? await getServiceAreaCode(actor.serviceAreaId) : null;
  return (
    <AppShell
      name={actor.name}
      roleLabel={ROLE_LABELS[actor.role]}
      areaCode={areaCode}
      navigation={navigationFor(actor)}
    >
      {children}
    </AppShell>
  );
}
