import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { type Kysely, sql } from 'kysely';
import {
  AwsNotConfiguredError,
  CloudFormationCallError,
  S3CallError,
  TemplateBucketChangedError,
} from '../../aws/aws-errors.ts';
import { changeSetNameFor } from '../../aws/create-change-set.ts';
import type { DescribedChangeSet } from '../../aws/describe-change-set.ts';
import { exportBundle } from '../../aws/export-bundle.ts';
import {
  TEMPLATE_BODY_LIMIT,
  type TemplateBucket,
  templateBodyOf,
  templateDelivery,
  templateObjectFor,
} from '../../aws/template-bucket.ts';
import type { StackOutcome } from '../../aws/wait-for-stack.ts';
import type { StackDiff } from '../../diff/stack-diff.ts';
import { AppError } from '../../errors/app-error.ts';
import { hasRole } from '../../identity/roles.ts';
import type { Database, Db } from '../../store/database.ts';
import { canonicalHash } from '../canonical-hash.ts';
import type { ApplyMode, ChangeRequest } from '../change-request.ts';
import {
  type ApplyAttemptRow,
  findChangeRequestRow,
  lockChangeRequest,
} from '../change-request-repository.ts';
import type { ActionContext, ChangeRequestService, Idempotency } from '../change-request-service.ts';
import { ApplyInProgressError } from '../errors/apply-in-progress-error.ts';
import { ChangeRequestForbiddenError } from '../errors/change-request-forbidden-error.ts';
import { StaleBaselineError } from '../errors/stale-baseline-error.ts';
import type { StoredResponse } from '../idempotency.ts';
import type { StackPort } from '../ports.ts';
import { acquireStackLock, releaseStackLock } from '../stack-lock.ts';
import { type ChangeRequestState, transition } from '../state-machine.ts';
import type {} from '../tables.ts';
import type { CloudFormationPort } from './cloudformation-port.ts';
import type { TemplateUploadPort } from './template-upload-port.ts';

export interface ApplyOrchestratorOptions {
  db: Kysely<Database>;
  service: ChangeRequestService;
  stacks: StackPort;
  /** Absent when no CloudFormation client can be built (export mode only). */
  cfn: CloudFormationPort | null;
  /** CFN_TEMPLATE_BUCKET: where templates over 51,200 bytes go (and what export's commands name); or null. */
  templateBucket?: TemplateBucket | null;
  /** Uploads to templateBucket; absent when no S3 client can be built. */
  templates?: TemplateUploadPort | null;
  mode: ApplyMode;
  /** How long a driver owns an attempt without renewing; another replica takes over after it. */
  leaseMs: number;
  /** Sleep between polls when waiting on the change set by describing it. */
  pollMs: number;
  log: FastifyBaseLogger;
}

/** Attempt statuses a driver still has work for. */
const DRIVEN = ['pending', 'executing'] as const;

/**
 * The attempt's status reason while (and once) the driver deletes a stack left in ROLLBACK_COMPLETE by its
 * failed first creation. Persisted before DeleteStack is called, so a restart resumes the deletion; kept
 * (joined with the outcome's reason) when the attempt ends, so the reviewer sees what happened.
 */
const DELETING_ROLLED_BACK_STACK =
  'deleting the stack left in ROLLBACK_COMPLETE by the failed first creation (it holds no resources) to create it afresh';
const DELETED_ROLLED_BACK_STACK =
  'deleted the stack left in ROLLBACK_COMPLETE by the failed first creation (it held no resources) and created it afresh';
const STACK_NOTES: readonly string[] = [DELETING_ROLLED_BACK_STACK, DELETED_ROLLED_BACK_STACK];

/**
 * Apply, exactly once. The intent (an apply_attempts row with a deterministic change set name and client
 * token, unique per change request revision) is committed BEFORE AWS is called; a background driver holding
 * a lease then moves it forward one persisted step at a time. After a restart (or a replica's death, once
 * its lease lapsed) `reconcile` finds unfinished attempts and continues them from what CloudFormation
 * reports for the persisted change set name, so nothing is created or executed twice.
 */
export class ApplyOrchestrator {
  /** This process, as a lease owner. */
  readonly owner = `apply-${randomUUID()}`;
  private readonly running = new Map<string, Promise<void>>();
  private closing = false;

  constructor(private readonly options: ApplyOrchestratorOptions) {}

  get mode(): ApplyMode {
    return this.options.mode;
  }

  /**
   * Starts the apply of an approved change request: takes the stack lock, persists the attempt, moves the
   * request to `applying`. Export mode builds the bundle at once (200); the other modes answer 202 and go on
   * in the background (follow with GET).
   */
  async start(
    ctx: ActionContext,
    id: string,
    input: { expectedVersion?: number | undefined },
    idempotency: Idempotency | null,
  ): Promise<StoredResponse<ChangeRequest>> {
    const { service } = this.options;
    if (this.options.mode !== 'export' && this.options.cfn === null) {
      // Refused before anything is persisted: the request stays approved.
      throw new AwsNotConfiguredError(`apply with APPLY_MODE=${this.options.mode}`);
    }
    let attemptId: string | null = null;
    // Read before the transaction: when the store has no baseline this may ask AWS for the deployed one.
    const deployed = await this.options.stacks.deployedWhenUnstored(
      (await findChangeRequestRow(this.options.db, id)).stack_name,
    );
    const result = await service.mutateIdempotently(
      ctx,
      id,
      'apply',
      input.expectedVersion,
      idempotency,
      async (trx, row, mutation) => {
        if (row.author_id !== ctx.user.id && !hasRole(ctx.user, ['reviewer', 'policy_admin'])) {
          throw new ChangeRequestForbiddenError(
            'apply',
            'the author, a reviewer, a policy_admin or an admin',
          );
        }
        const state = row.state as ChangeRequestState;
        const next = transition(state, 'apply');
        const revision = await trx
          .selectFrom('change_request_revisions')
          .selectAll()
          .where('change_request_id', '=', id)
          .where('revision', '=', row.revision)
          .executeTakeFirstOrThrow();
        // Refused before anything is persisted when CloudFormation could not take the template.
        const templateUrl = this.templateUrlOf(id, row.stack_name, row.revision, revision.template);
        const key = { team: row.team, app: row.app, environment: row.environment, name: row.stack_name };
        const baseline = await service.currentBaseline(trx, key, deployed);
        const digest = baseline === null ? null : canonicalHash(baseline);
        if (digest !== revision.baseline_digest) throw new StaleBaselineError(id, row.stack_name);
        await acquireStackLock(trx, {
          stackName: row.stack_name,
          changeRequestId: id,
          userId: ctx.user.id,
          userName: ctx.user.name,
        });
        const mode = this.options.mode;
        const changeSetName = changeSetNameFor(id, row.revision);
        const exported =
          mode === 'export'
            ? exportBundle({
                stackName: row.stack_name,
                template: revision.template,
                diff: revision.diff as StackDiff,
                changeSetName,
                ...this.exportS3Of(revision.template),
                ...(regionOf(revision.architecture)
                  ? { region: regionOf(revision.architecture) as string }
                  : {}),
              })
            : null;
        attemptId = randomUUID();
        await trx
          .insertInto('apply_attempts')
          .values({
            id: attemptId,
            change_request_id: id,
            revision: row.revision,
            mode,
            stack_name: row.stack_name,
            change_set_name: changeSetName,
            client_token: `${changeSetName}-${row.version}`.slice(0, 128),
            template_url: templateUrl,
            status: exported ? 'exported' : 'pending',
            bundle: exported ? JSON.stringify(exported) : null,
            requested_by_id: ctx.user.id,
            requested_by_name: ctx.user.name,
          })
          .execute();
        await service.bump(trx, row, { state: next });
        await service.audit(trx, ctx, id, 'change_request.apply', state, next, {
          revision: row.revision,
          mode,
          changeSetName,
          attemptId,
          ...(templateUrl === null ? {} : { templateUrl }),
        });
        mutation.events.push({ type: 'apply_started', reason: null });
        return { statusCode: mode === 'export' ? 200 : 202, body: await service.get(id, trx) };
      },
    );
    if (!result.replayed && attemptId !== null && this.options.mode !== 'export') this.launch(attemptId);
    return result;
  }

  /**
   * Records the outcome of an apply done out of band (export, or a change set executed in the console):
   * `succeeded` moves the baseline and marks the request applied; `failed` marks it failed. Reviewers only.
   */
  async markOutcome(
    ctx: ActionContext,
    id: string,
    input: {
      outcome: 'succeeded' | 'failed';
      reason?: string | undefined;
      expectedVersion?: number | undefined;
    },
  ): Promise<ChangeRequest> {
    if (!hasRole(ctx.user, ['reviewer', 'policy_admin'])) {
      throw new ChangeRequestForbiddenError(
        input.outcome === 'succeeded' ? 'mark applied' : 'mark failed',
        'a reviewer, a policy_admin or an admin',
      );
    }
    return this.options.service.mutate(ctx, id, input.expectedVersion, async (trx, row, mutation) => {
      const state = row.state as ChangeRequestState;
      transition(state, input.outcome === 'succeeded' ? 'complete' : 'fail');
      const attempt = await trx
        .selectFrom('apply_attempts')
        .selectAll()
        .where('change_request_id', '=', id)
        .where('revision', '=', row.revision)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (attempt.status !== 'exported' && attempt.status !== 'changeset_created') {
        throw new ApplyInProgressError(id, attempt.mode, attempt.status);
      }
      const type = await this.finish(trx, ctx, row.id, attempt, {
        outcome: input.outcome,
        reason: input.reason ?? null,
        stackStatus: null,
        summary: { outOfBand: true },
      });
      mutation.events.push({ type, reason: input.reason ?? null });
    });
  }

  /** Continues every unfinished attempt whose lease lapsed (at boot, periodically, and on reads). */
  async reconcile(): Promise<number> {
    if (this.closing || this.options.cfn === null) return 0;
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
    if (this.closing || this.running.has(attemptId)) return;
    const task = this.drive(attemptId)
      .catch((error: unknown) => {
        this.options.log.error({ err: error, attemptId }, 'apply driver stopped on an error; will reconcile');
      })
      .finally(() => {
        this.running.delete(attemptId);
      });
    this.running.set(attemptId, task);
  }

  /** Takes or renews the lease; null when another owner holds it or the attempt needs no driver. */
  private async claim(attemptId: string): Promise<ApplyAttemptRow | null> {
    const row = await this.options.db
      .updateTable('apply_attempts')
      .set({
        lease_owner: this.owner,
        lease_until: sql<Date>`now() + ${`${this.options.leaseMs} milliseconds`}::interval`,
      })
      .where('id', '=', attemptId)
      .where('status', 'in', [...DRIVEN])
      .where((eb) =>
        eb.or([
          eb('lease_owner', 'is', null),
          eb('lease_owner', '=', this.owner),
          eb('lease_until', '<', sql<Date>`now()`),
        ]),
      )
      .returningAll()
      .executeTakeFirst();
    return row ?? null;
  }

  private async release(attemptId: string): Promise<void> {
    await this.options.db
      .updateTable('apply_attempts')
      .set({ lease_owner: null, lease_until: null })
      .where('id', '=', attemptId)
      .where('lease_owner', '=', this.owner)
      .execute();
  }

  private async drive(attemptId: string): Promise<void> {
    const cfn = this.options.cfn;
    if (cfn === null) return;
    try {
      for (;;) {
        if (this.closing) return;
        const attempt = await this.claim(attemptId);
        if (attempt === null) return;
        const progressed = await this.step(cfn, attempt);
        if (!progressed) await sleep(this.options.pollMs);
      }
    } catch (error) {
      await this.failFromError(attemptId, error);
    } finally {
      await this.release(attemptId).catch(() => undefined);
    }
  }

  /** One step from the persisted status; true when something changed (so no pause before the next). */
  private async step(cfn: CloudFormationPort, attempt: ApplyAttemptRow): Promise<boolean> {
    if (attempt.status === 'pending') {
      let described = await cfn.findChangeSet(attempt.stack_name, attempt.change_set_name);
      if (described === null) {
        const cleared = await this.clearRolledBackCreation(cfn, attempt);
        if (cleared !== 'ready') return cleared === 'progressed';
        const revision = await this.options.db
          .selectFrom('change_request_revisions')
          .select('template')
          .where('change_request_id', '=', attempt.change_request_id)
          .where('revision', '=', attempt.revision)
          .executeTakeFirstOrThrow();
        await this.uploadTemplate(attempt, revision.template);
        described = await cfn.createChangeSet({
          stackName: attempt.stack_name,
          changeSetName: attempt.change_set_name,
          clientToken: attempt.client_token,
          template: revision.template,
          templateUrl: attempt.template_url,
          description: `infra-copilot change request ${attempt.change_request_id} revision ${attempt.revision}`,
        });
        if (described === null) return false;
      }
      if (described.status === 'CREATE_PENDING' || described.status === 'CREATE_IN_PROGRESS') return false;
      if (described.status === 'FAILED' && !described.empty) {
        await this.complete(attempt, {
          outcome: 'failed',
          reason: `the change set failed: ${described.statusReason ?? 'no reason given'}`,
          stackStatus: null,
          awsChanges: described.changes,
        });
        return true;
      }
      await this.changeSetReady(attempt, described);
      return true;
    }
    // executing
    const described = await cfn.findChangeSet(attempt.stack_name, attempt.change_set_name);
    if (described !== null && described.executionStatus === 'AVAILABLE') {
      await cfn.executeChangeSet({
        stackName: attempt.stack_name,
        changeSetName: attempt.change_set_name,
        clientToken: attempt.client_token,
      });
      return true;
    }
    if (described !== null && described.executionStatus === 'OBSOLETE') {
      await this.complete(attempt, {
        outcome: 'failed',
        reason: 'the change set became obsolete: another change reached the stack first',
        stackStatus: null,
      });
      return true;
    }
    const outcome = await cfn.waitForStack(attempt.stack_name, attempt.executed_at ?? undefined);
    if (outcome === null) return false;
    await this.stackDone(attempt, outcome);
    return true;
  }

  /**
   * Before the change set is first created: a stack in ROLLBACK_COMPLETE that never completed a creation holds
   * no resources and can only be deleted (CreateChangeSet refuses it), so it is deleted (intent persisted and
   * audited first) and the change set then creates the stack afresh. No other stack is ever deleted.
   */
  private async clearRolledBackCreation(
    cfn: CloudFormationPort,
    attempt: ApplyAttemptRow,
  ): Promise<'ready' | 'progressed' | 'waiting'> {
    const stackName = attempt.stack_name;
    if (attempt.status_reason === DELETING_ROLLED_BACK_STACK) {
      // A restart may have come between persisting the intent and DeleteStack reaching CloudFormation.
      if (await cfn.isRolledBackCreation(stackName)) await cfn.deleteStack(stackName);
      if (!(await cfn.waitForStackDeleted(stackName))) return 'waiting';
      await this.noteStack(attempt, DELETING_ROLLED_BACK_STACK, DELETED_ROLLED_BACK_STACK, {
        action: 'change_request.apply_stack_deleted',
        summary: { stackStatus: 'DELETE_COMPLETE' },
      });
      return 'progressed';
    }
    if (attempt.status_reason !== null) return 'ready';
    if (!(await cfn.isRolledBackCreation(stackName))) return 'ready';
    const noted = await this.noteStack(attempt, null, DELETING_ROLLED_BACK_STACK, {
      action: 'change_request.apply_stack_delete',
      summary: { stackStatus: 'ROLLBACK_COMPLETE' },
    });
    if (noted) await cfn.deleteStack(stackName);
    return 'progressed';
  }

  /** Moves the attempt's status reason from `from` to `to` (still pending) and audits it; false if it moved. */
  private async noteStack(
    attempt: ApplyAttemptRow,
    from: string | null,
    to: string,
    audit: { action: string; summary: Record<string, unknown> },
  ): Promise<boolean> {
    return this.options.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('apply_attempts')
        .set({ status_reason: to, updated_at: new Date() })
        .where('id', '=', attempt.id)
        .where('status', '=', 'pending')
        .where('status_reason', from === null ? 'is' : '=', from)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return false;
      await this.options.service.audit(
        trx,
        requesterOf(attempt),
        attempt.change_request_id,
        audit.action,
        'applying',
        'applying',
        {
          revision: attempt.revision,
          mode: attempt.mode,
          stackName: attempt.stack_name,
          reason: to,
          recordedBy: 'apply-orchestrator',
          ...audit.summary,
        },
      );
      return true;
    });
  }

  private async changeSetReady(attempt: ApplyAttemptRow, described: DescribedChangeSet): Promise<void> {
    const changes = JSON.stringify(described.changes);
    if (attempt.mode === 'changeset') {
      // Resting state: the infra org executes it (console or CLI) and then calls mark-applied.
      await this.options.db
        .updateTable('apply_attempts')
        .set({
          status: 'changeset_created',
          aws_changes: changes,
          status_reason: joinReasons(
            stackNoteOf(attempt),
            described.empty ? 'the change set contains no changes' : null,
          ),
          updated_at: new Date(),
        })
        .where('id', '=', attempt.id)
        .where('status', '=', 'pending')
        .execute();
      return;
    }
    if (described.empty) {
      await this.complete(attempt, {
        outcome: 'succeeded',
        reason: 'nothing to change: the stack already matches the template',
        stackStatus: null,
        awsChanges: described.changes,
      });
      return;
    }
    // Persist that we are about to execute BEFORE calling ExecuteChangeSet; the next step calls it when
    // CloudFormation still reports the change set as AVAILABLE.
    await this.options.db
      .updateTable('apply_attempts')
      .set({
        status: 'executing',
        aws_changes: changes,
        executed_at: sql<Date>`now()`,
        updated_at: new Date(),
      })
      .where('id', '=', attempt.id)
      .where('status', '=', 'pending')
      .execute();
  }

  /**
   * The TemplateURL a driven apply will pass (the object it uploads the template to), or null when the template
   * fits in TemplateBody. Throws TemplateTooLargeError when CloudFormation cannot take it at all.
   */
  private templateUrlOf(
    changeRequestId: string,
    stackName: string,
    revision: number,
    template: Record<string, unknown>,
  ): string | null {
    if (this.options.mode === 'export') return null;
    const bucket = this.options.templateBucket ?? null;
    const body = templateBodyOf(template);
    if (templateDelivery(stackName, body, bucket !== null) === 'body' || bucket === null) return null;
    return templateObjectFor(bucket, { stackName, changeRequestId, revision, body }).url;
  }

  /** Export: `aws cloudformation deploy` needs `--s3-bucket` for a template over 51,200 bytes. */
  private exportS3Of(template: Record<string, unknown>): { s3Bucket?: string; s3Prefix?: string } {
    if (Buffer.byteLength(templateBodyOf(template), 'utf8') <= TEMPLATE_BODY_LIMIT) return {};
    const bucket = this.options.templateBucket ?? null;
    if (bucket === null) return { s3Bucket: '' };
    return { s3Bucket: bucket.bucket, ...(bucket.prefix ? { s3Prefix: bucket.prefix } : {}) };
  }

  /**
   * Uploads the attempt's template to the object its persisted TemplateURL names (a no-op when the object
   * already holds it: a retry after a restart or an S3 failure). Nothing to do for a TemplateBody attempt.
   */
  private async uploadTemplate(attempt: ApplyAttemptRow, template: Record<string, unknown>): Promise<void> {
    if (attempt.template_url === null) return;
    const bucket = this.options.templateBucket ?? null;
    const templates = this.options.templates ?? null;
    const body = templateBodyOf(template);
    const object =
      bucket === null
        ? null
        : templateObjectFor(bucket, {
            stackName: attempt.stack_name,
            changeRequestId: attempt.change_request_id,
            revision: attempt.revision,
            body,
          });
    if (object === null || templates === null || object.url !== attempt.template_url) {
      throw new TemplateBucketChangedError(attempt.template_url, object?.url ?? null);
    }
    const uploaded = await templates.upload(object, body);
    this.options.log.info(
      { attemptId: attempt.id, templateUrl: object.url, uploaded },
      uploaded ? 'template uploaded to S3' : 'template already in S3',
    );
  }

  private async stackDone(attempt: ApplyAttemptRow, outcome: StackOutcome): Promise<void> {
    if (outcome.outcome === 'success') {
      await this.complete(attempt, { outcome: 'succeeded', reason: null, stackStatus: outcome.status });
      return;
    }
    const failures = outcome.failures.map((f) => `${f.logicalId} (${f.resourceType}): ${f.reason}`);
    const reason =
      `${outcome.outcome === 'rolled_back' ? 'rolled back' : 'failed'} with stack status ${outcome.status}` +
      (failures.length > 0
        ? `: ${failures.join('; ')}`
        : outcome.statusReason
          ? `: ${outcome.statusReason}`
          : '');
    await this.complete(attempt, { outcome: 'failed', reason, stackStatus: outcome.status });
  }

  private async failFromError(attemptId: string, error: unknown): Promise<void> {
    // A refusal (validation, template too large, change set failed) is final; anything transient
    // (network, throttling, the store) is left for the next reconcile.
    if (isTransient(error)) throw error;
    const attempt = await this.options.db
      .selectFrom('apply_attempts')
      .selectAll()
      .where('id', '=', attemptId)
      .executeTakeFirst();
    if (attempt === undefined) return;
    await this.complete(attempt, {
      outcome: 'failed',
      reason: error instanceof Error ? error.message : String(error),
      stackStatus: null,
    });
  }

  /** Records the end of a driven attempt and the change request's outcome, once. */
  private async complete(
    attempt: ApplyAttemptRow,
    end: {
      outcome: 'succeeded' | 'failed';
      reason: string | null;
      stackStatus: string | null;
      awsChanges?: unknown;
    },
  ): Promise<void> {
    const { service } = this.options;
    let done = false;
    // No caller: the system records the outcome (the audit entry names who started the apply).
    await service.mutate(null, attempt.change_request_id, undefined, async (trx, row, mutation) => {
      const locked = await trx
        .selectFrom('apply_attempts')
        .selectAll()
        .where('id', '=', attempt.id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (!(DRIVEN as readonly string[]).includes(locked.status) || row.state !== 'applying') return;
      if (end.awsChanges !== undefined) {
        await trx
          .updateTable('apply_attempts')
          .set({ aws_changes: JSON.stringify(end.awsChanges) })
          .where('id', '=', attempt.id)
          .execute();
      }
      const type = await this.finish(trx, null, row.id, locked, {
        outcome: end.outcome,
        reason: end.reason,
        stackStatus: end.stackStatus,
        summary: {},
      });
      mutation.events.push({ type, reason: end.reason, system: true });
      done = true;
    });
    if (!done) this.options.log.info({ attemptId: attempt.id }, 'apply outcome already recorded');
  }

  /** Inside the caller's transaction: attempt outcome, state, baseline (on success), lock release, audit. */
  private async finish(
    trx: Db,
    ctx: ActionContext | null,
    id: string,
    attempt: ApplyAttemptRow,
    end: {
      outcome: 'succeeded' | 'failed';
      reason: string | null;
      stackStatus: string | null;
      summary: Record<string, unknown>;
    },
  ): Promise<'applied' | 'failed'> {
    const { service } = this.options;
    const row = await lockChangeRequest(trx, id);
    const state = row.state as ChangeRequestState;
    const next = transition(state, end.outcome === 'succeeded' ? 'complete' : 'fail');
    await trx
      .updateTable('apply_attempts')
      .set({
        status: end.outcome,
        status_reason: joinReasons(stackNoteOf(attempt), end.reason),
        stack_status: end.stackStatus,
        finished_at: new Date(),
        updated_at: new Date(),
        lease_owner: null,
        lease_until: null,
      })
      .where('id', '=', attempt.id)
      .execute();
    if (end.outcome === 'succeeded') {
      const revision = await trx
        .selectFrom('change_request_revisions')
        .select('template')
        .where('change_request_id', '=', id)
        .where('revision', '=', row.revision)
        .executeTakeFirstOrThrow();
      await this.options.stacks.setBaseline(
        trx,
        { team: row.team, app: row.app, environment: row.environment, name: row.stack_name },
        revision.template,
        {
          source: `change-request:${attempt.mode}`,
          changeRequestId: id,
          actorName: ctx?.user.name ?? attempt.requested_by_name,
        },
      );
      await service.bump(trx, row, { state: next, applied_at: new Date() });
    } else {
      await service.insertComment(
        trx,
        row,
        ctx === null ? { id: null, name: 'system' } : { id: ctx.user.id, name: ctx.user.name },
        'apply_failed',
        end.reason ?? 'the apply failed',
      );
      await service.bump(trx, row, { state: next });
    }
    await releaseStackLock(trx, id);
    // The system finishes an apply on behalf of whoever started it: that person is the audit actor.
    const actor: ActionContext | null = ctx ?? requesterOf(attempt);
    await service.audit(
      trx,
      actor,
      id,
      `change_request.${end.outcome === 'succeeded' ? 'applied' : 'apply_failed'}`,
      state,
      next,
      {
        revision: row.revision,
        mode: attempt.mode,
        changeSetName: attempt.change_set_name,
        ...(attempt.template_url === null ? {} : { templateUrl: attempt.template_url }),
        ...(end.stackStatus ? { stackStatus: end.stackStatus } : {}),
        ...(end.reason ? { reason: end.reason } : {}),
        ...(ctx === null ? { recordedBy: 'apply-orchestrator' } : {}),
        ...end.summary,
      },
    );
    return end.outcome === 'succeeded' ? 'applied' : 'failed';
  }
}

/** Whoever started the apply, as the audit actor of what the system does on their behalf. */
function requesterOf(attempt: ApplyAttemptRow): ActionContext | null {
  return attempt.requested_by_id === null
    ? null
    : { user: { id: attempt.requested_by_id, name: attempt.requested_by_name, roles: [], teams: [] } };
}

/** The note about a deleted rolled-back stack the attempt carries, if any. */
function stackNoteOf(attempt: ApplyAttemptRow): string | null {
  return attempt.status_reason !== null && STACK_NOTES.includes(attempt.status_reason)
    ? attempt.status_reason
    : null;
}

function joinReasons(...reasons: Array<string | null>): string | null {
  const kept = reasons.filter((r): r is string => r !== null && r !== '');
  return kept.length === 0 ? null : kept.join('; ');
}

function regionOf(architecture: unknown): string | undefined {
  const region = (architecture as { region?: unknown } | null)?.region;
  return typeof region === 'string' ? region : undefined;
}

const TRANSIENT_CODE = /throttl|limitexceeded|unavailable|internal|timeout|econn|socket|network|unknown/i;

/** Whether retrying later may succeed: not a typed refusal by CloudFormation or by our checks. */
function isTransient(error: unknown): boolean {
  if (error instanceof CloudFormationCallError)
    return TRANSIENT_CODE.test(String(error.extensions.code ?? ''));
  if (error instanceof S3CallError) {
    const status = error.extensions.httpStatus;
    return typeof status !== 'number' || status >= 500 || TRANSIENT_CODE.test(String(error.extensions.code));
  }
  return !(error instanceof AppError);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
