import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportBundle } from '../../src/aws/export-bundle.ts';
import { diffTemplates } from '../../src/diff/diff-templates.ts';

const template = {
  Resources: { Jobs: { Type: 'AWS::SQS::Queue', Properties: { VisibilityTimeout: 60 } } },
};

describe('exportBundle', () => {
  it('bundles the template as YAML and JSON, the diff as Markdown and ready commands', () => {
    const diff = diffTemplates(null, template);
    const bundle = exportBundle({ stackName: 'payments-api-prod', template, diff, region: 'eu-west-1' });
    expect(bundle.files.map((f) => f.name)).toEqual([
      'template.yaml',
      'template.json',
      'diff.md',
      'deploy.sh',
    ]);
    const [yamlFile, jsonFile, diffFile, script] = bundle.files;
    expect(parse(yamlFile?.content ?? '')).toEqual(template);
    expect(JSON.parse(jsonFile?.content ?? '')).toEqual(template);
    expect(diffFile?.content).toContain('**1 to add, 0 to change, 0 to replace, 0 to destroy**');
    expect(bundle.deployCommand).toBe(
      'aws cloudformation deploy --region eu-west-1 --stack-name payments-api-prod --template-file template.yaml --capabilities CAPABILITY_IAM CAPABILITY_NAMED_IAM',
    );
    expect(bundle.createChangeSetCommand).toContain(
      '--change-set-type CREATE --template-body file://template.json',
    );
    expect(script?.content).toContain(bundle.createChangeSetCommand);
  });

  it('writes the template in the canonical section order whatever order its keys came back in', () => {
    // the key order jsonb gives back: shorter keys first
    const stored = {
      Outputs: { QueueUrl: { Value: { Ref: 'Jobs' } } },
      Resources: template.Resources,
      Description: 'jobs',
      AWSTemplateFormatVersion: '2010-09-09',
    };
    const bundle = exportBundle({
      stackName: 'payments-api-prod',
      template: stored,
      diff: diffTemplates(null, stored),
    });
    const [yamlFile, jsonFile] = bundle.files;
    const sections = (text: string) =>
      ['AWSTemplateFormatVersion', 'Description', 'Resources', 'Outputs'].map((k) => text.indexOf(k));
    for (const text of [yamlFile?.content ?? '', jsonFile?.content ?? '']) {
      const at = sections(text);
      expect(at).toEqual([...at].sort((a, b) => a - b));
      expect(at[0]).toBeGreaterThanOrEqual(0);
    }
    expect(yamlFile?.content).toContain('Value: !Ref Jobs');
  });

  it('uses an UPDATE change set for an existing stack', () => {
    const diff = diffTemplates(template, { Resources: {} });
    const bundle = exportBundle({ stackName: 'payments-api-prod', template: { Resources: {} }, diff });
    expect(bundle.createChangeSetCommand).toContain('--change-set-type UPDATE');
    expect(bundle.deployCommand).not.toContain('--region');
  });
});
