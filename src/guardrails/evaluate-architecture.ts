import type { Architecture, Component, Connection } from '../model/architecture.ts';
import type { EvaluateOptions, Evaluation } from './evaluation.ts';
import {
  type Collector,
  contextResolver,
  dotToPointer,
  fingerprintsFor,
  finish,
  referencesOf,
  rulesFor,
  settingsResolver,
  unknownMessage,
} from './evaluation-support.ts';
import type { ArchitectureContext, ArchitectureRule, CheckResult, Finding } from './rule.ts';
import { runCheck } from './run-check.ts';

function architectureContext(
  architecture: Architecture,
  cost: EvaluateOptions['cost'],
): Omit<ArchitectureContext<never>, 'params'> {
  const byId = new Map<string, Component>();
  for (const component of architecture.components) byId.set(component.id, component);
  const from = new Map<string, Connection[]>();
  const to = new Map<string, Connection[]>();
  const add = (map: Map<string, Connection[]>, id: string, connection: Connection) => {
    const list = map.get(id);
    if (list) list.push(connection);
    else map.set(id, [connection]);
  };
  for (const connection of architecture.connections) {
    add(from, connection.from, connection);
    add(to, connection.to, connection);
  }
  return {
    architecture,
    cost,
    component: (id) => byId.get(id),
    connectionsFrom: (id) => from.get(id) ?? [],
    connectionsTo: (id) => to.get(id) ?? [],
  };
}

function addArchitectureResults(
  collector: Collector,
  rule: ArchitectureRule<never>,
  severity: Finding['severity'],
  subject: Component | undefined,
  componentIndex: number,
  context: ArchitectureContext<never>,
  results: readonly CheckResult[],
): void {
  const reported = results.filter((r) => r.status !== 'pass');
  collector.passed += results.length - reported.length;
  if (reported.length === 0) return;
  const base = subject ? `/components/${componentIndex}` : '';
  const pointers = reported.map((r) => dotToPointer(base, r.path));
  const fingerprints = fingerprintsFor(rule.id, subject?.id ?? '', pointers);
  reported.forEach((result, i) => {
    const finding: Finding = {
      ruleId: rule.id,
      title: rule.title,
      severity,
      status: result.status,
      ...(subject ? { component: subject.id } : {}),
      path: pointers[i] as string,
      message: result.status === 'fail' ? result.message : unknownMessage(rule.title, result.reason),
      remediation: rule.remediation,
      references: referencesOf(rule),
      fingerprint: fingerprints[i] as string,
    };
    if (result.status === 'fail' && rule.fix) {
      try {
        const operations = rule.fix.operations(subject, context);
        if (operations.length > 0) {
          finding.fix = { description: rule.fix.description, safe: rule.fix.safe, operations };
        }
      } catch {
        // A fix that cannot be computed is simply not offered; the finding stands.
      }
    }
    collector.findings.push(finding);
  });
}

/**
 * Evaluate an architecture (intent graph) against the architecture rules: component-scoped rules once per
 * component of their kinds, graph-scoped rules once. Never throws for a broken rule.
 */
export function evaluateArchitecture(architecture: Architecture, options: EvaluateOptions): Evaluation {
  const compiled = rulesFor(options);
  const settingsOf = settingsResolver(options);
  const collector: Collector = { findings: [], passed: 0 };
  const shared = architectureContext(architecture, options.cost);
  const contextOf = contextResolver<ArchitectureContext<never>>(collector, settingsOf, (params) => ({
    ...shared,
    params,
  }));
  const run = (rule: ArchitectureRule<never>, subject: Component | undefined, index: number) => {
    const context = contextOf(rule);
    if (context === null) return;
    const results = runCheck(() => rule.check(subject, context));
    addArchitectureResults(collector, rule, settingsOf(rule).severity, subject, index, context, results);
  };
  for (const rule of compiled.graphRules) run(rule, undefined, -1);
  architecture.components.forEach((component, index) => {
    for (const rule of compiled.architectureRulesFor(component.kind)) run(rule, component, index);
  });
  const rulesEvaluated = compiled.architectureRules.filter((rule) => settingsOf(rule).enabled).length;
  const notChecked = new Map<string, number>();
  for (const component of architecture.components) {
    const covered = compiled.architectureRulesFor(component.kind).some((rule) => settingsOf(rule).enabled);
    if (!covered) notChecked.set(component.kind, (notChecked.get(component.kind) ?? 0) + 1);
  }
  return finish(collector, options, rulesEvaluated, {
    resources: architecture.components.length,
    notChecked,
  });
}
