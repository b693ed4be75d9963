// Loaded only after `prisma generate` has run: the generated client does not
// exist in a fresh clone until then.
export async function seedDemoDatabase(databaseUrl: string) {
  const { scriptPrisma } = await import('./prisma-client.ts');
  const { seedDemo } = await import('../../prisma/seed/demo.ts');
  const prisma = scriptPrisma(databaseUrl);
  try {
    return await seedDemo(prisma);
  } finally {
    await prisma.$disconnect();
  }
}
