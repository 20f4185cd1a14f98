import { type CfnObject, type CfnValue, join, ref, sub } from './cfn.ts';
import type { KindContext, ResourceDraft } from './kind-definition.ts';

/** The role of the load balancer's own client of its user pool. */
const CLIENT = 'user-pool-client';

/**
 * Sign-in in front of every route of a load balancer authorized by a user pool (`auth`): a confidential
 * client of the pool for this balancer (OAuth code flow back to `/oauth2/idpresponse` on the balancer's
 * DNS name and every domain routed to it), and the authenticate-cognito action each listener action
 * starts with. Null when no user pool authorizes the balancer.
 */
export function cognitoAuthentication(
  ctx: KindContext,
): { resources: Record<string, ResourceDraft>; actions(then: CfnObject): CfnValue[] } | null {
  const pool = ctx.inbound.authorizers[0];
  if (!pool) return null;
  const hosts: CfnValue[] = [
    sub(`https://\${${ctx.logicalId('load-balancer')}.DNSName}/oauth2/idpresponse`),
    ...ctx.inbound.aliases.map((a) => join('', ['https://', a.domainName, '/oauth2/idpresponse'])),
  ];
  const resources: Record<string, ResourceDraft> = {
    [CLIENT]: {
      Type: 'AWS::Cognito::UserPoolClient',
      Properties: {
        UserPoolId: pool.userPoolId,
        ClientName: ctx.name('alb', 128),
        GenerateSecret: true,
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid'],
        CallbackURLs: hosts,
        SupportedIdentityProviders: ['COGNITO'],
        PreventUserExistenceErrors: 'ENABLED',
        EnableTokenRevocation: true,
      },
    },
  };
  const authenticate: CfnObject = {
    Type: 'authenticate-cognito',
    Order: 1,
    AuthenticateCognitoConfig: {
      UserPoolArn: pool.userPoolArn,
      UserPoolClientId: ref(ctx.logicalId(CLIENT)),
      UserPoolDomain: pool.domain ?? '',
      OnUnauthenticatedRequest: 'authenticate',
      Scope: 'openid',
      SessionTimeout: 28800,
    },
  };
  return {
    resources,
    actions(then) {
      const next: CfnObject = { ...then, Order: 2 };
      return [authenticate, next];
    },
  };
}
