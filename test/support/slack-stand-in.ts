import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP server on 127.0.0.1 that answers the Slack Web API methods the bot uses, so the real
 * @slack/web-api client talks to it (point `slackApiUrl` / SLACK_API_URL at `url`). It records every call,
 * keeps posted messages (updates apply in place), and can be told to fail the next calls of a method with
 * a status (500, or 429 with Retry-After).
 */
export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  token: string | undefined;
}

export interface StoredMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text?: string;
  blocks?: unknown[];
  updates: number;
}

interface Failure {
  status: number;
  retryAfter?: number;
  remaining: number;
}

export interface SlackStandIn {
  url: string;
  calls: SlackCall[];
  messages: StoredMessage[];
  uploads: { filename: string; content: string; channel?: string; thread_ts?: string }[];
  callsOf(method: string): SlackCall[];
  failNext(method: string, options: { status: number; retryAfter?: number; times?: number }): void;
  /** Answers the next `times` calls of a method only after `ms` (a slow Slack, or a replica killed meanwhile). */
  holdNext(method: string, ms: number, times?: number): void;
  /** Users known to users.info: id → profile. */
  users: Map<string, { name: string; real_name?: string; email?: string; is_bot?: boolean }>;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseArgs(req: IncomingMessage, raw: Buffer): Record<string, unknown> {
  const type = req.headers['content-type'] ?? '';
  const text = raw.toString('utf8');
  if (type.includes('application/json')) return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    // The client JSON-encodes structured arguments (blocks, attachments, files) into form fields.
    args[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return args;
}

/** The client uploads the file as multipart/form-data (one part) or as a raw body. */
async function uploadedContent(req: IncomingMessage, raw: Buffer): Promise<string> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('multipart/form-data')) return raw.toString('utf8');
  const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': type } }).formData();
  for (const value of form.values()) return typeof value === 'string' ? value : await value.text();
  return '';
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

export async function startSlackStandIn(): Promise<SlackStandIn> {
  const calls: SlackCall[] = [];
  const messages: StoredMessage[] = [];
  const uploads: SlackStandIn['uploads'] = [];
  const pendingUploads = new Map<string, { filename: string; content?: string }>();
  const failures = new Map<string, Failure>();
  const holds = new Map<string, { ms: number; remaining: number }>();
  const users = new Map<string, { name: string; real_name?: string; email?: string; is_bot?: boolean }>();
  let tsCounter = 1_700_000_000_000;
  const nextTs = () => {
    tsCounter += 1;
    return `${Math.floor(tsCounter / 1000)}.${String(tsCounter % 1000).padStart(6, '0')}`;
  };
  let baseUrl = '';

  const reply = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };

  const handle = (method: string, args: Record<string, unknown>): unknown => {
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'infra-copilot' };
      case 'chat.postMessage': {
        const message: StoredMessage = {
          channel: String(args.channel),
          ts: nextTs(),
          text: args.text as string | undefined,
          blocks: args.blocks as unknown[] | undefined,
          updates: 0,
        };
        if (args.thread_ts) message.thread_ts = String(args.thread_ts);
        messages.push(message);
        return { ok: true, channel: message.channel, ts: message.ts, message: { text: message.text } };
      }
      case 'chat.update': {
        const found = messages.find((m) => m.channel === args.channel && m.ts === args.ts);
        if (!found) return { ok: false, error: 'message_not_found' };
        if (args.text !== undefined) found.text = args.text as string;
        if (args.blocks !== undefined) found.blocks = args.blocks as unknown[];
        found.updates += 1;
        return { ok: true, channel: found.channel, ts: found.ts };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() };
      case 'views.open':
      case 'views.update':
        return { ok: true, view: { id: `V${randomUUID().slice(0, 8)}` } };
      case 'users.info': {
        const user = users.get(String(args.user));
        if (!user) return { ok: false, error: 'user_not_found' };
        return {
          ok: true,
          user: {
            id: args.user,
            name: user.name,
            real_name: user.real_name,
            is_bot: user.is_bot ?? false,
            profile: { email: user.email, real_name: user.real_name },
          },
        };
      }
      case 'conversations.info':
        return {
          ok: true,
          channel: { id: args.channel, name: `channel-${String(args.channel).toLowerCase()}` },
        };
      case 'files.getUploadURLExternal': {
        const id = `F${randomUUID().replaceAll('-', '').slice(0, 10).toUpperCase()}`;
        pendingUploads.set(id, { filename: String(args.filename) });
        return { ok: true, upload_url: `${baseUrl}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        const files = (Array.isArray(args.files) ? args.files : []) as { id: string }[];
        for (const file of files) {
          const pending = pendingUploads.get(file.id);
          if (!pending) return { ok: false, error: 'file_not_found' };
          const upload: SlackStandIn['uploads'][number] = {
            filename: pending.filename,
            content: pending.content ?? '',
          };
          if (args.channel_id) upload.channel = String(args.channel_id);
          if (args.thread_ts) upload.thread_ts = String(args.thread_ts);
          uploads.push(upload);
        }
        return { ok: true, files: files.map((f) => ({ id: f.id })) };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  };

  const server: Server = createServer(async (req, res) => {
    try {
      const raw = await readBody(req);
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      if (path.startsWith('/upload/')) {
        const id = path.slice('/upload/'.length);
        const pending = pendingUploads.get(id);
        if (!pending) return reply(res, 404, { ok: false });
        pending.content = await uploadedContent(req, raw);
        res.writeHead(200, { 'content-type': 'text/plain' });
        return res.end(`OK - ${raw.length}`);
      }
      const method = path.replace(/^\/(api\/)?/, '');
      const args = parseArgs(req, raw);
      const auth = req.headers.authorization;
      calls.push({ method, args, token: auth?.replace(/^Bearer /, '') });
      const hold = holds.get(method);
      if (hold && hold.remaining > 0) {
        hold.remaining -= 1;
        await new Promise((resolve) => setTimeout(resolve, hold.ms));
        if (req.socket.destroyed) return; // the caller is gone (a killed replica): nothing happened
      }
      const failure = failures.get(method);
      if (failure && failure.remaining > 0) {
        failure.remaining -= 1;
        const headers: Record<string, string> =
          failure.retryAfter === undefined ? {} : { 'retry-after': String(failure.retryAfter) };
        return reply(
          res,
          failure.status,
          { ok: false, error: failure.status === 429 ? 'ratelimited' : 'internal_error' },
          headers,
        );
      }
      return reply(res, 200, handle(method, args));
    } catch (error) {
      return reply(res, 500, { ok: false, error: String(error) });
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    url: `${baseUrl}/api/`,
    calls,
    messages,
    uploads,
    users,
    callsOf: (method) => calls.filter((c) => c.method === method),
    failNext: (method, { status, retryAfter, times = 1 }) => {
      const failure: Failure = { status, remaining: times };
      if (retryAfter !== undefined) failure.retryAfter = retryAfter;
      failures.set(method, failure);
    },
    holdNext: (method, ms, times = 1) => {
      holds.set(method, { ms, remaining: times });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
