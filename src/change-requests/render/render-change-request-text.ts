import type { ChangeRequest } from '../change-request.ts';

/**
 * One change request for the terminal: what, who, risk with reasons, approvals and what is missing, the
 * lock, the apply status, comments; the diff (already rendered as terminal text by DIFF) goes last.
 */
export function renderChangeRequestText(cr: ChangeRequest, diffText: string): string {
  const out: string[] = [];
  out.push(`${cr.title}`);
  out.push(`  id        ${cr.id} (version ${cr.version}, revision ${cr.revision})`);
  out.push(
    `  state     ${cr.state}${cr.allowedActions.length > 0 ? `  [${cr.allowedActions.join(', ')}]` : ''}`,
  );
  out.push(`  stack     ${cr.stack.name}`);
  out.push(`  author    ${cr.author.name} via ${cr.channel}, ${cr.createdAt}`);
  out.push(`  risk      ${cr.risk.level.toUpperCase()}`);
  for (const reason of cr.risk.reasons) out.push(`            - ${reason.message}`);
  const status = cr.approvals.status;
  const approvers = cr.approvals.records.map(
    (a) => `${a.approverName}${a.policyAdmin ? ' (policy_admin)' : ''}`,
  );
  out.push(
    `  approvals ${status.approvals}/${status.required.approvals}` +
      (status.required.policyAdminApprovals > 0
        ? `, ${status.policyAdminApprovals}/${status.required.policyAdminApprovals} policy_admin`
        : '') +
      (approvers.length > 0 ? `: ${approvers.join(', ')}` : ''),
  );
  if (status.missing.length > 0) out.push(`            missing: ${status.missing.join(', ')}`);
  if (cr.lock !== null) {
    out.push(
      `  lock      held by ${cr.lock.changeRequestId === cr.id ? 'this request' : cr.lock.changeRequestId} (${cr.lock.lockedBy})`,
    );
  }
  if (cr.apply !== null) {
    out.push(
      `  apply     ${cr.apply.mode}: ${cr.apply.status}` +
        (cr.apply.statusReason ? ` (${cr.apply.statusReason})` : '') +
        (cr.apply.stackStatus ? ` stack ${cr.apply.stackStatus}` : ''),
    );
  }
  if (cr.description !== '') {
    out.push('');
    out.push(cr.description);
  }
  if (cr.comments.length > 0) {
    out.push('');
    out.push('Comments:');
    for (const c of cr.comments)
      out.push(`  [${c.at}] ${c.author.name} (${c.kind.replace('_', ' ')}): ${c.body}`);
  }
  out.push('');
  out.push(diffText.endsWith('\n') ? diffText.slice(0, -1) : diffText);
  return `${out.join('\n')}\n`;
}
