import { grantActions } from './grants.ts';
import type { TaskLike } from './state-machine-definition.ts';
import { readDefinition, tasksOf } from './state-machine-definition.ts';
import { isRecord, PLACEHOLDER } from './template-context.ts';
import type { TruthGraph } from './truth-graph.ts';

/** SDK service names in `arn:aws:states:::aws-sdk:<service>:<action>` whose IAM prefix differs. */
const SDK_TO_IAM: Readonly<Record<string, string>> = {
  sfn: 'states',
  eventbridge: 'events',
  sesv2: 'ses',
  rdsdata: 'rds-data',
  opensearch: 'es',
  efs: 'elasticfilesystem',
};

/** Every string inside a value with `${Name}` substitutions spelled out, plus values that are not text. */
function resolvedParts(graph: TruthGraph, value: unknown, substitutions: Record<string, unknown>): unknown[] {
  const out: unknown[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      out.push(
        v.replace(PLACEHOLDER, (whole, name: string) => {
          if (!Object.hasOwn(substitutions, name)) return whole;
          const text = graph.ctx.canonical(substitutions[name]);
          if (text === undefined) out.push(substitutions[name]);
          return text ?? whole;
        }),
      );
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (isRecord(v)) {
      const keys = Object.keys(v);
      if (keys.length === 1 && (keys[0] === 'Ref' || keys[0]?.startsWith('Fn::'))) out.push(v);
      else Object.values(v).forEach(visit);
    }
  };
  visit(value);
  return out;
}

/** The IAM action a task's resource performs (`arn:aws:states:::dynamodb:putItem` → `dynamodb:PutItem`). */
export function taskAction(resource: string): string | undefined {
  const m = /^arn:aws[\w-]*:states:::(aws-sdk:)?([\w-]+):(\w+)/.exec(resource);
  if (!m?.[2] || !m[3]) return undefined;
  const service = m[1] ? (SDK_TO_IAM[m[2]] ?? m[2]) : m[2];
  return `${service}:${m[3].charAt(0).toUpperCase()}${m[3].slice(1)}`;
}

function addTask(
  graph: TruthGraph,
  node: string,
  task: TaskLike,
  substitutions: Record<string, unknown>,
): void {
  const [resource] = resolvedParts(graph, task.resource, substitutions);
  if (typeof resource !== 'string') return;
  const action = taskAction(resource);
  if (action === undefined) {
    // A Lambda ARN as the resource: the old way of invoking a function.
    if (/:lambda:|\$\{/.test(resource))
      grantActions(graph, node, ['lambda:InvokeFunction'], resource, 'definition');
    return;
  }
  const targets = resolvedParts(graph, task.parameters, substitutions);
  if (action === 'events:PutEvents') {
    const text = JSON.stringify(task.parameters ?? {});
    if (!/"EventBusName/.test(text) || /"EventBusName[^"]*"\s*:\s*"default"/i.test(text)) {
      targets.push('event-bus/default');
    }
  }
  grantActions(graph, node, [action], targets, 'definition');
}

/** Connections a state machine's definition makes: the services its tasks call, with what. */
export function addStateMachineEdges(graph: TruthGraph): void {
  const { ctx } = graph;
  for (const id of ctx.ofType('AWS::StepFunctions::StateMachine', 'AWS::Serverless::StateMachine')) {
    const node = graph.nodeFor(id);
    const definition = node === undefined ? undefined : readDefinition(ctx, id);
    if (node === undefined || definition === undefined) continue;
    for (const task of tasksOf(definition.states)) addTask(graph, node, task, definition.substitutions);
  }
}
