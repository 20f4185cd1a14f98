import { type CloudFormationClient, DeleteChangeSetCommand } from '@aws-sdk/client-cloudformation';
import { awsErrorCode, cloudFormationError } from './cloudformation-call.ts';

/**
 * DeleteChangeSet (a superseded revision, a rejected or closed request). A change set that no longer exists
 * counts as deleted: returns false instead of failing.
 */
export async function deleteChangeSet(
  client: CloudFormationClient,
  input: { stackName: string; changeSetName: string },
): Promise<boolean> {
  try {
    await client.send(
      new DeleteChangeSetCommand({ StackName: input.stackName, ChangeSetName: input.changeSetName }),
    );
    return true;
  } catch (error) {
    if (awsErrorCode(error) === 'ChangeSetNotFoundException') return false;
    throw cloudFormationError('DeleteChangeSet', input.stackName, error);
  }
}
