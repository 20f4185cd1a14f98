import { AppError } from '../../errors/app-error.ts';

/** A new revision must come from another proposal of the same conversation, for the same stack. */
export class ProposalMismatchError extends AppError {
  readonly type = 'proposal-mismatch';
  readonly status = 422;
  readonly title = 'The proposal cannot revise this change request';

  constructor(
    readonly proposalId: string,
    readonly reason: string,
  ) {
    super(`proposal ${proposalId} cannot revise this change request: ${reason}`, {
      extensions: { proposalId, reason },
    });
  }
}
