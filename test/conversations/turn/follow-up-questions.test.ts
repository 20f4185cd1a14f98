import { describe, expect, it } from 'vitest';
import { followUpQuestions } from '../../../src/conversations/turn/follow-up-questions.ts';
import type { Architecture } from '../../../src/model/architecture.ts';
import { emptyArchitecture } from '../../../src/model/architecture.ts';
import type { SessionStep } from '../../../src/planner/session.ts';

const withQueue = (overrides: Partial<Architecture> = {}): Architecture =>
  emptyArchitecture({
    name: 'orders',
    components: [{ id: 'jobs', kind: 'queue', params: {} }],
    ...overrides,
  });

function edited(architecture: Architecture): SessionStep {
  return { kind: 'edited', changed: true, state: { architecture, undo: [], redo: [] } };
}

describe('followUpQuestions', () => {
  it('asks for the team and the environment when an edit leaves both unset', () => {
    const questions = followUpQuestions({
      intent: 'edit',
      step: edited(withQueue()),
      changed: true,
      hadProposal: true,
    });
    expect(questions).toEqual(['Which team owns this, and which environment (dev, staging or prod)?']);
  });

  it('asks only for what is missing', () => {
    const step = edited(withQueue({ team: 'payments' }));
    expect(followUpQuestions({ intent: 'edit', step, changed: true, hadProposal: true })).toEqual([
      'Which environment (dev, staging or prod)?',
    ]);
    const noTeam = edited(withQueue({ environment: 'prod' }));
    expect(followUpQuestions({ intent: 'edit', step: noTeam, changed: true, hadProposal: true })).toEqual([
      'Which team owns this?',
    ]);
  });

  it('asks nothing once team and environment are set', () => {
    const step = edited(withQueue({ team: 'payments', environment: 'prod' }));
    expect(followUpQuestions({ intent: 'edit', step, changed: true, hadProposal: true })).toEqual([]);
  });

  it('does not ask for team or environment on a question, or while there is nothing to deploy', () => {
    const unchanged: SessionStep = {
      kind: 'unchanged',
      state: { architecture: withQueue(), undo: [], redo: [] },
    };
    expect(
      followUpQuestions({ intent: 'question', step: unchanged, changed: false, hadProposal: true }),
    ).toEqual([]);
    const empty = edited(emptyArchitecture({ name: 'orders' }));
    expect(followUpQuestions({ intent: 'edit', step: empty, changed: true, hadProposal: true })).toEqual([]);
  });

  it('asks again after an undo that leaves them unset', () => {
    const undone: SessionStep = { kind: 'undone', state: { architecture: withQueue(), undo: [], redo: [] } };
    expect(
      followUpQuestions({ intent: 'undo', step: undone, changed: true, hadProposal: true }),
    ).toHaveLength(1);
  });

  it('asks for an app name on the first change of an untitled conversation, and only then', () => {
    const step = edited(withQueue({ name: 'app-3f9a2c', team: 'payments', environment: 'dev' }));
    expect(followUpQuestions({ intent: 'edit', step, changed: true, hadProposal: false })).toEqual([
      'What should the app be called? Its stack is named after it; I used app-3f9a2c for now.',
    ]);
    expect(followUpQuestions({ intent: 'edit', step, changed: true, hadProposal: true })).toEqual([]);
    const named = edited(withQueue({ name: 'orders', team: 'payments', environment: 'dev' }));
    expect(followUpQuestions({ intent: 'edit', step: named, changed: true, hadProposal: false })).toEqual([]);
  });
});
