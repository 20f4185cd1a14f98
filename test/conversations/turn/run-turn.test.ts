import { beforeAll, describe, expect, it } from 'vitest';
import type { ConversationRecord } from '../../../src/conversations/conversation-repository.ts';
import type { ProposalInputs } from '../../../src/conversations/turn/proposal-inputs.ts';
import { runTurn, type TurnPorts } from '../../../src/conversations/turn/run-turn.ts';
import type { Submission } from '../../../src/conversations/turn/submit-proposal.ts';
import type { TurnEvent } from '../../../src/conversations/turn/turn-event.ts';
import { defaultPolicy } from '../../../src/guardrails/policy/default-policy.ts';
import type { AuthUser } from '../../../src/identity/roles.ts';
import type { Architecture } from '../../../src/model/architecture.ts';
import { emptyArchitecture } from '../../../src/model/architecture.ts';
import { EmbeddedPlanner } from '../../../src/planner/embedded/embedded-planner.ts';
import type { Proposal } from '../../../src/proposal/proposal.ts';

const actor: AuthUser = { id: 'u1', name: 'dev', roles: ['developer'], teams: ['payments'] };
const planner = new EmbeddedPlanner();
let inputs: ProposalInputs;

beforeAll(async () => {
  inputs = { policy: await defaultPolicy(), waivers: [], baseline: null, stackName: null };
});

function conversation(overrides: Partial<ConversationRecord> = {}): ConversationRecord {
  const architecture = emptyArchitecture({ name: 'orders', team: 'payments', environment: 'dev' });
  return {
    id: '00000000-0000-4000-8000-000000000001',
    title: 'orders',
    team: 'payments',
    environment: 'dev',
    channel: 'api',
    owner: { id: actor.id, name: actor.name },
    architecture,
    latestProposalId: null,
    turnCount: 0,
    version: 1,
    canUndo: false,
    canRedo: false,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    undo: [],
    redo: [],
    focus: [],
    ...overrides,
  };
}

/** In-memory ports: what the turn read, asked and announced is kept for the assertions. */
function ports(
  options: {
    proposals?: Proposal[];
    onStack?: { id: string; title: string | null };
    submit?: (id: string) => Promise<Submission>;
  } = {},
) {
  const events: TurnEvent['type'][] = [];
  const loads: string[] = [];
  const wired: TurnPorts = {
    planner,
    latestProposal: async (id) => {
      loads.push(`latest ${id}`);
      return options.proposals?.find((p) => p.id === id) ?? null;
    },
    conversationOnStack: async (stack) => {
      loads.push(`stack ${stack.team}-${stack.name}-${stack.environment}`);
      return options.onStack ?? null;
    },
    proposalInputs: async (architecture: Architecture) => {
      loads.push(`inputs ${architecture.name}`);
      return inputs;
    },
    submit: options.submit,
    clock: () => new Date('2025-06-01T12:00:00Z'),
    emit: (event) => events.push(event.type),
  };
  return { wired, events, loads };
}

const ask = { previousMessage: undefined, actor };

describe('runTurn', () => {
  it('plans, applies and builds a proposal, announcing planning, checking and rendering but not the reply', async () => {
    const p = ports();
    const turn = await runTurn({ conversation: conversation(), message: 'add a queue', ...ask }, p.wired);
    expect(p.events).toEqual(['planning', 'checking', 'rendering']);
    expect(turn.seq).toBe(1);
    expect(turn.intent).toBe('edit');
    expect(turn.operations.map((o) => o.op)).toEqual(['add_component']);
    expect(turn.session.architecture.components.map((c) => c.kind)).toEqual(['queue']);
    expect(turn.session.undo).toHaveLength(1);
    expect(turn.freshProposal).toBe(true);
    expect(turn.proposal?.architecture.components.map((c) => c.kind)).toEqual(['queue']);
    expect(turn.proposal?.createdAt).toBe('2025-06-01T12:00:00.000Z');
    expect(turn.reply).toMatch(/^Done: /);
    expect(turn.focus).toEqual(turn.session.architecture.components.map((c) => c.id));
  });

  it('answers a question from the latest proposal without building another', async () => {
    const first = await runTurn(
      { conversation: conversation(), message: 'add a queue', ...ask },
      ports().wired,
    );
    const latest = first.proposal!;
    const p = ports({ proposals: [latest] });
    const record = conversation({
      architecture: first.session.architecture,
      undo: first.session.undo,
      latestProposalId: latest.id,
      turnCount: 1,
      focus: first.focus,
    });
    const turn = await runTurn({ conversation: record, message: 'what does it cost?', ...ask }, p.wired);
    expect(p.events).toEqual(['planning']);
    expect(p.loads).toEqual([`latest ${latest.id}`]);
    expect(turn.freshProposal).toBe(false);
    expect(turn.proposal).toBe(latest);
    expect(turn.operations).toEqual([]);
    expect(turn.focus).toEqual(first.focus);
    expect(turn.reply).toMatch(/^Estimated /);
  });

  it('notes another conversation on the stack its first proposal targets', async () => {
    const p = ports({ onStack: { id: 'c2', title: 'Orders API' } });
    const turn = await runTurn({ conversation: conversation(), message: 'add a queue', ...ask }, p.wired);
    expect(p.loads).toContain('stack payments-orders-dev');
    expect(turn.notes).toContainEqual(expect.stringMatching(/^Conversation "Orders API" also works on/));
    expect(turn.reply).toContain('Conversation "Orders API" also works on the payments orders stack in dev');
  });

  it('submits the proposal through the submit port and says so in the reply', async () => {
    const first = await runTurn(
      { conversation: conversation(), message: 'add a queue', ...ask },
      ports().wired,
    );
    const submitted: string[] = [];
    const p = ports({
      proposals: [first.proposal!],
      submit: async (id) => {
        submitted.push(id);
        return { id: 'cr-1', state: 'pending', revision: 1, outcome: 'created' };
      },
    });
    const record = conversation({
      architecture: first.session.architecture,
      latestProposalId: first.proposal!.id,
      turnCount: 1,
    });
    const turn = await runTurn({ conversation: record, message: 'submit it for review', ...ask }, p.wired);
    expect(turn.intent).toBe('submit');
    expect(submitted).toEqual([first.proposal!.id]);
    expect(turn.reply).toMatch(/^Submitted for review: change request cr-1 \(pending\)\./);
  });

  it('asks for team and environment after an edit that leaves them unset', async () => {
    const record = conversation({ architecture: emptyArchitecture({ name: 'orders' }), team: null });
    const turn = await runTurn({ conversation: record, message: 'add a queue', ...ask }, ports().wired);
    expect(turn.questions).toContain('Which team owns this, and which environment (dev, staging or prod)?');
    expect(turn.reply.split('\n').at(-1)).toBe(
      'Which team owns this, and which environment (dev, staging or prod)?',
    );
  });
});
