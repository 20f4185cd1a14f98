import { type CfnResource, expandArchitecture } from '../../../src/knowledge/index.ts';
import type { Architecture } from '../../../src/model/architecture.ts';

/** The `shop` architecture of team payments in us-east-1 with these components and connections. */
export function shopArchitecture(
  environment: Architecture['environment'],
  components: Architecture['components'],
  connections: Architecture['connections'],
): Architecture {
  return { name: 'shop', team: 'payments', environment, region: 'us-east-1', components, connections };
}

/** A resource's properties (empty when the resource is missing), for readable assertions. */
export const props = (resource: CfnResource | undefined) =>
  (resource?.Properties ?? {}) as Record<string, unknown>;

/** The `shop` architecture in `environment` (prod unless said), expanded. */
export const expandShop = (
  components: Architecture['components'],
  connections: Architecture['connections'],
  environment: Architecture['environment'] = 'prod',
) => expandArchitecture(shopArchitecture(environment, components, connections));

/** The statements of a role's inline policies, in order. */
export const statementsOf = (role: Record<string, unknown>) =>
  (role.Policies as { PolicyDocument: { Statement: Record<string, unknown>[] } }[]).flatMap(
    (p) => p.PolicyDocument.Statement,
  );
