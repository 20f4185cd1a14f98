import { Agent, fetch } from 'undici';

/** No keep-alive: a replica killed and restarted on the same port leaves no stale connection to fail on. */
const dispatcher = new Agent({ pipelining: 0 });

/**
 * The soak's HTTP client: every request to a replica goes through here and is counted (requests, 5xx with
 * samples, slow over 5 s). A connection refused or reset by a replica being killed is not a 5xx: it is
 * counted apart, as what a client of a dead replica sees.
 */
export interface SoakReplica {
  readonly name: string;
  readonly url: string;
  readonly running: boolean;
  rssPeakMb: number;
  crashes: number;
  restarts: number;
  /** Process replicas only: SIGKILL, and start again. */
  kill?(): Promise<void>;
  start?(): Promise<void>;
}

export interface Answer {
  /** 0 when the connection failed (the replica was down or killed). */
  status: number;
  body: unknown;
  text: string;
  ms: number;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export class SoakClient {
  requests = 0;
  fiveXx = 0;
  slow = 0;
  refused = 0;
  readonly samples: string[] = [];
  readonly slowSamples: string[] = [];
  private next = 0;

  constructor(readonly replicas: readonly SoakReplica[]) {}

  /** A running replica, round robin. */
  any(): SoakReplica {
    const start = this.next++;
    for (let i = 0; i < this.replicas.length; i++) {
      const replica = this.replicas[(start + i) % this.replicas.length] as SoakReplica;
      if (replica.running) return replica;
    }
    return this.replicas[0] as SoakReplica;
  }

  async call(replica: SoakReplica, method: string, path: string, options: CallOptions = {}): Promise<Answer> {
    this.requests += 1;
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let payload: string | undefined;
    if (options.raw !== undefined) payload = options.raw;
    else if (options.body !== undefined) payload = JSON.stringify(options.body);
    if (payload !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
    const started = performance.now();
    try {
      const res = await fetch(`${replica.url}${path}`, {
        method,
        headers,
        ...(payload === undefined ? {} : { body: payload }),
        signal: AbortSignal.timeout(60_000),
        dispatcher,
      });
      const text = await res.text();
      const ms = performance.now() - started;
      if (ms > 5_000) {
        this.slow += 1;
        if (this.slowSamples.length < 5) this.slowSamples.push(`${method} ${path} ${Math.round(ms)} ms`);
      }
      if (res.status >= 500) {
        this.fiveXx += 1;
        if (this.samples.length < 10)
          this.samples.push(`${method} ${path} → ${res.status} ${text.slice(0, 200)}`);
      }
      let body: unknown = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = text;
      }
      return { status: res.status, body, text, ms };
    } catch (error) {
      if (process.env.SOAK_DEBUG)
        console.error(`soak: ${method} ${replica.name} ${path}: ${String((error as Error).cause ?? error)}`);
      this.refused += 1;
      return { status: 0, body: null, text: '', ms: performance.now() - started };
    }
  }
}
