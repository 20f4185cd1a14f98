import type { KnownBlock } from '@slack/web-api';
import { ACTIONS, reviewButtonFor } from './action-ids.ts';
import { diffText } from './diff-text.ts';
import { findingsText } from './findings-text.ts';
import { clampText, costMrkdwn, escapeMrkdwn, formatUsdMonthly } from './mrkdwn.ts';
import type { ReviewDecision, ReviewView } from './view-models.ts';

const DECISION_TEXT: Record<Exclude<ReviewDecision['state'], 'pending'>, string> = {
  approved: ':white_check_mark: Approved',
  rejected: ':no_entry: Rejected',
  changes_requested: ':memo: Changes requested',
  applied: ':rocket: Applied',
  failed: ':x: Apply failed',
  closed: ':lock: Closed',
};

/** The review message in the review channel; re-rendered and updated in place after every decision. */
export function reviewBlocks(view: ReviewView): KnownBlock[] {
  const risk =
    view.risk.reasons.length > 0
      ? view.risk.reasons.map((r) => `• ${escapeMrkdwn(r)}`).join('\n')
      : '• no risk factors found';
  const delta =
    view.costDelta === undefined || view.costDelta === null
      ? ''
      : ` (${view.costDelta >= 0 ? '+' : '−'}${formatUsdMonthly(Math.abs(view.costDelta))})`;
  const approvers =
    view.approvals.approvers.length > 0 ? ` by ${view.approvals.approvers.map(escapeMrkdwn).join(', ')}` : '';
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      text: {
        type: 'plain_text',
        text: `Change request: ${view.title}${view.revision > 1 ? ` (revision ${view.revision})` : ''}`.slice(
          0,
          150,
        ),
      },
    },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Requester*\n${escapeMrkdwn(view.requester)}` },
        { type: 'mrkdwn', text: `*Stack*\n\`${escapeMrkdwn(view.stack)}\`` },
        { type: 'mrkdwn', text: `*Risk*\n${escapeMrkdwn(view.risk.level)}` },
        { type: 'mrkdwn', text: `*Approvals*\n${view.approvals.have} of ${view.approvals.need}${approvers}` },
      ],
    },
    { type: 'section', text: { type: 'mrkdwn', text: clampText(`*Why this risk*\n${risk}`) } },
    ...revisionSection(view),
    { type: 'section', text: { type: 'mrkdwn', text: clampText(diffText(view.diff)) } },
    { type: 'section', text: { type: 'mrkdwn', text: clampText(findingsText(view.findings)) } },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: clampText(costMrkdwn(view.monthlyCost, view.unpriced, delta)) },
    },
  ];
  if (view.decision.state === 'pending') {
    blocks.push({
      type: 'actions',
      block_id: `review:${view.changeRequestId}`,
      elements: [
        {
          type: 'button',
          style: 'primary',
          text: { type: 'plain_text', text: 'Approve' },
          action_id: ACTIONS.approve,
          value: reviewButtonFor(view.changeRequestId, view.revision),
        },
        {
          type: 'button',
          text: { type: 'plain_text', text: 'Request changes' },
          action_id: ACTIONS.requestChanges,
          value: reviewButtonFor(view.changeRequestId, view.revision),
        },
        {
          type: 'button',
          style: 'danger',
          text: { type: 'plain_text', text: 'Reject' },
          action_id: ACTIONS.reject,
          value: reviewButtonFor(view.changeRequestId, view.revision),
        },
      ],
    });
  } else {
    const by = view.decision.by ? ` by ${escapeMrkdwn(view.decision.by)}` : '';
    const reason = view.decision.reason ? `: ${escapeMrkdwn(view.decision.reason)}` : '';
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: clampText(`${DECISION_TEXT[view.decision.state]}${by}${reason}`) }],
    });
  }
  return blocks;
}

/** "What changed in revision N" for reviewers who saw the one before: the message is updated in place. */
function revisionSection(view: ReviewView): KnownBlock[] {
  const changes = view.revisionChanges;
  if (changes === undefined) return [];
  const lines = changes.lines.map((l) => escapeMrkdwn(l));
  return [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: clampText(
          `:arrows_counterclockwise: *What changed since revision ${changes.from}*\n${lines.join('\n')}`,
        ),
      },
    },
  ];
}
