import { AppError } from '../errors/app-error.ts';

/** AWS is needed for this operation but AWS_REGION is not set. */
export class AwsNotConfiguredError extends AppError {
  readonly type = 'aws-not-configured';
  readonly status = 409;
  readonly title = 'AWS is not configured';
  constructor(operation: string) {
    super(`${operation} needs AWS: set AWS_REGION (and credentials, or CFN_ENDPOINT for another endpoint)`, {
      extensions: { operation },
    });
  }
}

/** CloudFormation refused or failed a call; keeps AWS's error code and message. */
export class CloudFormationCallError extends AppError {
  readonly type = 'cloudformation-call-failed';
  readonly status = 502;
  readonly title = 'CloudFormation call failed';
  constructor(operation: string, stackName: string, code: string, message: string, cause?: unknown) {
    super(`CloudFormation ${operation} for stack ${stackName} failed: ${code}: ${message}`, {
      extensions: { operation, stackName, code },
      cause,
    });
  }
}

/** The change set could not be created (other than for having no changes). */
export class ChangeSetFailedError extends AppError {
  readonly type = 'change-set-failed';
  readonly status = 422;
  readonly title = 'The change set failed';
  constructor(stackName: string, changeSetName: string, reason: string) {
    super(`change set ${changeSetName} for stack ${stackName} failed: ${reason}`, {
      extensions: { stackName, changeSetName, reason },
    });
  }
}

/** A wait (change set creation, stack operation) did not reach a terminal state in time. */
export class CloudFormationWaitTimeoutError extends AppError {
  readonly type = 'cloudformation-wait-timeout';
  readonly status = 504;
  readonly title = 'CloudFormation did not finish in time';
  constructor(what: string, stackName: string, lastStatus: string | null, timeoutMs: number) {
    super(
      `${what} for stack ${stackName} did not finish within ${timeoutMs} ms (last status ${lastStatus ?? 'unknown'})`,
      {
        extensions: { stackName, lastStatus, timeoutMs },
      },
    );
  }
}

/** TemplateBody is limited to 51,200 bytes; larger templates need an S3 upload, which is not supported. */
export class TemplateTooLargeError extends AppError {
  readonly type = 'template-too-large';
  readonly status = 413;
  readonly title = 'Template too large for CloudFormation TemplateBody';
  constructor(stackName: string, bytes: number) {
    super(
      `the template for stack ${stackName} is ${bytes} bytes; CloudFormation accepts at most 51200 in TemplateBody`,
      {
        extensions: { stackName, bytes, limit: 51_200 },
      },
    );
  }
}

/** A stack deletion ended in a status other than DELETE_COMPLETE (DELETE_FAILED, usually). */
export class StackDeleteFailedError extends AppError {
  readonly type = 'stack-delete-failed';
  readonly status = 502;
  readonly title = 'The stack could not be deleted';
  constructor(stackName: string, stackStatus: string, reason: string | null) {
    super(`deleting stack ${stackName} ended in ${stackStatus}${reason ? `: ${reason}` : ''}`, {
      extensions: { stackName, stackStatus, reason },
    });
  }
}
