import {
  type CloudFormationClient,
  DescribeStackEventsCommand,
  type StackEvent,
} from '@aws-sdk/client-cloudformation';
import { CloudFormationWaitTimeoutError } from './aws-errors.ts';
import { callCloudFormation } from './cloudformation-call.ts';
import { describeStack } from './get-deployed-template.ts';
import { sleep } from './sleep.ts';

export type StackOutcomeKind = 'success' | 'rolled_back' | 'failed';

export interface StackFailureEvent {
  logicalId: string;
  resourceType: string;
  status: string;
  reason: string;
  timestamp: string;
}

export interface StackOutcome {
  outcome: StackOutcomeKind;
  stackName: string;
  /** The terminal stack status (`UPDATE_COMPLETE`, `UPDATE_ROLLBACK_COMPLETE`, ...), or `DOES_NOT_EXIST`. */
  status: string;
  statusReason: string | null;
  /** The failed resource events of this operation, oldest first: what went wrong and why. */
  failures: StackFailureEvent[];
}

export interface WaitForStackOptions {
  pollMs?: number;
  timeoutMs?: number;
  /** Only events at or after this instant belong to the operation (the ExecuteChangeSet time). */
  since?: Date;
}

const SUCCESS = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'IMPORT_COMPLETE', 'DELETE_COMPLETE']);
const ROLLED_BACK = new Set(['ROLLBACK_COMPLETE', 'UPDATE_ROLLBACK_COMPLETE', 'IMPORT_ROLLBACK_COMPLETE']);
const FAILED = new Set([
  'CREATE_FAILED',
  'DELETE_FAILED',
  'ROLLBACK_FAILED',
  'UPDATE_FAILED',
  'UPDATE_ROLLBACK_FAILED',
  'IMPORT_ROLLBACK_FAILED',
]);

/** The outcome a terminal stack status means, or null while the stack is still changing. */
function outcomeOfStatus(status: string): StackOutcomeKind | null {
  if (SUCCESS.has(status)) return 'success';
  if (ROLLED_BACK.has(status)) return 'rolled_back';
  if (FAILED.has(status)) return 'failed';
  return null;
}

/**
 * Follows a stack (DescribeStacks every `pollMs`) until it reaches a terminal status, then reads its events
 * (DescribeStackEvents) for the reasons of any failed resources. Throws CloudFormationWaitTimeoutError after
 * `timeoutMs`; calling it again later resumes following the same operation.
 */
export async function waitForStack(
  client: CloudFormationClient,
  stackName: string,
  options: WaitForStackOptions = {},
): Promise<StackOutcome> {
  const pollMs = options.pollMs ?? 5_000;
  const timeoutMs = options.timeoutMs ?? 3_600_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const stack = await describeStack(client, stackName);
    if (stack === null) {
      return {
        outcome: 'failed',
        stackName,
        status: 'DOES_NOT_EXIST',
        statusReason: `stack ${stackName} does not exist`,
        failures: [],
      };
    }
    const outcome = outcomeOfStatus(stack.status);
    if (outcome !== null) {
      const failures = outcome === 'success' ? [] : await failureEvents(client, stackName, options.since);
      return { outcome, stackName, status: stack.status, statusReason: stack.statusReason, failures };
    }
    if (Date.now() >= deadline) {
      throw new CloudFormationWaitTimeoutError('the stack operation', stackName, stack.status, timeoutMs);
    }
    await sleep(pollMs);
  }
}

const OPERATION_START = new Set(['CREATE_IN_PROGRESS', 'UPDATE_IN_PROGRESS', 'IMPORT_IN_PROGRESS']);

/** Failed resource events of the latest operation, oldest first. */
async function failureEvents(
  client: CloudFormationClient,
  stackName: string,
  since: Date | undefined,
): Promise<StackFailureEvent[]> {
  const failures: StackEvent[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  scan: do {
    const page = await callCloudFormation('DescribeStackEvents', stackName, () =>
      client.send(
        new DescribeStackEventsCommand({
          StackName: stackName,
          ...(nextToken ? { NextToken: nextToken } : {}),
        }),
      ),
    );
    pages++;
    for (const event of page.StackEvents ?? []) {
      // Events come newest first; stop at this operation's start.
      if (since && event.Timestamp && event.Timestamp.getTime() < since.getTime() - 1_000) break scan;
      const isStack =
        event.ResourceType === 'AWS::CloudFormation::Stack' && event.LogicalResourceId === stackName;
      if (event.ResourceStatus?.endsWith('_FAILED') && !isStack) failures.push(event);
      if (isStack && !since && OPERATION_START.has(event.ResourceStatus ?? '')) break scan;
    }
    nextToken = page.NextToken;
  } while (nextToken && pages < 10);
  return failures.reverse().map((e) => ({
    logicalId: e.LogicalResourceId ?? '',
    resourceType: e.ResourceType ?? '',
    status: e.ResourceStatus ?? '',
    reason: e.ResourceStatusReason ?? 'no reason given',
    timestamp: e.Timestamp?.toISOString() ?? '',
  }));
}
