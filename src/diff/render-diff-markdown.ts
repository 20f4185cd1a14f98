import { formatUsdDelta, formatValue, unpricedLines, usdOrUnknown } from './format-value.ts';
import type { ResourceAction, StackDiff } from './stack-diff.ts';

export interface RenderDiffMarkdownOptions {
  /** Heading level of the title (2 by default: `##`). */
  headingLevel?: number;
  /** Include the unified YAML diff in a collapsed `<details>` block; on by default. */
  unified?: boolean;
}

const ACTION_TEXT: Record<ResourceAction, string> = {
  destroy: '🔴 destroy',
  replace: '🔴 replace',
  may_replace: '🟠 may replace',
  orphan: '🟡 orphan (retained)',
  update: '🟡 update',
  create: '🟢 create',
};

/** The diff as GitHub-flavoured Markdown with tables, for review pages, pull requests and Slack. */
export function renderDiffMarkdown(diff: StackDiff, options: RenderDiffMarkdownOptions = {}): string {
  const h = '#'.repeat(options.headingLevel ?? 2);
  const sub = `${h}#`;
  const out: string[] = [];
  out.push(`${h} Stack diff${diff.newStack ? ' (new stack)' : ''}`, '', `**${diff.summaryLine}**`);
  if (diff.isEmpty) {
    out.push('', 'No differences.');
    return `${out.join('\n')}\n`;
  }
  if (diff.permissionsBroadened) {
    out.push('', '> ⚠️ **Permissions broadened**');
    for (const reason of diff.permissionsBroadenedReasons) out.push(`> - ${cell(reason)}`);
  }
  if (diff.resources.length > 0) {
    out.push(
      '',
      `${sub} Resources`,
      '',
      '| Action | Logical ID | Type | Component | Stateful |',
      '|---|---|---|---|---|',
    );
    for (const r of diff.resources) {
      const type = r.previousType ? `${r.previousType} → ${r.type}` : r.type;
      out.push(
        `| ${ACTION_TEXT[r.action]} | \`${r.logicalId}\` | ${type} | ${r.component ?? ''} | ${r.stateful ? 'yes' : ''} |`,
      );
    }
    const changed = diff.resources.filter((r) => r.properties.length > 0);
    if (changed.length > 0) {
      out.push(
        '',
        `${sub} Property changes`,
        '',
        '| Resource | Path | Before | After | Replacement |',
        '|---|---|---|---|---|',
      );
      for (const r of changed) {
        for (const p of r.properties) {
          const replacement = p.replacement === 'never' ? 'never' : `**${p.replacement}**: ${cell(p.reason)}`;
          const rows = p.details.length > 0 ? p.details : [p];
          for (const row of rows) {
            out.push(
              `| \`${r.logicalId}\` | \`${row.path}\` | ${code(row.before)} | ${code(row.after)} | ${replacement} |`,
            );
          }
        }
      }
    }
  }
  if (diff.iam.statements.length > 0) {
    out.push(
      '',
      `${sub} IAM statement changes`,
      '',
      '| | Effect | Actions | Resources | Principals | Condition |',
      '|---|---|---|---|---|---|',
    );
    for (const s of diff.iam.statements) {
      out.push(
        `| ${s.change === 'added' ? '+' : '−'} | ${s.effect} | ${cell(s.actions.join(', '))} | ${cell(s.resources.join(', '))} | ${cell(s.principals.join(', '))} | ${cell(s.condition ?? '')} |`,
      );
    }
  }
  if (diff.iam.managedPolicies.length > 0) {
    out.push('', `${sub} Managed policy changes`, '', '| | Identity | Policy |', '|---|---|---|');
    for (const m of diff.iam.managedPolicies) {
      out.push(`| ${m.change === 'added' ? '+' : '−'} | ${cell(m.identity)} | ${cell(m.policyArn)} |`);
    }
  }
  if (diff.securityGroupRules.length > 0) {
    out.push(
      '',
      `${sub} Security group rule changes`,
      '',
      '| | Direction | Group | Protocol | Peer |',
      '|---|---|---|---|---|',
    );
    for (const r of diff.securityGroupRules) {
      const peer = r.openToInternet ? `**${cell(r.peer)}**` : cell(r.peer);
      out.push(
        `| ${r.change === 'added' ? '+' : '−'} | ${r.direction} | ${cell(r.group)} | ${r.protocol} | ${peer} |`,
      );
    }
  }
  for (const [title, changes] of [
    ['Parameters', diff.parameters],
    ['Outputs', diff.outputs],
  ] as const) {
    if (changes.length === 0) continue;
    out.push('', `${sub} ${title}`, '', '| Name | Change | Before | After |', '|---|---|---|---|');
    for (const c of changes)
      out.push(`| \`${c.name}\` | ${c.change} | ${code(c.before)} | ${code(c.after)} |`);
  }
  if (diff.otherSections.length > 0) out.push('', `Other sections changed: ${diff.otherSections.join(', ')}`);
  if (diff.cost) {
    out.push(
      '',
      `${sub} Cost`,
      '',
      '| Before | After | Delta |',
      '|---|---|---|',
      `| ${usdOrUnknown(diff.cost.monthlyBefore, '/mo')} | ${usdOrUnknown(diff.cost.monthlyAfter, '/mo')} | ${diff.cost.monthlyDelta === null ? 'unknown' : `${formatUsdDelta(diff.cost.monthlyDelta)}/mo`} |`,
      ...unpricedLines(diff.cost.unpriced).map((l) => `- ${l}`),
    );
  }
  if ((options.unified ?? true) && diff.unifiedDiff !== '') {
    out.push(
      '',
      '<details><summary>Template diff (YAML)</summary>',
      '',
      '```diff',
      diff.unifiedDiff.replace(/\n$/, ''),
      '```',
      '',
      '</details>',
    );
  }
  return `${out.join('\n')}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function code(value: unknown): string {
  if (value === null || value === undefined) return '';
  return `\`${cell(formatValue(value)).replace(/`/g, "'")}\``;
}
