import {
  type CloudFormationClient,
  CreateChangeSetCommand,
  type Parameter,
} from '@aws-sdk/client-cloudformation';
import type { CfnTemplate } from '../cfn/cfn-template.ts';
import { ChangeSetFailedError, CloudFormationWaitTimeoutError } from './aws-errors.ts';
import { awsErrorCode, cloudFormationError } from './cloudformation-call.ts';
import { type DescribedChangeSet, describeChangeSet } from './describe-change-set.ts';
import { describeStack } from './get-deployed-template.ts';
import { sleep } from './sleep.ts';
import { templateBodyOf, templateDelivery } from './template-bucket.ts';

export interface CreateChangeSetInput {
  stackName: string;
  /** The template as an object (sent as JSON) or as text (sent as is). */
  template: CfnTemplate | Record<string, unknown> | string;
  /**
   * Where the template was uploaded (see `uploadTemplate`): sent as TemplateURL instead of TemplateBody, so
   * templates up to 1 MB pass. Without it, a template over 51,200 bytes is refused (TemplateTooLargeError).
   */
  templateUrl?: string | null;
  /** `[a-zA-Z][-a-zA-Z0-9]*`, at most 128 characters; see `changeSetNameFor`. */
  changeSetName: string;
  /** Idempotency token: the same token and name after a restart finds the change set instead of failing. */
  clientToken: string;
  description?: string;
  parameters?: Record<string, string>;
  pollMs?: number;
  timeoutMs?: number;
}

export interface CreatedChangeSet extends DescribedChangeSet {
  changeSetType: 'CREATE' | 'UPDATE';
}

const CHANGE_SET_NAME = /^[a-zA-Z][-a-zA-Z0-9]{0,127}$/;

/** A valid change set name for a change request revision: `ic-<id>-r<revision>`. */
export function changeSetNameFor(changeRequestId: string, revision: number): string {
  const id = changeRequestId.replace(/[^a-zA-Z0-9-]/g, '-').slice(0, 100);
  return `ic-${id}-r${revision}`;
}

/**
 * CreateChangeSet (CREATE when the stack does not exist or only awaits review, UPDATE otherwise, with
 * CAPABILITY_IAM and CAPABILITY_NAMED_IAM), then waits until it is CREATE_COMPLETE or FAILED. A change set
 * that fails because nothing changes is returned with `empty: true`; any other failure throws
 * ChangeSetFailedError. A change set that already exists under that name (a retry) is awaited, not recreated.
 */
export async function createChangeSet(
  client: CloudFormationClient,
  input: CreateChangeSetInput,
): Promise<CreatedChangeSet> {
  if (!CHANGE_SET_NAME.test(input.changeSetName)) {
    throw new ChangeSetFailedError(
      input.stackName,
      input.changeSetName,
      'the change set name must start with a letter and hold only letters, digits and hyphens (at most 128)',
    );
  }
  const body = templateBodyOf(input.template);
  const templateUrl = input.templateUrl ?? null;
  // Over 51,200 bytes without a URL: refused, naming CFN_TEMPLATE_BUCKET; over 1 MB: refused either way.
  templateDelivery(input.stackName, body, templateUrl !== null);
  const stack = await describeStack(client, input.stackName);
  const changeSetType = stack === null || stack.status === 'REVIEW_IN_PROGRESS' ? 'CREATE' : 'UPDATE';
  const parameters: Parameter[] = Object.entries(input.parameters ?? {})
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue }));
  try {
    await client.send(
      new CreateChangeSetCommand({
        StackName: input.stackName,
        ChangeSetName: input.changeSetName,
        ChangeSetType: changeSetType,
        ...(templateUrl !== null ? { TemplateURL: templateUrl } : { TemplateBody: body }),
        Capabilities: ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM'],
        ClientToken: input.clientToken,
        ...(input.description ? { Description: input.description.slice(0, 1024) } : {}),
        ...(parameters.length > 0 ? { Parameters: parameters } : {}),
      }),
    );
  } catch (error) {
    if (awsErrorCode(error) !== 'AlreadyExistsException')
      throw cloudFormationError('CreateChangeSet', input.stackName, error);
  }
  const described = await waitForChangeSet(client, input);
  return { ...described, changeSetType };
}

async function waitForChangeSet(
  client: CloudFormationClient,
  input: CreateChangeSetInput,
): Promise<DescribedChangeSet> {
  const pollMs = input.pollMs ?? 2_000;
  const timeoutMs = input.timeoutMs ?? 600_000;
  const deadline = Date.now() + timeoutMs;
  let last: DescribedChangeSet | null = null;
  for (;;) {
    last = await describeChangeSet(client, {
      stackName: input.stackName,
      changeSetName: input.changeSetName,
    });
    if (last.status === 'CREATE_COMPLETE') return last;
    if (last.status === 'FAILED') {
      if (last.empty) return last;
      throw new ChangeSetFailedError(
        input.stackName,
        input.changeSetName,
        last.statusReason ?? 'no reason given',
      );
    }
    if (Date.now() >= deadline) {
      throw new CloudFormationWaitTimeoutError('the change set', input.stackName, last.status, timeoutMs);
    }
    await sleep(pollMs);
  }
}
