/**
 * Runs Slack jobs on this replica: the one just acknowledged (`kick`), and every few seconds the due ones no
 * live replica holds (`poll`), so work acknowledged by a replica that died is finished by another. A running
 * job's lease is extended every third of `leaseMs`; a failure is retried with exponential backoff, and after
 * `maxAttempts` the job fails for good (logged, and its handler is told it is the last try).
 */
import type { FastifyBaseLogger } from 'fastify';
import { JobTakenOverError } from './job-taken-over-error.ts';
import type { SlackJob, SlackJobKind, SlackJobs } from './slack-jobs.ts';

export interface SlackJobRunnerOptions {
  intervalMs: number;
  leaseMs: number;
  maxAttempts?: number;
  retryBaseMs?: number;
}

/** Does one job's work; `lastTry` says a failure now is final (say so to the person instead of throwing). */
export type SlackJobHandler = (job: SlackJob, lastTry: boolean) => Promise<void>;

export class SlackJobRunner {
  private timer: NodeJS.Timeout | undefined;
  private readonly maxAttempts: number;
  private readonly retryBaseMs: number;

  constructor(
    private readonly jobs: SlackJobs,
    private readonly handlers: Record<SlackJobKind, SlackJobHandler>,
    private readonly track: (what: string, work: () => Promise<void>) => void,
    private readonly log: FastifyBaseLogger,
    private readonly options: SlackJobRunnerOptions,
  ) {
    this.maxAttempts = options.maxAttempts ?? 6;
    this.retryBaseMs = options.retryBaseMs ?? 2_000;
  }

  /** Runs this job now if it is unfinished and nobody holds it (a new delivery, or Slack's redelivery). */
  kick(key: string): void {
    this.track(`job:${key}`, async () => {
      const job = await this.jobs.claim(key, this.options.leaseMs);
      if (job) await this.run(job);
    });
  }

  start(): void {
    this.timer = setInterval(() => {
      this.track('jobs:poll', () => this.poll());
    }, this.options.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Runs the due jobs (backoff over, lease lapsed), a few at a time. */
  async poll(): Promise<void> {
    const due = await this.jobs.claimDue(5, this.options.leaseMs);
    for (const job of due) this.track(`job:${job.key}`, () => this.run(job));
  }

  private async run(job: SlackJob): Promise<void> {
    let lost = false;
    const heartbeat = setInterval(
      () => {
        this.jobs
          .extend(job, this.options.leaseMs)
          .then((held) => {
            lost ||= !held;
          })
          .catch(() => undefined);
      },
      Math.max(50, Math.floor(this.options.leaseMs / 3)),
    );
    heartbeat.unref();
    const lastTry = job.attempts >= this.maxAttempts;
    try {
      await this.handlers[job.kind](job, lastTry);
      await this.jobs.complete(job);
    } catch (error) {
      if (lost || error instanceof JobTakenOverError || !(await this.jobs.stillHeld(job).catch(() => false)))
        return;
      const delay = lastTry ? null : this.retryBaseMs * 2 ** (job.attempts - 1);
      await this.jobs.retryLater(job, error, delay);
      if (delay === null) this.log.error({ err: error, job: job.key }, 'Slack job failed for good');
      else this.log.warn({ err: error, job: job.key, retryInMs: delay }, 'Slack job failed; retrying');
    } finally {
      clearInterval(heartbeat);
    }
  }
}
