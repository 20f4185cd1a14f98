/** The identity facts the approval rule reads about a person. */
export interface Approver {
  id: string;
  /** The teams the person belongs to; none means the central infra org. */
  teams: readonly string[];
  /** Whether the person may review at all (reviewer, policy_admin or admin role). */
  canReview: boolean;
  isPolicyAdmin: boolean;
}
