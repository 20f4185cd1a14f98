import { describe, expect, it } from 'vitest';
import { sharedStackNote, sharedStackQuery } from '../../../src/conversations/turn/shared-stack.ts';
import type { Architecture } from '../../../src/model/architecture.ts';
import { emptyArchitecture } from '../../../src/model/architecture.ts';

const deployable = (overrides: Partial<Architecture> = {}): Architecture =>
  emptyArchitecture({
    name: 'orders',
    team: 'payments',
    environment: 'prod',
    components: [{ id: 'jobs', kind: 'queue', params: {} }],
    ...overrides,
  });

describe('sharedStackQuery', () => {
  it('looks for other conversations on the stack of a first proposal, excluding this conversation', () => {
    const conversation = { id: 'c1', architecture: emptyArchitecture(), latestProposalId: null };
    expect(sharedStackQuery(conversation, deployable())).toEqual({
      team: 'payments',
      environment: 'prod',
      name: 'orders',
      excluding: 'c1',
    });
  });

  it('looks again when a turn renames the app or moves it to another team or environment', () => {
    const conversation = { id: 'c1', architecture: deployable(), latestProposalId: 'p1' };
    expect(sharedStackQuery(conversation, deployable({ name: 'billing' }))?.name).toBe('billing');
    expect(sharedStackQuery(conversation, deployable({ environment: 'dev' }))?.environment).toBe('dev');
  });

  it('does not look while the stack is unknown or empty, or when it is the one already proposed for', () => {
    const conversation = { id: 'c1', architecture: deployable(), latestProposalId: 'p1' };
    expect(sharedStackQuery(conversation, deployable())).toBeNull();
    expect(sharedStackQuery(conversation, deployable({ team: null }))).toBeNull();
    expect(sharedStackQuery(conversation, deployable({ environment: null }))).toBeNull();
    expect(sharedStackQuery(conversation, deployable({ components: [] }))).toBeNull();
  });
});

describe('sharedStackNote', () => {
  const stack = { team: 'payments', environment: 'prod', name: 'orders', excluding: 'c1' };

  it('names the other conversation by its title, or by its id when it has none', () => {
    expect(sharedStackNote({ id: 'c2', title: 'Orders API' }, stack)).toMatch(
      /^Conversation "Orders API" also works on the payments orders stack in prod: .*only one change request per stack can be open at a time\. Say "call the app …"/,
    );
    expect(sharedStackNote({ id: 'c2', title: null }, stack)).toMatch(/^Conversation c2 also works on/);
  });
});
