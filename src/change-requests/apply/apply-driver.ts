import { sql } from 'kysely';
import { CloudFormationCallError, S3CallError, TemplateBucketChangedError } from '../../aws/aws-errors.ts';
import type { DescribedChangeSet } from '../../aws/describe-change-set.ts';
import { templateBodyOf, templateObjectFor } from '../../aws/template-bucket.ts';
import type { StackOutcome } from '../../aws/wait-for-stack.ts';
import { AppError } from '../../errors/app-error.ts';
import type { ApplyAttemptRow } from '../change-request-repository.ts';
import type {} from '../tables.ts';
import { type ApplyOrchestratorOptions, DRIVEN } from './apply-options.ts';
import { completeAttempt, joinReasons } from './apply-outcome.ts';
import type { CloudFormationPort } from './cloudformation-port.ts';
import { clearRolledBackCreation, stackNoteOf } from './rolled-back-stack.ts';

/**
 * Moves one apply attempt forward, one persisted step at a time, while it holds the attempt's lease:
 * pending → (CreateChangeSet, DescribeChangeSet) → changeset_created (changeset mode rests there) or
 * executing → (ExecuteChangeSet, follow the stack) → succeeded | failed. Each step reads what
 * CloudFormation reports for the persisted change set name, so a restart never repeats one.
 */
export class ApplyDriver {
  constructor(
    private readonly options: ApplyOrchestratorOptions,
    private readonly cfn: CloudFormationPort,
    /** This process, as a lease owner. */
    private readonly owner: string,
    private readonly stopping: () => boolean,
  ) {}

  async drive(attemptId: string): Promise<void> {
    try {
      for (;;) {
        if (this.stopping()) return;
        const attempt = await this.claim(attemptId);
        if (attempt === null) return;
        const progressed = await this.step(attempt);
        if (!progressed) await sleep(this.options.pollMs);
      }
    } catch (error) {
      await this.failFromError(attemptId, error);
    } finally {
      await this.release(attemptId).catch(() => undefined);
    }
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

  /** One step from the persisted status; true when something changed (so no pause before the next). */
  private async step(attempt: ApplyAttemptRow): Promise<boolean> {
    const { cfn } = this;
    if (attempt.status === 'pending') {
      let described = await cfn.findChangeSet(attempt.stack_name, attempt.change_set_name);
      if (described === null) {
        const cleared = await clearRolledBackCreation(this.options, cfn, attempt);
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
        await completeAttempt(this.options, attempt, {
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
      await completeAttempt(this.options, attempt, {
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

  private async changeSetReady(attempt: ApplyAttemptRow, described: DescribedChangeSet): Promise<void> {
    const changes = JSON.stringify(described.changes);
    if (attempt.mode === 'changeset') {
      // Resting state: the infra org executes it (console or CLI) and then calls mark-applied.
      await this.moveAttempt(attempt, {
        status: 'changeset_created',
        aws_changes: changes,
        status_reason: joinReasons(
          stackNoteOf(attempt),
          described.empty ? 'the change set contains no changes' : null,
        ),
      });
      return;
    }
    if (described.empty) {
      await completeAttempt(this.options, attempt, {
        outcome: 'succeeded',
        reason: 'nothing to change: the stack already matches the template',
        stackStatus: null,
        awsChanges: described.changes,
      });
      return;
    }
    // Persist that we are about to execute BEFORE calling ExecuteChangeSet; the next step calls it when
    // CloudFormation still reports the change set as AVAILABLE.
    await this.moveAttempt(attempt, {
      status: 'executing',
      aws_changes: changes,
      executed_at: sql<Date>`now()`,
    });
  }

  /** A pending attempt's next status, with the request's version moved on (what GET shows changed). */
  private async moveAttempt(
    attempt: ApplyAttemptRow,
    changes: {
      status: 'changeset_created' | 'executing';
      aws_changes: string;
      status_reason?: string | null;
      executed_at?: ReturnType<typeof sql<Date>>;
    },
  ): Promise<void> {
    const { service } = this.options;
    await this.options.db.transaction().execute(async (trx) => {
      await service.lock(trx, attempt.change_request_id);
      const moved = await trx
        .updateTable('apply_attempts')
        .set({ ...changes, updated_at: new Date() })
        .where('id', '=', attempt.id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) > 0) await service.runner.bump(trx, { id: attempt.change_request_id });
    });
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
      await completeAttempt(this.options, attempt, {
        outcome: 'succeeded',
        reason: null,
        stackStatus: outcome.status,
      });
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
    await completeAttempt(this.options, attempt, { outcome: 'failed', reason, stackStatus: outcome.status });
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
    await completeAttempt(this.options, attempt, {
      outcome: 'failed',
      reason: error instanceof Error ? error.message : String(error),
      stackStatus: null,
    });
  }
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
