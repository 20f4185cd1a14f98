/**
 * What changed between two revisions of a change request, for a reviewer who saw the earlier one: the
 * components (added, removed, params changed), the resources (a diff of the two templates), the findings
 * (new and resolved) and the monthly cost. A pure data model; rendered separately (text, Markdown, Slack,
 * the web page).
 */
import { diffTemplates } from '../../diff/diff-templates.ts';
import type { ResourceAction } from '../../diff/stack-diff.ts';
import type { FindingLike as BlockingFinding } from '../blocking-findings.ts';
import type { ChangeSnapshot } from '../change-request.ts';
import { unpricedOf } from '../service/freeze-proposal.ts';

export interface ComponentChange {
  id: string;
  kind: string;
  change: 'added' | 'removed' | 'changed';
  /** The params that differ (for `changed`), by name; absent is null. */
  params: Array<{ name: string; before: unknown; after: unknown }>;
}

export interface FindingRef {
  ruleId: string;
  severity: string;
  status: string;
  subject: string | null;
  message: string;
}

/** A side's monthly cost: null when something in it has no price (then `unpriced` names what). */
export interface RevisionCost {
  monthly: number | null;
  unpriced: string[];
}

export interface RevisionDiff {
  from: number;
  to: number;
  /** True when the two revisions differ in nothing a reviewer reads. */
  isEmpty: boolean;
  components: ComponentChange[];
  resources: {
    summaryLine: string;
    changes: Array<{ logicalId: string; type: string; action: ResourceAction }>;
  };
  findings: { added: FindingRef[]; resolved: FindingRef[] };
  cost: { before: RevisionCost; after: RevisionCost; delta: number | null };
}

interface Component {
  id: string;
  kind: string;
  params?: Record<string, unknown>;
}

type FindingLike = BlockingFinding & { fingerprint?: string };

/** The diff of revision `from` (its snapshot `before`) to revision `to` (`after`). */
export function revisionDiff(
  from: number,
  before: ChangeSnapshot,
  to: number,
  after: ChangeSnapshot,
): RevisionDiff {
  const components = componentChanges(componentsOf(before.architecture), componentsOf(after.architecture));
  const stack = diffTemplates(before.template, after.template);
  const findings = findingChanges(before.findings as FindingLike[], after.findings as FindingLike[]);
  const cost = {
    before: costOf(before.cost),
    after: costOf(after.cost),
    delta: null as number | null,
  };
  if (cost.before.monthly !== null && cost.after.monthly !== null) {
    cost.delta = Math.round((cost.after.monthly - cost.before.monthly) * 100) / 100;
  }
  return {
    from,
    to,
    isEmpty:
      components.length === 0 &&
      stack.isEmpty &&
      findings.added.length === 0 &&
      findings.resolved.length === 0 &&
      cost.delta === 0,
    components,
    resources: {
      summaryLine: stack.summaryLine,
      changes: stack.resources.map((r) => ({ logicalId: r.logicalId, type: r.type, action: r.action })),
    },
    findings,
    cost,
  };
}

function componentsOf(architecture: unknown): Component[] {
  const list = (architecture as { components?: unknown } | null)?.components;
  return Array.isArray(list) ? (list as Component[]) : [];
}

function componentChanges(before: Component[], after: Component[]): ComponentChange[] {
  const old = new Map(before.map((c) => [c.id, c]));
  const now = new Map(after.map((c) => [c.id, c]));
  const out: ComponentChange[] = [];
  for (const c of after) {
    const prev = old.get(c.id);
    if (prev === undefined) {
      out.push({ id: c.id, kind: c.kind, change: 'added', params: [] });
      continue;
    }
    const params = paramChanges(prev.params ?? {}, c.params ?? {});
    if (params.length > 0 || prev.kind !== c.kind)
      out.push({ id: c.id, kind: c.kind, change: 'changed', params });
  }
  for (const c of before) {
    if (!now.has(c.id)) out.push({ id: c.id, kind: c.kind, change: 'removed', params: [] });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

function paramChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): ComponentChange['params'] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const out: ComponentChange['params'] = [];
  for (const name of names) {
    const b = before[name] ?? null;
    const a = after[name] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) out.push({ name, before: b, after: a });
  }
  return out;
}

/** Findings that fail or are unknown, keyed by fingerprint (rule, subject and pointer): new and resolved. */
function findingChanges(
  before: FindingLike[],
  after: FindingLike[],
): { added: FindingRef[]; resolved: FindingRef[] } {
  const open = (list: FindingLike[]) => list.filter((f) => f.status !== 'waived');
  const key = (f: FindingLike) => f.fingerprint ?? `${f.ruleId}:${f.resource ?? f.component ?? ''}`;
  const oldKeys = new Set(open(before).map(key));
  const newKeys = new Set(open(after).map(key));
  const ref = (f: FindingLike): FindingRef => ({
    ruleId: f.ruleId,
    severity: f.severity,
    status: f.status,
    subject: f.resource ?? f.component ?? null,
    message: f.message,
  });
  return {
    added: open(after)
      .filter((f) => !oldKeys.has(key(f)))
      .map(ref),
    resolved: open(before)
      .filter((f) => !newKeys.has(key(f)))
      .map(ref),
  };
}

function costOf(cost: unknown): RevisionCost {
  const unpriced = unpricedOf(cost);
  const total = (cost as { monthlyTotal?: unknown } | null | undefined)?.monthlyTotal;
  return { monthly: unpriced.length === 0 && typeof total === 'number' ? total : null, unpriced };
}
