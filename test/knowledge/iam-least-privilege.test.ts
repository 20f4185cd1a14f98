import { describe, expect, it } from 'vitest';
import type { CfnTemplate } from '../../src/knowledge/index.ts';
import {
  expandArchitecture,
  validAccessModes,
  WILDCARD_RESOURCE_ACTIONS,
} from '../../src/knowledge/index.ts';
import { WILDCARD_STATEMENT_EXCEPTIONS } from '../../src/knowledge/iam.ts';
import { COMPONENT_KINDS, ENVIRONMENTS } from '../../src/model/kinds.ts';

interface Found {
  logicalId: string;
  type: string;
  statement: Record<string, unknown>;
}

const list = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

function statements(template: CfnTemplate): Found[] {
  const out: Found[] = [];
  for (const [logicalId, resource] of Object.entries(template.Resources)) {
    const p = (resource.Properties ?? {}) as Record<string, unknown>;
    const documents: unknown[] = [
      p.PolicyDocument,
      p.KeyPolicy,
      p.FileSystemPolicy,
      p.AssumeRolePolicyDocument,
    ];
    for (const policy of list(p.Policies)) documents.push((policy as Record<string, unknown>).PolicyDocument);
    for (const document of documents) {
      if (!document || typeof document !== 'object') continue;
      for (const statement of list((document as Record<string, unknown>).Statement)) {
        out.push({ logicalId, type: resource.Type, statement: statement as Record<string, unknown> });
      }
    }
  }
  return out;
}

function templates(): CfnTemplate[] {
  const out: CfnTemplate[] = [];
  for (const environment of ENVIRONMENTS) {
    for (const kind of COMPONENT_KINDS) {
      out.push(
        expandArchitecture({
          name: 'a',
          team: 't',
          environment,
          region: 'us-east-1',
          components: [{ id: 'x', kind, params: {} }],
          connections: [],
        }),
      );
    }
  }
  for (const from of COMPONENT_KINDS) {
    for (const to of COMPONENT_KINDS) {
      for (const access of validAccessModes(from, to)) {
        out.push(
          expandArchitecture({
            name: 'a',
            team: 't',
            environment: 'prod',
            region: 'us-east-1',
            components: [
              { id: 'src', kind: from, params: {} },
              { id: 'dst', kind: to, params: {} },
            ],
            connections: [{ from: 'src', to: 'dst', access }],
          }),
        );
      }
    }
  }
  return out;
}

describe('least privilege', () => {
  const all = templates().flatMap(statements);

  it('finds the policies to check', () => {
    expect(all.length).toBeGreaterThan(500);
  });

  it('writes no Allow statement with a wildcard action or resource unless AWS requires it', () => {
    const violations: string[] = [];
    for (const { logicalId, type, statement } of all) {
      if (statement.Effect !== 'Allow') continue; // Deny statements only take permissions away.
      const exception = WILDCARD_STATEMENT_EXCEPTIONS.find(
        (e) => e.resourceType === type && e.sid === statement.Sid,
      );
      if (exception) continue;
      const actions = list(statement.Action).map(String);
      for (const action of actions) {
        if (action.includes('*'))
          violations.push(`${logicalId} (${type}) ${String(statement.Sid)}: action ${action}`);
      }
      const resources = list(statement.Resource);
      if (resources.includes('*')) {
        const unjustified = actions.filter((a) => WILDCARD_RESOURCE_ACTIONS[a] === undefined);
        if (unjustified.length > 0) {
          violations.push(
            `${logicalId} (${type}) ${String(statement.Sid)}: Resource "*" for ${unjustified.join(', ')}`,
          );
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('justifies every exception in words', () => {
    for (const reason of Object.values(WILDCARD_RESOURCE_ACTIONS)) expect(reason.length).toBeGreaterThan(20);
    for (const exception of WILDCARD_STATEMENT_EXCEPTIONS)
      expect(exception.reason.length).toBeGreaterThan(20);
  });

  it('grants read on a table as Get/Query/Scan/BatchGet on the table and its indexes only', () => {
    const template = expandArchitecture({
      name: 'a',
      team: 't',
      environment: 'dev',
      region: 'us-east-1',
      components: [
        { id: 'fn', kind: 'function', params: {} },
        { id: 'orders', kind: 'kv_table', params: {} },
      ],
      connections: [{ from: 'fn', to: 'orders', access: 'read' }],
    });
    const read = statements(template).find((s) => s.statement.Sid === 'OrdersRead')!.statement;
    expect(read.Action).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:ConditionCheckItem',
      'dynamodb:DescribeTable',
      'dynamodb:GetItem',
      'dynamodb:Query',
      'dynamodb:Scan',
    ]);
    expect(read.Resource).toEqual([
      { 'Fn::GetAtt': ['OrdersTable', 'Arn'] },
      // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub syntax
      { 'Fn::Sub': '${OrdersTable.Arn}/index/*' },
    ]);
  });
});
