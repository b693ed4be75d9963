import { describe, expect, it, vi } from 'vitest';

describe('GET /api/health', () => {
  it('answers 200 ok when the database answers', async () => {
    const { GET } = await import('@/app/api/health/route');
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers 503 when the database does not', async () => {
    const holder = globalThis as unknown as { thresholdPrisma?: unknown };
    const saved = holder.thresholdPrisma;
    const savedUrl = process.env.DATABASE_URL;
    delete holder.thresholdPrisma;
    // Nothing listens on port 1: the pool fails to connect.
    process.env.DATABASE_URL = 'postgresql://nobody:nothing@127.0.0.1:1/none';
    vi.resetModules();
    try {
      const { GET } = await import('@/app/api/health/route');
      const response = await GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'unavailable' });
    } finally {
      process.env.DATABASE_URL = savedUrl;
      holder.thresholdPrisma = saved;
      vi.resetModules();
    }
  });
});
