/**
 * `infra-copilot review`: the infra org's review queue from the terminal.
 *
 *   infra-copilot review [--status open,changes_requested] [--team t] [--risk high] [--older-than 2d] [--json]
 *   infra-copilot review show <id> [--json]
 *   infra-copilot review approve <id> [--version N]
 *   infra-copilot review request-changes <id> --reason "..." [--version N]
 *   infra-copilot review reject <id> --reason "..." [--version N]
 *   infra-copilot review apply <id> [--version N]
 *
 * `<id>` may be the 8-character prefix the queue shows.
 */
import { parseArgs } from 'node:util';
import type { ChangeRequest } from '../../change-requests/change-request.ts';
import type { ChangeRequestSummary } from '../../change-requests/notifier.ts';
import { renderChangeRequestText } from '../../change-requests/render/render-change-request-text.ts';
import { renderQueueText } from '../../change-requests/render/render-queue-text.ts';
import type { ApiClient } from '../api-client.ts';
import type { CliCommand, CliContext } from '../command.ts';

const USAGE = [
  'infra-copilot review [--status s1,s2] [--team t] [--risk low|high] [--older-than 2d] [--limit n] [--json]',
  'infra-copilot review show <id> [--json]',
  'infra-copilot review approve <id> [--version n]',
  'infra-copilot review request-changes <id> --reason "..." [--version n]',
  'infra-copilot review reject <id> --reason "..." [--version n]',
  'infra-copilot review apply <id> [--version n]',
].join('\n       ');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ALL_STATES = 'open,changes_requested,approved,rejected,applying,applied,failed,closed';

interface Page {
  items: ChangeRequestSummary[];
  nextCursor: string | null;
}

interface Problem {
  title?: string;
  detail?: string;
}

function problemText(status: number, body: unknown): string {
  const p = (body ?? {}) as Problem;
  return `${status} ${p.detail ?? p.title ?? (typeof body === 'string' ? body : '')}`.trim();
}

async function resolveId(api: ApiClient, ref: string): Promise<string | { error: string }> {
  if (UUID.test(ref)) return ref;
  if (!/^[0-9a-f-]{4,36}$/i.test(ref)) return { error: `"${ref}" is not a change request id or id prefix` };
  const matches: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `/v1/change-requests?status=${ALL_STATES}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await api.request<Page>('GET', query);
    if (res.status !== 200) return { error: problemText(res.status, res.body) };
    for (const item of res.body.items) if (item.id.startsWith(ref.toLowerCase())) matches.push(item.id);
    cursor = res.body.nextCursor;
  } while (cursor !== null);
  if (matches.length === 1) return matches[0] as string;
  return {
    error:
      matches.length === 0
        ? `no change request id starts with ${ref}`
        : `${ref} is ambiguous: ${matches.map((m) => m.slice(0, 13)).join(', ')}`,
  };
}

async function list(ctx: CliContext, api: ApiClient, args: string[]): Promise<number> {
  let values: {
    status?: string | undefined;
    team?: string | undefined;
    risk?: string | undefined;
    'older-than'?: string | undefined;
    limit?: string | undefined;
    json?: boolean | undefined;
  };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        status: { type: 'string' },
        team: { type: 'string' },
        risk: { type: 'string' },
        'older-than': { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'boolean' },
      },
    }));
  } catch (error) {
    ctx.stderr.write(`review: ${(error as Error).message}\nusage: ${USAGE}\n`);
    return 2;
  }
  const params = new URLSearchParams();
  if (values.status) params.set('status', values.status);
  if (values.team) params.set('team', values.team);
  if (values.risk) params.set('risk', values.risk);
  if (values['older-than']) params.set('older_than', values['older-than']);
  if (values.limit) params.set('limit', values.limit);
  const qs = params.toString();
  const res = await api.request<Page>('GET', `/v1/review/queue${qs ? `?${qs}` : ''}`);
  if (res.status !== 200) {
    ctx.stderr.write(`review: ${problemText(res.status, res.body)}\n`);
    return 1;
  }
  if (values.json) ctx.stdout.write(`${JSON.stringify(res.body, null, 2)}\n`);
  else ctx.stdout.write(renderQueueText(res.body.items, new Date()));
  return 0;
}

async function show(ctx: CliContext, api: ApiClient, id: string, json: boolean): Promise<number> {
  const res = await api.request<ChangeRequest>('GET', `/v1/change-requests/${id}`);
  if (res.status !== 200) {
    ctx.stderr.write(`review show: ${problemText(res.status, res.body)}\n`);
    return 1;
  }
  if (json) {
    ctx.stdout.write(`${JSON.stringify(res.body, null, 2)}\n`);
    return 0;
  }
  const diff = await api.request<string>('GET', `/v1/change-requests/${id}/diff?format=text`);
  const diffText = diff.status === 200 && typeof diff.body === 'string' ? diff.body : '(diff unavailable)\n';
  ctx.stdout.write(renderChangeRequestText(res.body, diffText));
  return 0;
}

async function act(
  ctx: CliContext,
  api: ApiClient,
  action: 'approve' | 'request-changes' | 'reject' | 'apply',
  id: string,
  values: { reason?: string | undefined; version?: string | undefined },
): Promise<number> {
  const needsReason = action === 'request-changes' || action === 'reject';
  if (needsReason && !values.reason) {
    ctx.stderr.write(`review ${action}: --reason "..." is required\n`);
    return 2;
  }
  let expectedVersion: number | undefined;
  if (values.version !== undefined) {
    expectedVersion = Number(values.version);
    if (!Number.isInteger(expectedVersion) || expectedVersion < 1) {
      ctx.stderr.write(`review ${action}: --version must be a positive integer\n`);
      return 2;
    }
  }
  const body = {
    ...(needsReason ? { reason: values.reason } : {}),
    ...(expectedVersion === undefined ? {} : { expectedVersion }),
  };
  const res = await api.request<ChangeRequest>('POST', `/v1/change-requests/${id}/${action}`, body);
  if (res.status >= 400) {
    ctx.stderr.write(`review ${action}: ${problemText(res.status, res.body)}\n`);
    return 1;
  }
  const cr = res.body;
  const missing = cr.approvals.status.missing;
  ctx.stdout.write(
    `${cr.id.slice(0, 8)} ${cr.title}: ${cr.state} (version ${cr.version})` +
      (cr.state === 'open' && missing.length > 0 ? `; still needs ${missing.join(' and ')}` : '') +
      (cr.apply ? `; apply ${cr.apply.mode} ${cr.apply.status}` : '') +
      '\n',
  );
  return 0;
}

const command: CliCommand = {
  name: 'review',
  summary: 'Review change requests: list the queue, show one with its diff, approve, request changes, reject',
  usage: USAGE,
  async run(ctx) {
    const [sub, ...rest] = ctx.args;
    const api = await ctx.api();
    if (sub === undefined || sub.startsWith('--')) return list(ctx, api, ctx.args);
    if (!['show', 'approve', 'request-changes', 'reject', 'apply'].includes(sub)) {
      ctx.stderr.write(`review: unknown subcommand "${sub}"\nusage: ${USAGE}\n`);
      return 2;
    }
    let parsed: {
      values: { reason?: string | undefined; version?: string | undefined; json?: boolean | undefined };
      positionals: string[];
    };
    try {
      parsed = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { reason: { type: 'string' }, version: { type: 'string' }, json: { type: 'boolean' } },
      });
    } catch (error) {
      ctx.stderr.write(`review ${sub}: ${(error as Error).message}\n`);
      return 2;
    }
    const ref = parsed.positionals[0];
    if (ref === undefined) {
      ctx.stderr.write(`review ${sub}: a change request id is required\nusage: ${USAGE}\n`);
      return 2;
    }
    const id = await resolveId(api, ref);
    if (typeof id !== 'string') {
      ctx.stderr.write(`review ${sub}: ${id.error}\n`);
      return 1;
    }
    if (sub === 'show') return show(ctx, api, id, parsed.values.json === true);
    return act(ctx, api, sub as 'approve' | 'request-changes' | 'reject' | 'apply', id, parsed.values);
  },
};

export default command;
