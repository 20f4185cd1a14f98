import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudFormationCallError, CloudFormationWaitTimeoutError } from '../../aws/aws-errors.ts';
import { createChangeSet } from '../../aws/create-change-set.ts';
import {
  deleteStack,
  findRolledBackCreation,
  waitForStackDeleted,
} from '../../aws/delete-rolled-back-stack.ts';
import { type DescribedChangeSet, describeChangeSet } from '../../aws/describe-change-set.ts';
import { executeChangeSet } from '../../aws/execute-change-set.ts';
import { type StackOutcome, waitForStack } from '../../aws/wait-for-stack.ts';

/**
 * The CloudFormation calls the apply orchestrator makes, over DIFF's functions. Every wait is bounded by
 * `chunkMs` and returns `null` when it runs out, so the orchestrator renews its lease and checks for shutdown
 * between chunks instead of blocking for an hour.
 */
export interface CloudFormationPort {
  /** The change set by name, or null when it (or its stack) does not exist. */
  findChangeSet(stackName: string, changeSetName: string): Promise<DescribedChangeSet | null>;
  /** CreateChangeSet and wait for it; null when the chunk ran out (call findChangeSet next time). */
  createChangeSet(input: {
    stackName: string;
    changeSetName: string;
    clientToken: string;
    template: Record<string, unknown>;
    /** The S3 URL the template was uploaded to (over 51,200 bytes), sent as TemplateURL; or null. */
    templateUrl: string | null;
    description: string;
  }): Promise<DescribedChangeSet | null>;
  executeChangeSet(input: { stackName: string; changeSetName: string; clientToken: string }): Promise<void>;
  /** Follow the stack to a terminal status; null when the chunk ran out. */
  waitForStack(stackName: string, since: Date | undefined): Promise<StackOutcome | null>;
  /** Whether the stack is in ROLLBACK_COMPLETE after its first creation failed (never completed one). */
  isRolledBackCreation(stackName: string): Promise<boolean>;
  deleteStack(stackName: string): Promise<void>;
  /** Follow a deletion until the stack is gone; false when the chunk ran out. Throws on DELETE_FAILED. */
  waitForStackDeleted(stackName: string): Promise<boolean>;
}

function isMissing(error: unknown): boolean {
  if (!(error instanceof CloudFormationCallError)) return false;
  const code = String(error.extensions.code ?? '');
  return (
    /ChangeSetNotFound/.test(code) || (code === 'ValidationError' && /does not exist/i.test(error.message))
  );
}

export function cloudFormationPort(
  client: () => CloudFormationClient,
  timing: { pollMs: number; chunkMs: number },
): CloudFormationPort {
  return {
    async findChangeSet(stackName, changeSetName) {
      try {
        return await describeChangeSet(client(), { stackName, changeSetName });
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async createChangeSet(input) {
      try {
        return await createChangeSet(client(), {
          ...input,
          pollMs: timing.pollMs,
          timeoutMs: timing.chunkMs,
        });
      } catch (error) {
        if (error instanceof CloudFormationWaitTimeoutError) return null;
        throw error;
      }
    },
    async executeChangeSet(input) {
      await executeChangeSet(client(), input);
    },
    async waitForStack(stackName, since) {
      try {
        return await waitForStack(client(), stackName, {
          pollMs: timing.pollMs,
          timeoutMs: timing.chunkMs,
          ...(since ? { since } : {}),
        });
      } catch (error) {
        if (error instanceof CloudFormationWaitTimeoutError) return null;
        throw error;
      }
    },
    async isRolledBackCreation(stackName) {
      return (await findRolledBackCreation(client(), stackName)) !== null;
    },
    async deleteStack(stackName) {
      await deleteStack(client(), stackName);
    },
    async waitForStackDeleted(stackName) {
      try {
        await waitForStackDeleted(client(), stackName, { pollMs: timing.pollMs, timeoutMs: timing.chunkMs });
        return true;
      } catch (error) {
        if (error instanceof CloudFormationWaitTimeoutError) return false;
        throw error;
      }
    },
  };
}
