import { AppError } from '../../errors/app-error.ts';

export class ProposalNotFoundError extends AppError {
  readonly type = 'proposal-not-found';
  readonly status = 404;
  readonly title = 'Proposal not found';

  constructor(readonly proposalId: string) {
    super(`no proposal with id ${proposalId}`, { extensions: { proposalId } });
  }
}
