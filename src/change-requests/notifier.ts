import type { ChangeRequestState } from './state-machine.ts';

/**
 * Change request events, for integrations (Slack) to follow. Emitted only after the transaction that made
 * the change committed (a refused or rolled-back action emits nothing); a replayed idempotent request emits
 * nothing again. Events of concurrent requests may reach a handler in either order: the summary's `version`
 * orders them (higher is newer). A handler's failure is logged and never reaches the caller or the other
 * handlers.
 */
const CHANGE_EVENT_TYPES = [
  'created',
  'revised',
  'approval_recorded',
  'approved',
  'changes_requested',
  'rejected',
  'commented',
  'apply_started',
  'applied',
  'failed',
  'closed',
] as const;
export type ChangeEventType = (typeof CHANGE_EVENT_TYPES)[number];

/** What a message about a change request needs, without loading it. */
export interface ChangeRequestSummary {
  id: string;
  title: string;
  state: ChangeRequestState;
  version: number;
  revision: number;
  team: string | null;
  app: string;
  environment: string | null;
  stackName: string;
  authorId: string;
  authorName: string;
  channel: 'api' | 'cli' | 'slack';
  conversationId: string;
  proposalId: string;
  risk: { level: 'low' | 'high'; reasons: string[] };
  approvals: { have: number; need: number; approvers: string[]; missing: string[] };
  /** The diff's summary line: "2 to add, 1 to change, 1 to replace, 0 to destroy". */
  diffSummary: string;
  /** Destroys and replacements, in the diff's order: "destroy OrdersDb (AWS::RDS::DBInstance)". */
  dangerousChanges: string[];
  monthlyCostDelta: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface ChangeEvent {
  type: ChangeEventType;
  /** ISO timestamp of the commit that produced the event. */
  at: string;
  /** Who did it; null for the system (an apply finishing in the background). */
  actor: { id: string; name: string | null } | null;
  /** The reason given with request-changes, reject, close or a failed apply; the comment text for commented. */
  reason: string | null;
  changeRequest: ChangeRequestSummary;
}

export type ChangeEventHandler = (event: ChangeEvent) => void | Promise<void>;

export interface ChangeNotifier {
  /** Adds a handler; returns a function that removes it. */
  subscribe(handler: ChangeEventHandler): () => void;
  /** Delivers to every handler; never throws. Resolves when every handler has settled. */
  emit(event: ChangeEvent): Promise<void>;
}

export function createChangeNotifier(
  onHandlerError: (error: unknown, event: ChangeEvent) => void = () => {},
): ChangeNotifier {
  const handlers = new Set<ChangeEventHandler>();
  return {
    subscribe(handler) {
      handlers.add(handler);
      return () => {
        handlers.delete(handler);
      };
    },
    async emit(event) {
      await Promise.all(
        [...handlers].map(async (handler) => {
          try {
            await handler(event);
          } catch (error) {
            onHandlerError(error, event);
          }
        }),
      );
    },
  };
}
