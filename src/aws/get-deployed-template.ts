import {
  type CloudFormationClient,
  DescribeStacksCommand,
  GetTemplateCommand,
} from '@aws-sdk/client-cloudformation';
import type { CfnTemplate } from '../cfn/cfn-template.ts';
import { parseTemplateText } from '../cfn/parse-template-text.ts';
import { cloudFormationError, isStackMissing } from './cloudformation-call.ts';

export interface DeployedStack {
  stackId: string;
  stackName: string;
  status: string;
  statusReason: string | null;
}

/** The stack as CloudFormation reports it, or null when it does not exist. */
export async function describeStack(
  client: CloudFormationClient,
  stackName: string,
): Promise<DeployedStack | null> {
  try {
    const out = await client.send(new DescribeStacksCommand({ StackName: stackName }));
    const stack = out.Stacks?.[0];
    if (!stack) return null;
    return {
      stackId: stack.StackId ?? stackName,
      stackName: stack.StackName ?? stackName,
      status: stack.StackStatus ?? 'UNKNOWN',
      statusReason: stack.StackStatusReason ?? null,
    };
  } catch (error) {
    if (isStackMissing(error)) return null;
    throw cloudFormationError('DescribeStacks', stackName, error);
  }
}

/**
 * The template of the deployed stack (GetTemplate, stage Original), parsed; null when the stack does not
 * exist, was only created for a change set that never ran (REVIEW_IN_PROGRESS), or its first creation
 * rolled back (ROLLBACK_COMPLETE: it holds no resources).
 */
export async function getDeployedTemplate(
  client: CloudFormationClient,
  stackName: string,
): Promise<CfnTemplate | null> {
  const text = await getDeployedTemplateText(client, stackName);
  return text === null ? null : parseTemplateText(text);
}

/** The raw TemplateBody of the deployed stack, or null when there is none. */
export async function getDeployedTemplateText(
  client: CloudFormationClient,
  stackName: string,
): Promise<string | null> {
  let body: string | undefined;
  try {
    const out = await client.send(
      new GetTemplateCommand({ StackName: stackName, TemplateStage: 'Original' }),
    );
    body = out.TemplateBody;
  } catch (error) {
    if (isStackMissing(error)) return null;
    throw cloudFormationError('GetTemplate', stackName, error);
  }
  if (body === undefined || body === '') return null;
  const stack = await describeStack(client, stackName);
  // REVIEW_IN_PROGRESS: only a change set, never executed; ROLLBACK_COMPLETE: the first creation failed and
  // rolled back, so GetTemplate returns a template whose resources do not exist.
  if (stack === null || stack.status === 'REVIEW_IN_PROGRESS' || stack.status === 'ROLLBACK_COMPLETE') {
    return null;
  }
  return body;
}
