import type { Architecture, Component, Connection } from '../model/architecture.ts';
import type { Environment } from '../model/kinds.ts';
import { familyFor } from './access-modes.ts';
import type { CfnObject, CfnOutput, CfnParameter, CfnResource, CfnTemplate } from './cfn.ts';
import type { ConnectionEnd } from './connection-family.ts';
import { Contributions } from './contributions.ts';
import { ExpansionError } from './expansion-error.ts';
import type { ComponentLink, KindContext, OrgSettings, ResourceDraft, TargetRef } from './kind-definition.ts';
import { kindDefinition } from './kinds/index.ts';
import { logicalIdOf, pascalCase, physicalName } from './naming.ts';
import { expandNetwork, NETWORK_COMPONENT, NETWORK_REFS } from './network.ts';
import { paramsSchema, resolveParams } from './params.ts';
import { applyTags } from './tagging.ts';

export interface ExpandOptions {
  org?: OrgSettings;
}

const LOG_RETENTION_DAYS: Record<Environment, number> = { dev: 14, staging: 30, prod: 365 };

/** Connections by from, to, then access: the order they are expanded (and drawn) in. */
export function compareConnections(a: Connection, b: Connection): number {
  return a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || a.access.localeCompare(b.access);
}

function targetRef(component: Component, params: TargetRef['params']): TargetRef {
  return {
    id: component.id,
    params,
    logicalId: (role) => logicalIdOf(component.id, role),
    sid: (purpose) => pascalCase(`${component.id}-${purpose}`),
    envPrefix: component.id.toUpperCase().replace(/-/g, '_'),
  };
}

/**
 * Expand an architecture into a CloudFormation template: each component through its kind file, each
 * connection through its family, the network only when something needs it. Pure and deterministic: the
 * order of components and connections in the input does not change the output.
 */
export function expandArchitecture(architecture: Architecture, options: ExpandOptions = {}): CfnTemplate {
  const org = options.org ?? {};
  const environment: Environment = architecture.environment ?? 'dev';
  const prod = environment === 'prod';
  const logRetentionDays = LOG_RETENTION_DAYS[environment];
  const components = [...architecture.components].sort((a, b) => a.id.localeCompare(b.id));
  const connections = [...architecture.connections].sort(compareConnections);

  const ends = new Map<string, ConnectionEnd>();
  for (const component of components) {
    const definition = kindDefinition(component.kind);
    const parsed = paramsSchema(definition.params).safeParse(component.params);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ExpansionError(
        `component "${component.id}" (${component.kind}) has invalid params: ${issue?.path.join('.') || '(params)'}: ${issue?.message}`,
        { extensions: { component: component.id } },
      );
    }
    const params = resolveParams(definition.params, component.params, environment);
    ends.set(component.id, { id: component.id, definition, params, ref: targetRef(component, params) });
  }
  for (const component of components) refine(ends.get(component.id)!, component, connections, ends);

  const contributions = new Contributions();
  for (const connection of connections) {
    const from = ends.get(connection.from);
    const to = ends.get(connection.to);
    if (!from || !to) {
      throw new ExpansionError(`connection ${connection.from} → ${connection.to} names an unknown component`);
    }
    const family = familyFor(from.definition.kind, to.definition.kind, connection.access);
    if (!family) {
      throw new ExpansionError(
        `connection ${connection.from} → ${connection.to} (${connection.access}) is not valid for ${from.definition.kind} → ${to.definition.kind}`,
      );
    }
    family.apply({
      connection,
      from,
      to,
      environment,
      prod,
      org,
      logRetentionDays,
      name: (suffix, max) => physicalName(architecture.name, environment, suffix, max),
      contributions,
      logicalId: logicalIdOf,
    });
  }

  const needsNetwork = components.some((c) => {
    const network = ends.get(c.id)!.definition.network;
    return network === 'always' || (network === 'when-connected' && contributions.inbound(c.id).needsVpc);
  });

  const tags: Record<string, string> = {
    app: architecture.name,
    'cost-center': org.costCenter ?? architecture.team ?? 'unassigned',
    environment,
    'managed-by': 'infra-copilot',
    team: architecture.team ?? 'unassigned',
    ...(org.tags ?? {}),
  };

  const resources: Record<string, CfnResource> = {};
  const owners = new Map<string, string>();
  const parameters: Record<string, CfnParameter> = {};
  const outputs: Record<string, CfnOutput> = {};

  const add = (component: string, role: string, draft: ResourceDraft) => {
    const logicalId = logicalIdOf(component, role);
    const previous = owners.get(logicalId);
    if (previous !== undefined) {
      throw new ExpansionError(
        `logical id ${logicalId} is produced twice (${previous} and ${component}/${role}); rename one of the components`,
        { extensions: { logicalId } },
      );
    }
    owners.set(logicalId, `${component}/${role}`);
    const properties = copyOwn(draft.Properties) as CfnObject;
    applyTags(draft.Type, properties, tags);
    const resource = copyOwn(draft) as unknown as CfnResource;
    const metadata = copyOwn(draft.Metadata) as CfnObject;
    metadata['copilot:component'] = component;
    metadata['copilot:role'] = role;
    resource.Metadata = metadata as CfnResource['Metadata'];
    if (draft.Properties !== undefined || hasKeys(properties)) resource.Properties = properties;
    resources[logicalId] = resource;
  };

  if (needsNetwork) {
    const network = expandNetwork(
      physicalName(architecture.name, environment, 'vpc'),
      environment,
      org,
      logRetentionDays,
    );
    for (const [role, draft] of Object.entries(network)) add(NETWORK_COMPONENT, role, draft);
  }

  for (const component of components) {
    const end = ends.get(component.id)!;
    const definition = end.definition;
    const inbound = contributions.inbound(component.id);
    const ctx: KindContext = {
      component,
      id: component.id,
      params: end.params,
      environment,
      prod,
      architecture,
      org,
      inbound,
      logRetentionDays,
      name: (suffix, max) =>
        physicalName(
          architecture.name,
          environment,
          suffix ? `${component.id}-${suffix}` : component.id,
          max,
        ),
      logicalId: (role, componentId = component.id) => logicalIdOf(componentId, role),
      network: () => {
        if (!needsNetwork)
          throw new ExpansionError(`component "${component.id}" needs the network but none was planned`);
        return NETWORK_REFS;
      },
      parameter: (name, definition_) => {
        const logicalId = pascalCase(name);
        parameters[logicalId] = definition_;
        return { Ref: logicalId };
      },
      output: (name, output) => {
        outputs[pascalCase(name)] = output;
      },
      statefulPolicy: (snapshot = false) =>
        snapshot
          ? { DeletionPolicy: 'Snapshot', UpdateReplacePolicy: 'Snapshot' }
          : prod
            ? { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' }
            : { DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Delete' },
    };
    const drafts = definition.expand(ctx);
    for (const [role, draft] of Object.entries(drafts)) add(component.id, role, draft);
  }

  for (const { component, role, resource } of contributions.resources) add(component, role, resource);

  const template: CfnTemplate = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `${architecture.name} (${environment}${architecture.team ? `, team ${architecture.team}` : ''}) — generated by infra-copilot from ${components.length} component(s)`,
    Resources: sortRecord(resources),
  };
  if (Object.keys(parameters).length > 0) template.Parameters = sortRecord(parameters);
  if (Object.keys(outputs).length > 0) template.Outputs = sortRecord(outputs);
  return template;
}

/** Let a kind settle the params its connections decide (see KindDefinition.refine). */
function refine(
  end: ConnectionEnd,
  component: Component,
  connections: readonly Connection[],
  ends: Map<string, ConnectionEnd>,
): void {
  if (!end.definition.refine) return;
  const link = (connection: Connection, peer: string): ComponentLink[] => {
    const other = ends.get(peer);
    return other ? [{ connection, peerKind: other.definition.kind }] : [];
  };
  const params = end.definition.refine({
    id: end.id,
    params: end.params,
    given: component.params,
    outgoing: connections.filter((c) => c.from === end.id).flatMap((c) => link(c, c.to)),
    incoming: connections.filter((c) => c.to === end.id).flatMap((c) => link(c, c.from)),
  });
  if (params === end.params) return;
  ends.set(end.id, { ...end, params, ref: targetRef(component, params) });
}

/**
 * A shallow copy of own enumerable string keys, in order: what `{ ...value }` gives for the plain data a
 * kind writes, without the spread's slow path on the hundreds of different resource shapes.
 */
function copyOwn(value: object | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (value === undefined) return out;
  const source = value as Record<string, unknown>;
  const keys = Object.keys(source);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key === '__proto__')
      Object.defineProperty(out, key, {
        value: source[key],
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else out[key] = source[key];
  }
  return out;
}

function hasKeys(value: object): boolean {
  for (const _ in value) return true;
  return false;
}

function sortRecord<T>(record: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(record).sort()) out[key] = record[key]!;
  return out;
}
