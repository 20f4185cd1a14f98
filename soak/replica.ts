/**
 * One app replica as its own process (`node --import tsx src/server.ts`, exactly what the image runs), on a
 * loopback port, for the soak and for tests that kill a replica: start it, SIGKILL it, restart it, and
 * watch it. An exit nobody asked for is a crash; the resident set size is sampled from /proc while it runs.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

export class Replica {
  readonly url: string;
  crashes = 0;
  restarts = 0;
  rssPeakMb = 0;
  /** The last lines the process wrote to stderr (for a crash report). */
  lastErrors: string[] = [];
  private child: ChildProcess | undefined;
  private killing = false;
  private sampler: NodeJS.Timeout | undefined;

  constructor(
    readonly name: string,
    private readonly port: number,
    private readonly env: Record<string, string>,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  /** Starts the process and waits until /healthz answers. */
  async start(timeoutMs = 60_000): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        ...this.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.child = child;
    this.killing = false;
    child.stderr?.on('data', (chunk: Buffer) => {
      this.lastErrors.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      this.lastErrors = this.lastErrors.slice(-20);
    });
    child.once('exit', (code, signal) => {
      if (!this.killing) {
        this.crashes += 1;
        this.lastErrors.push(`${this.name} exited by itself (code ${code}, signal ${signal})`);
      }
      if (this.child === child) this.child = undefined;
      clearInterval(this.sampler);
    });
    this.sampler = setInterval(() => {
      if (child.pid) this.rssPeakMb = Math.max(this.rssPeakMb, rssMb(child.pid));
    }, 200);
    this.sampler.unref();
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child !== child) throw new Error(`${this.name} did not start: ${this.lastErrors.join(' | ')}`);
      try {
        const res = await fetch(`${this.url}/healthz`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${this.name} did not answer /healthz within ${timeoutMs} ms`);
  }

  /** SIGKILL: no graceful shutdown, whatever it was doing is cut off. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.killing = true;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async restart(): Promise<void> {
    await this.kill();
    this.restarts += 1;
    await this.start();
  }

  /** SIGTERM and wait: the graceful stop. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.killing = true;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
}

/** A DATABASE_URL whose connections use `schema` (created beforehand), as test apps do with search_path. */
export function schemaUrl(databaseUrl: string, schema: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema},public`);
  return url.toString();
}
