/** The real implementations of the service's ports: PLANNER's proposals (getProposal), DIFF's stacks and diff. */
import { diffTemplates } from '../diff/diff-templates.ts';
import { isStatefulResourceType } from '../diff/is-stateful-resource-type.ts';
import type { StackDiff } from '../diff/stack-diff.ts';
import { getProposal } from '../proposal/proposal-repository.ts';
import { getBaseline, setBaseline } from '../stacks/baseline-store.ts';
import { stackNameFor } from '../stacks/stack-name.ts';
import type { DiffPort, ProposalPort, StackPort } from './ports.ts';

/** `resolve` is DIFF's StacksService.resolveBaseline (store, else the deployed template when AWS is configured). */
export function stackPort(
  resolve: (
    name: string,
  ) => Promise<{ source: string; template: Record<string, unknown> | null }> = async () => ({
    source: 'none',
    template: null,
  }),
): StackPort {
  return {
    nameFor: (key) => stackNameFor(key),
    async deployedWhenUnstored(name) {
      const resolved = await resolve(name);
      return resolved.source === 'aws' ? resolved.template : null;
    },
    async getBaseline(db, key) {
      return (await getBaseline(db, key.name))?.template ?? null;
    },
    async setBaseline(db, key, template, meta) {
      await setBaseline(db, {
        stack: { team: key.team, app: key.app, environment: key.environment },
        template,
        source: 'applied',
        changeRequestId: meta.changeRequestId,
        createdBy: meta.actorName,
      });
    },
  };
}

export function diffPort(): DiffPort {
  return {
    diff(before, after, cost) {
      const model: StackDiff = diffTemplates(before, after, {
        ...(cost.before === undefined ? {} : { costBefore: cost.before }),
        ...(cost.after === undefined ? {} : { costAfter: cost.after }),
      });
      return {
        model,
        summaryLine: model.summaryLine,
        resources: model.resources.map((r) => ({ logicalId: r.logicalId, type: r.type, action: r.action })),
        permissionsBroadened: model.permissionsBroadened,
        monthlyDelta: model.cost?.monthlyDelta ?? null,
      };
    },
    isStateful: isStatefulResourceType,
  };
}

export function proposalPort(): ProposalPort {
  return {
    async load(db, id) {
      const proposal = await getProposal(db, id);
      if (proposal === null) return null;
      return {
        id: proposal.id,
        conversationId: proposal.conversationId,
        architecture: proposal.architecture,
        findings: proposal.findings,
        template: proposal.template,
        templateYaml: proposal.templateYaml,
        diff: proposal.diff,
        cost: proposal.cost,
        createdAt: proposal.createdAt,
      };
    },
  };
}
