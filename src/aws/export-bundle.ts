import { renderDiffMarkdown } from '../diff/render-diff-markdown.ts';
import type { StackDiff } from '../diff/stack-diff.ts';
import { renderTemplate } from '../render/render-template.ts';

export interface ExportFile {
  name: string;
  contentType: string;
  content: string;
}

/** A template parameter without a default: the commands read it from an environment variable. */
export interface RequiredParameter {
  name: string;
  /** `ArtifactBucket` → `ARTIFACT_BUCKET`. */
  envVar: string;
  description: string;
}

export interface ExportBundle {
  stackName: string;
  /** Parameters without a default: set their environment variables before running the commands. */
  parameters: RequiredParameter[];
  /** template.yaml, template.json, diff.md, deploy.sh; in that order. */
  files: ExportFile[];
  /**
   * `aws cloudformation deploy ...`: creates or updates the stack in one step; passes every parameter without
   * a default from its environment variable (the shell stops, naming it, when one is unset).
   */
  deployCommand: string;
  /** `aws cloudformation create-change-set ...`: for a review in the AWS console before executing. */
  createChangeSetCommand: string;
}

export interface ExportBundleInput {
  stackName: string;
  template: Record<string, unknown>;
  diff: StackDiff;
  /** Added as `--region` when given. */
  region?: string;
  changeSetName?: string;
  /**
   * Set when the template is over 51,200 bytes (CloudFormation's TemplateBody limit): the bucket the commands
   * upload it to (CFN_TEMPLATE_BUCKET), or '' for none configured (the script then reads $CFN_TEMPLATE_BUCKET).
   */
  s3Bucket?: string;
  /** CFN_TEMPLATE_PREFIX, for `--s3-prefix` and the uploaded key. */
  s3Prefix?: string;
}

/**
 * What APPLY_MODE=export hands over: the template as YAML and JSON, the diff as Markdown, and ready
 * `aws cloudformation` commands (deploy, or create-change-set for a console review) in a script.
 */
export function exportBundle(input: ExportBundleInput): ExportBundle {
  const region = input.region ? ` --region ${shellQuote(input.region)}` : '';
  const stack = shellQuote(input.stackName);
  const capabilities = '--capabilities CAPABILITY_IAM CAPABILITY_NAMED_IAM';
  // canonical order, as the proposal showed it: the stored template comes back from jsonb with its keys
  // reordered (Outputs first)
  const rendered = renderTemplate(input.template);
  const s3 = s3Of(input);
  const deployS3 = s3 ? ` --s3-bucket ${s3.bucket}${s3.prefix ? ` --s3-prefix ${s3.prefix}` : ''}` : '';
  const parameters = requiredParameters(input.template);
  const value = (p: RequiredParameter) => `"\${${p.envVar}:?set ${p.envVar} to the ${p.name} parameter}"`;
  const overrides =
    parameters.length === 0
      ? ''
      : ` --parameter-overrides ${parameters.map((p) => `${p.name}=${value(p)}`).join(' ')}`;
  const changeSetParameters =
    parameters.length === 0
      ? ''
      : ` --parameters ${parameters.map((p) => `ParameterKey=${p.name},ParameterValue=${value(p)}`).join(' ')}`;
  const deployCommand = `aws cloudformation deploy${region} --stack-name ${stack} --template-file template.yaml${deployS3}${overrides} ${capabilities}`;
  const changeSetName = shellQuote(input.changeSetName ?? 'infra-copilot-export');
  const changeSetType = input.diff.newStack ? 'CREATE' : 'UPDATE';
  const source = s3 ? `--template-url ${s3.url}` : '--template-body file://template.json';
  const createChangeSetCommand = `aws cloudformation create-change-set${region} --stack-name ${stack} --change-set-name ${changeSetName} --change-set-type ${changeSetType} ${source}${changeSetParameters} ${capabilities}`;
  const script = [
    '#!/bin/sh',
    `# Stack ${input.stackName}: ${input.diff.summaryLine}`,
    ...(s3
      ? [
          '# The template is over the 51,200 bytes CloudFormation takes inline: it goes through S3 (--s3-bucket).',
        ]
      : []),
    ...(parameters.length > 0
      ? [
          '# Parameters without a default: set these environment variables first.',
          ...parameters.map((p) => `#   ${p.envVar}: ${p.name}${p.description ? `, ${p.description}` : ''}`),
        ]
      : []),
    '# Review diff.md first. `sh deploy.sh deploy` deploys directly; `sh deploy.sh` creates a change set to',
    '# review in the AWS console and execute there.',
    'set -eu',
    'cd "$(dirname "$0")"',
    ...parameters.map((p) => `: ${value(p)}`),
    'if [ "$#" -gt 0 ] && [ "$1" = deploy ]; then',
    `  ${deployCommand}`,
    'else',
    ...(s3 ? [`  aws s3 cp${region} template.json ${s3.copyTo} --sse AES256`] : []),
    `  ${createChangeSetCommand}`,
    'fi',
    '',
  ].join('\n');
  return {
    stackName: input.stackName,
    parameters,
    files: [
      {
        name: 'template.yaml',
        contentType: 'application/yaml',
        content: rendered.yaml,
      },
      {
        name: 'template.json',
        contentType: 'application/json',
        content: rendered.json,
      },
      { name: 'diff.md', contentType: 'text/markdown', content: renderDiffMarkdown(input.diff) },
      { name: 'deploy.sh', contentType: 'text/x-shellscript', content: script },
    ],
    deployCommand,
    createChangeSetCommand,
  };
}

/** The S3 parts of the commands for a large template; the bucket may be the script's $CFN_TEMPLATE_BUCKET. */
function s3Of(
  input: ExportBundleInput,
): { bucket: string; prefix: string; copyTo: string; url: string } | null {
  if (input.s3Bucket === undefined) return null;
  const prefix = (input.s3Prefix ?? '').replace(/\/+$/, '');
  const key = `${prefix ? `${prefix}/` : ''}${input.stackName}/template.json`;
  const bucket = input.s3Bucket === '' ? null : input.s3Bucket;
  const host = bucket ?? '$CFN_TEMPLATE_BUCKET';
  const regional = input.region ? `s3.${input.region}.amazonaws.com` : 's3.amazonaws.com';
  return {
    bucket: bucket
      ? shellQuote(bucket)
      : `"\${CFN_TEMPLATE_BUCKET:?set CFN_TEMPLATE_BUCKET to an S3 bucket}"`,
    prefix: prefix ? shellQuote(prefix) : '',
    copyTo: `"s3://${host}/${key}"`,
    url: `"https://${host}.${regional}/${key}"`,
  };
}

/** The template's parameters without a default, in template order. */
function requiredParameters(template: Record<string, unknown>): RequiredParameter[] {
  const declared = template.Parameters;
  if (declared === null || typeof declared !== 'object') return [];
  return Object.entries(declared as Record<string, { Default?: unknown; Description?: unknown }>)
    .filter(([, p]) => p?.Default === undefined)
    .map(([name, p]) => ({
      name,
      envVar: name
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .toUpperCase()
        .replace(/[^A-Z0-9_]/g, '_'),
      description: typeof p?.Description === 'string' ? p.Description : '',
    }));
}

function shellQuote(value: string): string {
  return /^[A-Za-z0-9._:/=-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
