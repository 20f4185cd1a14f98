/**
 * A stand-in for the OpenAI Chat Completions API: a real HTTP server on 127.0.0.1 that the real client
 * (LangChain's ChatOpenAI over the openai SDK) talks to. Each test scripts the answers in order; every
 * request body is recorded so tests can assert what was sent (redaction, the repair round).
 *
 *   const ai = await startOpenAiStandIn();
 *   ai.script({ tool: { intent: 'edit', operations: [...], questions: [], reply: 'ok' } });
 *   ... OPENAI_BASE_URL: ai.baseUrl ...
 *   await ai.close();
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type StandInAnswer =
  /** A tool call to the requested function with these arguments (an object, or raw text sent as is). */
  | { tool: unknown; delayMs?: number; usage?: { prompt: number; completion: number } }
  /** A plain assistant message (no tool call). */
  | { content: string; delayMs?: number }
  /** An HTTP error with an OpenAI-shaped error body. */
  | { status: number; headers?: Record<string, string>; message?: string; delayMs?: number };

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: {
    model?: string;
    messages?: { role: string; content: unknown }[];
    tools?: { function: { name: string; parameters: unknown } }[];
    tool_choice?: unknown;
  } & Record<string, unknown>;
}

export interface OpenAiStandIn {
  /** `http://127.0.0.1:<port>/v1`: the OPENAI_BASE_URL to use. */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Queue answers, used in order; when the queue is empty the server answers 500. */
  script(...answers: StandInAnswer[]): void;
  /** Everything the client sent, as one string (to assert nothing secret left). */
  sentText(): string;
  reset(): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export async function startOpenAiStandIn(): Promise<OpenAiStandIn> {
  const queue: StandInAnswer[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();
  let counter = 0;

  const server: Server = createServer(async (req, res) => {
    const text = await readBody(req);
    let body: RecordedRequest['body'] = {};
    try {
      body = JSON.parse(text) as RecordedRequest['body'];
    } catch {
      // recorded as empty; the answer below still follows the script
    }
    requests.push({ path: req.url ?? '', headers: req.headers, body });
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      send(res, 404, {
        error: { message: `no route ${req.method} ${req.url}`, type: 'invalid_request_error' },
      });
      return;
    }
    const answer = queue.shift();
    if (!answer) {
      send(res, 500, {
        error: { message: 'the stand-in has no scripted answer left', type: 'server_error' },
      });
      return;
    }
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    if (res.destroyed) return;
    if ('status' in answer) {
      send(
        res,
        answer.status,
        { error: { message: answer.message ?? `status ${answer.status}`, type: 'error', code: null } },
        answer.headers,
      );
      return;
    }
    counter += 1;
    const toolName = body.tools?.[0]?.function.name ?? 'plan';
    const message =
      'tool' in answer
        ? {
            role: 'assistant',
            content: null,
            tool_calls: [
              {
                id: `call_${counter}`,
                type: 'function',
                function: {
                  name: toolName,
                  arguments: typeof answer.tool === 'string' ? answer.tool : JSON.stringify(answer.tool),
                },
              },
            ],
          }
        : { role: 'assistant', content: answer.content };
    const usage = 'tool' in answer && answer.usage ? answer.usage : { prompt: 120, completion: 30 };
    send(res, 200, {
      id: `chatcmpl-standin-${counter}`,
      object: 'chat.completion',
      created: 1_700_000_000 + counter,
      model: body.model ?? 'stand-in',
      choices: [
        { index: 0, message, logprobs: null, finish_reason: 'tool' in answer ? 'tool_calls' : 'stop' },
      ],
      usage: {
        prompt_tokens: usage.prompt,
        completion_tokens: usage.completion,
        total_tokens: usage.prompt + usage.completion,
      },
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...answers) => queue.push(...answers),
    sentText: () => requests.map((r) => JSON.stringify(r.body)).join('\n'),
    reset: () => {
      queue.length = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
