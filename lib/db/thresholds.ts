import 'server-only';
import { db } from './client';

import { type RubricContent } from '@/lib/domain/rubric';
import { parseRubricContent } from '@/lib/schemas/rubric';

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
