// Local quality-and-impact fixtures: an area whose teams have Service
// Managers, practitioners and recently filed cases, and a programme over it.
import { db } from '@/lib/db/client';
import type { Actor } from '@/lib/domain/actor';
import { createLocalProgramme } from '@/lib/use-cases/local-audits/create-local-programme';
import { LOCAL_QUALITY_IMPACT_TOOL } from '../../prisma/seed/thresholds';
import { createServiceArea, createThresholdVersion, createUser, unique } from './index';

export type LocalArea = {
  serviceAreaId: string;
  /** One Service Manager per team, each with `casesPerTeam` cases filed in `filedOn`'s month. */
  managers: { id: string; teamId: string; caseFileIds: string[] }[];
};

/** An area with `teams` teams, each managed by its own Service Manager, with recently filed cases. */
export async function createLocalArea(
  options: { teams?: number; casesPerTeam?: number; filedOn?: string; serviceAreaId?: string } = {},
): Promise<LocalArea> {
  const serviceAreaId = options.serviceAreaId ?? (await createServiceArea()).id;
  const managers: LocalArea['managers'] = [];
  for (let t = 0; t < (options.teams ?? 2); t += 1) {
    const manager = await createUser('SERVICE_MANAGER', serviceAreaId);
    const team = await db().team.create({
      data: { serviceAreaId, name: unique('Team'), serviceManagerId: manager.id },
      select: { id: true },
    });
    const practitioners = await Promise.all(
      [0, 1, 2].map((index) =>
        db().practitioner.create({
          data: {
            reference: unique('LP'),
            name: `Practitioner ${index}`,
            teamId: team.id,
            employment: 'EMPLOYED',
            managerId: manager.id,
          },
          select: { id: true },
        }),
      ),
    );
    const caseFileIds: string[] = [];
    for (let c = 0; c < (options.casesPerTeam ?? 5); c += 1) {
      const practitioner = practitioners[c % practitioners.length] as { id: string };
      const caseFile = await db().caseFile.create({
        data: {
          reference: unique('LC'),
          serviceAreaId,
          teamId: team.id,
          practitionerId: practitioner.id,
          lawType: 'PRIVATE_LAW_WAFH',
          subjectChildren: 1,
          documents: {
            create: [
              {
                documentType: 'section 7 report',
                filedOn: new Date(`${options.filedOn ?? '2039-04-10'}T00:00:00Z`),
              },
            ],
          },
        },
        select: { id: true },
      });
      caseFileIds.push(caseFile.id);
    }
    managers.push({ id: manager.id, teamId: team.id, caseFileIds });
  }
  return { serviceAreaId, managers };
}

/** A programme over one area (or national), created as the app creates it, by `lead`. */
export async function createProgramme(
  lead: Actor,
  options: { serviceAreaId: string | null; quota?: number; windowFrom?: string; windowTo?: string },
) {
  const version = await createThresholdVersion({ content: LOCAL_QUALITY_IMPACT_TOOL });
  const { id } = await createLocalProgramme(
    lead,
    {
      name: unique('Local programme'),
      kind: 'LOCAL_QUALITY_IMPACT',
      serviceAreaId: options.serviceAreaId,
      thresholdVersionId: version.id,
      windowFrom: options.windowFrom ?? '2039-04-01',
      windowTo: options.windowTo ?? '2040-03-31',
      quota: options.quota ?? 2,
      moderationSharePercent: 10,
      recentDays: 90,
    },
    new Date('2039-04-01T09:00:00Z'),
  );
  return { auditId: id, content: LOCAL_QUALITY_IMPACT_TOOL };
}
