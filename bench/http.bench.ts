/**
 * Authenticated GET /v1/me against a real server process (PGlite in a temp DATA_DIR), driven from this
 * process with undici (16 connections, ~5 s). Prints requests/s, p50/p99 latency and the server's resident
 * memory at idle (after start and warm-up) and after the load.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CONNECTIONS = 16;
const DURATION_MS = Number(process.env.BENCH_HTTP_MS ?? 5000);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`server not healthy within ${timeoutMs} ms`);
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

export default async function httpBench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'icp-bench-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/server.ts')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_MAX: '100000000',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    const startMs = await waitFor(`${base}/healthz`, child, 30_000);
    const token = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim();
    const pool = new Pool(base, { connections: CONNECTIONS });
    const headers = { authorization: `Bearer ${token}` };
    const once = async (): Promise<number> => {
      const t0 = performance.now();
      const res = await pool.request({ method: 'GET', path: '/v1/me', headers });
      await res.body.text();
      if (res.statusCode !== 200) throw new Error(`GET /v1/me answered ${res.statusCode}`);
      return performance.now() - t0;
    };
    for (let i = 0; i < 200; i += 1) await once();
    await new Promise((r) => setTimeout(r, 1000));
    const idle = rssMiB(child.pid ?? 0);

    const latencies: number[] = [];
    const deadline = performance.now() + DURATION_MS;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < deadline) latencies.push(await once());
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const loaded = rssMiB(child.pid ?? 0);
    await pool.close();
    latencies.sort((a, b) => a - b);
    console.log(`startup to healthy          ${startMs} ms`);
    console.log(
      `GET /v1/me (authenticated)  ${Math.round(latencies.length / elapsed)} req/s over ${latencies.length} requests, ${CONNECTIONS} connections`,
    );
    console.log(
      `latency                     p50 ${percentile(latencies, 50).toFixed(2)} ms  p99 ${percentile(latencies, 99).toFixed(2)} ms`,
    );
    console.log(`server RSS                  idle ${idle} MiB  after load ${loaded} MiB`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
