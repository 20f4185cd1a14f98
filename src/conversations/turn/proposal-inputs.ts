import { getCurrentPolicy } from '../../guardrails/policy/store/get-current-policy.ts';
import type { Architecture } from '../../model/architecture.ts';
import type { BuildProposalInput } from '../../proposal/build-proposal.ts';
import { teamDeployedCost } from '../../proposal/team-deployed-cost.ts';
import { getBaseline } from '../../stacks/baseline-store.ts';
import { stackNameFor } from '../../stacks/stack-name.ts';
import type { Db } from '../../store/database.ts';
import { listActiveWaivers } from '../../waivers/waiver-store.ts';

/** What a proposal is checked and diffed against, besides the architecture itself. */
export type ProposalInputs = Pick<
  BuildProposalInput,
  'policy' | 'waivers' | 'baseline' | 'stackName' | 'teamCost'
>;

/** The architecture's stack, or null while its team or environment is unset or its name is not a valid one. */
function stackNameOf(architecture: Architecture): string | null {
  if (!architecture.team || !architecture.environment) return null;
  try {
    return stackNameFor({
      team: architecture.team,
      app: architecture.name,
      environment: architecture.environment,
    });
  } catch {
    return null;
  }
}

/**
 * Loads what a proposal of `architecture` is built against, at `now`: the current policy, the active waivers,
 * the stack's baseline template (none before the stack exists) and what the team's other stacks cost.
 */
export async function loadProposalInputs(
  db: Db,
  architecture: Architecture,
  now: Date,
): Promise<ProposalInputs> {
  const stackName = stackNameOf(architecture);
  const [policy, waivers, baseline, teamCost] = await Promise.all([
    getCurrentPolicy(db),
    listActiveWaivers(db, now),
    stackName ? getBaseline(db, stackName) : Promise.resolve(null),
    architecture.team
      ? teamDeployedCost(db, architecture.team, stackName, architecture.region)
      : Promise.resolve(undefined),
  ]);
  return {
    policy,
    waivers,
    baseline: baseline?.template ?? null,
    stackName,
    ...(teamCost ? { teamCost } : {}),
  };
}
