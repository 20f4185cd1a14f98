import { describe, expect, it } from 'vitest';
import { DEFAULT_APPROVAL_POLICY } from '../../src/change-requests/approvals/approval-policy.ts';
import type { Approver } from '../../src/change-requests/approvals/approver.ts';
import { checkApprover } from '../../src/change-requests/approvals/check-approver.ts';
import { evaluateApprovals } from '../../src/change-requests/approvals/evaluate-approvals.ts';

const reviewer = (id: string, team: string | null, isPolicyAdmin = false): Approver => ({
  id,
  teams: team === null ? [] : [team],
  canReview: true,
  isPolicyAdmin,
});

describe('evaluateApprovals', () => {
  it('needs one approval for low risk', () => {
    expect(evaluateApprovals([], 'low', DEFAULT_APPROVAL_POLICY)).toMatchObject({
      satisfied: false,
      missing: ['1 more approval'],
    });
    expect(
      evaluateApprovals([{ approverId: 'r1', policyAdmin: false }], 'low', DEFAULT_APPROVAL_POLICY).satisfied,
    ).toBe(true);
  });

  it('needs two approvals, one from a policy_admin, for high risk', () => {
    const two = evaluateApprovals(
      [
        { approverId: 'r1', policyAdmin: false },
        { approverId: 'r2', policyAdmin: false },
      ],
      'high',
      DEFAULT_APPROVAL_POLICY,
    );
    expect(two).toMatchObject({
      satisfied: false,
      approvals: 2,
      missing: ['1 approval from a policy_admin'],
    });
    const withAdmin = evaluateApprovals(
      [
        { approverId: 'r1', policyAdmin: false },
        { approverId: 'p1', policyAdmin: true },
      ],
      'high',
      DEFAULT_APPROVAL_POLICY,
    );
    expect(withAdmin).toMatchObject({ satisfied: true, missing: [] });
  });

  it('counts one approver once', () => {
    const status = evaluateApprovals(
      [
        { approverId: 'p1', policyAdmin: true },
        { approverId: 'p1', policyAdmin: true },
      ],
      'high',
      DEFAULT_APPROVAL_POLICY,
    );
    expect(status).toMatchObject({ satisfied: false, approvals: 1, policyAdminApprovals: 1 });
  });
});

describe('checkApprover', () => {
  const request = { authorId: 'dev1', team: 'payments' };

  it('refuses self-approval even for a policy admin', () => {
    expect(() => checkApprover(reviewer('dev1', 'payments', true), request, DEFAULT_APPROVAL_POLICY)).toThrow(
      expect.objectContaining({ type: 'self-approval', status: 403 }),
    );
  });

  it('refuses a developer', () => {
    expect(() =>
      checkApprover(
        { id: 'dev2', teams: ['payments'], canReview: false, isPolicyAdmin: false },
        request,
        DEFAULT_APPROVAL_POLICY,
      ),
    ).toThrow(expect.objectContaining({ type: 'not-a-reviewer', status: 403 }));
  });

  it('refuses a reviewer of another team unless configured', () => {
    expect(() => checkApprover(reviewer('r9', 'search'), request, DEFAULT_APPROVAL_POLICY)).toThrow(
      expect.objectContaining({ type: 'cross-team-approval', status: 403 }),
    );
    expect(() =>
      checkApprover(reviewer('r9', 'search'), request, {
        ...DEFAULT_APPROVAL_POLICY,
        allowCrossTeamReviewers: true,
      }),
    ).not.toThrow();
    expect(() =>
      checkApprover(reviewer('r9', 'platform'), request, {
        ...DEFAULT_APPROVAL_POLICY,
        infraTeams: ['platform'],
      }),
    ).not.toThrow();
  });

  it('lets same-team reviewers, team-less infra reviewers and policy admins review', () => {
    expect(() => checkApprover(reviewer('r1', 'payments'), request, DEFAULT_APPROVAL_POLICY)).not.toThrow();
    expect(() => checkApprover(reviewer('r2', null), request, DEFAULT_APPROVAL_POLICY)).not.toThrow();
    expect(() =>
      checkApprover(reviewer('p1', 'search', true), request, DEFAULT_APPROVAL_POLICY),
    ).not.toThrow();
  });
});
