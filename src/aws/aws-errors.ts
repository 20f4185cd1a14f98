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

/**
 * The template is too large for CloudFormation: over 51,200 bytes with no CFN_TEMPLATE_BUCKET to upload it to
 * (TemplateBody's limit), or over 1,048,576 bytes (TemplateURL's limit, which no setting raises).
 */
export class TemplateTooLargeError extends AppError {
  readonly type = 'template-too-large';
  readonly status = 413;
  readonly title = 'Template too large for CloudFormation';
  constructor(stackName: string, bytes: number, limit: number, setting: string | null) {
    const what =
      setting === null
        ? `CloudFormation accepts at most ${limit} bytes even from S3 (TemplateURL): split the architecture into several stacks`
        : `CloudFormation accepts at most ${limit} bytes in TemplateBody: set ${setting} to upload larger templates (up to 1048576 bytes) to S3`;
    super(`the template for stack ${stackName} is ${bytes} bytes; ${what}`, {
      extensions: { stackName, bytes, limit, ...(setting === null ? {} : { setting }) },
    });
  }
}

/** The attempt's template was to be uploaded to a bucket (or key prefix) that is no longer configured. */
export class TemplateBucketChangedError extends AppError {
  readonly type = 'template-bucket-changed';
  readonly status = 409;
  readonly title = 'The template bucket changed during the apply';
  constructor(recordedUrl: string, configuredUrl: string | null) {
    super(
      `the apply was started to upload its template to ${recordedUrl}, but ${
        configuredUrl === null
          ? 'CFN_TEMPLATE_BUCKET is no longer set'
          : `the configuration now gives ${configuredUrl}`
      }: apply the change request again`,
      { extensions: { recordedUrl, configuredUrl } },
    );
  }
}

/** S3 refused or failed a call (uploading a template); keeps S3's error code and HTTP status. */
export class S3CallError extends AppError {
  readonly type = 's3-call-failed';
  readonly status = 502;
  readonly title = 'S3 call failed';
  constructor(operation: string, bucket: string, code: string, httpStatus: number | null, cause?: unknown) {
    super(
      `S3 ${operation} in bucket ${bucket} failed: ${code}${httpStatus === null ? '' : ` (HTTP ${httpStatus})`}`,
      {
        extensions: { operation, bucket, code, httpStatus },
        cause,
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
