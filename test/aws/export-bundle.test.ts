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

  it('uses an UPDATE change set for an existing stack', () => {
    const diff = diffTemplates(template, { Resources: {} });
    const bundle = exportBundle({ stackName: 'payments-api-prod', template: { Resources: {} }, diff });
    expect(bundle.createChangeSetCommand).toContain('--change-set-type UPDATE');
    expect(bundle.deployCommand).not.toContain('--region');
  });
});
