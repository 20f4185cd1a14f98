import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { AwsNotConfiguredError } from '../../aws/aws-errors.ts';
import type { ApplyMode, ChangeRequest } from '../change-request.ts';
import type { ActionContext, Idempotency } from '../change-request-service.ts';
import type { StoredResponse } from '../idempotency.ts';
import type {} from '../tables.ts';
import { ApplyDriver } from './apply-driver.ts';
import { type ApplyOrchestratorOptions, DRIVEN } from './apply-options.ts';
import { type MarkOutcomeInput, markApplyOutcome } from './apply-outcome.ts';
import { startApply } from './start-apply.ts';

export type { ApplyOrchestratorOptions } from './apply-options.ts';

/**
 * Apply, exactly once. The intent (an apply_attempts row with a deterministic change set name and client
 * token, unique per change request revision) is committed BEFORE AWS is called (`start-apply.ts`); a
 * background driver holding a lease then moves it forward one persisted step at a time (`apply-driver.ts`).
 * After a restart (or a replica's death, once its lease lapsed) `reconcile` finds unfinished attempts and
 * continues them from what CloudFormation reports for the persisted change set name, so nothing is created
 * or executed twice. Outcomes are recorded by `apply-outcome.ts`.
 */
export class ApplyOrchestrator {
  /** This process, as a lease owner. */
  readonly owner = `apply-${randomUUID()}`;
  private readonly running = new Map<string, Promise<void>>();
  private readonly driver: ApplyDriver | null;
  private closing = false;

  constructor(private readonly options: ApplyOrchestratorOptions) {
    this.driver =
      options.cfn === null ? null : new ApplyDriver(options, options.cfn, this.owner, () => this.closing);
  }

  get mode(): ApplyMode {
    return this.options.mode;
  }

  /**
   * Starts the apply of an approved change request. Export mode builds the bundle at once (200); the other
   * modes answer 202 and go on in the background (follow with GET).
   */
  async start(
    ctx: ActionContext,
    id: string,
    input: { expectedVersion?: number | undefined },
    idempotency: Idempotency | null,
  ): Promise<StoredResponse<ChangeRequest>> {
    if (this.options.mode !== 'export' && this.driver === null) {
      // Refused before anything is persisted: the request stays approved.
      throw new AwsNotConfiguredError(`apply with APPLY_MODE=${this.options.mode}`);
    }
    const { attemptId, ...result } = await startApply(this.options, ctx, id, input, idempotency);
    if (attemptId !== null && this.options.mode !== 'export') this.launch(attemptId);
    return result;
  }

  /** mark-applied / mark-failed: the outcome of an apply done out of band (reviewers). */
  markOutcome(ctx: ActionContext, id: string, input: MarkOutcomeInput): Promise<ChangeRequest> {
    return markApplyOutcome(this.options, ctx, id, input);
  }

  /** Continues every unfinished attempt whose lease lapsed (at boot, periodically, and on reads). */
  async reconcile(): Promise<number> {
    if (this.closing || this.driver === null) return 0;
    const rows = await this.options.db
      .selectFrom('apply_attempts')
      .select('id')
      .where('status', 'in', [...DRIVEN])
      .where((eb) =>
        eb.or([
          eb('lease_until', 'is', null),
          eb('lease_until', '<', sql<Date>`now()`),
          eb('lease_owner', '=', this.owner),
        ]),
      )
      .orderBy('created_at')
      .execute();
    let started = 0;
    for (const row of rows) {
      if (this.running.has(row.id)) continue;
      this.launch(row.id);
      started++;
    }
    return started;
  }

  /** Waits for the drivers of this process to stop (they stop at their next step) and frees their leases. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.allSettled([...this.running.values()]);
  }

  /** Resolves when every driver currently running in this process has stopped (tests, graceful paths). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  private launch(attemptId: string): void {
    const driver = this.driver;
    if (driver === null || this.closing || this.running.has(attemptId)) return;
    const task = driver
      .drive(attemptId)
      .catch((error: unknown) => {
        this.options.log.error({ err: error, attemptId }, 'apply driver stopped on an error; will reconcile');
      })
      .finally(() => {
        this.running.delete(attemptId);
      });
    this.running.set(attemptId, task);
  }
}
