import type { Prisma } from '@/generated/prisma/client';

/** Prisma's JSON input type for a value already validated by its zod schema. */
export const asJson = (value: unknown) => value as Prisma.InputJsonValue;
