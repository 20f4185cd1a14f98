import { type Kysely, sql } from 'kysely';
import { Counter, Histogram, type Registry } from 'prom-client';
import type { Database } from '../store/database.ts';
import type { ChangeRequest } from './change-request.ts';
import { CHANNELS } from './change-request.ts';
import type { ChangeEvent } from './notifier.ts';
import type {} from './tables.ts';

/**
 * Infra-org flow metrics. Definitions (also in docs/decisions/0005-change-request-locks-and-apply.md):
 * - time to first review: created → the first approval, request for changes or rejection;
 * - time to approval: created → the moment the approval rule was last satisfied;
 * - approved without changes requested: approved requests no reviewer ever asked to change;
 * - self-served: applied requests whose first revision went through unchanged — no reviewer asked for
 *   changes and no new revision was needed, so no human edited what the copilot generated.
 */
export interface DurationStats {
  count: number;
  meanSeconds: number | null;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export interface RequestMetrics {
  window: { since: string | null; until: string | null; team: string | null };
  requests: {
    total: number;
    byChannel: Record<(typeof CHANNELS)[number], number>;
    byTeam: Array<{ team: string; total: number; byChannel: Record<(typeof CHANNELS)[number], number> }>;
  };
  timeToFirstReview: DurationStats;
  timeToApproval: DurationStats;
  approvedWithoutChangesRequested: {
    approved: number;
    withoutChangesRequested: number;
    share: number | null;
  };
  selfServed: { applied: number; selfServed: number; share: number | null };
}

const NO_TEAM = '(none)';

function zeroChannels(): Record<(typeof CHANNELS)[number], number> {
  return { api: 0, cli: 0, slack: 0 };
}

function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const a = sorted[low] as number;
  const b = sorted[high] as number;
  return round(a + (b - a) * (position - low));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export function durationStats(seconds: readonly number[]): DurationStats {
  const sorted = [...seconds].sort((a, b) => a - b);
  return {
    count: sorted.length,
    meanSeconds: sorted.length === 0 ? null : round(sorted.reduce((s, v) => s + v, 0) / sorted.length),
    medianSeconds: quantile(sorted, 0.5),
    p90Seconds: quantile(sorted, 0.9),
  };
}

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : round(part / whole);
}

/** The metrics over change requests created in [since, until), optionally for one team. */
export async function requestMetrics(
  db: Kysely<Database>,
  filter: { since?: Date | undefined; until?: Date | undefined; team?: string | undefined },
): Promise<RequestMetrics> {
  let query = db
    .selectFrom('change_requests')
    .select([
      'team',
      'channel',
      'state',
      'revision',
      'changes_requested_count',
      sql<number | null>`extract(epoch from (first_review_at - created_at))::float8`.as('first_review_s'),
      sql<number | null>`extract(epoch from (approved_at - created_at))::float8`.as('approval_s'),
    ]);
  if (filter.since) query = query.where('created_at', '>=', filter.since);
  if (filter.until) query = query.where('created_at', '<', filter.until);
  if (filter.team) query = query.where('team', '=', filter.team);
  const rows = await query.execute();

  const byChannel = zeroChannels();
  const teams = new Map<string, { total: number; byChannel: Record<(typeof CHANNELS)[number], number> }>();
  const firstReview: number[] = [];
  const approval: number[] = [];
  let approved = 0;
  let approvedClean = 0;
  let applied = 0;
  let selfServed = 0;
  for (const row of rows) {
    const channel = (CHANNELS as readonly string[]).includes(row.channel)
      ? (row.channel as (typeof CHANNELS)[number])
      : 'api';
    byChannel[channel]++;
    const team = row.team ?? NO_TEAM;
    const entry = teams.get(team) ?? { total: 0, byChannel: zeroChannels() };
    entry.total++;
    entry.byChannel[channel]++;
    teams.set(team, entry);
    if (row.first_review_s !== null) firstReview.push(Number(row.first_review_s));
    if (row.approval_s !== null) {
      approval.push(Number(row.approval_s));
      approved++;
      if (row.changes_requested_count === 0) approvedClean++;
    }
    if (row.state === 'applied') {
      applied++;
      if (row.changes_requested_count === 0 && row.revision === 1) selfServed++;
    }
  }
  return {
    window: {
      since: filter.since?.toISOString() ?? null,
      until: filter.until?.toISOString() ?? null,
      team: filter.team ?? null,
    },
    requests: {
      total: rows.length,
      byChannel,
      byTeam: [...teams.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([team, v]) => ({ team, total: v.total, byChannel: v.byChannel })),
    },
    timeToFirstReview: durationStats(firstReview),
    timeToApproval: durationStats(approval),
    approvedWithoutChangesRequested: {
      approved,
      withoutChangesRequested: approvedClean,
      share: share(approvedClean, approved),
    },
    selfServed: { applied, selfServed, share: share(selfServed, applied) },
  };
}

/** Prometheus instruments on the app's registry, updated after each commit. */
export class ChangeRequestInstruments {
  private readonly created: Counter<'team' | 'channel'>;
  private readonly events: Counter<'event'>;
  private readonly firstReview: Histogram<'team'>;
  private readonly approval: Histogram<'team'>;
  private readonly selfServed: Counter<'team'>;

  constructor(registry: Registry) {
    const buckets = [60, 300, 900, 3600, 4 * 3600, 8 * 3600, 86_400, 3 * 86_400, 7 * 86_400];
    this.created = new Counter({
      name: 'change_requests_created_total',
      help: 'Change requests created, by team and channel (api, cli, slack)',
      labelNames: ['team', 'channel'] as const,
      registers: [registry],
    });
    this.events = new Counter({
      name: 'change_request_events_total',
      help: 'Change request events (approved, rejected, applied, failed, ...)',
      labelNames: ['event'] as const,
      registers: [registry],
    });
    this.firstReview = new Histogram({
      name: 'change_request_time_to_first_review_seconds',
      help: 'Seconds from creation to the first review decision',
      labelNames: ['team'] as const,
      buckets,
      registers: [registry],
    });
    this.approval = new Histogram({
      name: 'change_request_time_to_approval_seconds',
      help: 'Seconds from creation to approval',
      labelNames: ['team'] as const,
      buckets,
      registers: [registry],
    });
    this.selfServed = new Counter({
      name: 'change_requests_self_served_total',
      help: 'Applied change requests whose first revision went through with no changes requested',
      labelNames: ['team'] as const,
      registers: [registry],
    });
  }

  observe(events: readonly ChangeEvent[], cr: ChangeRequest, firstReview: boolean): void {
    const team = cr.stack.team ?? NO_TEAM;
    const created = Date.parse(cr.createdAt);
    for (const event of events) {
      this.events.inc({ event: event.type });
      if (event.type === 'created') this.created.inc({ team, channel: cr.channel });
      if (event.type === 'approved' && cr.approvedAt !== null) {
        this.approval.observe({ team }, Math.max(0, (Date.parse(cr.approvedAt) - created) / 1000));
      }
      if (event.type === 'applied' && cr.revision === 1 && cr.changesRequestedCount === 0) {
        this.selfServed.inc({ team });
      }
    }
    if (firstReview && cr.firstReviewAt !== null) {
      this.firstReview.observe({ team }, Math.max(0, (Date.parse(cr.firstReviewAt) - created) / 1000));
    }
  }
}
