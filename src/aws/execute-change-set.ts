import { type CloudFormationClient, ExecuteChangeSetCommand } from '@aws-sdk/client-cloudformation';
import { awsErrorCode, cloudFormationError } from './cloudformation-call.ts';
import { describeChangeSet } from './describe-change-set.ts';

export interface ExecuteChangeSetResult {
  /** True when the change set had already been executed (a retry after a restart): nothing was started. */
  alreadyExecuted: boolean;
  /** When the execution was requested (used to pick this operation's stack events). */
  startedAt: Date;
}

/**
 * ExecuteChangeSet with a client request token. If CloudFormation says the change set is no longer executable
 * because it is already executing or executed, that is reported as `alreadyExecuted` instead of an error.
 */
export async function executeChangeSet(
  client: CloudFormationClient,
  input: { stackName: string; changeSetName: string; clientToken?: string },
): Promise<ExecuteChangeSetResult> {
  const startedAt = new Date();
  try {
    await client.send(
      new ExecuteChangeSetCommand({
        StackName: input.stackName,
        ChangeSetName: input.changeSetName,
        ...(input.clientToken ? { ClientRequestToken: input.clientToken } : {}),
      }),
    );
    return { alreadyExecuted: false, startedAt };
  } catch (error) {
    if (awsErrorCode(error) === 'InvalidChangeSetStatusException') {
      const described = await describeChangeSet(client, input);
      if (described.executionStatus.startsWith('EXECUTE_')) return { alreadyExecuted: true, startedAt };
    }
    throw cloudFormationError('ExecuteChangeSet', input.stackName, error);
  }
}
