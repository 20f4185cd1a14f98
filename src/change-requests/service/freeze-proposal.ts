import type { AuthUser } from '../../identity/roles.ts';
import type { Db } from '../../store/database.ts';
import { blockingFindings } from '../blocking-findings.ts';
import { canonicalHash } from '../canonical-hash.ts';
import { BlockingFindingsError } from '../errors/blocking-findings-error.ts';
import type { ProposalSnapshot, StackKey } from '../ports.ts';
import { computeRisk } from '../risk/compute-risk.ts';
import type { Risk } from '../risk/risk-types.ts';
import type {} from '../tables.ts';
import type { ChangeRequestServiceOptions } from './service-types.ts';

/** What a revision freezes from its proposal, besides the proposal itself. */
export interface Frozen {
  stackName: string;
  risk: Risk;
  diff: unknown;
  baselineDigest: string | null;
}

export function stackKeyOf(proposal: ProposalSnapshot): StackKey {
  return {
    team: proposal.architecture.team,
    app: proposal.architecture.name,
    environment: proposal.architecture.environment,
  };
}

export function defaultTitle(proposal: ProposalSnapshot, key: StackKey): string {
  return `${key.app}${key.environment === null ? '' : ` (${key.environment})`}: proposal ${proposal.id.slice(0, 8)}`;
}

/**
 * The proposal (null when there is none: the transaction reports it) and the deployed template of its
 * stack when the store has no baseline. Read before the transaction, since the latter may call AWS;
 * proposals are never updated, so the transaction uses this read. `deployed` is null when there is no
 * deployed template or the proposal cannot name a stack.
 */
export async function proposalAndDeployed(
  options: ChangeRequestServiceOptions,
  proposalId: string,
): Promise<{ proposal: ProposalSnapshot | null; deployed: Record<string, unknown> | null }> {
  const proposal = await options.proposals.load(options.db, proposalId);
  if (proposal === null) return { proposal, deployed: null };
  let name: string;
  try {
    name = options.stacks.nameFor(stackKeyOf(proposal));
  } catch {
    return { proposal, deployed: null }; // the transaction reports the missing team or environment
  }
  return { proposal, deployed: await options.stacks.deployedWhenUnstored(name) };
}

/** The stack's baseline: the stored one, else the deployed one read before the transaction. */
export async function currentBaseline(
  options: ChangeRequestServiceOptions,
  trx: Db,
  key: StackKey & { name: string },
  deployed: Record<string, unknown> | null,
): Promise<Record<string, unknown> | null> {
  return (await options.stacks.getBaseline(trx, key)) ?? deployed;
}

/**
 * Refuses a proposal with blocking findings, then diffs it against the stack's baseline and computes its risk:
 * what the revision will hold, whatever happens to the stack afterwards.
 */
export async function freezeProposal(
  options: ChangeRequestServiceOptions,
  trx: Db,
  proposal: ProposalSnapshot,
  key: StackKey,
  deployed: Record<string, unknown> | null,
): Promise<Frozen> {
  const blocking = blockingFindings(proposal.findings);
  if (blocking.length > 0) throw new BlockingFindingsError(blocking);
  const stackName = options.stacks.nameFor(key);
  const baseline = await currentBaseline(options, trx, { ...key, name: stackName }, deployed);
  const cost = costFiguresOf(proposal);
  const facts = options.diff.diff(baseline, proposal.template, cost);
  const threshold =
    (key.team === null ? undefined : options.riskPolicy.costThresholdByTeam[key.team]) ??
    options.riskPolicy.costThresholdUsd;
  const risk = computeRisk(
    {
      changes: facts.resources.map((r) => ({
        logicalId: r.logicalId,
        resourceType: r.type,
        action: r.action,
      })),
      permissionsBroadened: facts.permissionsBroadened,
      before: baseline,
      after: proposal.template,
      costDeltaMonthlyUsd: facts.monthlyDelta,
      unpriced: cost.unpriced,
      findings: proposal.findings,
      isStateful: (type) => options.diff.isStateful(type),
    },
    { costThresholdUsd: threshold },
  );
  return {
    stackName,
    risk,
    diff: facts.model,
    baselineDigest: baseline === null ? null : canonicalHash(baseline),
  };
}

/** Inserts revision `revision` of change request `id`, recording the version it creates. */
export async function insertRevision(
  trx: Db,
  id: string,
  revision: number,
  version: number,
  proposal: ProposalSnapshot,
  frozen: Frozen,
  user: AuthUser,
): Promise<void> {
  await trx
    .insertInto('change_request_revisions')
    .values({
      change_request_id: id,
      revision,
      version,
      proposal_id: proposal.id,
      architecture: JSON.stringify(proposal.architecture),
      template: JSON.stringify(proposal.template),
      template_yaml: proposal.templateYaml,
      findings: JSON.stringify(proposal.findings),
      diff: JSON.stringify(frozen.diff),
      cost: proposal.cost === undefined ? null : JSON.stringify(proposal.cost),
      risk: JSON.stringify(frozen.risk),
      baseline_digest: frozen.baselineDigest,
      created_by_id: user.id,
      created_by_name: user.name,
    })
    .execute();
}

/** The cost figures the proposal's diff computed, and what its estimate could not price. */
function costFiguresOf(proposal: ProposalSnapshot): {
  before?: number;
  after?: number;
  unpriced: string[];
} {
  const diffCost = (
    proposal.diff as { cost?: { monthlyBefore?: unknown; monthlyAfter?: unknown } | null } | null
  )?.cost;
  const out: { before?: number; after?: number; unpriced: string[] } = {
    unpriced: unpricedOf(proposal.cost),
  };
  if (typeof diffCost?.monthlyBefore === 'number') out.before = diffCost.monthlyBefore;
  if (typeof diffCost?.monthlyAfter === 'number') out.after = diffCost.monthlyAfter;
  return out;
}

/** `LogicalId (Type): reason` of every resource the proposal's estimate could not price. */
export function unpricedOf(cost: unknown): string[] {
  const unpriced = (cost as { detail?: { unpriced?: unknown } } | null | undefined)?.detail?.unpriced;
  if (!Array.isArray(unpriced)) return [];
  return unpriced.map(
    (u: { logicalId?: unknown; type?: unknown; reason?: unknown }) =>
      `${String(u.logicalId)} (${String(u.type)}): ${String(u.reason)}`,
  );
}
