import {
  type CloudFormationClient,
  DeleteStackCommand,
  DescribeStackEventsCommand,
} from '@aws-sdk/client-cloudformation';
import { CloudFormationWaitTimeoutError, StackDeleteFailedError } from './aws-errors.ts';
import { callCloudFormation } from './cloudformation-call.ts';
import { type DeployedStack, describeStack } from './get-deployed-template.ts';
import { sleep } from './sleep.ts';

/** Stack-level statuses that prove a creation (or an update after one) once completed. */
const COMPLETED = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'IMPORT_COMPLETE']);

/**
 * The stack when it is in ROLLBACK_COMPLETE because its FIRST creation failed and rolled back (it holds no
 * resources and can only be deleted: CreateChangeSet refuses it), or null for any other stack or none.
 * Its own events are read to make sure it never completed a creation.
 */
export async function findRolledBackCreation(
  client: CloudFormationClient,
  stackName: string,
): Promise<DeployedStack | null> {
  const stack = await describeStack(client, stackName);
  if (stack === null || stack.status !== 'ROLLBACK_COMPLETE') return null;
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const page = await callCloudFormation('DescribeStackEvents', stackName, () =>
      client.send(
        new DescribeStackEventsCommand({
          StackName: stack.stackId,
          ...(nextToken ? { NextToken: nextToken } : {}),
        }),
      ),
    );
    pages++;
    for (const event of page.StackEvents ?? []) {
      const isStack =
        event.ResourceType === 'AWS::CloudFormation::Stack' && event.LogicalResourceId === stack.stackName;
      if (isStack && COMPLETED.has(event.ResourceStatus ?? '')) return null;
    }
    nextToken = page.NextToken;
  } while (nextToken && pages < 20);
  // Events not read to the end: unsure, so not deletable.
  return nextToken ? null : stack;
}

/** DeleteStack (by name or stack id). CloudFormation answers at once; follow it with waitForStackDeleted. */
export async function deleteStack(client: CloudFormationClient, stackName: string): Promise<void> {
  await callCloudFormation('DeleteStack', stackName, () =>
    client.send(new DeleteStackCommand({ StackName: stackName })),
  );
}

/**
 * Follows a deletion (DescribeStacks every `pollMs`) until the stack is DELETE_COMPLETE or no longer exists.
 * Throws StackDeleteFailedError on DELETE_FAILED (or any status other than a deletion's), and
 * CloudFormationWaitTimeoutError after `timeoutMs` (calling it again resumes).
 */
export async function waitForStackDeleted(
  client: CloudFormationClient,
  stackName: string,
  options: { pollMs?: number; timeoutMs?: number } = {},
): Promise<void> {
  const pollMs = options.pollMs ?? 5_000;
  const timeoutMs = options.timeoutMs ?? 3_600_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const stack = await describeStack(client, stackName);
    if (stack === null || stack.status === 'DELETE_COMPLETE') return;
    if (stack.status !== 'DELETE_IN_PROGRESS') {
      throw new StackDeleteFailedError(stackName, stack.status, stack.statusReason);
    }
    if (Date.now() >= deadline) {
      throw new CloudFormationWaitTimeoutError('the stack deletion', stackName, stack.status, timeoutMs);
    }
    await sleep(pollMs);
  }
}
