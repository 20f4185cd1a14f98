import { describe, expect, it } from 'vitest';
import { type ChangeEvent, createChangeNotifier } from '../../src/change-requests/notifier.ts';

const event = (type: ChangeEvent['type']): ChangeEvent => ({
  type,
  at: '2026-01-01T00:00:00.000Z',
  actor: { id: 'u1', name: 'rev' },
  reason: null,
  changeRequest: {
    id: 'cr1',
    title: 't',
    state: 'open',
    version: 1,
    revision: 1,
    team: 'payments',
    app: 'api',
    environment: 'prod',
    stackName: 'payments-api-prod',
    authorId: 'a',
    authorName: 'dev',
    channel: 'api',
    conversationId: 'c',
    proposalId: 'p',
    risk: { level: 'low', reasons: [] },
    approvals: { have: 0, need: 1, approvers: [], missing: ['1 more approval'] },
    diffSummary: '1 to add, 0 to change, 0 to replace, 0 to destroy',
    dangerousChanges: [],
    monthlyCostDelta: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  },
});

describe('change notifier', () => {
  it('delivers to every subscriber until it unsubscribes', async () => {
    const notifier = createChangeNotifier();
    const a: string[] = [];
    const b: string[] = [];
    const stopA = notifier.subscribe((e) => {
      a.push(e.type);
    });
    notifier.subscribe(async (e) => {
      b.push(e.type);
    });
    await notifier.emit(event('created'));
    stopA();
    await notifier.emit(event('approved'));
    expect(a).toEqual(['created']);
    expect(b).toEqual(['created', 'approved']);
  });

  it('keeps a failing handler from reaching the caller or the other handlers', async () => {
    const failures: string[] = [];
    const notifier = createChangeNotifier((error, e) =>
      failures.push(`${e.type}: ${(error as Error).message}`),
    );
    const seen: string[] = [];
    notifier.subscribe(() => {
      throw new Error('slack down');
    });
    notifier.subscribe(async () => {
      throw new Error('async boom');
    });
    notifier.subscribe((e) => {
      seen.push(e.type);
    });
    await expect(notifier.emit(event('rejected'))).resolves.toBeUndefined();
    expect(seen).toEqual(['rejected']);
    expect(failures.sort()).toEqual(['rejected: async boom', 'rejected: slack down']);
  });
});
