/**
 * The shared scene of the queue, metrics and review CLI tests: a payments and a search developer, a
 * reviewer, and four open change requests `a`..`d` (created in that order, so oldest first is a, b, c, d)
 * across both teams and every channel.
 */
import { expect } from 'vitest';
import type { TestApp, TestUser } from '../../support/test-app.ts';
import { submit } from './api.ts';
import { propose, warmUp } from './proposals.ts';

export interface FourRequests {
  payDev: TestUser;
  searchDev: TestUser;
  reviewer: TestUser;
  /** Change request id by name (`a`..`d`). */
  ids: Record<string, string>;
}

export async function seedFourRequests(t: TestApp): Promise<FourRequests> {
  const payDev = await t.createUser({ roles: ['developer'], teams: ['payments'] });
  const searchDev = await t.createUser({ roles: ['developer'], teams: ['search'] });
  const reviewer = await t.createUser({ roles: ['reviewer'] });
  await warmUp(t, payDev);
  const plan: Array<[string, TestUser, string, string, 'api' | 'cli' | 'slack']> = [
    ['a', payDev, 'payments', 'I need an SQS queue', 'api'],
    ['b', searchDev, 'search', 'I need an HTTP API backed by a Lambda function', 'slack'],
    ['c', payDev, 'payments', 'I need an HTTP API backed by a Lambda function', 'cli'],
    ['d', searchDev, 'search', 'I need an SQS queue', 'cli'],
  ];
  const ids: Record<string, string> = {};
  for (const [name, user, team, text, channel] of plan) {
    const p = await propose(t, user, { team, environment: 'dev', app: `q${name}` }, text);
    const res = await submit(t, user, { proposalId: p.proposalId, title: `request ${name}`, channel });
    expect(res.status).toBe(201);
    ids[name] = res.body.id;
  }
  return { payDev, searchDev, reviewer, ids };
}
