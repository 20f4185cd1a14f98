import type { Architecture } from '../../model/architecture.ts';
import { evaluateArchitecture, evaluateTemplate } from '../evaluate.ts';
import type { EvaluateOptions } from '../evaluation.ts';
import type { CompiledPolicy, Waiver } from '../policy-contract.ts';
import type { Finding } from '../rule.ts';

/** Something recent to re-check under a draft policy: a proposal or a stack baseline. */
export interface DryRunSubject {
  subject: { type: 'proposal' | 'baseline'; id: string; label?: string };
  template?: Readonly<Record<string, unknown>>;
  architecture?: Architecture;
  team: string | null;
  environment: string | null;
  /** The proposal's cost (and the team's other stacks), for budget rules; without it they give `unknown`. */
  cost?: EvaluateOptions['cost'];
}

/** A finding as the dry-run reports it (no fix, no remediation: just what changes). */
export interface DryRunFinding {
  ruleId: string;
  severity: Finding['severity'];
  status: Finding['status'];
  resource?: string;
  component?: string;
  path?: string;
  message: string;
  fingerprint: string;
}

export interface DryRunSubjectReport {
  subject: DryRunSubject['subject'];
  team: string | null;
  environment: string | null;
  /** Findings the draft would raise that the current policy does not. */
  added: DryRunFinding[];
  /** Findings the current policy raises that the draft would not. */
  removed: DryRunFinding[];
  /** Same finding, different severity or status. */
  changed: { before: DryRunFinding; after: DryRunFinding }[];
}

export interface DryRunReport {
  currentVersion: number;
  subjectsChecked: number;
  totals: { added: number; removed: number; changed: number };
  /** Only the subjects where something changes, in input order. */
  subjects: DryRunSubjectReport[];
}

function brief(f: Finding): DryRunFinding {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    status: f.status,
    ...(f.resource !== undefined ? { resource: f.resource } : {}),
    ...(f.component !== undefined ? { component: f.component } : {}),
    ...(f.path !== undefined ? { path: f.path } : {}),
    message: f.message,
    fingerprint: f.fingerprint,
  };
}

function findings(
  subject: DryRunSubject,
  policy: CompiledPolicy,
  waivers: readonly Waiver[],
  now: Date,
): Finding[] {
  const options = {
    policy,
    waivers,
    context: { team: subject.team, environment: subject.environment, now },
    ...(subject.cost ? { cost: subject.cost } : {}),
  };
  return [
    ...(subject.architecture ? evaluateArchitecture(subject.architecture, options).findings : []),
    ...(subject.template ? evaluateTemplate(subject.template, options).findings : []),
  ];
}

/** The key of "the same finding" across two policies: level, rule, subject and pointer (the fingerprint). */
function keyOf(f: Finding): string {
  return `${f.resource === undefined ? 'a' : 't'}:${f.fingerprint}`;
}

const byPosition = (a: DryRunFinding, b: DryRunFinding) =>
  a.ruleId.localeCompare(b.ruleId) ||
  (a.resource ?? a.component ?? '').localeCompare(b.resource ?? b.component ?? '') ||
  (a.path ?? '').localeCompare(b.path ?? '') ||
  a.fingerprint.localeCompare(b.fingerprint);

/**
 * Re-checks each subject under the current and the draft policy and reports which findings the draft would
 * add, remove or change. Pure: the caller supplies the subjects, the waivers in force and the instant.
 */
export function dryRunPolicy(
  current: CompiledPolicy,
  draft: CompiledPolicy,
  subjects: readonly DryRunSubject[],
  options: { waivers?: readonly Waiver[]; now?: Date } = {},
): DryRunReport {
  const now = options.now ?? new Date();
  const waivers = options.waivers ?? [];
  const reports: DryRunSubjectReport[] = [];
  const totals = { added: 0, removed: 0, changed: 0 };
  for (const subject of subjects) {
    const before = new Map(findings(subject, current, waivers, now).map((f) => [keyOf(f), f]));
    const after = new Map(findings(subject, draft, waivers, now).map((f) => [keyOf(f), f]));
    const added: DryRunFinding[] = [];
    const removed: DryRunFinding[] = [];
    const changed: DryRunSubjectReport['changed'] = [];
    for (const [key, f] of after) {
      const old = before.get(key);
      if (!old) added.push(brief(f));
      else if (old.severity !== f.severity || old.status !== f.status) {
        changed.push({ before: brief(old), after: brief(f) });
      }
    }
    for (const [key, f] of before) if (!after.has(key)) removed.push(brief(f));
    if (added.length + removed.length + changed.length === 0) continue;
    added.sort(byPosition);
    removed.sort(byPosition);
    changed.sort((a, b) => byPosition(a.after, b.after));
    totals.added += added.length;
    totals.removed += removed.length;
    totals.changed += changed.length;
    reports.push({
      subject: subject.subject,
      team: subject.team,
      environment: subject.environment,
      added,
      removed,
      changed,
    });
  }
  return { currentVersion: current.version, subjectsChecked: subjects.length, totals, subjects: reports };
}
