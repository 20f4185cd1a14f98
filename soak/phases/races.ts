/**
 * Races across the replicas, one round per change request: the same create twice (one Idempotency-Key),
 * two reviewers approving at once, two applies at once, two mark-applied at once. Each request must end
 * applied, with one apply attempt and one new baseline.
 */
import type { SoakContext } from '../soak-context.ts';
import { awaitApplying, checkApplied, openChangeRequest } from './change-flow.ts';

export async function raceRounds(ctx: SoakContext, rounds: number): Promise<void> {
  const [a, b] = ctx.client.replicas;
  if (!a || !b) throw new Error('races need two replicas');
  for (let round = 0; round < rounds; round++) {
    const id = await openChangeRequest(ctx, `race ${round}`);
    if (!id) continue;
    const both = (path: string, body: Record<string, unknown>, keys: [string, string]) =>
      Promise.all([
        ctx.client.call(a, 'POST', path, {
          token: ctx.people.reviewer,
          body,
          headers: { 'idempotency-key': keys[0] },
        }),
        ctx.client.call(b, 'POST', path, {
          token: ctx.people.policyAdmin,
          body,
          headers: { 'idempotency-key': keys[1] },
        }),
      ]);
    await both(`/v1/change-requests/${id}/approve`, {}, [`ap-a-${id}`, `ap-b-${id}`]);
    await both(`/v1/change-requests/${id}/apply`, {}, [`apply-a-${id}`, `apply-b-${id}`]);
    await awaitApplying(ctx, id, 30_000);
    await both(`/v1/change-requests/${id}/mark-applied`, {}, [`done-a-${id}`, `done-b-${id}`]);
    await checkApplied(ctx, id, `race ${round}`);
  }
}
