import type {} from '../conversations/tables.ts';
import { renderMermaid } from '../diagram/render-mermaid.ts';
import type { StackDiff } from '../diff/stack-diff.ts';
import type { Finding } from '../guardrails/rule.ts';
import type { Architecture } from '../model/architecture.ts';
import type { Db } from '../store/database.ts';
import type { CostSummary } from './cost-summary.ts';
import type { Proposal, ProposalFix } from './proposal.ts';

/** Stores a proposal (inside the caller's transaction). */
export async function insertProposal(db: Db, proposal: Proposal, turnSeq: number): Promise<void> {
  await db
    .insertInto('proposals')
    .values({
      id: proposal.id,
      conversation_id: proposal.conversationId,
      turn_seq: turnSeq,
      architecture: JSON.stringify(proposal.architecture),
      findings: JSON.stringify(proposal.findings),
      summary: JSON.stringify(proposal.summary),
      fixes_applied: JSON.stringify(proposal.fixesApplied),
      template: JSON.stringify(proposal.template),
      template_yaml: proposal.templateYaml,
      diff: JSON.stringify(proposal.diff),
      cost: proposal.cost === null ? null : JSON.stringify(proposal.cost),
      stack_name: proposal.stackName,
      policy_version: proposal.policyVersion,
      created_at: new Date(proposal.createdAt),
    })
    .execute();
}

/** A stored proposal by id, or null. CHANGES reads proposals through this when a change request is opened. */
export async function getProposal(db: Db, id: string): Promise<Proposal | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const row = await db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    conversationId: row.conversation_id,
    architecture: row.architecture as Architecture,
    findings: row.findings as Finding[],
    summary: row.summary as Proposal['summary'],
    fixesApplied: row.fixes_applied as ProposalFix[],
    template: row.template as Record<string, unknown>,
    templateYaml: row.template_yaml,
    diff: row.diff as StackDiff,
    cost: (row.cost ?? null) as CostSummary | null,
    stackName: row.stack_name,
    policyVersion: row.policy_version,
    diagram: renderMermaid(row.architecture as Architecture),
    createdAt: new Date(row.created_at).toISOString(),
  };
}
