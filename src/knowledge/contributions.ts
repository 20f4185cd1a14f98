import type { CfnObject, CfnValue } from './cfn.ts';
import type { Inbound, PeerRule, PolicyStatement, ResourceDraft } from './kind-definition.ts';

export function emptyInbound(): Inbound {
  return {
    statements: [],
    env: {},
    secrets: {},
    ingress: [],
    egress: [],
    targetGroups: [],
    routes: [],
    origins: [],
    aliases: [],
    executionStatements: [],
    mounts: [],
    needsVpc: false,
    resourcePolicy: [],
    features: [],
    deliverySources: [],
    deliveryDestinations: [],
    apiEndpoints: [],
    authorizers: [],
  };
}

/** Collects what connections contribute to components, in connection order (callers sort connections). */
export class Contributions {
  readonly #inbound = new Map<string, Inbound>();
  readonly resources: { component: string; role: string; resource: ResourceDraft }[] = [];

  inbound(componentId: string): Inbound {
    let found = this.#inbound.get(componentId);
    if (!found) {
      found = emptyInbound();
      this.#inbound.set(componentId, found);
    }
    return found;
  }

  grant(componentId: string, statements: readonly PolicyStatement[]): void {
    this.inbound(componentId).statements.push(...statements);
  }

  env(componentId: string, vars: Record<string, CfnValue> | undefined): void {
    if (vars) Object.assign(this.inbound(componentId).env, vars);
  }

  secrets(componentId: string, vars: Record<string, CfnValue> | undefined): void {
    if (vars) Object.assign(this.inbound(componentId).secrets, vars);
  }

  ingress(componentId: string, rule: PeerRule): void {
    this.inbound(componentId).ingress.push(rule);
  }

  egress(componentId: string, rule: PeerRule): void {
    this.inbound(componentId).egress.push(rule);
  }

  allow(componentId: string, statement: CfnObject): void {
    this.inbound(componentId).resourcePolicy.push(statement);
  }

  feature(componentId: string, feature: string): void {
    const features = this.inbound(componentId).features;
    if (!features.includes(feature)) features.push(feature);
  }

  needVpc(componentId: string): void {
    this.inbound(componentId).needsVpc = true;
  }

  targetGroup(componentId: string, targetGroup: CfnValue, port: number, dependsOn: string): void {
    this.inbound(componentId).targetGroups.push({ targetGroup, port, dependsOn });
  }

  resource(componentId: string, role: string, resource: ResourceDraft): void {
    this.resources.push({ component: componentId, role, resource });
  }
}
