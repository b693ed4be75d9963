// The local quality-and-impact programme under way (seed 003, issue 17): the
// national programme of the current financial year, quota 2, with the month
// under way drawn, so every Service Manager has this month's cases waiting.
// sm.a1@example.org picked one of theirs (with a reason) before the draw, which
// gave them one more. The month is the seed's own clock (now): the app shows
// "this month" by the same clock. Set-based and idempotent.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import {
  drawLocalMonth,
  drawLog,
  monthOf,
  recentWindow,
  type LocalCandidate,
} from '../../lib/domain/local-draw.ts';

const DAY = 86_400_000;
const CASES_PER_TEAM = 4;
const DOCUMENTS = ['section 7 report', 'safeguarding letter', 'case plan', 'addendum report'];
const PICK_REASON =
  'The family came back to court after the arrangements broke down: I want to see how the plan was reviewed.';

/** "Local quality and impact audits 2026/27": April to March, as the service's year runs. */
export function localProgrammeFor(now: Date): { name: string; windowFrom: string; windowTo: string } {
  const year = now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  return {
    name: `Local quality and impact audits ${year}/${String((year + 1) % 100).padStart(2, '0')}`,
    windowFrom: `${year}-04-01`,
    windowTo: `${year + 1}-03-31`,
  };
}

const day = (value: string) => new Date(`${value}T00:00:00Z`);

/**
 * Before the April–November 2023 history gives every team its Service Manager,
 * A1's first two teams are sm.a1@'s, so their queue is never empty.
 */
async function ensureDemoManager(prisma: PrismaClient, managerId: string): Promise<void> {
  const managed = await prisma.team.count({ where: { serviceManagerId: managerId } });
  if (managed > 0) return;
  const manager = await prisma.user.findUniqueOrThrow({
    where: { id: managerId },
    select: { serviceAreaId: true },
  });
  const teams = await prisma.team.findMany({
    where: { serviceAreaId: manager.serviceAreaId ?? '', serviceManagerId: null },
    orderBy: { name: 'asc' },
    take: 2,
    select: { id: true },
  });
  const teamIds = teams.map((team) => team.id);
  await prisma.team.updateMany({ where: { id: { in: teamIds } }, data: { serviceManagerId: managerId } });
  await prisma.practitioner.updateMany({ where: { teamId: { in: teamIds } }, data: { managerId } });
}

export async function seedLocalProgrammes(
  prisma: PrismaClient,
  now: Date = new Date(),
): Promise<{ localProgrammeCases: number }> {
  const programme = localProgrammeFor(now);
  if (await prisma.audit.findUnique({ where: { name: programme.name }, select: { id: true } }))
    return { localProgrammeCases: 0 };
  const [tool, ssm, smA1] = await Promise.all([
    prisma.thresholdVersion.findFirst({
      where: { document: { name: 'Quality and Impact Audit Tool' }, status: 'PUBLISHED' },
      orderBy: { number: 'desc' },
      select: { id: true },
    }),
    prisma.user.findUnique({ where: { email: 'ssm@example.org' }, select: { id: true } }),
    prisma.user.findUnique({ where: { email: 'sm.a1@example.org' }, select: { id: true } }),
  ]);
  if (!tool || !ssm || !smA1) return { localProgrammeCases: 0 };
  await ensureDemoManager(prisma, smA1.id);

  // Recently filed work for every managed team: a few cases each, filed in the
  // weeks before the month (the index's own cases were filed in 2015).
  const month = monthOf(now);
  const window = recentWindow(month, 90);
  const teams = await prisma.team.findMany({
    where: { serviceManagerId: { not: null } },
    orderBy: [{ serviceArea: { sortOrder: 'asc' } }, { name: 'asc' }],
    select: {
      id: true,
      serviceAreaId: true,
      serviceManagerId: true,
      practitioners: { where: { isActive: true }, orderBy: { reference: 'asc' }, select: { id: true } },
    },
  });
  const prefix = `LQ${month.slice(2, 4)}${month.slice(5, 7)}`;
  const caseFiles: {
    reference: string;
    serviceAreaId: string;
    teamId: string;
    practitionerId: string;
    lawType: 'PUBLIC_LAW' | 'PRIVATE_LAW_WAFH' | 'PRIVATE_LAW_WTFH';
    subjectChildren: number;
  }[] = [];
  const filings: { reference: string; documentType: string; filedOn: string }[] = [];
  let serial = 0;
  for (const team of teams) {
    for (let c = 0; c < CASES_PER_TEAM && team.practitioners.length > 0; c += 1) {
      serial += 1;
      const practitioner = team.practitioners[c % team.practitioners.length] as { id: string };
      const reference = `${prefix}-${String(serial).padStart(5, '0')}`;
      caseFiles.push({
        reference,
        serviceAreaId: team.serviceAreaId,
        teamId: team.id,
        practitionerId: practitioner.id,
        lawType:
          (['PRIVATE_LAW_WAFH', 'PUBLIC_LAW', 'PRIVATE_LAW_WTFH'] as const)[serial % 3] ?? 'PUBLIC_LAW',
        subjectChildren: 1 + (serial % 3),
      });
      // Filed 5 to 85 days before the month starts: inside its 90 recent days.
      const filedOn = new Date(day(month).getTime() - (5 + ((serial * 17) % 80)) * DAY)
        .toISOString()
        .slice(0, 10);
      filings.push({ reference, documentType: DOCUMENTS[serial % DOCUMENTS.length] as string, filedOn });
    }
  }
  await prisma.caseFile.createMany({ data: caseFiles, skipDuplicates: true });
  const ids = new Map(
    (
      await prisma.caseFile.findMany({
        where: { reference: { startsWith: `${prefix}-` } },
        select: { id: true, reference: true },
      })
    ).map((row) => [row.reference, row.id]),
  );
  await prisma.filedDocument.createMany({
    data: filings.map((filing) => ({
      caseFileId: ids.get(filing.reference) as string,
      documentType: filing.documentType,
      filedOn: day(filing.filedOn),
    })),
    skipDuplicates: true,
  });

  const areas = await prisma.serviceArea.findMany({ select: { id: true } });
  const audit = await prisma.audit.create({
    data: {
      name: programme.name,
      kind: 'LOCAL_QUALITY_IMPACT',
      purpose: 'Managers audit their own teams’ work each month (local quality and impact).',
      windowFrom: day(programme.windowFrom),
      windowTo: day(programme.windowTo),
      thresholdVersionId: tool.id,
      lawTypes: ['PUBLIC_LAW', 'PRIVATE_LAW_WAFH', 'PRIVATE_LAW_WTFH'],
      leadId: ssm.id,
      status: 'GRADING',
      serviceAreas: { create: areas.map((area) => ({ serviceAreaId: area.id })) },
    },
    select: { id: true },
  });
  await prisma.localAuditProgramme.create({
    data: { auditId: audit.id, quotaPerManagerPerMonth: 2, moderationSharePercent: 10, recentDays: 90 },
  });

  const teamById = new Map(teams.map((team) => [team.id, team]));
  const candidates: LocalCandidate[] = caseFiles.flatMap((row, index) => {
    const team = teamById.get(row.teamId);
    const filing = filings[index];
    const id = ids.get(row.reference);
    if (!team?.serviceManagerId || !filing || !id) return [];
    return [
      {
        caseFileId: id,
        caseReference: row.reference,
        practitionerId: row.practitionerId,
        serviceAreaId: row.serviceAreaId,
        teamId: row.teamId,
        managerId: team.serviceManagerId,
        lastFiledOn: filing.filedOn,
      },
    ];
  });
  // sm.a1@'s own pick, made before the draw: it counts towards their quota.
  const pick = candidates.filter((candidate) => candidate.managerId === smA1.id).at(-1);
  const monthDate = day(month);
  if (pick)
    await prisma.sampledCase.create({
      data: {
        auditId: audit.id,
        caseFileId: pick.caseFileId,
        practitionerId: pick.practitionerId,
        serviceAreaId: pick.serviceAreaId,
        stratumKey: `team|${pick.teamId}`,
        status: 'SELECTED',
        assignedToId: smA1.id,
        month: monthDate,
        pickedBy: 'manager',
        pickReason: PICK_REASON,
      },
    });
  const managerIds = [...new Set(candidates.map((candidate) => candidate.managerId))];
  const seed = `demo-${month.slice(0, 7)}`;
  const draw = drawLocalMonth(
    candidates.filter((candidate) => candidate.caseFileId !== pick?.caseFileId),
    {
      seed,
      month,
      quota: 2,
      recentDays: 90,
      managerIds,
      alreadyAssigned: pick ? { [smA1.id]: 1 } : {},
    },
  );
  const drawn = draw.managers.flatMap((manager) =>
    manager.drawn.map((candidate) => ({
      auditId: audit.id,
      caseFileId: candidate.caseFileId,
      practitionerId: candidate.practitionerId,
      serviceAreaId: candidate.serviceAreaId,
      stratumKey: `team|${candidate.teamId}`,
      status: 'SELECTED' as const,
      assignedToId: manager.managerId,
      month: monthDate,
      pickedBy: 'draw',
    })),
  );
  await prisma.localAuditDraw.create({
    data: {
      auditId: audit.id,
      month: monthDate,
      seed,
      parameters: drawLog(draw),
      drawnAt: now,
      drawnById: ssm.id,
    },
  });
  await prisma.sampledCase.createMany({ data: drawn });
  await prisma.auditEvent.create({
    data: {
      actorId: ssm.id,
      action: 'local-month.drawn',
      entityType: 'audit',
      entityId: audit.id,
      detail: { month, seed, cases: drawn.length, managers: managerIds.length, recent: window },
    },
  });
  return { localProgrammeCases: drawn.length + (pick ? 1 : 0) };
}
