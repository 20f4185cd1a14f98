import { escapePointerSegment } from '../cfn/json-pointer.ts';
import { fingerprint } from './fingerprint.ts';
import type { Finding } from './rule.ts';
import type { ExpansionProblem } from './transforms/expansion-problem.ts';
import type { ResourceOrigin } from './transforms/resource-origin.ts';

/** The id of the findings that say a transform could not expand part of the template. */
export const TRANSFORM_RULE_ID = 'template-transform';

const TRANSFORM_REMEDIATION =
  'Give the value the transform needs (a parameter value with --param, a literal collection), or check the template CloudFormation produces (`aws cloudformation get-template --template-stage Processed`).';

/**
 * Findings on a resource a transform generated, reported on what the user wrote: the SAM resource (or the
 * loop's output) with its type, a JSON pointer into the source, and `generated` naming the resource the rule
 * actually checked. Fixes are dropped: their patches address the expanded template, not the source.
 */
export function toSourceFindings(findings: Finding[], origins: ReadonlyMap<string, ResourceOrigin>): void {
  if (origins.size === 0) return;
  for (const finding of findings) {
    const id = finding.resource;
    const origin = id === undefined ? undefined : origins.get(id);
    if (!origin || id === undefined) continue;
    const prefix = `/Resources/${escapePointerSegment(id)}`;
    const path = finding.path ?? prefix;
    const tail = path.startsWith(prefix) ? path.slice(prefix.length) : '';
    finding.path = origin.sourcePointer(tail);
    if (origin.logicalId !== id || origin.type !== finding.resourceType) {
      finding.generated = { logicalId: id, type: finding.resourceType ?? '', by: origin.via };
    }
    finding.resource = origin.logicalId;
    finding.resourceType = origin.type;
    delete finding.fix;
  }
}

/** One `unknown` finding per part of the template a transform could not expand. */
export function problemFindings(problems: readonly ExpansionProblem[]): Finding[] {
  return problems.map((problem) => ({
    ruleId: TRANSFORM_RULE_ID,
    title: 'The template can be expanded as CloudFormation would',
    severity: 'warning',
    status: 'unknown',
    ...(problem.resource !== undefined ? { resource: problem.resource } : {}),
    path: problem.pointer,
    message: `Could not check what this part makes: ${problem.message}`,
    remediation: TRANSFORM_REMEDIATION,
    references: [],
    fingerprint: fingerprint(TRANSFORM_RULE_ID, problem.resource ?? '', problem.pointer),
  }));
}
