import type { KnownBlock } from '@slack/web-api';
import { ACTIONS } from './action-ids.ts';
import { diffText } from './diff-text.ts';
import { findingsText } from './findings-text.ts';
import { clampText, costMrkdwn, escapeMrkdwn } from './mrkdwn.ts';
import type { ProposalView } from './view-models.ts';

/** The proposal posted in the requester's thread after each turn. */
export function proposalBlocks(view: ProposalView): KnownBlock[] {
  const scope = [
    view.team ? `team *${escapeMrkdwn(view.team)}*` : 'no team yet',
    view.environment ? `*${view.environment}*` : 'no environment yet',
  ];
  const components = view.components.map((c) => `\`${c.id}\` (${c.kind})`).join(', ') || '_none yet_';
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: clampText(escapeMrkdwn(view.reply)) } },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `*${escapeMrkdwn(view.title)}* · ${scope.join(' · ')}` }],
    },
    { type: 'section', text: { type: 'mrkdwn', text: clampText(`*Components:* ${components}`) } },
    { type: 'section', text: { type: 'mrkdwn', text: clampText(findingsText(view.findings)) } },
  ];
  if (view.fixesApplied.length > 0) {
    const fixed = view.fixesApplied.map(
      (f) =>
        `• \`${f.ruleId}\`${f.subject ? ` \`${escapeMrkdwn(f.subject)}\`` : ''}: ${escapeMrkdwn(f.description)}`,
    );
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: clampText(`:wrench: *Fixed for you automatically*\n${fixed.join('\n')}`),
      },
    });
  }
  blocks.push(
    {
      type: 'section',
      text: { type: 'mrkdwn', text: clampText(costMrkdwn(view.monthlyCost, view.unpriced)) },
    },
    { type: 'section', text: { type: 'mrkdwn', text: clampText(diffText(view.diff)) } },
  );
  const elements: NonNullable<Extract<KnownBlock, { type: 'actions' }>['elements']> = [];
  if (view.canSubmit) {
    elements.push({
      type: 'button',
      style: 'primary',
      text: { type: 'plain_text', text: 'Submit for review' },
      action_id: ACTIONS.submit,
      value: view.proposalId,
    });
  }
  elements.push(
    {
      type: 'button',
      text: { type: 'plain_text', text: 'Show template' },
      action_id: ACTIONS.showTemplate,
      value: view.proposalId,
    },
    {
      type: 'button',
      text: { type: 'plain_text', text: 'Undo' },
      action_id: ACTIONS.undo,
      value: view.conversationId,
    },
  );
  blocks.push({ type: 'actions', block_id: `proposal:${view.proposalId}`, elements });
  if (!view.canSubmit) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'Fix or waive the errors above to submit this for review.' }],
    });
  }
  return blocks;
}
