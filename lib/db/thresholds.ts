import 'server-only';
import { db } from './client';
import { recordAuditEvent } from './audit-events';
import { isUniqueViolation } from './errors';
import { assertVersionedUpdate } from './versioned';
import { NotFoundOrForbiddenError, RuleError } from '@/lib/domain/errors';
import { draftFromPrevious, publishProblems, type RubricContent } from '@/lib/domain/rubric';
import { parseRubricContent } from '@/lib/schemas/rubric';
import type { Prisma } from '@/generated/prisma/client';

export type ThresholdVersionStatus = 'DRAFT' | 'PUBLISHED';

export type ThresholdVersionSummary = {
  id: string;
  number: number;
  label: string;
  status: ThresholdVersionStatus;
  publishedAt: Date | null;
  auditCount: number;
};

export type ThresholdDocumentSummary = { id: string; name: string; versions: ThresholdVersionSummary[] };

export type ThresholdVersionDetail = {
  id: string;
  documentId: string;
  documentName: string;
  number: number;
  label: string;
  status: ThresholdVersionStatus;
  version: number;
  publishedAt: Date | null;
  content: RubricContent;
  previous: { id: string; label: string; content: RubricContent } | null;
};

export type PublishedVersionOption = { id: string; name: string };

export async function findThresholdDocuments(): Promise<ThresholdDocumentSummary[]> {
  const documents = await db().thresholdDocument.findMany({
    select: {
      id: true,
      name: true,
      versions: {
        select: {
          id: true,
          number: true,
          label: true,
          status: true,
          publishedAt: true,
          _count: { select: { audits: true } },
        },
        orderBy: { number: 'desc' },
      },
    },
    orderBy: { name: 'asc' },
  });
  return documents.map((document) => ({
    id: document.id,
    name: document.name,
    versions: document.versions.map(({ _count, ...rest }) => ({ ...rest, auditCount: _count.audits })),
  }));
}

export async function findPublishedVersionOptions(): Promise<PublishedVersionOption[]> {
  const versions = await db().thresholdVersion.findMany({
    where: { status: 'PUBLISHED' },
    select: { id: true, label: true, document: { select: { name: true } } },
    orderBy: [{ document: { name: 'asc' } }, { number: 'desc' }],
  });
  return versions.map((version) => ({ id: version.id, name: `${version.document.name} (${version.label})` }));
}

export async function getThresholdVersion(versionId: string): Promise<ThresholdVersionDetail | null> {
  const row = await db().thresholdVersion.findUnique({
    where: { id: versionId },
    select: {
      id: true,
      documentId: true,
      number: true,
      label: true,
      status: true,
      version: true,
      publishedAt: true,
      content: true,
      document: { select: { name: true } },
      previousVersion: { select: { id: true, label: true, content: true } },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    documentId: row.documentId,
    documentName: row.document.name,
    number: row.number,
    label: row.label,
    status: row.status,
    version: row.version,
    publishedAt: row.publishedAt,
    content: parseRubricContent(row.content),
    previous: row.previousVersion
      ? {
          id: row.previousVersion.id,
          label: row.previousVersion.label,
          content: parseRubricContent(row.previousVersion.content),
        }
      : null,
  };
}

const asJson = (content: RubricContent) => content as unknown as Prisma.InputJsonValue;

export async function createThresholdDocument(
  actorId: string,
  input: { name: string; label: string; content: RubricContent },
): Promise<{ documentId: string; versionId: string }> {
  try {
    return await db().$transaction(async (tx) => {
      const document = await tx.thresholdDocument.create({
        data: { name: input.name },
        select: { id: true },
      });
      const version = await tx.thresholdVersion.create({
        data: { documentId: document.id, number: 1, label: input.label, content: asJson(input.content) },
        select: { id: true },
      });
      await recordAuditEvent(tx, {
        actorId,
        action: 'threshold-document.created',
        entityType: 'threshold_document',
        entityId: document.id,
        detail: { name: input.name, label: input.label },
      });
      return { documentId: document.id, versionId: version.id };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new RuleError('A threshold document with that name already exists', 'name');
    throw error;
  }
}

/** A new draft, copied from the latest published version. One draft at a time. */
export async function startThresholdVersion(
  actorId: string,
  input: { documentId: string; label: string },
): Promise<{ versionId: string }> {
  return db().$transaction(async (tx) => {
    // Lock the document so two people cannot start two drafts at once.
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM threshold_document WHERE id = ${input.documentId} FOR UPDATE`;
    if (locked.length === 0) throw new NotFoundOrForbiddenError();
    const versions = await tx.thresholdVersion.findMany({
      where: { documentId: input.documentId },
      select: { id: true, number: true, status: true, content: true },
      orderBy: { number: 'desc' },
    });
    if (versions.some((version) => version.status === 'DRAFT'))
      throw new RuleError('This document already has a draft: edit or publish it first', 'documentId');
    const latest = versions.find((version) => version.status === 'PUBLISHED');
    if (!latest) throw new RuleError('Publish the first version before starting another', 'documentId');
    const created = await tx.thresholdVersion.create({
      data: {
        documentId: input.documentId,
        number: (versions[0]?.number ?? 0) + 1,
        label: input.label,
        previousVersionId: latest.id,
        content: asJson(draftFromPrevious(parseRubricContent(latest.content))),
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actorId,
      action: 'threshold-version.started',
      entityType: 'threshold_version',
      entityId: created.id,
      detail: { documentId: input.documentId, from: latest.id, label: input.label },
    });
    return { versionId: created.id };
  });
}

export async function saveThresholdDraft(
  actorId: string,
  input: { versionId: string; version: number; label: string; content: RubricContent },
): Promise<{ version: number }> {
  return db().$transaction(async (tx) => {
    const current = await tx.thresholdVersion.findUnique({
      where: { id: input.versionId },
      select: { status: true },
    });
    if (!current) throw new NotFoundOrForbiddenError();
    if (current.status !== 'DRAFT')
      throw new RuleError('This version is published and cannot change. Start a new version instead.');
    const { count } = await tx.thresholdVersion.updateMany({
      where: { id: input.versionId, version: input.version, status: 'DRAFT' },
      data: { label: input.label, content: asJson(input.content), version: { increment: 1 } },
    });
    await assertVersionedUpdate(
      count,
      () => tx.thresholdVersion.findUnique({ where: { id: input.versionId }, select: { id: true } }),
      'threshold version',
    );
    await recordAuditEvent(tx, {
      actorId,
      action: 'threshold-version.draft-saved',
      entityType: 'threshold_version',
      entityId: input.versionId,
      detail: { label: input.label, sections: input.content.sections.length },
    });
    return { version: input.version + 1 };
  });
}

/** Publishes when complete; otherwise returns every reason it is not. */
export async function publishThresholdVersion(
  actorId: string,
  input: { versionId: string; version: number },
  now: Date,
): Promise<{ published: true } | { published: false; problems: string[] }> {
  return db().$transaction(async (tx) => {
    const row = await tx.thresholdVersion.findUnique({
      where: { id: input.versionId },
      select: { status: true, content: true, previousVersion: { select: { content: true } } },
    });
    if (!row) throw new NotFoundOrForbiddenError();
    if (row.status === 'PUBLISHED') throw new RuleError('This version is already published.');
    const problems = publishProblems(
      parseRubricContent(row.content),
      row.previousVersion ? parseRubricContent(row.previousVersion.content) : null,
    );
    if (problems.length > 0) return { published: false, problems };
    const { count } = await tx.thresholdVersion.updateMany({
      where: { id: input.versionId, version: input.version, status: 'DRAFT' },
      data: { status: 'PUBLISHED', publishedAt: now, publishedById: actorId, version: { increment: 1 } },
    });
    await assertVersionedUpdate(
      count,
      () => tx.thresholdVersion.findUnique({ where: { id: input.versionId }, select: { id: true } }),
      'threshold version',
    );
    await recordAuditEvent(tx, {
      actorId,
      action: 'threshold-version.published',
      entityType: 'threshold_version',
      entityId: input.versionId,
      detail: {},
    });
    return { published: true };
  });
}
