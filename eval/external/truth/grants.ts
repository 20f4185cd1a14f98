import type { EvalKind } from '../../eval-vocabulary.ts';
import type { UsesByKind } from './iam-actions.ts';
import { actionUses, mergeUses } from './iam-actions.ts';
import { defaultBus, emailNode } from './implied-nodes.ts';
import type { EdgeOrigin, TruthGraph } from './truth-graph.ts';

/**
 * Connects `principal` to the components a permission names. `resources` is the statement's Resource (or a
 * service integration's parameters); targets are the components it refers to whose kind the action acts on.
 * Email needs no resource (any resource means the template's SES identity), and `PutEvents` on
 * `event-bus/default` means the default bus.
 */
export function grant(
  graph: TruthGraph,
  principal: string,
  uses: readonly UsesByKind[],
  resources: unknown,
  origin: EdgeOrigin,
): void {
  const merged = mergeUses(uses);
  if (merged.size === 0) return;
  const targets = graph.nodesIn(resources, [...merged.keys()]);
  if (merged.has('email') && !targets.some((t) => graph.kindOf(t) === 'email'))
    targets.push(emailNode(graph));
  if (merged.has('event_bus') && targets.every((t) => graph.kindOf(t) !== 'event_bus')) {
    const text = graph.ctx.canonical(resources) ?? JSON.stringify(resources ?? '');
    if (/event-bus\/default\b/.test(text)) targets.push(defaultBus(graph));
  }
  for (const target of targets) {
    const kind = graph.kindOf(target) as EvalKind;
    for (const use of merged.get(kind) ?? []) {
      if (use === 'read' || use === 'write' || use === 'readwrite') {
        graph.use(principal, target, { read: use !== 'write', write: use !== 'read' }, origin);
      } else {
        graph.connect(principal, target, use, origin);
      }
    }
  }
}

/** `grant` for IAM action names (`["dynamodb:GetItem", "s3:*"]`). */
export function grantActions(
  graph: TruthGraph,
  principal: string,
  actions: readonly string[],
  resources: unknown,
  origin: EdgeOrigin,
): void {
  grant(graph, principal, actions.flatMap(actionUses), resources, origin);
}
