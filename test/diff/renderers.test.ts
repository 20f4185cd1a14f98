import { describe, expect, it } from 'vitest';
import { diffTemplates } from '../../src/diff/diff-templates.ts';
import { renderDiffJson } from '../../src/diff/render-diff-json.ts';
import { renderDiffMarkdown } from '../../src/diff/render-diff-markdown.ts';
import { renderDiffText } from '../../src/diff/render-diff-text.ts';

/** CloudFormation references as cloudformation-diff renders them: `${Role}`, `${Web.GroupId}`. */
const ref = (name: string): string => ['$', '{', name, '}'].join('');
const WEB = ref('Web.GroupId');

const before = {
  Resources: {
    Db: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'postgres', StorageEncrypted: false } },
    Old: { Type: 'AWS::S3::Bucket', Properties: {} },
    Web: {
      Type: 'AWS::EC2::SecurityGroup',
      Properties: { GroupDescription: 'web', SecurityGroupIngress: [] },
    },
  },
};
const after = {
  Resources: {
    Db: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'postgres', StorageEncrypted: true } },
    Api: {
      Type: 'AWS::Lambda::Function',
      Metadata: { 'copilot:component': 'api' },
      Properties: { Runtime: 'nodejs20.x' },
    },
    Web: {
      Type: 'AWS::EC2::SecurityGroup',
      Properties: {
        GroupDescription: 'web | public',
        SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' }],
      },
    },
  },
};
const diff = diffTemplates(before, after, { costBefore: 50, costAfter: 80 });

describe('renderDiffText', () => {
  const text = renderDiffText(diff);

  it('leads with the summary and lists destroys and replacements first', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe('Stack diff: 1 to add, 0 to change, 2 to replace, 1 to destroy');
    const order = [
      '[-] destroy AWS::S3::Bucket Old',
      '[-/+] replace AWS::RDS::DBInstance Db',
      '[+] create AWS::Lambda::Function Api',
    ];
    const at = order.map((line) => lines.findIndex((l) => l.startsWith(line)));
    expect(at.every((i) => i > 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(text).toContain('    Properties.StorageEncrypted: false -> true [replacement: always:');
    expect(text).toContain(
      `Permissions broadened:\n  - new ingress from the internet (Everyone (IPv4)) on TCP 443 to ${WEB}`,
    );
    expect(text).toContain('Monthly cost: $50.00 -> $80.00 (+$30.00)');
  });

  it('has no escape codes unless colour is asked for', () => {
    expect(text).not.toContain('\u001b[');
    expect(renderDiffText(diff, { color: true })).toContain('\u001b[31m[-] destroy');
  });

  it('appends the unified diff on request', () => {
    expect(renderDiffText(diff, { unified: true })).toContain('--- baseline\n+++ proposed\n');
  });

  it('says so when nothing changes', () => {
    expect(renderDiffText(diffTemplates(before, before))).toBe(
      'Stack diff: 0 to add, 0 to change, 0 to replace, 0 to destroy\nNo differences.\n',
    );
  });
});

describe('renderDiffMarkdown', () => {
  const md = renderDiffMarkdown(diff);

  it('renders tables for resources, properties, security groups and cost', () => {
    expect(md).toContain('## Stack diff\n\n**1 to add, 0 to change, 2 to replace, 1 to destroy**');
    expect(md).toContain(
      '| Action | Logical ID | Type | Component | Stateful |\n|---|---|---|---|---|\n| 🔴 destroy | `Old` | AWS::S3::Bucket |  | yes |',
    );
    expect(md).toContain('| `Api` | AWS::Lambda::Function | api |');
    expect(md).toContain('| `Db` | `Properties.StorageEncrypted` | `false` | `true` | **always**:');
    expect(md).toContain(`| + | ingress | ${WEB} | TCP 443 | **Everyone (IPv4)** |`);
    expect(md).toContain('| $50.00/mo | $80.00/mo | +$30.00/mo |');
    expect(md).toContain('> ⚠️ **Permissions broadened**');
  });

  it('escapes pipes inside cells so tables stay intact', () => {
    expect(md).toContain('`web \\| public`');
  });

  it('puts the YAML diff in a collapsed block, or leaves it out', () => {
    expect(md).toContain('<details><summary>Template diff (YAML)</summary>\n\n```diff\n--- baseline');
    expect(renderDiffMarkdown(diff, { unified: false })).not.toContain('<details>');
  });
});

describe('renderDiffJson', () => {
  it('is the model itself, stable', () => {
    const json = renderDiffJson(diff);
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(diff)));
    expect(json.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(json)).slice(0, 5)).toEqual([
      'schemaVersion',
      'isEmpty',
      'newStack',
      'summary',
      'summaryLine',
    ]);
  });
});
