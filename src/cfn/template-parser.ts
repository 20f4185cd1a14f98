/**
 * Template text parsing that keeps the event loop free and the replica alive: every text is first scanned
 * (scan-template-text.ts: over-deep or oversized text is a 400 at once); texts above `inlineLimit` (default
 * 256 KiB) or with many values are parsed by a small lazily created pool of worker threads with a heap limit
 * (unref'd, so they never keep the process alive), small ones inline (they are fast). The result is the same TemplateSource as parseTemplateSource, locations included;
 * parse errors are the same TemplateParseError; a crashed, out-of-memory or timed-out worker becomes a
 * TemplateParserUnavailableError (503), never a hung request or a process crash.
 *
 * Running from TypeScript sources (tsx, vitest) the worker loads its .ts entry through tsx's tsImport (the
 * same way bin/infra-copilot.js starts the CLI); running compiled JS from dist it loads the .js twin.
 */
import { channel } from 'node:diagnostics_channel';
import { Worker } from 'node:worker_threads';
import { parseTemplateSource, type TemplateSource } from './parse-template-source.ts';
import { scanTemplateText } from './scan-template-text.ts';
import { TemplateParseError, type TextLocation } from './template-parse-error.ts';
import type { ParseWorkerReply } from './template-parse-worker.ts';
import { TemplateParserUnavailableError } from './template-parser-unavailable-error.ts';
import type { CfnTemplate } from './cfn-template.ts';

export interface TemplateParserOptions {
  /** Texts longer than this many characters go to a worker (default 256 KiB). */
  inlineLimit?: number;
  /** Number of worker threads at most (default 2). */
  poolSize?: number;
  /** A worker taking longer than this is terminated and the request answered 503 (default 30 s). */
  timeoutMs?: number;
  /** Old-generation heap of each worker in MiB (default 512); a worker over it dies and its request gets 503. */
  heapMb?: number;
  /** Texts with more values than this go to a worker even when short (default 20,000). */
  inlineValueLimit?: number;
}

export interface TemplateParser {
  /** Parse untrusted template text (JSON or YAML with short-form tags), as parseTemplateSource does. */
  parse(text: string): Promise<TemplateSource>;
  /** Terminate the workers; pending parses fail with TemplateParserUnavailableError. */
  close(): Promise<void>;
}

interface Job {
  id: number;
  text: string;
  resolve(source: TemplateSource): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
  timer: NodeJS.Timeout | undefined;
}

/** Diagnostics channel told `{ length, background }` as each parse starts (for tracing and tests). */
export const TEMPLATE_PARSE_CHANNEL = 'infra-copilot:cfn:template-parse';
const parseStarts = channel(TEMPLATE_PARSE_CHANNEL);

const WORKER_JS = new URL('./template-parse-worker.js', import.meta.url);
const WORKER_TS = new URL('./template-parse-worker.ts', import.meta.url);

function spawnWorker(heapMb: number): Worker {
  // A heap limit turns a runaway parse into a worker 'error' (ERR_WORKER_OUT_OF_MEMORY), not a process crash;
  // two workers at 512 MiB keep a replica under 1.5 GB.
  const resourceLimits = { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32 };
  if (import.meta.url.endsWith('.js')) return new Worker(WORKER_JS, { resourceLimits });
  // Resolved here so the worker finds tsx whatever the current directory is.
  const tsx = typeof import.meta.resolve === 'function' ? import.meta.resolve('tsx/esm/api') : 'tsx/esm/api';
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(WORKER_TS.href)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(bootstrap, { eval: true, resourceLimits });
}

function locatorOf(locations: [string, number, number][]): (pointer: string) => TextLocation | undefined {
  const table = new Map<string, TextLocation>();
  for (const [pointer, line, column] of locations) table.set(pointer, { line, column });
  return (pointer) => {
    let p = pointer;
    let at = table.get(p);
    while (at === undefined && p !== '') {
      p = p.slice(0, Math.max(0, p.lastIndexOf('/')));
      at = table.get(p);
    }
    return at;
  };
}

function fromReply(reply: ParseWorkerReply, text: string): TemplateSource {
  if (reply.ok) {
    return { template: reply.template as CfnTemplate, text, locate: locatorOf(reply.locations) };
  }
  const parsed = reply.parseError;
  if (parsed) {
    const { reason, ...location } = parsed;
    throw new TemplateParseError(reason, location);
  }
  throw new TemplateParserUnavailableError(`the parser failed (${reply.message})`);
}

/** A template parser with its own worker pool; close it when the app closes (an onClose hook). */
export function createTemplateParser(options: TemplateParserOptions = {}): TemplateParser {
  const inlineLimit = options.inlineLimit ?? 256 * 1024;
  const poolSize = Math.max(1, Math.min(options.poolSize ?? 2, 2));
  const timeoutMs = options.timeoutMs ?? 30_000;
  const heapMb = options.heapMb ?? 512;
  const inlineValueLimit = options.inlineValueLimit ?? 20_000;
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;

  const retire = (slot: Slot, error: Error | undefined) => {
    const index = slots.indexOf(slot);
    if (index >= 0) slots.splice(index, 1);
    if (slot.timer) clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = undefined;
    if (job && error) job.reject(error);
    void slot.worker.terminate().catch(() => undefined);
    pump();
  };

  const start = (slot: Slot, job: Job) => {
    slot.job = job;
    slot.timer = setTimeout(() => {
      retire(slot, new TemplateParserUnavailableError(`parsing took longer than ${timeoutMs} ms`));
    }, timeoutMs);
    slot.timer.unref();
    slot.worker.ref();
    slot.worker.postMessage({ id: job.id, text: job.text });
    if (parseStarts.hasSubscribers) parseStarts.publish({ length: job.text.length, background: true });
  };

  const newSlot = (): Slot => {
    const slot: Slot = { worker: spawnWorker(heapMb), job: undefined, timer: undefined };
    slot.worker.unref();
    slot.worker.on('message', (reply: ParseWorkerReply) => {
      const job = slot.job;
      if (!job || job.id !== reply.id) return;
      if (slot.timer) clearTimeout(slot.timer);
      slot.job = undefined;
      slot.timer = undefined;
      slot.worker.unref();
      try {
        job.resolve(fromReply(reply, job.text));
      } catch (error) {
        job.reject(error as Error);
      }
      pump();
    });
    slot.worker.on('error', (error) => {
      retire(slot, new TemplateParserUnavailableError(`the parser crashed (${error.message})`));
    });
    slot.worker.on('exit', (code) => {
      if (slots.includes(slot)) {
        retire(slot, new TemplateParserUnavailableError(`the parser exited with code ${code}`));
      }
    });
    slots.push(slot);
    return slot;
  };

  function pump(): void {
    while (queue.length > 0 && !closed) {
      let slot = slots.find((s) => s.job === undefined);
      if (!slot && slots.length < poolSize) slot = newSlot();
      if (!slot) return;
      start(slot, queue.shift() as Job);
    }
  }

  return {
    async parse(text) {
      // Over-deep or oversized text is refused here, in milliseconds, before any parser sees it.
      const scan = typeof text === 'string' ? scanTemplateText(text) : undefined;
      if (scan === undefined || (text.length <= inlineLimit && scan.values <= inlineValueLimit)) {
        if (parseStarts.hasSubscribers)
          parseStarts.publish({ length: String(text).length, background: false });
        return parseTemplateSource(text);
      }
      if (closed) throw new TemplateParserUnavailableError('the server is shutting down');
      return new Promise<TemplateSource>((resolve, reject) => {
        queue.push({ id: nextId++, text, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      const shutdown = new TemplateParserUnavailableError('the server is shutting down');
      for (const job of queue.splice(0)) job.reject(shutdown);
      const all = slots.splice(0);
      await Promise.all(
        all.map((slot) => {
          if (slot.timer) clearTimeout(slot.timer);
          slot.job?.reject(shutdown);
          slot.job = undefined;
          return slot.worker.terminate().catch(() => undefined);
        }),
      );
    },
  };
}
