import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportBundle } from '../../src/aws/export-bundle.ts';
import { diffTemplates } from '../../src/diff/diff-templates.ts';
import { expandArchitecture } from '../../src/knowledge/index.ts';
import { GOLDEN_ARCHITECTURES } from '../golden/architectures.ts';

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

describe('the export bundle works as written', () => {
  /** The bundle of a function's stack (its code bucket is a parameter without a default), written to a folder. */
  function writtenBundle(): { dir: string; bundle: ReturnType<typeof exportBundle> } {
    const architecture = GOLDEN_ARCHITECTURES['api-function-table']!;
    const generated = expandArchitecture(architecture) as unknown as Record<string, unknown>;
    const bundle = exportBundle({
      stackName: 'payments-orders-prod',
      template: generated,
      diff: diffTemplates(null, generated),
      region: 'us-east-1',
    });
    const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
    for (const file of bundle.files) writeFileSync(join(dir, file.name), file.content);
    // A stand-in `aws` on the PATH that records its arguments, one per line.
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'aws'), '#!/bin/sh\nfor a in "$@"; do echo "$a"; done > "$AWS_ARGS"\n');
    chmodSync(join(bin, 'aws'), 0o755);
    return { dir, bundle };
  }

  it('passes every parameter without a default to deploy and create-change-set, from the environment', () => {
    const { dir, bundle } = writtenBundle();
    expect(bundle.parameters).toEqual([
      {
        name: 'ArtifactBucket',
        envVar: 'ARTIFACT_BUCKET',
        description: expect.stringContaining('S3 bucket'),
      },
    ]);
    const env = {
      ...process.env,
      PATH: `${join(dir, 'bin')}:${process.env.PATH}`,
      ARTIFACT_BUCKET: 'orders-artifacts',
    };
    for (const [mode, command] of [
      ['deploy', 'deploy'],
      ['', 'create-change-set'],
    ] as const) {
      const args = join(dir, `${command}.args`);
      execFileSync('sh', [join(dir, 'deploy.sh'), ...(mode ? [mode] : [])], {
        env: { ...env, AWS_ARGS: args },
      });
      const argv = readFileSync(args, 'utf8').trim().split('\n');
      expect(argv.slice(0, 2)).toEqual(['cloudformation', command]);
      if (command === 'deploy') {
        expect(argv).toContain('--parameter-overrides');
        expect(argv).toContain('ArtifactBucket=orders-artifacts');
        expect(argv[argv.indexOf('--template-file') + 1]).toBe('template.yaml');
      } else {
        expect(argv).toContain('ParameterKey=ArtifactBucket,ParameterValue=orders-artifacts');
        expect(argv).toContain('file://template.json');
      }
    }
    // The deploy command as printed works as written in a shell too.
    const args = join(dir, 'printed.args');
    execFileSync('sh', ['-c', bundle.deployCommand], { cwd: dir, env: { ...env, AWS_ARGS: args } });
    expect(readFileSync(args, 'utf8')).toContain('ArtifactBucket=orders-artifacts');
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops before calling AWS, naming the variable, when a parameter is not set', () => {
    const { dir } = writtenBundle();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PATH: `${join(dir, 'bin')}:${process.env.PATH}`,
      AWS_ARGS: join(dir, 'args'),
    };
    delete env.ARTIFACT_BUCKET;
    const run = spawnSync('sh', [join(dir, 'deploy.sh'), 'deploy'], { env, encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('set ARTIFACT_BUCKET to the ArtifactBucket parameter');
    expect(existsSync(join(dir, 'args'))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });
});
