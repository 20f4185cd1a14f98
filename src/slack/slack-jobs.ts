/**
 * The store side of Slack work as jobs (see the 0018 migration): written with the delivery claim, claimed
 * with a lease by one replica at a time (a compare-and-set for one key, FOR UPDATE SKIP LOCKED for the due
 * ones), extended while it runs, then done, retried later with backoff, or failed for good.
 */
import { randomUUID } from 'node:crypto';
import { type Selectable, sql } from 'kysely';
import type { Db } from '../store/database.ts';
import type { SlackJobsTable } from './tables.ts';

export type SlackJobKind = SlackJobsTable['kind'];

export interface NewSlackJob {
  key: string;
  kind: SlackJobKind;
  payload: Record<string, unknown>;
}

export interface SlackJob {
  key: string;
  kind: SlackJobKind;
  payload: Record<string, unknown>;
  progress: Record<string, unknown>;
  /** Attempts including this one. */
  attempts: number;
  /** The lease this run holds: only its holder may extend or finish the job. */
  lease: string;
}

function toJob(row: Selectable<SlackJobsTable>): SlackJob {
  return {
    key: row.key,
    kind: row.kind,
    payload: row.payload as Record<string, unknown>,
    progress: row.progress,
    attempts: row.attempts,
    lease: row.locked_by ?? '',
  };
}

/** A new lease: this run's token, until when it holds, and one more attempt. */
function lease(now: Date, leaseMs: number) {
  return {
    locked_by: randomUUID(),
    locked_until: new Date(now.getTime() + leaseMs),
    attempts: sql<number>`attempts + 1`,
  };
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

export class SlackJobs {
  constructor(private readonly db: Db) {}

  /** Adds a job in the caller's transaction (the one that claims the delivery); a second add is a no-op. */
  async enqueue(trx: Db, job: NewSlackJob): Promise<void> {
    await trx
      .insertInto('slack_jobs')
      .values({ key: job.key, kind: job.kind, payload: JSON.stringify(job.payload) })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }

  /** Takes one unfinished job whose lease is free, now (a redelivery resumes at once, backoff or not). */
  async claim(key: string, leaseMs: number, now = new Date()): Promise<SlackJob | null> {
    const row = await this.db
      .updateTable('slack_jobs')
      .set(lease(now, leaseMs))
      .where('key', '=', key)
      .where('state', '=', 'pending')
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
      .returningAll()
      .executeTakeFirst();
    return row ? toJob(row) : null;
  }

  /** Takes up to `limit` due jobs no live replica holds, skipping rows another replica is taking right now. */
  async claimDue(limit: number, leaseMs: number, now = new Date()): Promise<SlackJob[]> {
    return this.db.transaction().execute(async (trx) => {
      const due = await trx
        .selectFrom('slack_jobs')
        .select('key')
        .where('state', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
        .orderBy('created_at')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute();
      if (due.length === 0) return [];
      const jobs: SlackJob[] = [];
      for (const { key } of due) {
        const row = await trx
          .updateTable('slack_jobs')
          .set(lease(now, leaseMs))
          .where('key', '=', key)
          .returningAll()
          .executeTakeFirstOrThrow();
        jobs.push(toJob(row));
      }
      return jobs;
    });
  }

  /** Keeps the lease while the job runs; false when another replica took it over. */
  async extend(job: SlackJob, leaseMs: number): Promise<boolean> {
    const row = await this.db
      .updateTable('slack_jobs')
      .set({ locked_until: new Date(Date.now() + leaseMs) })
      .where('key', '=', job.key)
      .where('locked_by', '=', job.lease)
      .where('state', '=', 'pending')
      .returning('key')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Whether this run still holds the job: checked right before a step that cannot be undone (a post). */
  async stillHeld(job: SlackJob): Promise<boolean> {
    const row = await this.db
      .selectFrom('slack_jobs')
      .select('key')
      .where('key', '=', job.key)
      .where('locked_by', '=', job.lease)
      .where('state', '=', 'pending')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Records a finished step (`{openerTs}`, `{posted: true}`) so a resumed run skips it. */
  async saveProgress(job: SlackJob, progress: Record<string, unknown>): Promise<void> {
    job.progress = { ...job.progress, ...progress };
    await this.db
      .updateTable('slack_jobs')
      .set({ progress: JSON.stringify(job.progress) as unknown as Record<string, unknown> })
      .where('key', '=', job.key)
      .where('locked_by', '=', job.lease)
      .execute();
  }

  async complete(job: SlackJob): Promise<void> {
    await this.db
      .updateTable('slack_jobs')
      .set({ state: 'done', finished_at: new Date(), locked_by: null, locked_until: null, last_error: null })
      .where('key', '=', job.key)
      .where('locked_by', '=', job.lease)
      .execute();
  }

  /** Releases the job for another attempt after `delayMs`, or fails it for good. */
  async retryLater(job: SlackJob, error: unknown, delayMs: number | null): Promise<void> {
    await this.db
      .updateTable('slack_jobs')
      .set({
        locked_by: null,
        locked_until: null,
        last_error: describe(error),
        ...(delayMs === null
          ? { state: 'failed' as const, finished_at: new Date() }
          : { next_attempt_at: new Date(Date.now() + delayMs) }),
      })
      .where('key', '=', job.key)
      .where('locked_by', '=', job.lease)
      .execute();
  }
}
