/** What every soak phase shares: the client, the people, the store to check against, the stand-ins, tallies. */
import type { Kysely } from 'kysely';
import type { Database } from '../src/store/database.ts';
import type { CfnStandIn } from '../test/support/cfn-stand-in.ts';
import type { SlackStandIn } from '../test/support/slack-stand-in.ts';
import type { Rng } from './fuzz-inputs.ts';
import type { SoakClient } from './soak-client.ts';

export interface SoakPeople {
  admin: string;
  developer: string;
  reviewer: string;
  policyAdmin: string;
}

export interface Tally {
  lost: number;
  doubled: number;
  notes: string[];
}

export interface SoakContext {
  client: SoakClient;
  people: SoakPeople;
  db: Kysely<Database>;
  slack: SlackStandIn;
  cfn: CfnStandIn;
  signingSecret: string;
  slackChannel: string;
  rng: Rng;
  tally: Tally;
}

export function lost(ctx: SoakContext, what: string): void {
  ctx.tally.lost += 1;
  if (ctx.tally.notes.length < 20) ctx.tally.notes.push(`lost: ${what}`);
}

export function doubled(ctx: SoakContext, what: string): void {
  ctx.tally.doubled += 1;
  if (ctx.tally.notes.length < 20) ctx.tally.notes.push(`doubled: ${what}`);
}

export async function until(check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

/** Runs `work` over `items` with at most `concurrency` at a time. */
export async function inParallel<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, i: number) => Promise<void>,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i] as T, i);
      }
    }),
  );
}
