import type { CfnResource, CfnTemplate } from '../knowledge/cfn.ts';
import { emptyArchitecture } from '../model/architecture.ts';
import type { CostEstimate } from './cost-estimate.ts';
import { estimateCost, UNATTRIBUTED } from './estimate-cost.ts';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Estimate a template that comes without its architecture (an imported or deployed stack's baseline): each
 * resource priced from its properties and the kinds' default usage, in `region` prices. A resource that is
 * not a well-formed `{Type: string}` is listed as unpriced, like any resource without a price.
 */
export function estimateTemplateCost(template: Record<string, unknown>, region: string): CostEstimate {
  const raw = isObject(template.Resources) ? template.Resources : {};
  const resources: Record<string, CfnResource> = {};
  const malformed: string[] = [];
  for (const [logicalId, resource] of Object.entries(raw)) {
    if (isObject(resource) && typeof resource.Type === 'string') {
      resources[logicalId] = resource as unknown as CfnResource;
    } else malformed.push(logicalId);
  }
  const cfn: CfnTemplate = { AWSTemplateFormatVersion: '2010-09-09', Description: '', Resources: resources };
  const estimate = estimateCost(emptyArchitecture({ region }), cfn);
  for (const logicalId of malformed) {
    estimate.unpriced.push({
      logicalId,
      type: '(unknown)',
      component: UNATTRIBUTED,
      reason: 'not a resource with a Type',
    });
  }
  return estimate;
}
