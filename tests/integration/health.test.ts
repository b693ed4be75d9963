import { createServer, type Socket } from 'node:net';
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

  it('answers 503 within seconds when the database accepts connections but never answers', async () => {
    // A server that takes the connection and says nothing: what a dead host behind a firewall looks like.
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    const holder = globalThis as unknown as { thresholdPrisma?: unknown };
    const saved = holder.thresholdPrisma;
    const savedUrl = process.env.DATABASE_URL;
    delete holder.thresholdPrisma;
    process.env.DATABASE_URL = `postgresql://nobody:nothing@127.0.0.1:${port}/none`;
    vi.resetModules();
    try {
      const { GET } = await import('@/app/api/health/route');
      const started = Date.now();
      const response = await GET();
      expect(response.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      process.env.DATABASE_URL = savedUrl;
      holder.thresholdPrisma = saved;
      vi.resetModules();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  }, 20_000);
});
