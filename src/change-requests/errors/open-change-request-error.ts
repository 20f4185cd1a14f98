import { AppError } from '../../errors/app-error.ts';

/** The open change request of a stack, as a refusal names it. */
export interface OpenChangeRequestRef {
  id: string;
  title: string;
  state: string;
  revision: number;
  version: number;
  authorName: string;
}

/**
 * A stack has at most one open change request: a second one is refused, naming the open one and how to
 * revise it instead (the author submits the new proposal as its next revision).
 */
export class OpenChangeRequestError extends AppError {
  readonly type = 'open-change-request';
  readonly status = 409;
  readonly title = 'The stack already has an open change request';

  constructor(
    readonly stackName: string,
    readonly open: OpenChangeRequestRef,
  ) {
    super(
      `stack ${stackName} already has an open change request: ${open.id} "${open.title}" (${open.state.replace('_', ' ')}, revision ${open.revision}, by ${open.authorName}); submit your proposal as its next revision (POST /v1/change-requests/${open.id}/revisions) or close it first`,
      {
        extensions: {
          stackName,
          openChangeRequest: open,
          revisePath: `/v1/change-requests/${open.id}/revisions`,
        },
      },
    );
  }
}
