/**
 * Risk of a change request: a level that decides who must approve, and the reasons, each explained.
 * Two levels only: `high` means at least one reason was found; there is no `medium` because no approval rule
 * would treat it differently from one of the two.
 */
export const RISK_LEVELS = ['low', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const RISK_REASON_CODES = [
  'stateful-destroy',
  'stateful-replace',
  'permissions-broadened',
  'internet-exposure',
  'cost-over-threshold',
  'cost-unknown',
  'waived-error-finding',
] as const;
export type RiskReasonCode = (typeof RISK_REASON_CODES)[number];

export interface RiskReason {
  code: RiskReasonCode;
  /** Plain words a reviewer reads: what and why it matters. */
  message: string;
  /** Logical id of the resource concerned, when there is one. */
  resource?: string;
  resourceType?: string;
}

export interface Risk {
  level: RiskLevel;
  /** Sorted by code, then resource: deterministic. */
  reasons: RiskReason[];
}

/** What the risk computation needs from a resource change in the diff (DIFF's model satisfies it). */
export interface RiskResourceChange {
  logicalId: string;
  resourceType: string;
  /** create | update | replace | may_replace | destroy | orphan | ... (unknown actions count as update). */
  action: string;
}

/** Everything the risk computation reads: pure data, no store or network. */
export interface RiskInput {
  changes: readonly RiskResourceChange[];
  permissionsBroadened: boolean;
  /** The template deployed now (null for a new stack) and the one the change would deploy. */
  before: Readonly<Record<string, unknown>> | null;
  after: Readonly<Record<string, unknown>>;
  /** Monthly cost delta in USD, when known. */
  costDeltaMonthlyUsd: number | null;
  /**
   * What the estimate of the proposed template could not price (`OrdersDb (AWS::RDS::DBInstance): no list
   * price for db.x9.huge`): the cost is then unknown, never the lower number without them.
   */
  unpriced?: readonly string[];
  findings: readonly {
    ruleId: string;
    severity: string;
    status: string;
    resource?: string;
    message: string;
  }[];
  /** Whether a resource type is stateful (DIFF's isStatefulResourceType). */
  isStateful: (resourceType: string) => boolean;
}

export interface RiskSettings {
  /** Monthly cost increase in USD above which a change is high risk. */
  costThresholdUsd: number;
}
