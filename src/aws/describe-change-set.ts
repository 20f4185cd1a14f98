import {
  type Change,
  type CloudFormationClient,
  DescribeChangeSetCommand,
  type DescribeChangeSetCommandOutput,
} from '@aws-sdk/client-cloudformation';
import { callCloudFormation } from './cloudformation-call.ts';

/** One detail of a resource change: which attribute or property, and whether it forces recreation. */
export interface AwsChangeDetail {
  /** Properties, Metadata, CreationPolicy, UpdatePolicy, DeletionPolicy, Tags, ... */
  attribute: string | null;
  /** The property name, for `Properties`. */
  name: string | null;
  /** Never, Conditionally or Always. */
  requiresRecreation: string | null;
  /** Static or Dynamic. */
  evaluation: string | null;
  changeSource: string | null;
  causingEntity: string | null;
}

/** AWS's own view of one resource change, normalised. */
export interface AwsResourceChange {
  /** Add, Modify, Remove, Import, Dynamic. */
  action: string;
  logicalId: string;
  physicalId: string | null;
  resourceType: string;
  /** True, False or Conditional for Modify; null for Add and Remove. */
  replacement: 'True' | 'False' | 'Conditional' | null;
  /** Properties, Metadata, CreationPolicy, UpdatePolicy, DeletionPolicy, Tags. */
  scope: string[];
  details: AwsChangeDetail[];
}

export interface DescribedChangeSet {
  changeSetId: string;
  changeSetName: string;
  stackId: string;
  stackName: string;
  /** CREATE_PENDING, CREATE_IN_PROGRESS, CREATE_COMPLETE, FAILED, DELETE_* */
  status: string;
  /** UNAVAILABLE, AVAILABLE, EXECUTE_IN_PROGRESS, EXECUTE_COMPLETE, EXECUTE_FAILED, OBSOLETE */
  executionStatus: string;
  statusReason: string | null;
  /** True when CloudFormation found nothing to change (the change set FAILED for that reason only). */
  empty: boolean;
  /** Sorted by logical id. */
  changes: AwsResourceChange[];
}

const NO_CHANGES = /didn't contain changes|No updates are to be performed/i;

/** True when a FAILED change set failed only because the template changes nothing. */
function isNoChangesReason(reason: string | null | undefined): boolean {
  return reason !== null && reason !== undefined && NO_CHANGES.test(reason);
}

/** DescribeChangeSet, following NextToken, with the change list normalised and sorted. */
export async function describeChangeSet(
  client: CloudFormationClient,
  input: { stackName: string; changeSetName: string },
): Promise<DescribedChangeSet> {
  const pages: DescribeChangeSetCommandOutput[] = [];
  let nextToken: string | undefined;
  do {
    const page = await callCloudFormation('DescribeChangeSet', input.stackName, () =>
      client.send(
        new DescribeChangeSetCommand({
          StackName: input.stackName,
          ChangeSetName: input.changeSetName,
          ...(nextToken ? { NextToken: nextToken } : {}),
        }),
      ),
    );
    pages.push(page);
    nextToken = page.NextToken;
  } while (nextToken && pages.length < 50);
  const first = pages[0] as DescribeChangeSetCommandOutput;
  const changes = pages
    .flatMap((p) => p.Changes ?? [])
    .map(normaliseChange)
    .filter((c): c is AwsResourceChange => c !== null)
    .sort((a, b) => (a.logicalId < b.logicalId ? -1 : a.logicalId > b.logicalId ? 1 : 0));
  const status = first.Status ?? 'UNKNOWN';
  const statusReason = first.StatusReason ?? null;
  return {
    changeSetId: first.ChangeSetId ?? input.changeSetName,
    changeSetName: first.ChangeSetName ?? input.changeSetName,
    stackId: first.StackId ?? input.stackName,
    stackName: first.StackName ?? input.stackName,
    status,
    executionStatus: first.ExecutionStatus ?? 'UNAVAILABLE',
    statusReason,
    empty: status === 'FAILED' && isNoChangesReason(statusReason),
    changes,
  };
}

function normaliseChange(change: Change): AwsResourceChange | null {
  const rc = change.ResourceChange;
  if (!rc) return null;
  const replacement =
    rc.Replacement === 'True' || rc.Replacement === 'False' || rc.Replacement === 'Conditional'
      ? rc.Replacement
      : null;
  return {
    action: rc.Action ?? 'Unknown',
    logicalId: rc.LogicalResourceId ?? '',
    physicalId: rc.PhysicalResourceId ?? null,
    resourceType: rc.ResourceType ?? 'Unknown',
    replacement,
    scope: [...(rc.Scope ?? [])].sort(),
    details: (rc.Details ?? []).map((d) => ({
      attribute: d.Target?.Attribute ?? null,
      name: d.Target?.Name ?? null,
      requiresRecreation: d.Target?.RequiresRecreation ?? null,
      evaluation: d.Evaluation ?? null,
      changeSource: d.ChangeSource ?? null,
      causingEntity: d.CausingEntity ?? null,
    })),
  };
}
