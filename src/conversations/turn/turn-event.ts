import type { TurnResult } from './turn-result.ts';

/**
 * What a turn announces as it goes, in this order: `planning`, then `checking` and `rendering` when it builds
 * a proposal, then `reply` and `done` once it is stored (a turn that fails or loses a race announces neither).
 */
export type TurnEvent =
  | { type: 'planning' }
  | { type: 'checking' }
  | { type: 'rendering' }
  | { type: 'reply'; text: string }
  | { type: 'done'; result: TurnResult };
