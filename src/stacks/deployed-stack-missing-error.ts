import { AppError } from '../errors/app-error.ts';

/** AWS has no deployed stack of that name (GetTemplate found nothing to import). */
export class DeployedStackMissingError extends AppError {
  readonly type = 'deployed-stack-not-found';
  readonly status = 404;
  readonly title = 'No deployed stack in AWS';
  constructor(stackName: string) {
    super(`CloudFormation has no deployed stack named ${stackName} to import`, { extensions: { stackName } });
  }
}
