import { randomUUID } from 'node:crypto';
import { changeSetNameFor } from '../../aws/create-change-set.ts';
import { exportBundle } from '../../aws/export-bundle.ts';
import {
  TEMPLATE_BODY_LIMIT,
  templateBodyOf,
  templateDelivery,
  templateObjectFor,
} from '../../aws/template-bucket.ts';
import type { StackDiff } from '../../diff/stack-diff.ts';
import { hasRole } from '../../identity/roles.ts';
import { canonicalHash } from '../canonical-hash.ts';
import type { ChangeRequest } from '../change-request.ts';
import { findChangeRequestRow } from '../change-request-repository.ts';
import type { ActionContext, Idempotency } from '../change-request-service.ts';
import { ChangeRequestForbiddenError } from '../errors/change-request-forbidden-error.ts';
import { StaleBaselineError } from '../errors/stale-baseline-error.ts';
import type { StoredResponse } from '../idempotency.ts';
import { acquireStackLock } from '../stack-lock.ts';
import { type ChangeRequestState, transition } from '../state-machine.ts';
import type {} from '../tables.ts';
import type { ApplyOrchestratorOptions } from './apply-options.ts';

/**
 * Starts the apply of an approved change request: takes the stack lock, persists the attempt (its change set
 * name and client token), moves the request to `applying`. Export mode builds the bundle at once (200); the
 * other modes answer 202 and the caller launches the driver of the attempt (`attemptId`).
 */
export async function startApply(
  options: ApplyOrchestratorOptions,
  ctx: ActionContext,
  id: string,
  input: { expectedVersion?: number | undefined },
  idempotency: Idempotency | null,
): Promise<StoredResponse<ChangeRequest> & { attemptId: string | null }> {
  const { service } = options;
  let attemptId: string | null = null;
  // Read before the transaction: when the store has no baseline this may ask AWS for the deployed one.
  const deployed = await options.stacks.deployedWhenUnstored(
    (await findChangeRequestRow(options.db, id)).stack_name,
  );
  const result = await service.runner.mutateIdempotently(
    ctx,
    id,
    'apply',
    { version: input.expectedVersion },
    idempotency,
    {},
    async (trx, row, mutation) => {
      if (row.author_id !== ctx.user.id && !hasRole(ctx.user, ['reviewer', 'policy_admin'])) {
        throw new ChangeRequestForbiddenError('apply', 'the author, a reviewer, a policy_admin or an admin');
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
      const templateUrl = templateUrlOf(options, id, row.stack_name, row.revision, revision.template);
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
      const mode = options.mode;
      const changeSetName = changeSetNameFor(id, row.revision);
      const region = regionOf(revision.architecture);
      const exported =
        mode === 'export'
          ? exportBundle({
              stackName: row.stack_name,
              template: revision.template,
              diff: revision.diff as StackDiff,
              changeSetName,
              ...exportS3Of(options, revision.template),
              ...(region ? { region } : {}),
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
      await service.runner.bump(trx, row, { state: next });
      mutation.audit = {
        action: 'change_request.apply',
        from: state,
        to: next,
        summary: {
          revision: row.revision,
          version: row.version,
          mode,
          changeSetName,
          attemptId,
          ...(templateUrl === null ? {} : { templateUrl }),
        },
      };
      mutation.events.push({ type: 'apply_started', reason: null });
      return { statusCode: mode === 'export' ? 200 : 202 };
    },
  );
  return { ...result, attemptId: result.replayed ? null : attemptId };
}

/**
 * The TemplateURL a driven apply will pass (the object it uploads the template to), or null when the template
 * fits in TemplateBody. Throws TemplateTooLargeError when CloudFormation cannot take it at all.
 */
function templateUrlOf(
  options: ApplyOrchestratorOptions,
  changeRequestId: string,
  stackName: string,
  revision: number,
  template: Record<string, unknown>,
): string | null {
  if (options.mode === 'export') return null;
  const bucket = options.templateBucket ?? null;
  const body = templateBodyOf(template);
  if (templateDelivery(stackName, body, bucket !== null) === 'body' || bucket === null) return null;
  return templateObjectFor(bucket, { stackName, changeRequestId, revision, body }).url;
}

/** Export: `aws cloudformation deploy` needs `--s3-bucket` for a template over 51,200 bytes. */
function exportS3Of(
  options: ApplyOrchestratorOptions,
  template: Record<string, unknown>,
): { s3Bucket?: string; s3Prefix?: string } {
  if (Buffer.byteLength(templateBodyOf(template), 'utf8') <= TEMPLATE_BODY_LIMIT) return {};
  const bucket = options.templateBucket ?? null;
  if (bucket === null) return { s3Bucket: '' };
  return { s3Bucket: bucket.bucket, ...(bucket.prefix ? { s3Prefix: bucket.prefix } : {}) };
}

function regionOf(architecture: unknown): string | undefined {
  const region = (architecture as { region?: unknown } | null)?.region;
  return typeof region === 'string' ? region : undefined;
}
