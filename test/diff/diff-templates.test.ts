import { describe, expect, it } from 'vitest';
import { diffTemplates } from '../../src/diff/diff-templates.ts';
import { isStatefulResourceType } from '../../src/diff/is-stateful-resource-type.ts';
import { renderDiffJson } from '../../src/diff/render-diff-json.ts';
import { renderDiffText } from '../../src/diff/render-diff-text.ts';
import { stackDiffSchema } from '../../src/diff/stack-diff-schema.ts';
import { renderTemplate } from '../../src/render/render-template.ts';

const before = {
  Resources: {
    Db: {
      Type: 'AWS::RDS::DBInstance',
      Metadata: { 'copilot:component': 'orders-db' },
      Properties: { Engine: 'postgres', DBInstanceClass: 'db.t3.micro', StorageEncrypted: false },
    },
    Uploads: { Type: 'AWS::S3::Bucket', DeletionPolicy: 'Retain', Properties: {} },
    Cache: { Type: 'AWS::SQS::Queue', Properties: {} },
    Table: {
      Type: 'AWS::DynamoDB::Table',
      Properties: { BillingMode: 'PAY_PER_REQUEST', TableClass: 'STANDARD' },
    },
    Logs: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 7 } },
  },
  Outputs: { Url: { Value: 'a' } },
};

const after = {
  Resources: {
    Db: {
      Type: 'AWS::RDS::DBInstance',
      Metadata: { 'copilot:component': 'orders-db' },
      Properties: { Engine: 'postgres', DBInstanceClass: 'db.t3.small', StorageEncrypted: true },
    },
    Table: {
      Type: 'AWS::DynamoDB::Table',
      Properties: { BillingMode: 'PAY_PER_REQUEST', TableClass: 'STANDARD_INFREQUENT_ACCESS' },
    },
    Logs: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 30 } },
    Api: {
      Type: 'AWS::Lambda::Function',
      Metadata: { 'copilot:component': 'api' },
      Properties: { Runtime: 'nodejs20.x' },
    },
    Topic: { Type: 'AWS::SNS::Topic', Properties: {} },
  },
  Outputs: { Url: { Value: 'b' }, Arn: { Value: 'c' } },
};

describe('diffTemplates', () => {
  const diff = diffTemplates(before, after, { costBefore: 120, costAfter: 95.555 });

  it('classifies each resource: create, update, replace, destroy, orphan', () => {
    expect(diff.resources.map((r) => [r.logicalId, r.action])).toEqual([
      ['Cache', 'destroy'],
      ['Db', 'replace'],
      ['Uploads', 'orphan'],
      ['Logs', 'update'],
      ['Table', 'update'],
      ['Api', 'create'],
      ['Topic', 'create'],
    ]);
    expect(diff.summary).toEqual({ add: 2, change: 2, replace: 1, destroy: 1, orphan: 1 });
    expect(diff.summaryLine).toBe('2 to add, 2 to change, 1 to replace, 1 to destroy, 1 to orphan');
  });

  it('explains property replacement from the resource spec and carries the component', () => {
    const db = diff.resources.find((r) => r.logicalId === 'Db');
    expect(db).toMatchObject({ component: 'orders-db', stateful: true, type: 'AWS::RDS::DBInstance' });
    expect(db?.properties).toEqual([
      {
        path: 'Properties.DBInstanceClass',
        change: 'modified',
        before: 'db.t3.micro',
        after: 'db.t3.small',
        replacement: 'never',
        reason: 'DBInstanceClass of AWS::RDS::DBInstance is updated in place',
        details: [],
      },
      {
        path: 'Properties.StorageEncrypted',
        change: 'modified',
        before: false,
        after: true,
        replacement: 'always',
        reason:
          'the CloudFormation resource spec says changing StorageEncrypted of AWS::RDS::DBInstance requires replacement',
        details: [],
      },
    ]);
    expect(diff.resources.find((r) => r.logicalId === 'Api')?.component).toBe('api');
  });

  it('lists the changed leaves inside object and list values', () => {
    const d = diffTemplates(
      {
        Resources: {
          Q: {
            Type: 'AWS::SQS::Queue',
            Properties: { RedrivePolicy: { maxReceiveCount: 3, deadLetterTargetArn: 'a' } },
          },
        },
      },
      {
        Resources: {
          Q: {
            Type: 'AWS::SQS::Queue',
            Properties: { RedrivePolicy: { maxReceiveCount: 5, deadLetterTargetArn: 'a' } },
          },
        },
      },
    );
    expect(d.resources[0]?.properties[0]?.details).toEqual([
      { path: 'Properties.RedrivePolicy.maxReceiveCount', before: 3, after: 5 },
    ]);
    expect(renderDiffText(d)).toContain('    Properties.RedrivePolicy:\n      maxReceiveCount: 3 -> 5\n');
  });

  it('marks a conditional replacement as may_replace', () => {
    const d = diffTemplates(
      {
        Resources: {
          Db: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'postgres', MultiAZ: false } },
        },
      },
      {
        Resources: {
          Db: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'postgres', MultiAZ: true } },
        },
      },
    );
    expect(d.resources.map((r) => [r.logicalId, r.action, r.properties[0]?.replacement])).toEqual([
      ['Db', 'may_replace', 'conditional'],
    ]);
    expect(d.summaryLine).toBe('0 to add, 0 to change, 1 to replace, 0 to destroy');
  });

  it('treats a resource type change as a replacement', () => {
    const d = diffTemplates(
      { Resources: { Q: { Type: 'AWS::SQS::Queue' } } },
      { Resources: { Q: { Type: 'AWS::SNS::Topic' } } },
    );
    expect(d.resources[0]).toMatchObject({
      action: 'replace',
      type: 'AWS::SNS::Topic',
      previousType: 'AWS::SQS::Queue',
    });
  });

  it('reports outputs, parameters and the cost delta', () => {
    expect(diff.outputs.map((o) => [o.name, o.change])).toEqual([
      ['Arn', 'added'],
      ['Url', 'modified'],
    ]);
    expect(diff.cost).toEqual({
      currency: 'USD',
      monthlyBefore: 120,
      monthlyAfter: 95.56,
      monthlyDelta: -24.44,
      unpriced: { before: [], after: [] },
    });
    expect(diffTemplates(before, after).cost).toBeNull();
  });

  it('diffs a new stack against nothing, with zero as the cost before', () => {
    const d = diffTemplates(null, after, { costAfter: 10 });
    expect(d.newStack).toBe(true);
    expect(d.resources.every((r) => r.action === 'create')).toBe(true);
    expect(d.summaryLine).toBe('5 to add, 0 to change, 0 to replace, 0 to destroy');
    expect(d.cost?.monthlyDelta).toBe(10);
    const [from, to, hunk, ...body] = d.unifiedDiff.replace(/\n$/, '').split('\n');
    expect([from, to]).toEqual(['--- baseline', '+++ proposed']);
    expect(hunk).toBe(`@@ -0,0 +1,${body.length} @@`);
    expect(body.every((line) => line.startsWith('+'))).toBe(true);
    expect(body).toContain('+  Api:');
  });

  it('shows a new stack as exactly the YAML template a reviewer downloads', () => {
    const d = diffTemplates(null, after);
    const body = d.unifiedDiff.replace(/\n$/, '').split('\n').slice(3);
    expect(body.map((line) => line.slice(1))).toEqual(
      renderTemplate(after).yaml.replace(/\n$/, '').split('\n'),
    );
  });

  it('is empty for identical templates and ignores key order', () => {
    const reordered = {
      Outputs: before.Outputs,
      Resources: Object.fromEntries(Object.entries(before.Resources).reverse()),
    };
    const d = diffTemplates(before, reordered);
    expect(d.isEmpty).toBe(true);
    expect(d.unifiedDiff).toBe('');
    expect(d.summaryLine).toBe('0 to add, 0 to change, 0 to replace, 0 to destroy');
  });

  it('does not modify its inputs', () => {
    const b = structuredClone(before);
    const a = structuredClone(after);
    diffTemplates(b, a);
    expect(b).toEqual(before);
    expect(a).toEqual(after);
  });

  it('gives the same bytes for the same inputs, and matches its schema', () => {
    const again = diffTemplates(structuredClone(before), structuredClone(after), {
      costBefore: 120,
      costAfter: 95.555,
    });
    expect(renderDiffJson(again)).toBe(renderDiffJson(diff));
    expect(stackDiffSchema.parse(diff)).toEqual(diff);
  });

  it('shows the YAML change in a unified diff', () => {
    expect(diff.unifiedDiff).toContain('-      RetentionInDays: 7\n+      RetentionInDays: 30\n');
    expect(diff.unifiedDiff).toMatch(/^--- baseline\n\+\+\+ proposed\n@@ /);
  });
});

describe('isStatefulResourceType', () => {
  it('knows data-holding resource types', () => {
    for (const type of [
      'AWS::RDS::DBCluster',
      'AWS::DynamoDB::Table',
      'AWS::S3::Bucket',
      'AWS::EFS::FileSystem',
      'AWS::Kinesis::Stream',
      'AWS::ElastiCache::ReplicationGroup',
      'AWS::OpenSearchService::Domain',
      'AWS::SQS::Queue',
    ]) {
      expect(isStatefulResourceType(type), type).toBe(true);
    }
    for (const type of [
      'AWS::Lambda::Function',
      'AWS::IAM::Role',
      'AWS::EC2::SecurityGroup',
      'AWS::SNS::Topic',
    ]) {
      expect(isStatefulResourceType(type), type).toBe(false);
    }
  });
});
