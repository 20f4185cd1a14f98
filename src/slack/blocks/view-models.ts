/**
 * What the Slack messages show, independent of how proposals and change requests are stored. The Slack
 * service builds these from the domain objects; the block builders only render them.
 */
export type ViewSeverity = 'error' | 'warning' | 'info';

export interface FindingView {
  ruleId: string;
  severity: ViewSeverity;
  status: 'fail' | 'unknown' | 'waived';
  message: string;
  /** Logical id or component id the finding is about. */
  subject?: string;
}

export interface DiffView {
  /** "2 to add, 1 to change, 1 to replace, 0 to destroy" */
  summaryLine: string;
  /** Destroys and replacements, already ordered first by the diff: "destroy OrdersDb (AWS::RDS::DBInstance)". */
  dangerous: string[];
  /** The other changes, in the diff's order. */
  others: string[];
}

export interface ProposalView {
  proposalId: string;
  conversationId: string;
  reply: string;
  title: string;
  team: string | null;
  environment: string | null;
  components: { id: string; kind: string }[];
  findings: FindingView[];
  fixesApplied: { ruleId: string; description: string; subject?: string }[];
  /** Null when something has no price: the cost is then unknown, and `unpriced` names what. */
  monthlyCost: number | null;
  unpriced: string[];
  diff: DiffView;
  /** False while an error finding fails: the Submit button is then not offered. */
  canSubmit: boolean;
}

export type ReviewDecision =
  | { state: 'pending' }
  | {
      state: 'approved' | 'rejected' | 'changes_requested' | 'applied' | 'failed' | 'closed';
      by?: string;
      reason?: string;
    };

export interface ReviewView {
  changeRequestId: string;
  /** The revision shown: the buttons decide on it. */
  revision: number;
  title: string;
  requester: string;
  stack: string;
  risk: { level: string; reasons: string[] };
  approvals: { have: number; need: number; approvers: string[] };
  diff: DiffView;
  findings: FindingView[];
  /** Null when something has no price (`unpriced` names what): reviewers see "unknown", never a lower number. */
  monthlyCost: number | null;
  unpriced: string[];
  costDelta?: number | null;
  /** What changed since the previous revision, as lines (absent for a first revision). */
  revisionChanges?: { from: number; to: number; lines: string[] };
  decision: ReviewDecision;
}
