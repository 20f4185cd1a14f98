/**
 * `infra-copilot chat`: a conversation in the terminal, against a running server (`--url`) or the local
 * store in process. After each message: the reply, findings, cost and the diff summary.
 *
 *   infra-copilot chat [--team payments] [--env prod] [--title "checkout"] [--conversation <id>]
 *
 * In the chat: `/submit` opens a change request from the latest proposal (or revises the stack's open one),
 * `/yaml` prints its template,
 * `/quit` (or end of input) leaves.
 */
import { createInterface, type Interface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { TurnResult } from '../../conversations/turn/turn-result.ts';
import { renderTurnText } from '../../conversations/render-turn-text.ts';
import type { ApiClient } from '../api-client.ts';
import type { CliCommand } from '../command.ts';

const USAGE = 'infra-copilot chat [--team t] [--env dev|staging|prod] [--title "..."] [--conversation <id>]';

interface Problem {
  title?: string;
  detail?: string;
}

function problemText(status: number, body: unknown): string {
  const p = (body ?? {}) as Problem;
  return `${status} ${p.detail ?? p.title ?? ''}`.trim();
}

export interface ChatOptions {
  team?: string | undefined;
  environment?: string | undefined;
  title?: string | undefined;
  conversationId?: string | undefined;
}

/** Runs a chat over `lines` (readline on stdin, or a list in tests); returns the exit code. */
export async function runChat(
  api: ApiClient,
  lines: AsyncIterable<string>,
  out: NodeJS.WritableStream,
  options: ChatOptions,
  prompt: () => void = () => {},
): Promise<number> {
  let id = options.conversationId;
  if (!id) {
    const created = await api.request<{ id: string; team: string | null; environment: string | null }>(
      'POST',
      '/v1/conversations',
      {
        ...(options.team ? { team: options.team } : {}),
        ...(options.environment ? { environment: options.environment } : {}),
        ...(options.title ? { title: options.title } : {}),
        channel: 'cli',
      },
    );
    if (created.status !== 201) {
      out.write(`Could not start a conversation: ${problemText(created.status, created.body)}\n`);
      return 1;
    }
    id = created.body.id;
    out.write(
      `Conversation ${id}${created.body.team ? ` · team ${created.body.team}` : ''}${created.body.environment ? ` · ${created.body.environment}` : ''}\n`,
    );
  } else {
    const found = await api.request('GET', `/v1/conversations/${id}`);
    if (found.status !== 200) {
      out.write(`Could not open conversation ${id}: ${problemText(found.status, found.body)}\n`);
      return 1;
    }
    out.write(`Conversation ${id}\n`);
  }
  out.write(
    'Describe what you need. /submit opens a change request, /yaml shows the template, /quit leaves.\n',
  );
  prompt();
  let latest: TurnResult['proposal'] = null;
  for await (const raw of lines) {
    const text = raw.trim();
    if (text === '') {
      prompt();
      continue;
    }
    if (text === '/quit' || text === '/exit') break;
    if (text === '/yaml') {
      out.write(latest ? `${latest.templateYaml}\n` : 'No proposal yet.\n');
      prompt();
      continue;
    }
    if (text === '/submit') {
      out.write(latest ? `${await submitLatest(api, latest.id)}\n` : 'No proposal yet.\n');
      prompt();
      continue;
    }
    const res = await api.request<TurnResult>('POST', `/v1/conversations/${id}/messages`, { text });
    if (res.status !== 200) out.write(`${problemText(res.status, res.body)}\n`);
    else {
      latest = res.body.proposal ?? latest;
      out.write(`${renderTurnText(res.body)}\n`);
    }
    prompt();
  }
  return 0;
}

interface OpenRequestProblem {
  type?: string;
  openChangeRequest?: { id: string };
}

/**
 * `/submit`: opens a change request from the proposal, or, when its stack already has one open (a 409 that
 * names it), submits the proposal as that request's next revision. Returns what to print.
 */
async function submitLatest(api: ApiClient, proposalId: string): Promise<string> {
  const res = await api.request<{ id: string; revision: number; state: string }>(
    'POST',
    '/v1/change-requests',
    {
      proposalId,
      channel: 'cli',
    },
  );
  if (res.status < 300) return `Change request ${res.body.id} opened for review.`;
  const open = (res.body as OpenRequestProblem).openChangeRequest;
  if (
    res.status !== 409 ||
    !(res.body as OpenRequestProblem).type?.endsWith('/open-change-request') ||
    !open
  ) {
    return `Could not submit: ${problemText(res.status, res.body)}`;
  }
  const revised = await api.request<{ id: string; revision: number; state: string }>(
    'POST',
    `/v1/change-requests/${open.id}/revisions`,
    { proposalId },
  );
  return revised.status < 300
    ? `Change request ${revised.body.id} revised: revision ${revised.body.revision} is up for review (${revised.body.state}).`
    : `Could not revise change request ${open.id}: ${problemText(revised.status, revised.body)}`;
}

/**
 * The lines of `input`, buffered from now on: piped input (`printf '...' | infra-copilot chat`) that arrives,
 * and ends, while the app starts and the conversation is created is kept, not dropped.
 */
export function inputLines(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  terminal: boolean,
): { rl: Interface; lines: AsyncIterable<string> } {
  const rl = createInterface({ input, output, terminal });
  const iterator = rl[Symbol.asyncIterator]();
  return { rl, lines: { [Symbol.asyncIterator]: () => iterator } };
}

const chat: CliCommand = {
  name: 'chat',
  summary: 'Talk to the planner in the terminal: reply, findings, cost and diff after each message',
  usage: USAGE,
  async run(ctx) {
    let values: { team?: string; env?: string; title?: string; conversation?: string };
    try {
      ({ values } = parseArgs({
        args: ctx.args,
        options: {
          team: { type: 'string' },
          env: { type: 'string' },
          title: { type: 'string' },
          conversation: { type: 'string' },
        },
      }));
    } catch (error) {
      ctx.stderr.write(`${error instanceof Error ? error.message : String(error)}\nusage: ${USAGE}\n`);
      return 2;
    }
    if (values.env && !['dev', 'staging', 'prod'].includes(values.env)) {
      ctx.stderr.write(`--env: expected dev, staging or prod, got "${values.env}"\n`);
      return 2;
    }
    const { rl, lines } = inputLines(process.stdin, ctx.stdout, process.stdin.isTTY === true);
    let api: ApiClient | undefined;
    try {
      api = await ctx.api();
      return await runChat(
        api,
        lines,
        ctx.stdout,
        {
          team: values.team,
          environment: values.env,
          title: values.title,
          conversationId: values.conversation,
        },
        () => {
          if (process.stdin.isTTY) rl.setPrompt('you> ');
          if (process.stdin.isTTY) rl.prompt();
        },
      );
    } finally {
      rl.close();
      await api?.close();
    }
  },
};

export default chat;
