import type { KnownBlock } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/slack/blocks/action-ids.ts';
import { proposalBlocks } from '../../src/slack/blocks/proposal-blocks.ts';
import { reasonModal } from '../../src/slack/blocks/reason-modal.ts';
import { reviewBlocks } from '../../src/slack/blocks/review-blocks.ts';
import type { ProposalView, ReviewView } from '../../src/slack/blocks/view-models.ts';

function allText(blocks: KnownBlock[]): string {
  return JSON.stringify(blocks);
}
function buttons(blocks: KnownBlock[]): string[] {
  return blocks.flatMap((b) =>
    b.type === 'actions' ? b.elements.map((e) => ('action_id' in e ? String(e.action_id) : '')) : [],
  );
}

const proposal: ProposalView = {
  proposalId: 'p1',
  conversationId: 'c1',
  reply: 'Added an API, a function and a <table> & a queue.',
  title: 'orders',
  team: 'payments',
  environment: 'prod',
  components: [
    { id: 'api', kind: 'http_api' },
    { id: 'orders-db', kind: 'postgres' },
  ],
  findings: [
    {
      ruleId: 'sqs-queue-encrypted',
      severity: 'warning',
      status: 'fail',
      message: 'queue is not encrypted',
      subject: 'JobsQueue',
    },
    {
      ruleId: 'rds-multi-az',
      severity: 'error',
      status: 'fail',
      message: 'MultiAZ is false; expected true',
      subject: 'OrdersDb',
    },
    {
      ruleId: 'rds-iam-auth',
      severity: 'info',
      status: 'waived',
      message: 'IAM auth off',
      subject: 'OrdersDb',
    },
  ],
  fixesApplied: [{ ruleId: 's3-bucket-versioning', description: 'enabled versioning', subject: 'Assets' }],
  monthlyCost: 1234.5,
  unpriced: [],
  diff: {
    summaryLine: '3 to add, 0 to change, 1 to replace, 1 to destroy',
    dangerous: ['destroy OldQueue (AWS::SQS::Queue)', 'replace OrdersDb (AWS::RDS::DBInstance)'],
    others: ['add Api (AWS::ApiGatewayV2::Api)'],
  },
  canSubmit: true,
};

describe('proposal blocks', () => {
  it('shows errors before warnings before advice, the auto-fixes, the cost and the diff with destroys first', () => {
    const text = allText(proposalBlocks(proposal));
    expect(text.indexOf('Errors (1)')).toBeLessThan(text.indexOf('Warnings (1)'));
    expect(text.indexOf('Warnings (1)')).toBeLessThan(text.indexOf('Advice (1)'));
    expect(text).toContain('(waived)');
    expect(text).toContain('Fixed for you automatically');
    expect(text).toContain('*Cost:* $1,234.50/month');
    expect(text.indexOf('destroy OldQueue')).toBeLessThan(text.indexOf('add Api'));
  });

  it('says the cost is unknown and names what has no price, instead of showing the lower priced sum', () => {
    const text = allText(
      proposalBlocks({
        ...proposal,
        monthlyCost: null,
        unpriced: ['OrdersDb (AWS::RDS::DBInstance): no list price for RDS instance class db.x9.huge'],
      }),
    );
    expect(text).toContain('*Cost:* unknown: 1 resource(s) have no price');
    expect(text).toContain(
      'OrdersDb (AWS::RDS::DBInstance): no list price for RDS instance class db.x9.huge',
    );
    expect(text).not.toContain('$1,234.50');
  });

  it('escapes user text so it cannot inject Slack markup', () => {
    const text = allText(proposalBlocks(proposal));
    expect(text).toContain('a &lt;table&gt; &amp; a queue');
    expect(text).not.toContain('<table>');
  });

  it('offers Submit, Show template and Undo, and no Submit while an error fails', () => {
    expect(buttons(proposalBlocks(proposal))).toEqual([ACTIONS.submit, ACTIONS.showTemplate, ACTIONS.undo]);
    const blocked = proposalBlocks({ ...proposal, canSubmit: false });
    expect(buttons(blocked)).toEqual([ACTIONS.showTemplate, ACTIONS.undo]);
    expect(allText(blocked)).toContain('Fix or waive the errors above');
  });

  it('stays within Slack limits for a huge reply and hundreds of findings', () => {
    const many = Array.from({ length: 400 }, (_, i) => ({
      ruleId: `rule-${i}`,
      severity: 'warning' as const,
      status: 'fail' as const,
      message: 'x'.repeat(200),
    }));
    const blocks = proposalBlocks({ ...proposal, reply: 'y'.repeat(10_000), findings: many });
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const block of blocks) {
      if (block.type === 'section' && block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
    }
    expect(allText(blocks)).toContain('and 395 more');
  });
});

const review: ReviewView = {
  changeRequestId: 'cr1',
  revision: 1,
  title: 'orders API',
  requester: 'dana',
  stack: 'payments-orders-prod',
  risk: { level: 'high', reasons: ['replaces a stateful resource: OrdersDb'] },
  approvals: { have: 1, need: 2, approvers: ['sam'] },
  diff: proposal.diff,
  findings: [],
  monthlyCost: 100,
  unpriced: [],
  costDelta: -20,
  decision: { state: 'pending' },
};

describe('review blocks', () => {
  it('shows requester, risk with its reasons, approvals and the three decision buttons while pending', () => {
    const blocks = reviewBlocks(review);
    const text = allText(blocks);
    for (const expected of [
      'dana',
      'payments-orders-prod',
      'high',
      'replaces a stateful resource: OrdersDb',
      '1 of 2 by sam',
      '−$20.00/month',
    ]) {
      expect(text).toContain(expected);
    }
    expect(buttons(blocks)).toEqual([ACTIONS.approve, ACTIONS.requestChanges, ACTIONS.reject]);
  });

  it('after a revision: names it, shows what changed since the previous one, and the buttons decide on it', () => {
    const blocks = reviewBlocks({
      ...review,
      revision: 2,
      revisionChanges: {
        from: 1,
        to: 2,
        lines: ['Components:', '  changed db (postgres): instance_class db.t4g.micro → db.r6g.xlarge'],
      },
    });
    const text = allText(blocks);
    expect(text).toContain('Change request: orders API (revision 2)');
    expect(text).toContain('What changed since revision 1');
    expect(text).toContain('instance_class db.t4g.micro → db.r6g.xlarge');
    const values = blocks
      .filter((b) => b.type === 'actions')
      .flatMap((b) => (b as { elements: Array<{ value?: string }> }).elements.map((e) => e.value));
    expect(values).toEqual(['cr1@r2', 'cr1@r2', 'cr1@r2']);
  });

  it('replaces the buttons with the decision, who made it and why, once decided', () => {
    const blocks = reviewBlocks({
      ...review,
      decision: { state: 'rejected', by: 'sam', reason: 'use Aurora' },
    });
    expect(buttons(blocks)).toEqual([]);
    expect(allText(blocks)).toContain('Rejected by sam: use Aurora');
  });
});

describe('reason modal', () => {
  it('carries the change request and the message to update back in private_metadata', () => {
    const view = reasonModal({ action: 'reject', changeRequestId: 'cr1', channel: 'C9', messageTs: '1.2' });
    expect(JSON.parse(view.private_metadata ?? '{}')).toEqual({
      action: 'reject',
      changeRequestId: 'cr1',
      channel: 'C9',
      messageTs: '1.2',
    });
    expect(view.title?.text).toBe('Reject');
  });
});
