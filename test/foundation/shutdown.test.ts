import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { gracefulShutdown } from '../../src/server.ts';
import { createTestApp } from '../support/test-app.ts';

describe('graceful shutdown', () => {
  it('finishes the in-flight request, refuses new connections, closes the store, then exits 0', async () => {
    let release: () => void = () => {};
    let arrived: () => void = () => {};
    const inHandler = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const t = await createTestApp({
      beforeReady: (app) => {
        app.get('/test/slow', async () => {
          arrived();
          await new Promise<void>((resolve) => {
            release = resolve;
          });
          return { done: true };
        });
      },
    });
    const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const exits: number[] = [];
    const logs: string[] = [];
    const logger = { info: (...args: unknown[]) => logs.push(String(args.at(-1))), error: () => {} };
    const shutdown = gracefulShutdown(t.app, logger, (code) => exits.push(code));

    const slow = request(`${url}/test/slow`);
    await inHandler;
    const stopping = shutdown('SIGTERM');
    await new Promise((r) => setTimeout(r, 50));
    await expect(request(`${url}/healthz`, { reset: true })).rejects.toThrow();
    expect(exits).toEqual([]);

    release();
    const res = await slow;
    expect(res.statusCode).toBe(200);
    expect(await res.body.json()).toEqual({ done: true });
    await stopping;
    expect(exits).toEqual([0]);
    expect(logs).toContain('stopped');
    await expect(t.app.store.ping()).rejects.toThrow();
    await t.close();
  });
});
