import { newExposures } from './public-exposures.ts';
import type { Risk, RiskInput, RiskReason, RiskSettings } from './risk-types.ts';

const DEFAULT_RISK_SETTINGS: RiskSettings = { costThresholdUsd: 500 };

function compareReasons(a: RiskReason, b: RiskReason): number {
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  const ra = a.resource ?? '';
  const rb = b.resource ?? '';
  if (ra !== rb) return ra < rb ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

function formatUsd(amount: number): string {
  return `${amount.toFixed(2)} USD/month`;
}

/**
 * The risk of a change, explained. High when the change destroys or replaces a stateful resource, broadens
 * permissions, newly exposes something to the internet, raises the monthly cost above the team threshold (or
 * its cost is unknown because something has no price: fail closed), or relies on a waived `error` finding.
 * Pure and deterministic.
 */
export function computeRisk(input: RiskInput, settings: RiskSettings = DEFAULT_RISK_SETTINGS): Risk {
  const reasons: RiskReason[] = [];

  for (const change of input.changes) {
    if (!input.isStateful(change.resourceType)) continue;
    if (change.action === 'destroy') {
      reasons.push({
        code: 'stateful-destroy',
        resource: change.logicalId,
        resourceType: change.resourceType,
        message: `destroys ${change.logicalId} (${change.resourceType}), which holds data`,
      });
    } else if (change.action === 'replace' || change.action === 'may_replace') {
      reasons.push({
        code: 'stateful-replace',
        resource: change.logicalId,
        resourceType: change.resourceType,
        message:
          `${change.action === 'replace' ? 'replaces' : 'may replace'} ${change.logicalId} ` +
          `(${change.resourceType}), which holds data: replacement creates a new, empty resource`,
      });
    }
  }

  if (input.permissionsBroadened) {
    reasons.push({
      code: 'permissions-broadened',
      message: 'broadens IAM permissions or security group access (see the permission tables of the diff)',
    });
  }

  for (const exposure of newExposures(input.before, input.after)) {
    reasons.push({
      code: 'internet-exposure',
      resource: exposure.resource,
      resourceType: exposure.resourceType,
      message: `new internet exposure: ${exposure.message}`,
    });
  }

  const delta = input.costDeltaMonthlyUsd;
  if (delta !== null && Number.isFinite(delta) && delta > settings.costThresholdUsd) {
    reasons.push({
      code: 'cost-over-threshold',
      message: `raises the monthly cost by ${formatUsd(delta)}, over the team threshold of ${formatUsd(settings.costThresholdUsd)}`,
    });
  }

  const unpriced = input.unpriced ?? [];
  if (unpriced.length > 0) {
    const shown = unpriced.slice(0, 3).join('; ');
    reasons.push({
      code: 'cost-unknown',
      message: `the monthly cost is unknown, so it may exceed the threshold: ${unpriced.length} resource(s) have no price (${shown}${unpriced.length > 3 ? '; …' : ''})`,
    });
  }

  for (const finding of input.findings) {
    if (finding.severity !== 'error' || finding.status !== 'waived') continue;
    reasons.push({
      code: 'waived-error-finding',
      ...(finding.resource === undefined ? {} : { resource: finding.resource }),
      message: `relies on a waiver for error rule ${finding.ruleId}: ${finding.message}`,
    });
  }

  reasons.sort(compareReasons);
  return { level: reasons.length > 0 ? 'high' : 'low', reasons };
}
