import { assumeRolePolicy, inlinePolicies } from './iam.ts';
import type { KindContext, ResourceDraft } from './kind-definition.ts';

/** The role an API's service integrations assume (one per API). */
export const INTEGRATION_ROLE = 'integration-role';

/**
 * The API's integration role, when it integrates with AWS services directly: API Gateway assumes it, and
 * each `route` connection to a service allowed exactly that target's actions on that target's ARN.
 */
export function apiIntegrationRole(ctx: KindContext): Record<string, ResourceDraft> {
  if (ctx.inbound.statements.length === 0) return {};
  return {
    [INTEGRATION_ROLE]: {
      Type: 'AWS::IAM::Role',
      Properties: {
        Description: `Service integrations of API ${ctx.id}`,
        AssumeRolePolicyDocument: assumeRolePolicy('apigateway.amazonaws.com', true),
        Policies: inlinePolicies('integrations', ctx.inbound.statements),
      },
    },
  };
}
