import type { Waiver } from '../guardrails/policy-contract.ts';

export const WAIVER_STATES = ['active', 'expired', 'revoked'] as const;
export type WaiverState = (typeof WAIVER_STATES)[number];

/** A waiver as the API returns it: the engine's Waiver plus who made it and its state. */
export interface WaiverView extends Waiver {
  state: WaiverState;
  createdBy: { id: string | null; name: string };
  revokedBy: string | null;
  revokeReason: string | null;
}

export function waiverState(w: { expiresAt: string; revokedAt?: string | null }, now: Date): WaiverState {
  if (w.revokedAt) return 'revoked';
  return Date.parse(w.expiresAt) > now.getTime() ? 'active' : 'expired';
}
