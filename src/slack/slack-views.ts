import type { ChangeRequest } from '../change-requests/change-request.ts';
import { summaryOf } from '../change-requests/change-request-repository.ts';
import { renderRevisionDiff } from '../change-requests/revision-diff/render-revision-diff.ts';
import type { RevisionDiff } from '../change-requests/revision-diff/revision-diff.ts';
import { unpricedOf } from '../change-requests/service/freeze-proposal.ts';
import type { ChangeEvent } from '../change-requests/notifier.ts';
import type { TurnResult } from '../conversations/turn/turn-result.ts';
import type { ResourceDiff, StackDiff } from '../diff/stack-diff.ts';
import type { Finding } from '../guardrails/rule.ts';
import type { Proposal } from '../proposal/proposal.ts';
import type {
  DiffView,
  FindingView,
  ProposalView,
  ReviewDecision,
  ReviewView,
} from './blocks/view-models.ts';

const DANGEROUS: ReadonlySet<ResourceDiff['action']> = new Set(['destroy', 'replace', 'may_replace']);
const VERB: Record<ResourceDiff['action'], string> = {
  create: 'add',
  update: 'change',
  replace: 'replace',
  may_replace: 'may replace',
  destroy: 'destroy',
  orphan: 'orphan (retained)',
};

export function diffView(diff: StackDiff | null | undefined): DiffView {
  if (!diff) return { summaryLine: 'no change computed', dangerous: [], others: [] };
  const line = (r: ResourceDiff) => `${VERB[r.action]} ${r.logicalId} (${r.type})`;
  return {
    summaryLine: diff.summaryLine,
    dangerous: diff.resources.filter((r) => DANGEROUS.has(r.action)).map(line),
    others: diff.resources.filter((r) => !DANGEROUS.has(r.action)).map(line),
  };
}

export function findingViews(findings: readonly Finding[]): FindingView[] {
  return findings.map((f) => {
    const view: FindingView = {
      ruleId: f.ruleId,
      severity: f.severity,
      status: f.status,
      message: f.message,
    };
    const subject = f.resource ?? f.component;
    if (subject) view.subject = subject;
    return view;
  });
}

export function proposalView(turn: TurnResult, proposal: Proposal): ProposalView {
  return {
    proposalId: proposal.id,
    conversationId: turn.conversationId,
    reply: [turn.reply, ...turn.questions].filter(Boolean).join('\n'),
    title: proposal.architecture.name,
    team: proposal.architecture.team,
    environment: proposal.architecture.environment,
    components: proposal.architecture.components.map((c) => ({ id: c.id, kind: c.kind })),
    findings: findingViews(proposal.findings),
    fixesApplied: proposal.fixesApplied.map((f) => ({
      ruleId: f.ruleId,
      description: f.description,
      subject: f.target,
    })),
    monthlyCost: proposal.cost ? proposal.cost.monthlyTotal : null,
    unpriced: proposal.cost?.unpriced ?? [],
    diff: diffView(proposal.diff),
    canSubmit: proposal.summary.blocking === 0 && proposal.architecture.components.length > 0,
  };
}

const DECIDED: Partial<Record<ChangeRequest['state'], Exclude<ReviewDecision['state'], 'pending'>>> = {
  approved: 'approved',
  rejected: 'rejected',
  changes_requested: 'changes_requested',
  applied: 'applied',
  failed: 'failed',
  closed: 'closed',
};

export function reviewView(
  cr: ChangeRequest,
  event: ChangeEvent | null,
  changes: RevisionDiff | null = null,
): ReviewView {
  const decided = DECIDED[cr.state];
  let decision: ReviewDecision = { state: 'pending' };
  if (decided) {
    decision = { state: decided };
    const by = event?.actor?.name;
    if (by) decision.by = by;
    if (event?.reason) decision.reason = event.reason;
  }
  const diff = cr.snapshot.diff as StackDiff | null;
  const cost = cr.snapshot.cost as Proposal['cost'];
  const summary = summaryOf(cr);
  const view: ReviewView = {
    changeRequestId: cr.id,
    revision: cr.revision,
    title: summary.title,
    requester: summary.authorName,
    stack: summary.stackName,
    risk: summary.risk,
    approvals: {
      have: summary.approvals.have,
      need: summary.approvals.need,
      approvers: summary.approvals.approvers,
    },
    diff: diffView(diff),
    findings: findingViews(
      (cr.snapshot.findings as Finding[]).filter((f) => f.status !== 'waived' || f.severity === 'error'),
    ),
    monthlyCost: cost ? cost.monthlyTotal : null,
    unpriced: unpricedOf(cost),
    decision,
  };
  if (diff?.cost) view.costDelta = diff.cost.monthlyDelta;
  if (changes !== null && changes.from !== changes.to) {
    view.revisionChanges = {
      from: changes.from,
      to: changes.to,
      lines: renderRevisionDiff(changes).trimEnd().split('\n').slice(1),
    };
  }
  return view;
}
