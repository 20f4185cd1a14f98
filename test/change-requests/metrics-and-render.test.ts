import { describe, expect, it } from 'vitest';
import { durationStats } from '../../src/change-requests/change-request-metrics.ts';
import type { ChangeRequestSummary } from '../../src/change-requests/notifier.ts';
import { renderQueueText } from '../../src/change-requests/render/render-queue-text.ts';

describe('durationStats', () => {
  it('gives nulls for no data', () => {
    expect(durationStats([])).toEqual({ count: 0, meanSeconds: null, medianSeconds: null, p90Seconds: null });
  });

  it('computes mean, median and p90 whatever the order', () => {
    const stats = durationStats([100, 10, 40, 20, 30]);
    expect(stats).toEqual({ count: 5, meanSeconds: 40, medianSeconds: 30, p90Seconds: 76 });
    expect(durationStats([30, 20, 100, 40, 10])).toEqual(stats);
  });
});

describe('renderQueueText', () => {
  const item = (
    id: string,
    createdAt: string,
    level: 'low' | 'high',
    title: string,
  ): ChangeRequestSummary => ({
    id,
    title,
    state: 'open',
    version: 1,
    revision: 1,
    team: 'payments',
    app: 'api',
    environment: 'prod',
    stackName: 'payments-api-prod',
    authorId: 'a',
    authorName: 'dana',
    channel: 'cli',
    conversationId: 'c',
    proposalId: 'p',
    risk: { level, reasons: [] },
    approvals: { have: 1, need: 2, approvers: ['rev'], missing: [] },
    diffSummary: '',
    dangerousChanges: [],
    monthlyCostDelta: null,
    createdAt,
    updatedAt: createdAt,
  });

  it('lists the queue as aligned columns with age, risk and approvals', () => {
    const now = new Date('2026-01-03T12:00:00Z');
    const text = renderQueueText(
      [
        item('aaaaaaaa-0000-0000-0000-000000000000', '2026-01-01T00:00:00Z', 'high', 'Add orders DB'),
        item('bbbbbbbb-0000-0000-0000-000000000000', '2026-01-03T11:15:00Z', 'low', 'Queue'),
      ],
      now,
    );
    expect(text).toBe(
      [
        'ID        AGE  RISK  STATE  APPROVALS  STACK              AUTHOR  TITLE',
        'aaaaaaaa  2d   HIGH  open   1/2        payments-api-prod  dana    Add orders DB',
        'bbbbbbbb  45m  LOW   open   1/2        payments-api-prod  dana    Queue',
        '',
      ].join('\n'),
    );
  });

  it('says so when the queue is empty', () => {
    expect(renderQueueText([], new Date())).toBe('No change requests waiting for review.\n');
  });
});
