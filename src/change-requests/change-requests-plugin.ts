/**
 * `app.changeRequests` (ChangeRequestService), `app.changeApply` (ApplyOrchestrator) and `app.changeEvents`
 * (ChangeNotifier: `subscribe(handler)` for integrations such as Slack). Unfinished applies are reconciled
 * at start and every lease period, so a restart or a dead replica never leaves an apply behind.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config/config.ts';
import {
  DEFAULT_APPROVAL_POLICY,
  type ApprovalPolicy,
  ApprovalPolicySchema,
} from './approvals/approval-policy.ts';
import { ApplyOrchestrator } from './apply/apply-orchestrator.ts';
import { cloudFormationPort } from './apply/cloudformation-port.ts';
import { templateUploadsOf } from './apply/template-upload-port.ts';
import { ChangeRequestInstruments } from './change-request-metrics.ts';
import { ChangeRequestService, type RiskPolicy } from './change-request-service.ts';
import { pruneIdempotencyKeys } from './idempotency.ts';
import { type ChangeNotifier, createChangeNotifier } from './notifier.ts';
import { diffPort, proposalPort, stackPort } from './ports-wiring.ts';

declare module 'fastify' {
  interface FastifyInstance {
    changeRequests: ChangeRequestService;
    changeApply: ApplyOrchestrator;
    /** Change request events after commit: `app.changeEvents.subscribe(handler)` returns an unsubscribe. */
    changeEvents: ChangeNotifier;
  }
}

export interface ChangeRequestsPluginOptions {
  config: Config;
}

type ChangesConfig = Pick<
  Config,
  | 'APPROVAL_LOW_APPROVALS'
  | 'APPROVAL_LOW_POLICY_ADMIN'
  | 'APPROVAL_HIGH_APPROVALS'
  | 'APPROVAL_HIGH_POLICY_ADMIN'
  | 'APPROVAL_CROSS_TEAM'
  | 'APPROVAL_INFRA_TEAMS'
  | 'RISK_COST_THRESHOLD_USD'
  | 'RISK_COST_THRESHOLD_BY_TEAM'
>;

/** The approval rule from the config (validated: policy_admin approvals never exceed approvals). */
function approvalPolicyOf(config: ChangesConfig): ApprovalPolicy {
  return ApprovalPolicySchema.parse({
    ...DEFAULT_APPROVAL_POLICY,
    low: { approvals: config.APPROVAL_LOW_APPROVALS, policyAdminApprovals: config.APPROVAL_LOW_POLICY_ADMIN },
    high: {
      approvals: config.APPROVAL_HIGH_APPROVALS,
      policyAdminApprovals: config.APPROVAL_HIGH_POLICY_ADMIN,
    },
    allowCrossTeamReviewers: config.APPROVAL_CROSS_TEAM,
    infraTeams: config.APPROVAL_INFRA_TEAMS ? config.APPROVAL_INFRA_TEAMS.split(',') : [],
  });
}

function riskPolicyOf(config: ChangesConfig): RiskPolicy {
  const byTeam: Record<string, number> = {};
  for (const pair of config.RISK_COST_THRESHOLD_BY_TEAM?.split(',') ?? []) {
    const [team, amount] = pair.split('=');
    if (team && amount) byTeam[team] = Number(amount);
  }
  return { costThresholdUsd: config.RISK_COST_THRESHOLD_USD, costThresholdByTeam: byTeam };
}

async function changeRequestsPlugin(
  app: FastifyInstance,
  options: ChangeRequestsPluginOptions,
): Promise<void> {
  const { config } = options;
  const log = app.log.child({ module: 'change-requests' });
  const notifier = createChangeNotifier((error, event) => {
    log.error(
      { err: error, event: event.type, changeRequestId: event.changeRequest.id },
      'change event handler failed',
    );
  });
  const instruments = new ChangeRequestInstruments(app.metrics.registry);
  const stacks = stackPort((name) => app.stacks.resolveBaseline(name));
  const service = new ChangeRequestService({
    db: app.db,
    audit: app.audit,
    notifier,
    proposals: proposalPort(),
    stacks,
    diff: diffPort(),
    approvalPolicy: approvalPolicyOf(config),
    riskPolicy: riskPolicyOf(config),
    onCommitted: (events, changeRequest, firstReview) =>
      instruments.observe(events, changeRequest, firstReview),
    onEmitError: (error) => log.error({ err: error }, 'change request metrics failed'),
  });
  // DIFF's CloudFormation client: one per app, closed with it.
  const cfn =
    config.AWS_REGION === undefined
      ? null
      : cloudFormationPort(() => app.stacks.cloudFormation(), {
          pollMs: config.APPLY_POLL_MS,
          chunkMs: Math.max(config.APPLY_LEASE_MS / 2, config.APPLY_POLL_MS * 2),
        });
  const orchestrator = new ApplyOrchestrator({
    db: app.db,
    service,
    stacks,
    cfn,
    ...templateUploadsOf(config),
    mode: config.APPLY_MODE,
    leaseMs: config.APPLY_LEASE_MS,
    pollMs: config.APPLY_POLL_MS,
    log,
  });
  app.decorate('changeRequests', service);
  app.decorate('changeApply', orchestrator);
  app.decorate('changeEvents', notifier);

  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    const reconcile = () => {
      orchestrator.reconcile().catch((error: unknown) => log.error({ err: error }, 'apply reconcile failed'));
      pruneIdempotencyKeys(app.db).catch((error: unknown) =>
        log.error({ err: error }, 'idempotency prune failed'),
      );
    };
    reconcile();
    timer = setInterval(reconcile, config.APPLY_LEASE_MS);
    timer.unref();
  });
  // preClose: the drivers stop (and free their leases) while the store is still open.
  app.addHook('preClose', async () => {
    if (timer) clearInterval(timer);
    await orchestrator.close();
  });
}

export default fp(changeRequestsPlugin, {
  name: 'change-requests',
  dependencies: ['db', 'audit', 'metrics', 'identity', 'stacks'],
});
