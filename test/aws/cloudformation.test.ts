import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChangeSetFailedError, CloudFormationCallError } from '../../src/aws/aws-errors.ts';
import { createCloudFormationClient } from '../../src/aws/cloudformation-client.ts';
import { createChangeSet } from '../../src/aws/create-change-set.ts';
import { deleteChangeSet } from '../../src/aws/delete-change-set.ts';
import {
  deleteStack,
  findRolledBackCreation,
  waitForStackDeleted,
} from '../../src/aws/delete-rolled-back-stack.ts';
import { describeChangeSet } from '../../src/aws/describe-change-set.ts';
import { executeChangeSet } from '../../src/aws/execute-change-set.ts';
import {
  describeStack,
  getDeployedTemplate,
  getDeployedTemplateText,
} from '../../src/aws/get-deployed-template.ts';
import { waitForStack } from '../../src/aws/wait-for-stack.ts';
import { type CfnStandIn, startCfnStandIn } from '../support/cfn-stand-in.ts';

const credentials = { accessKeyId: 'AKIDTESTTESTTEST', secretAccessKey: 'test-secret-not-real' };
const STACK = 'payments-api-prod';
/** A CloudFormation Fn::Sub string (not a JS template). */
const SUB = ['$', '{AWS::StackName}-data'].join('');

const deployed = {
  Resources: {
    Db: {
      Type: 'AWS::RDS::DBInstance',
      Properties: { Engine: 'postgres', DBInstanceClass: 'db.t3.micro', StorageEncrypted: false },
    },
    Jobs: { Type: 'AWS::SQS::Queue', Properties: { VisibilityTimeout: 30 } },
    Old: { Type: 'AWS::SNS::Topic', Properties: {} },
  },
};

const proposed = {
  Resources: {
    Db: {
      Type: 'AWS::RDS::DBInstance',
      Properties: { Engine: 'postgres', DBInstanceClass: 'db.t3.small', StorageEncrypted: true },
    },
    Jobs: { Type: 'AWS::SQS::Queue', Properties: { VisibilityTimeout: 60 } },
    Bucket: { Type: 'AWS::S3::Bucket', Properties: {} },
  },
};

let cfn: CfnStandIn;
let client: CloudFormationClient;

beforeEach(async () => {
  cfn = await startCfnStandIn({ changeSetPolls: 2, executionPolls: 2 });
  client = createCloudFormationClient({ AWS_REGION: 'us-east-1', CFN_ENDPOINT: cfn.url }, { credentials });
});

afterEach(async () => {
  client.destroy();
  await cfn.close();
});

/** CreateChangeSet of `template` on `stackName`, named `ic-<token>` with client token `<token>`. */
function changeSetFor(stackName: string, token: string, template: Record<string, unknown> = proposed) {
  return createChangeSet(client, {
    stackName,
    template,
    changeSetName: `ic-${token}`,
    clientToken: token,
    pollMs: 1,
  });
}

describe('getDeployedTemplate', () => {
  it('reads the deployed template with GetTemplate, YAML short forms included', async () => {
    const yaml = `Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub "${SUB}"\n`;
    cfn.putStack(STACK, yaml);
    expect(await getDeployedTemplateText(client, STACK)).toBe(yaml);
    expect(await getDeployedTemplate(client, STACK)).toEqual({
      Resources: {
        Bucket: {
          Type: 'AWS::S3::Bucket',
          Properties: { BucketName: { 'Fn::Sub': SUB } },
        },
      },
    });
    expect(cfn.count('GetTemplate')).toBe(2);
  });

  it('returns null for a stack that does not exist', async () => {
    expect(await getDeployedTemplate(client, 'nobody-nothing-dev')).toBeNull();
  });

  it('turns other AWS errors into a CloudFormationCallError with the AWS code', async () => {
    cfn.putStack(STACK, deployed);
    const error = await describeChangeSet(client, { stackName: STACK, changeSetName: 'missing' }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(CloudFormationCallError);
    expect((error as CloudFormationCallError).status).toBe(502);
    expect((error as CloudFormationCallError).extensions.code).toBe('ChangeSetNotFoundException');
  });
});

describe('change sets', () => {
  it('creates an UPDATE change set and returns AWS’s list of changes with replacement flags', async () => {
    cfn.putStack(STACK, deployed);
    const created = await changeSetFor(STACK, 'cr1-r1');
    expect(created.changeSetType).toBe('UPDATE');
    expect(created.status).toBe('CREATE_COMPLETE');
    expect(created.executionStatus).toBe('AVAILABLE');
    expect(created.empty).toBe(false);
    expect(created.changes.map((c) => [c.action, c.logicalId, c.resourceType, c.replacement])).toEqual([
      ['Add', 'Bucket', 'AWS::S3::Bucket', null],
      ['Modify', 'Db', 'AWS::RDS::DBInstance', 'True'],
      ['Modify', 'Jobs', 'AWS::SQS::Queue', 'False'],
      ['Remove', 'Old', 'AWS::SNS::Topic', null],
    ]);
    const db = created.changes.find((c) => c.logicalId === 'Db');
    expect(db?.scope).toEqual(['Properties']);
    expect(db?.details).toContainEqual({
      attribute: 'Properties',
      name: 'StorageEncrypted',
      requiresRecreation: 'Always',
      evaluation: 'Static',
      changeSource: 'DirectModification',
      causingEntity: null,
    });
    const sent = cfn.calls.find((c) => c.action === 'CreateChangeSet');
    expect(sent?.params).toMatchObject({
      ChangeSetType: 'UPDATE',
      'Capabilities.member.1': 'CAPABILITY_IAM',
      'Capabilities.member.2': 'CAPABILITY_NAMED_IAM',
      ClientToken: 'cr1-r1',
    });
  });

  it('creates a CREATE change set for a stack that does not exist', async () => {
    const created = await changeSetFor('payments-new-dev', 'cr2-r1');
    expect(created.changeSetType).toBe('CREATE');
    expect(created.changes.every((c) => c.action === 'Add')).toBe(true);
    // Until executed, the stack has no deployed template.
    expect(await getDeployedTemplate(client, 'payments-new-dev')).toBeNull();
  });

  it('reports a change set without changes as empty instead of failing', async () => {
    cfn.putStack(STACK, deployed);
    const created = await changeSetFor(STACK, 'cr3-r1', deployed);
    expect(created.status).toBe('FAILED');
    expect(created.empty).toBe(true);
    expect(created.changes).toEqual([]);
  });

  it('waits for an existing change set of the same name instead of failing on a retry', async () => {
    cfn.putStack(STACK, deployed);
    const input = {
      stackName: STACK,
      template: proposed,
      changeSetName: 'ic-cr4-r1',
      clientToken: 'cr4-r1',
      pollMs: 1,
    };
    const first = await createChangeSet(client, input);
    const again = await createChangeSet(client, { ...input, clientToken: 'another-token' });
    expect(again.changeSetId).toBe(first.changeSetId);
    expect(again.changes).toEqual(first.changes);
  });

  it('fails with the reason CloudFormation gives', async () => {
    cfn.putStack(STACK, deployed);
    const error = await createChangeSet(client, {
      stackName: STACK,
      template: 'Resources: [not, a, map',
      changeSetName: 'ic-cr5-r1',
      clientToken: 'cr5-r1',
      pollMs: 1,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(CloudFormationCallError);
    expect((error as Error).message).toMatch(/ValidationError: Template format error/);
  });

  it('deletes a change set, and treats an already deleted one as done', async () => {
    cfn.putStack(STACK, deployed);
    const input = { stackName: STACK, changeSetName: 'ic-cr12-r1' };
    await createChangeSet(client, { ...input, template: proposed, clientToken: 'cr12-r1', pollMs: 1 });
    expect(await deleteChangeSet(client, input)).toBe(true);
    expect(await deleteChangeSet(client, input)).toBe(false);
    await expect(describeChangeSet(client, input)).rejects.toThrow(/ChangeSetNotFound/);
  });

  it('refuses an invalid change set name before calling AWS', async () => {
    const error = await createChangeSet(client, {
      stackName: STACK,
      template: proposed,
      changeSetName: '1-starts-with-a-digit',
      clientToken: 't',
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ChangeSetFailedError);
    expect(cfn.count('CreateChangeSet')).toBe(0);
  });

  it('follows pagination of the change list', async () => {
    await cfn.close();
    cfn = await startCfnStandIn({ pageSize: 2 });
    client.destroy();
    client = createCloudFormationClient({ AWS_REGION: 'us-east-1', CFN_ENDPOINT: cfn.url }, { credentials });
    cfn.putStack(STACK, deployed);
    const created = await changeSetFor(STACK, 'cr6-r1');
    expect(created.changes.map((c) => c.logicalId)).toEqual(['Bucket', 'Db', 'Jobs', 'Old']);
  });
});

describe('execution', () => {
  async function prepared(name: string) {
    cfn.putStack(STACK, deployed);
    await createChangeSet(client, {
      stackName: STACK,
      template: proposed,
      changeSetName: name,
      clientToken: name,
      pollMs: 1,
    });
  }

  it('executes a change set and follows the stack to UPDATE_COMPLETE', async () => {
    await prepared('ic-cr7-r1');
    const started = await executeChangeSet(client, {
      stackName: STACK,
      changeSetName: 'ic-cr7-r1',
      clientToken: 'cr7',
    });
    expect(started.alreadyExecuted).toBe(false);
    const outcome = await waitForStack(client, STACK, { pollMs: 1, since: started.startedAt });
    expect(outcome).toMatchObject({ outcome: 'success', status: 'UPDATE_COMPLETE', failures: [] });
    expect(await getDeployedTemplate(client, STACK)).toEqual(proposed);
  });

  it('reports a rollback with the failing resource and its reason', async () => {
    await prepared('ic-cr8-r1');
    cfn.scriptExecution(STACK, { kind: 'rollback', logicalId: 'Db', reason: 'DB instance quota exceeded' });
    const started = await executeChangeSet(client, { stackName: STACK, changeSetName: 'ic-cr8-r1' });
    const outcome = await waitForStack(client, STACK, { pollMs: 1, since: started.startedAt });
    expect(outcome.outcome).toBe('rolled_back');
    expect(outcome.status).toBe('UPDATE_ROLLBACK_COMPLETE');
    expect(outcome.failures).toEqual([
      expect.objectContaining({
        logicalId: 'Db',
        resourceType: 'AWS::RDS::DBInstance',
        status: 'UPDATE_FAILED',
        reason: 'DB instance quota exceeded',
      }),
    ]);
    // The deployed template is still the old one.
    expect(await getDeployedTemplate(client, STACK)).toEqual(deployed);
  });

  it('reports a failed rollback as failed', async () => {
    await prepared('ic-cr9-r1');
    cfn.scriptExecution(STACK, { kind: 'fail', logicalId: 'Jobs', reason: 'Access denied' });
    await executeChangeSet(client, { stackName: STACK, changeSetName: 'ic-cr9-r1' });
    const outcome = await waitForStack(client, STACK, { pollMs: 1 });
    expect(outcome.outcome).toBe('failed');
    expect(outcome.status).toBe('UPDATE_ROLLBACK_FAILED');
    expect(outcome.failures.map((f) => [f.logicalId, f.reason])).toEqual([['Jobs', 'Access denied']]);
  });

  it('does not execute twice: a repeated execute reports alreadyExecuted', async () => {
    await prepared('ic-cr10-r1');
    await executeChangeSet(client, { stackName: STACK, changeSetName: 'ic-cr10-r1' });
    await waitForStack(client, STACK, { pollMs: 1 });
    const again = await executeChangeSet(client, { stackName: STACK, changeSetName: 'ic-cr10-r1' });
    expect(again.alreadyExecuted).toBe(true);
    expect(cfn.stack(STACK)?.status).toBe('UPDATE_COMPLETE');
  });

  it('creates a new stack from a CREATE change set, and reports a failed creation as rolled back', async () => {
    const created = await changeSetFor('payments-new-dev', 'cr13-r1');
    expect(created.changeSetType).toBe('CREATE');
    await executeChangeSet(client, { stackName: 'payments-new-dev', changeSetName: 'ic-cr13-r1' });
    expect(await waitForStack(client, 'payments-new-dev', { pollMs: 1 })).toMatchObject({
      outcome: 'success',
      status: 'CREATE_COMPLETE',
    });
    expect(await getDeployedTemplate(client, 'payments-new-dev')).toEqual(proposed);

    cfn.scriptExecution('payments-other-dev', {
      kind: 'rollback',
      logicalId: 'Bucket',
      reason: 'Bucket name taken',
    });
    await changeSetFor('payments-other-dev', 'cr14-r1');
    await executeChangeSet(client, { stackName: 'payments-other-dev', changeSetName: 'ic-cr14-r1' });
    const outcome = await waitForStack(client, 'payments-other-dev', { pollMs: 1 });
    expect(outcome).toMatchObject({ outcome: 'rolled_back', status: 'ROLLBACK_COMPLETE' });
    expect(outcome.failures.map((f) => [f.logicalId, f.status, f.reason])).toEqual([
      ['Bucket', 'CREATE_FAILED', 'Bucket name taken'],
    ]);
  });

  it('times out with the last status when the stack does not settle', async () => {
    await cfn.close();
    cfn = await startCfnStandIn({ executionPolls: 1_000 });
    client.destroy();
    client = createCloudFormationClient({ AWS_REGION: 'us-east-1', CFN_ENDPOINT: cfn.url }, { credentials });
    await prepared('ic-cr11-r1');
    await executeChangeSet(client, { stackName: STACK, changeSetName: 'ic-cr11-r1' });
    const error = await waitForStack(client, STACK, { pollMs: 5, timeoutMs: 30 }).catch((e) => e);
    expect((error as Error).message).toMatch(
      /did not finish within 30 ms \(last status UPDATE_IN_PROGRESS\)/,
    );
  });
});

describe('a stack left in ROLLBACK_COMPLETE by its failed first creation', () => {
  async function failedCreation(stackName: string): Promise<void> {
    cfn.scriptExecution(stackName, { kind: 'rollback', logicalId: 'Bucket', reason: 'Bucket name taken' });
    await changeSetFor(stackName, 'first-r1');
    await executeChangeSet(client, { stackName, changeSetName: 'ic-first-r1' });
    expect(await waitForStack(client, stackName, { pollMs: 1 })).toMatchObject({
      status: 'ROLLBACK_COMPLETE',
    });
  }

  it('has no deployed template, cannot take an UPDATE change set, and is deleted through DeleteStack', async () => {
    await failedCreation('payments-failed-dev');
    expect(await getDeployedTemplate(client, 'payments-failed-dev')).toBeNull();
    const refused = await changeSetFor('payments-failed-dev', 'second-r1').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CloudFormationCallError);
    expect((refused as Error).message).toMatch(/ROLLBACK_COMPLETE state and can not be updated/);

    const stack = await findRolledBackCreation(client, 'payments-failed-dev');
    expect(stack).toMatchObject({ stackName: 'payments-failed-dev', status: 'ROLLBACK_COMPLETE' });
    await deleteStack(client, 'payments-failed-dev');
    expect(cfn.stack('payments-failed-dev')?.status).toBe('DELETE_IN_PROGRESS');
    await waitForStackDeleted(client, 'payments-failed-dev', { pollMs: 1 });
    expect(cfn.stack('payments-failed-dev')).toBeUndefined();
    // Gone by name, like AWS; still described by its stack id as DELETE_COMPLETE.
    expect(await describeStack(client, 'payments-failed-dev')).toBeNull();
    expect(await describeStack(client, stack?.stackId ?? '')).toMatchObject({ status: 'DELETE_COMPLETE' });
    // Deleting again, or waiting again, is harmless.
    await deleteStack(client, 'payments-failed-dev');
    await waitForStackDeleted(client, 'payments-failed-dev', { pollMs: 1 });
    cfn.scriptExecution('payments-failed-dev', { kind: 'succeed' });

    const created = await changeSetFor('payments-failed-dev', 'second-r1');
    expect(created.changeSetType).toBe('CREATE');
    await executeChangeSet(client, { stackName: 'payments-failed-dev', changeSetName: 'ic-second-r1' });
    expect(await waitForStack(client, 'payments-failed-dev', { pollMs: 1 })).toMatchObject({
      outcome: 'success',
      status: 'CREATE_COMPLETE',
    });
  });

  it('is the only stack reported as deletable', async () => {
    cfn.putStack(STACK, deployed);
    cfn.putStack('payments-updated-dev', deployed, 'UPDATE_ROLLBACK_COMPLETE');
    cfn.putStack('payments-review-dev', deployed, 'REVIEW_IN_PROGRESS');
    expect(await findRolledBackCreation(client, STACK)).toBeNull();
    expect(await findRolledBackCreation(client, 'payments-updated-dev')).toBeNull();
    expect(await findRolledBackCreation(client, 'payments-review-dev')).toBeNull();
    expect(await findRolledBackCreation(client, 'payments-missing-dev')).toBeNull();
    cfn.putStack('payments-rolled-dev', deployed, 'ROLLBACK_COMPLETE');
    expect(await findRolledBackCreation(client, 'payments-rolled-dev')).toMatchObject({
      status: 'ROLLBACK_COMPLETE',
    });
    expect(cfn.count('DeleteStack')).toBe(0);
  });

  it('reports a deletion that fails instead of waiting forever', async () => {
    cfn.putStack('payments-stuck-dev', deployed, 'DELETE_FAILED');
    const error = await waitForStackDeleted(client, 'payments-stuck-dev', { pollMs: 1 }).catch((e) => e);
    expect((error as Error).message).toMatch(/deleting stack payments-stuck-dev ended in DELETE_FAILED/);
  });
});
