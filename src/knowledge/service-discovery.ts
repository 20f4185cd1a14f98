import { type CfnValue, getAtt } from './cfn.ts';
import type { KindContext, ResourceDraft } from './kind-definition.ts';

/** The feature a connection switches on when something finds a service's tasks through Cloud Map. */
export const SERVICE_DISCOVERY = 'service-discovery';

/** Roles of the Cloud Map resources of a service. */
export const DISCOVERY_ROLES = { namespace: 'discovery-namespace', service: 'discovery-service' } as const;

/**
 * Cloud Map registration of a Fargate service's tasks: a private DNS namespace of its own in the VPC and a
 * discovery service with SRV records (address and port of each task, which HTTP API private integrations
 * need), health reported by ECS. ECS registers a task once it is running and healthy and deregisters it
 * before stopping it. Returns the resources and the service's `ServiceRegistries` entry.
 */
export function serviceDiscovery(
  ctx: KindContext,
  containerName: string,
  port: number,
): { resources: Record<string, ResourceDraft>; registry: CfnValue } {
  const resources: Record<string, ResourceDraft> = {
    [DISCOVERY_ROLES.namespace]: {
      Type: 'AWS::ServiceDiscovery::PrivateDnsNamespace',
      Properties: {
        Name: `${ctx.name()}.internal`,
        Vpc: ctx.network().vpcId,
        Description: `Service discovery of ${ctx.id}`,
      },
    },
    [DISCOVERY_ROLES.service]: {
      Type: 'AWS::ServiceDiscovery::Service',
      Properties: {
        Name: ctx.id,
        Description: `Tasks of ${ctx.id}`,
        NamespaceId: getAtt(ctx.logicalId(DISCOVERY_ROLES.namespace), 'Id'),
        DnsConfig: { DnsRecords: [{ Type: 'SRV', TTL: 10 }], RoutingPolicy: 'MULTIVALUE' },
        HealthCheckCustomConfig: { FailureThreshold: 1 },
      },
    },
  };
  const registry: CfnValue = {
    RegistryArn: getAtt(ctx.logicalId(DISCOVERY_ROLES.service), 'Arn'),
    ContainerName: containerName,
    ContainerPort: port,
  };
  return { resources, registry };
}
