import { describe, expect, it } from 'vitest';
import { submitProposal } from '../../../src/conversations/turn/submit-proposal.ts';
import { ConflictError } from '../../../src/http/errors/conflict-error.ts';
import { InternalError } from '../../../src/http/errors/internal-error.ts';

describe('submitProposal', () => {
  it('reports the change request the submit opened', async () => {
    const submitted = await submitProposal(
      async (proposalId) => ({
        id: `cr-of-${proposalId}`,
        state: 'pending',
        revision: 1,
        outcome: 'created',
      }),
      'p1',
    );
    expect(submitted).toEqual({
      ok: true,
      id: 'cr-of-p1',
      state: 'pending',
      revision: 1,
      outcome: 'created',
    });
  });

  it('turns a refusal the user can act on (4xx) into the reason the reply gives', async () => {
    const submitted = await submitProposal(async () => {
      throw new ConflictError('the stack already has an open change request');
    }, 'p1');
    expect(submitted).toEqual({ ok: false, reason: 'the stack already has an open change request' });
  });

  it('fails the turn on a server error or an error without a status', async () => {
    await expect(
      submitProposal(async () => {
        throw new InternalError('database gone');
      }, 'p1'),
    ).rejects.toThrow('database gone');
    await expect(
      submitProposal(async () => {
        throw new TypeError('bug');
      }, 'p1'),
    ).rejects.toThrow(TypeError);
  });
});
