/**
 * `infra-copilot review`: the infra org's review queue from the terminal.
 *
 *   infra-copilot review [--status open,changes_requested] [--team t] [--risk high] [--older-than 2d] [--json]
 *   infra-copilot review show <id> [--json]
 *   infra-copilot review diff <id> [--from N] [--to N]          what changed between two revisions
 *   infra-copilot review approve <id> [--comment "..."] [--revision N] [--version N]
 *   infra-copilot review request-changes <id> --reason "..." [--revision N] [--version N]
 *   infra-copilot review reject <id> --reason "..." [--revision N] [--version N]
 *   infra-copilot review revise <id> --proposal <proposal id>     the next revision (authors)
 *   infra-copilot review apply <id> [--out dir] [--version N]     export mode: writes the bundle to dir
 *   infra-copilot review mark-applied <id> [--reason "..."]      mark-failed <id> --reason "..."
 *
 * `<id>` may be the 8-character prefix the queue shows.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ExportBundle } from '../../aws/export-bundle.ts';
import type { ChangeRequest } from '../../change-requests/change-request.ts';
import type { ChangeRequestSummary } from '../../change-requests/notifier.ts';
import { renderChangeRequestText } from '../../change-requests/render/render-change-request-text.ts';
import { renderQueueText } from '../../change-requests/render/render-queue-text.ts';
import type { ApiClient } from '../api-client.ts';
import type { CliCommand, CliContext } from '../command.ts';

const USAGE = [
  'infra-copilot review [--status s1,s2] [--team t] [--risk low|high] [--older-than 2d] [--limit n] [--json]',
  'infra-copilot review show <id> [--json]',
  'infra-copilot review diff <id> [--from n] [--to n] [--json]',
  'infra-copilot review approve <id> [--comment "..."] [--revision n] [--version n]',
  'infra-copilot review request-changes <id> --reason "..." [--revision n] [--version n]',
  'infra-copilot review reject <id> --reason "..." [--revision n] [--version n]',
  'infra-copilot review revise <id> --proposal <proposal id> [--version n]',
  'infra-copilot review apply <id> [--out dir] [--version n]',
  'infra-copilot review mark-applied <id> [--reason "..."] [--version n]',
  'infra-copilot review mark-failed <id> --reason "..." [--version n]',
].join('\n       ');

const SUBCOMMANDS = [
  'show',
  'diff',
  'approve',
  'request-changes',
  'reject',
  'revise',
  'apply',
  'mark-applied',
  'mark-failed',
] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];
type Action = Exclude<Subcommand, 'show' | 'diff'>;

interface ActValues {
  reason?: string | undefined;
  version?: string | undefined;
  revision?: string | undefined;
  comment?: string | undefined;
  proposal?: string | undefined;
  out?: string | undefined;
}

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

function positiveInt(
  ctx: CliContext,
  action: string,
  flag: string,
  text: string | undefined,
): number | null | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (Number.isInteger(n) && n >= 1) return n;
  ctx.stderr.write(`review ${action}: --${flag} must be a positive integer\n`);
  return null;
}

/** The request body of an action from its flags; null (usage printed) when a flag is wrong or missing. */
function bodyOf(ctx: CliContext, action: Action, values: ActValues): Record<string, unknown> | null {
  const needsReason = action === 'request-changes' || action === 'reject' || action === 'mark-failed';
  if (needsReason && !values.reason) {
    ctx.stderr.write(`review ${action}: --reason "..." is required\n`);
    return null;
  }
  if (action === 'revise' && !values.proposal) {
    ctx.stderr.write('review revise: --proposal <proposal id> is required\n');
    return null;
  }
  const expectedVersion = positiveInt(ctx, action, 'version', values.version);
  const expectedRevision = positiveInt(ctx, action, 'revision', values.revision);
  if (expectedVersion === null || expectedRevision === null) return null;
  const decides = action === 'approve' || action === 'request-changes' || action === 'reject';
  return {
    ...(values.reason && (needsReason || action === 'mark-applied') ? { reason: values.reason } : {}),
    ...(action === 'approve' && values.comment ? { comment: values.comment } : {}),
    ...(action === 'revise' ? { proposalId: values.proposal } : {}),
    ...(expectedVersion === undefined ? {} : { expectedVersion }),
    ...(decides && expectedRevision !== undefined ? { expectedRevision } : {}),
  };
}

async function act(
  ctx: CliContext,
  api: ApiClient,
  action: Action,
  id: string,
  values: ActValues,
): Promise<number> {
  const body = bodyOf(ctx, action, values);
  if (body === null) return 2;
  const path = action === 'revise' ? 'revisions' : action;
  const res = await api.request<ChangeRequest>('POST', `/v1/change-requests/${id}/${path}`, body);
  if (res.status >= 400) {
    ctx.stderr.write(`review ${action}: ${problemText(res.status, res.body)}\n`);
    return 1;
  }
  const cr = res.body;
  const missing = cr.approvals.status.missing;
  ctx.stdout.write(
    `${cr.id.slice(0, 8)} ${cr.title}: ${cr.state} (revision ${cr.revision}, version ${cr.version})` +
      (cr.state === 'open' && missing.length > 0 ? `; still needs ${missing.join(' and ')}` : '') +
      (cr.apply ? `; apply ${cr.apply.mode} ${cr.apply.status}` : '') +
      '\n',
  );
  if (action === 'apply' && cr.apply?.mode === 'export') return writeBundle(ctx, cr, values.out);
  return 0;
}

/** `review apply` in export mode: the bundle's files in a folder (deploy.sh executable), and how to run it. */
function writeBundle(ctx: CliContext, cr: ChangeRequest, out: string | undefined): number {
  const bundle = cr.apply?.bundle as ExportBundle | null | undefined;
  if (!bundle) {
    ctx.stderr.write('review apply: the server returned no export bundle\n');
    return 1;
  }
  const dir = resolve(out ?? `${cr.stack.name}-r${cr.revision}`);
  mkdirSync(dir, { recursive: true });
  for (const file of bundle.files) {
    writeFileSync(join(dir, file.name), file.content, { mode: file.name.endsWith('.sh') ? 0o755 : 0o644 });
  }
  const vars = bundle.parameters.map((p) => p.envVar);
  ctx.stdout.write(
    `Bundle written to ${dir}: ${bundle.files.map((f) => f.name).join(', ')}\n` +
      `Review diff.md, then${vars.length > 0 ? ` set ${vars.join(', ')} and` : ''} run: sh ${join(dir, 'deploy.sh')} deploy\n` +
      `Afterwards: infra-copilot review mark-applied ${cr.id.slice(0, 8)} (or mark-failed --reason "...")\n`,
  );
  return 0;
}

/** `review diff`: what changed between two revisions (by default the previous and the current one). */
async function revisionDiff(
  ctx: CliContext,
  api: ApiClient,
  id: string,
  values: { from?: string | undefined; to?: string | undefined; json?: boolean | undefined },
): Promise<number> {
  const from = positiveInt(ctx, 'diff', 'from', values.from);
  const to = positiveInt(ctx, 'diff', 'to', values.to);
  if (from === null || to === null) return 2;
  const params = new URLSearchParams({ format: values.json ? 'json' : 'text' });
  if (from !== undefined) params.set('from', String(from));
  if (to !== undefined) params.set('to', String(to));
  const res = await api.request<unknown>('GET', `/v1/change-requests/${id}/revision-diff?${params}`);
  if (res.status !== 200) {
    ctx.stderr.write(`review diff: ${problemText(res.status, res.body)}\n`);
    return 1;
  }
  ctx.stdout.write(typeof res.body === 'string' ? res.body : `${JSON.stringify(res.body, null, 2)}\n`);
  return 0;
}

const command: CliCommand = {
  name: 'review',
  summary:
    'Review change requests: the queue, one with its diff or revision diff, decisions, revise, apply (export bundle to a folder), mark applied or failed',
  usage: USAGE,
  async run(ctx) {
    const [sub, ...rest] = ctx.args;
    const api = await ctx.api();
    if (sub === undefined || sub.startsWith('--')) return list(ctx, api, ctx.args);
    if (!(SUBCOMMANDS as readonly string[]).includes(sub)) {
      ctx.stderr.write(`review: unknown subcommand "${sub}"\nusage: ${USAGE}\n`);
      return 2;
    }
    let parsed: {
      values: ActValues & { json?: boolean | undefined; from?: string | undefined; to?: string | undefined };
      positionals: string[];
    };
    try {
      parsed = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          reason: { type: 'string' },
          version: { type: 'string' },
          revision: { type: 'string' },
          comment: { type: 'string' },
          proposal: { type: 'string' },
          out: { type: 'string' },
          from: { type: 'string' },
          to: { type: 'string' },
          json: { type: 'boolean' },
        },
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
    if (sub === 'diff') return revisionDiff(ctx, api, id, parsed.values);
    return act(ctx, api, sub as Action, id, parsed.values);
  },
};

export default command;
