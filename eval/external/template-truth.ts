import type { CfnTemplate } from '../../src/cfn/cfn-template.ts';
import { addApiEdges } from './truth/api-integrations.ts';
import type { TemplateTruth } from './truth/build-truth.ts';
import { buildTruth } from './truth/build-truth.ts';
import { addEventSourceEdges } from './truth/event-sources.ts';
import { addIamEdges } from './truth/iam-edges.ts';
import { markPlumbing } from './truth/plumbing.ts';
import { addAliases } from './truth/resource-aliases.ts';
import { resourceKind } from './truth/resource-kinds.ts';
import { addRoutingEdges } from './truth/routing-edges.ts';
import { addSamEventEdges } from './truth/sam-events.ts';
import { addSamPolicyEdges } from './truth/sam-policies.ts';
import { addStateMachineEdges } from './truth/state-machine-edges.ts';
import { addStoreEdges } from './truth/store-edges.ts';
import type { ReadRelative } from './truth/template-context.ts';
import { TemplateContext } from './truth/template-context.ts';
import { TruthGraph } from './truth/truth-graph.ts';

export type { TemplateTruth } from './truth/build-truth.ts';
export type { ReadRelative } from './truth/template-context.ts';

/**
 * The expected architecture of a CloudFormation or SAM template, following the project's conventions
 * (eval/external/README.md): components from resource types, connections from SAM events and policies, IAM
 * statements, event sources, API integrations, state machine definitions, routing and store settings.
 * `readRelative` reads files the template points at (SAM `DefinitionUri`, OpenAPI includes).
 */
export function templateTruth(template: CfnTemplate, readRelative?: ReadRelative): TemplateTruth {
  const ctx = new TemplateContext(template, readRelative);
  const graph = new TruthGraph(ctx);
  for (const id of ctx.resources.keys()) {
    const kind = resourceKind(ctx, id);
    if (kind) graph.addNode(id, kind.kind, { ...kind.params });
  }
  addAliases(graph);
  markPlumbing(graph);
  addSamEventEdges(graph);
  addEventSourceEdges(graph);
  addApiEdges(graph);
  addRoutingEdges(graph);
  addStateMachineEdges(graph);
  addIamEdges(graph);
  addSamPolicyEdges(graph);
  addStoreEdges(graph);
  return buildTruth(graph);
}
