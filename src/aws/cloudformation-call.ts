import { CloudFormationCallError } from './aws-errors.ts';

/** The AWS error code of an SDK exception (`ValidationError`, `ChangeSetNotFoundException`, ...). */
export function awsErrorCode(error: unknown): string | undefined {
  if (error instanceof Error) return error.name;
  return undefined;
}

function awsErrorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** CloudFormation says "Stack with id X does not exist" (a ValidationError) for a missing stack. */
export function isStackMissing(error: unknown): boolean {
  return awsErrorCode(error) === 'ValidationError' && /does not exist/i.test(awsErrorMessage(error));
}

/** An SDK exception as a CloudFormationCallError (502) keeping AWS's code and message. */
export function cloudFormationError(
  operation: string,
  stackName: string,
  error: unknown,
): CloudFormationCallError {
  return new CloudFormationCallError(
    operation,
    stackName,
    awsErrorCode(error) ?? 'Unknown',
    awsErrorMessage(error),
    error,
  );
}

/** Runs one SDK call, turning SDK exceptions into CloudFormationCallError. */
export async function callCloudFormation<T>(
  operation: string,
  stackName: string,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw cloudFormationError(operation, stackName, error);
  }
}
