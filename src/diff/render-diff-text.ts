import { formatUsdDelta, formatValue, unpricedLines, usdOrUnknown } from './format-value.ts';
import type { ResourceAction, StackDiff } from './stack-diff.ts';

export interface RenderDiffTextOptions {
  /** ANSI colours (red destroys and replacements, yellow changes, green additions); off by default. */
  color?: boolean;
  /** Append the unified YAML diff; off by default. */
  unified?: boolean;
}

const MARK: Record<ResourceAction, string> = {
  destroy: '[-]',
  replace: '[-/+]',
  may_replace: '[~?]',
  orphan: '[-r]',
  update: '[~]',
  create: '[+]',
};

const LABEL: Record<ResourceAction, string> = {
  destroy: 'destroy',
  replace: 'replace',
  may_replace: 'may replace',
  orphan: 'orphan (retained)',
  update: 'update',
  create: 'create',
};

type Paint = (code: number, text: string) => string;

/** The diff for a terminal, `cdk diff` style, destroys and replacements first. */
export function renderDiffText(diff: StackDiff, options: RenderDiffTextOptions = {}): string {
  const paint: Paint = options.color
    ? (code, text) => `\u001b[${code}m${text}\u001b[0m`
    : (_code, text) => text;
  const colourOf = (action: ResourceAction): number =>
    action === 'create'
      ? 32
      : action === 'update' || action === 'orphan' || action === 'may_replace'
        ? 33
        : 31;
  const lines: string[] = [];
  lines.push(paint(1, `Stack diff${diff.newStack ? ' (new stack)' : ''}: ${diff.summaryLine}`));
  if (diff.isEmpty) {
    lines.push('No differences.');
    return `${lines.join('\n')}\n`;
  }
  if (diff.permissionsBroadened) {
    lines.push('', paint(31, 'Permissions broadened:'));
    for (const reason of diff.permissionsBroadenedReasons) lines.push(`  - ${reason}`);
  }
  if (diff.resources.length > 0) {
    lines.push('', paint(1, 'Resources'));
    for (const r of diff.resources) {
      const notes = [
        r.stateful && r.action !== 'create' && r.action !== 'update' ? 'stateful' : '',
        r.component ? `component ${r.component}` : '',
        r.previousType ? `was ${r.previousType}` : '',
      ].filter(Boolean);
      const suffix = notes.length > 0 ? ` (${notes.join(', ')})` : '';
      lines.push(
        paint(colourOf(r.action), `${MARK[r.action]} ${LABEL[r.action]} ${r.type} ${r.logicalId}`) + suffix,
      );
      for (const p of r.properties) {
        const replacement = p.replacement === 'never' ? '' : ` [replacement: ${p.replacement}: ${p.reason}]`;
        if (p.details.length === 0) {
          lines.push(`    ${p.path}: ${formatValue(p.before)} -> ${formatValue(p.after)}${replacement}`);
          continue;
        }
        lines.push(`    ${p.path}:${replacement}`);
        for (const d of p.details) {
          const relative = d.path.startsWith(`${p.path}.`) ? d.path.slice(p.path.length + 1) : d.path;
          lines.push(`      ${relative}: ${formatValue(d.before)} -> ${formatValue(d.after)}`);
        }
      }
    }
  }
  if (diff.iam.statements.length > 0 || diff.iam.managedPolicies.length > 0) {
    lines.push('', paint(1, 'IAM changes'));
    for (const s of diff.iam.statements) {
      const sign = s.change === 'added' ? paint(32, '+') : paint(31, '-');
      const condition = s.condition ? ` when ${s.condition}` : '';
      lines.push(
        `  ${sign} ${s.effect} ${s.actions.join(', ')} on ${s.resources.join(', ')} for ${s.principals.join(', ') || '(attached identity)'}${condition}`,
      );
    }
    for (const m of diff.iam.managedPolicies) {
      const sign = m.change === 'added' ? paint(32, '+') : paint(31, '-');
      lines.push(`  ${sign} managed policy ${m.policyArn} on ${m.identity}`);
    }
  }
  if (diff.securityGroupRules.length > 0) {
    lines.push('', paint(1, 'Security group rule changes'));
    for (const r of diff.securityGroupRules) {
      const sign = r.change === 'added' ? paint(32, '+') : paint(31, '-');
      const dir = r.direction === 'ingress' ? 'in ' : 'out';
      lines.push(
        `  ${sign} ${dir} ${r.group} ${r.protocol} ${r.direction === 'ingress' ? 'from' : 'to'} ${r.peer}`,
      );
    }
  }
  for (const [title, changes] of [
    ['Parameters', diff.parameters],
    ['Outputs', diff.outputs],
  ] as const) {
    if (changes.length === 0) continue;
    lines.push('', paint(1, title));
    for (const c of changes)
      lines.push(`  [${c.change}] ${c.name}: ${formatValue(c.before)} -> ${formatValue(c.after)}`);
  }
  if (diff.otherSections.length > 0)
    lines.push('', `Other sections changed: ${diff.otherSections.join(', ')}`);
  if (diff.cost) {
    lines.push(
      '',
      `Monthly cost: ${usdOrUnknown(diff.cost.monthlyBefore)} -> ${usdOrUnknown(diff.cost.monthlyAfter)} (${diff.cost.monthlyDelta === null ? 'change unknown' : formatUsdDelta(diff.cost.monthlyDelta)})`,
      ...unpricedLines(diff.cost.unpriced).map((l) => `  ${l}`),
    );
  }
  if (options.unified && diff.unifiedDiff !== '') {
    lines.push('');
    for (const line of diff.unifiedDiff.replace(/\n$/, '').split('\n')) {
      if (line.startsWith('+') && !line.startsWith('+++')) lines.push(paint(32, line));
      else if (line.startsWith('-') && !line.startsWith('---')) lines.push(paint(31, line));
      else if (line.startsWith('@@')) lines.push(paint(36, line));
      else lines.push(line);
    }
  }
  return `${lines.join('\n')}\n`;
}
