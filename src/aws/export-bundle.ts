import { stringify } from 'yaml';
import { renderDiffMarkdown } from '../diff/render-diff-markdown.ts';
import type { StackDiff } from '../diff/stack-diff.ts';

export interface ExportFile {
  name: string;
  contentType: string;
  content: string;
}

export interface ExportBundle {
  stackName: string;
  /** template.yaml, template.json, diff.md, deploy.sh; in that order. */
  files: ExportFile[];
  /** `aws cloudformation deploy ...`: creates or updates the stack in one step. */
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
}

/**
 * What APPLY_MODE=export hands over: the template as YAML and JSON, the diff as Markdown, and ready
 * `aws cloudformation` commands (deploy, or create-change-set for a console review) in a script.
 */
export function exportBundle(input: ExportBundleInput): ExportBundle {
  const region = input.region ? ` --region ${shellQuote(input.region)}` : '';
  const stack = shellQuote(input.stackName);
  const capabilities = '--capabilities CAPABILITY_IAM CAPABILITY_NAMED_IAM';
  const deployCommand = `aws cloudformation deploy${region} --stack-name ${stack} --template-file template.yaml ${capabilities}`;
  const changeSetName = shellQuote(input.changeSetName ?? 'infra-copilot-export');
  const changeSetType = input.diff.newStack ? 'CREATE' : 'UPDATE';
  const createChangeSetCommand = `aws cloudformation create-change-set${region} --stack-name ${stack} --change-set-name ${changeSetName} --change-set-type ${changeSetType} --template-body file://template.json ${capabilities}`;
  const script = [
    '#!/bin/sh',
    `# Stack ${input.stackName}: ${input.diff.summaryLine}`,
    '# Review diff.md first. Either deploy directly:',
    `#   ${deployCommand}`,
    '# or create a change set to review in the AWS console, then execute it there:',
    'set -eu',
    createChangeSetCommand,
    '',
  ].join('\n');
  return {
    stackName: input.stackName,
    files: [
      {
        name: 'template.yaml',
        contentType: 'application/yaml',
        content: stringify(input.template, { lineWidth: 0, aliasDuplicateObjects: false }),
      },
      {
        name: 'template.json',
        contentType: 'application/json',
        content: `${JSON.stringify(input.template, null, 2)}\n`,
      },
      { name: 'diff.md', contentType: 'text/markdown', content: renderDiffMarkdown(input.diff) },
      { name: 'deploy.sh', contentType: 'text/x-shellscript', content: script },
    ],
    deployCommand,
    createChangeSetCommand,
  };
}

function shellQuote(value: string): string {
  return /^[A-Za-z0-9._:/=-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
