import { describe, expect, it } from 'vitest';
import {
  auditInput,
  createAudit,
  createServiceArea,
  createThresholdVersion,
  createUser,
  signedInAs,
} from '../factories';
import { databaseFingerprint } from '../support/fingerprint';
import { runWithSessionToken } from '@/lib/auth/actor';
import { createAuditAction, transitionAuditAction, updateAuditAction } from '@/lib/actions/audits';
import { MESSAGES } from '@/lib/actions/run';
import {
  publishThresholdVersionAction,
  saveThresholdDraftAction,
  startThresholdVersionAction,
} from '@/lib/actions/thresholds';
import { db } from '@/lib/db/client';
import { blankRubric, THREE_POINT_SCALE } from '@/lib/domain/rubric';
import { LOCAL_QUALITY_IMPACT_TOOL } from '../../prisma/seed/thresholds';

async function asLead() {
  const lead = await createUser('SENIOR_SERVICE_MANAGER');
  const token = await signedInAs(lead.id);
  return <T>(fn: () => Promise<T>) => runWithSessionToken(token, fn);
}

describe('threshold versions', () => {
  it('publishing freezes a version: every edit is refused and nothing changes', async () => {
    const act = await asLead();
    const draft = await createThresholdVersion({ status: 'DRAFT' });
    expect(
      await act(() => publishThresholdVersionAction({ versionId: draft.id, version: draft.version })),
    ).toEqual({ ok: true, data: { published: true } });
    const published = await db().thresholdVersion.findUniqueOrThrow({
      where: { id: draft.id },
      select: { version: true, status: true },
    });
    expect(published.status).toBe('PUBLISHED');

    const before = await databaseFingerprint();
    const save = await act(() =>
      saveThresholdDraftAction({
        versionId: draft.id,
        version: published.version,
        label: 'Changed',
        contentJson: JSON.stringify(blankRubric(THREE_POINT_SCALE)),
      }),
    );
    expect(save).toMatchObject({
      ok: false,
      error: 'This version is published and cannot change. Start a new version instead.',
    });
    expect(
      await act(() => publishThresholdVersionAction({ versionId: draft.id, version: published.version })),
    ).toMatchObject({ ok: false, error: 'This version is already published.' });
    // The database itself refuses, whatever code tries.
    await expect(
      db().$executeRaw`UPDATE threshold_version SET label = 'tampered' WHERE id = ${draft.id}`,
    ).rejects.toThrow(/published and cannot change/);
    await expect(db().$executeRaw`DELETE FROM threshold_version WHERE id = ${draft.id}`).rejects.toThrow(
      /published and cannot change/,
    );
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('refuses to publish an incomplete draft, listing every reason, and changes nothing', async () => {
    const act = await asLead();
    const draft = await createThresholdVersion({ status: 'DRAFT', content: blankRubric(THREE_POINT_SCALE) });
    const before = await databaseFingerprint();
    const result = await act(() =>
      publishThresholdVersionAction({ versionId: draft.id, version: draft.version }),
    );
    expect(result).toEqual({
      ok: true,
      data: {
        published: false,
        problems: [
          'The document has no sections.',
          'The document has no themes for strengths and learning points.',
        ],
      },
    });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('saves a draft with a version check: a stale save is refused, not merged', async () => {
    const act = await asLead();
    const draft = await createThresholdVersion({ status: 'DRAFT' });
    const contentJson = JSON.stringify(LOCAL_QUALITY_IMPACT_TOOL);
    expect(
      await act(() =>
        saveThresholdDraftAction({
          versionId: draft.id,
          version: draft.version,
          label: 'First',
          contentJson,
        }),
      ),
    ).toEqual({ ok: true, data: { version: 2 } });
    expect(
      await act(() =>
        saveThresholdDraftAction({
          versionId: draft.id,
          version: draft.version,
          label: 'Second',
          contentJson,
        }),
      ),
    ).toEqual({ ok: false, error: MESSAGES.stale });
    expect(
      (await db().thresholdVersion.findUniqueOrThrow({ where: { id: draft.id }, select: { label: true } }))
        .label,
    ).toBe('First');
  });

  it('refuses malformed rubric content naming the field', async () => {
    const act = await asLead();
    const draft = await createThresholdVersion({ status: 'DRAFT' });
    const bad = { ...LOCAL_QUALITY_IMPACT_TOOL, overallRule: { kind: 'whatever' } };
    const result = await act(() =>
      saveThresholdDraftAction({
        versionId: draft.id,
        version: draft.version,
        label: 'X',
        contentJson: JSON.stringify(bad),
      }),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.fieldErrors ?? {})[0]).toMatch(/^contentJson/);
    const notJson = await act(() =>
      saveThresholdDraftAction({
        versionId: draft.id,
        version: draft.version,
        label: 'X',
        contentJson: '{not json',
      }),
    );
    expect(notJson).toMatchObject({
      ok: false,
      fieldErrors: { contentJson: 'The document could not be read; reload the page' },
    });
  });

  it('starts a new version as a copy of the last published one, sections mapped, one draft at a time', async () => {
    const act = await asLead();
    const published = await createThresholdVersion();
    const started = await act(() =>
      startThresholdVersionAction({ documentId: published.documentId, label: 'April 2015' }),
    );
    if (!started.ok) throw new Error(started.error);
    const draft = await db().thresholdVersion.findUniqueOrThrow({
      where: { id: started.data.versionId },
      select: { number: true, status: true, previousVersionId: true, content: true },
    });
    expect(draft).toMatchObject({ number: 2, status: 'DRAFT', previousVersionId: published.id });
    const sections = (draft.content as { sections: { key: string; replaces: string[] }[] }).sections;
    expect(sections.map((section) => [section.key, section.replaces])).toEqual(
      LOCAL_QUALITY_IMPACT_TOOL.sections.map((section) => [section.key, [section.key]]),
    );
    expect(
      await act(() => startThresholdVersionAction({ documentId: published.documentId, label: 'Another' })),
    ).toMatchObject({
      ok: false,
      fieldErrors: { documentId: 'This document already has a draft: edit or publish it first' },
    });
  });
});

describe('audit programmes', () => {
  it('creates an audit with targets, areas and law types', async () => {
    const act = await asLead();
    const version = await createThresholdVersion();
    const area = await createServiceArea();
    const result = await act(() =>
      createAuditAction(
        auditInput(version.id, area.id, { name: 'Safeguarding letters 2014' + Math.random() }),
      ),
    );
    if (!result.ok) throw new Error(JSON.stringify(result));
    const audit = await db().audit.findUniqueOrThrow({
      where: { id: result.data.id },
      select: {
        goodOrAboveTarget: true,
        lowestTarget: true,
        lawTypes: true,
        status: true,
        serviceAreas: { select: { serviceAreaId: true } },
        challengeWindowDays: true,
      },
    });
    expect(audit).toEqual({
      goodOrAboveTarget: 60,
      lowestTarget: 14,
      lawTypes: ['PUBLIC_LAW', 'PRIVATE_LAW_WTFH'],
      status: 'DRAFT',
      serviceAreas: [{ serviceAreaId: area.id }],
      challengeWindowDays: 10,
    });
  });

  it.each([
    ['an impossible date', { windowFrom: '2024-02-30' }, 'windowFrom'],
    ['a window that ends before it starts', { windowTo: '2014-08-01' }, 'windowTo'],
    ['a target over 100%', { goodOrAboveTarget: '101' }, 'goodOrAboveTarget'],
    ['a target that is not a number', { lowestTarget: '1e309' }, 'lowestTarget'],
    ['an unknown law type', { lawTypes: ['FAMILY'] }, 'lawTypes.0'],
    ['no areas', { serviceAreaIds: [] }, 'serviceAreaIds'],
    ['an unknown kind', { kind: 'SECRET' }, 'kind'],
    ['a challenge window of 0 working days', { challengeWindowDays: '0' }, 'challengeWindowDays'],
  ])('refuses %s, naming the field, writing nothing', async (_label, override, field) => {
    const act = await asLead();
    const version = await createThresholdVersion();
    const area = await createServiceArea();
    const before = await databaseFingerprint();
    const result = await act(() => createAuditAction(auditInput(version.id, area.id, override)));
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.fieldErrors ?? {})).toContain(field);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('locks the threshold version once sampling starts', async () => {
    const act = await asLead();
    const audit = await createAudit();
    const area = await createServiceArea();
    const other = await createThresholdVersion();
    expect(
      await act(() => transitionAuditAction({ auditId: audit.id, version: audit.version, to: 'SAMPLING' })),
    ).toEqual({ ok: true, data: null });
    const before = await databaseFingerprint();
    const result = await act(() =>
      updateAuditAction({ auditId: audit.id, version: audit.version + 1, ...auditInput(other.id, area.id) }),
    );
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { thresholdVersionId: 'Sampling has started: the threshold version is locked.' },
    });
    await expect(
      db().$executeRaw`UPDATE audit SET threshold_version_id = ${other.id} WHERE id = ${audit.id}`,
    ).rejects.toThrow(/threshold version is locked/);
    expect(await databaseFingerprint()).toEqual(before);
    // Other settings can still change.
    const rename = await act(() =>
      updateAuditAction({
        auditId: audit.id,
        version: audit.version + 1,
        ...auditInput(audit.thresholdVersionId, area.id, { name: `${audit.name} renamed` }),
      }),
    );
    expect(rename).toEqual({ ok: true, data: null });
  });

  it('refuses sampling on a draft threshold version and any illegal move', async () => {
    const act = await asLead();
    const draftVersion = await createThresholdVersion({ status: 'DRAFT' });
    const audit = await createAudit({ thresholdVersionId: draftVersion.id });
    const before = await databaseFingerprint();
    expect(
      await act(() => transitionAuditAction({ auditId: audit.id, version: audit.version, to: 'SAMPLING' })),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/Publish the threshold version/) as unknown });
    expect(
      await act(() => transitionAuditAction({ auditId: audit.id, version: audit.version, to: 'PUBLISHED' })),
    ).toMatchObject({ ok: false, error: 'An audit cannot move from Draft to Published.' });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('freezes a published audit', async () => {
    const act = await asLead();
    const audit = await createAudit({ status: 'REVIEW' });
    const area = await createServiceArea();
    expect(
      await act(() => transitionAuditAction({ auditId: audit.id, version: audit.version, to: 'PUBLISHED' })),
    ).toEqual({ ok: true, data: null });
    const before = await databaseFingerprint();
    expect(
      await act(() => transitionAuditAction({ auditId: audit.id, version: audit.version + 1, to: 'REVIEW' })),
    ).toMatchObject({ ok: false, error: 'This audit is published: its grades are final.' });
    expect(
      await act(() =>
        updateAuditAction({
          auditId: audit.id,
          version: audit.version + 1,
          ...auditInput(audit.thresholdVersionId, area.id),
        }),
      ),
    ).toMatchObject({
      ok: false,
      error: 'This audit is published: nothing about it can change.',
    });
    await expect(
      db().$executeRaw`UPDATE audit SET purpose = 'tampered' WHERE id = ${audit.id}`,
    ).rejects.toThrow(/published and cannot change/);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('refuses a stale status change', async () => {
    const act = await asLead();
    const audit = await createAudit();
    expect(
      await act(() => transitionAuditAction({ auditId: audit.id, version: audit.version, to: 'SAMPLING' })),
    ).toEqual({ ok: true, data: null });
    expect(
      await act(() => transitionAuditAction({ auditId: audit.id, version: audit.version, to: 'DRAFT' })),
    ).toEqual({ ok: false, error: MESSAGES.stale });
  });
});
