import { oneOf, parseCommandArgs, UsageError, wantsColor } from '../cli-args.ts';
import { splitIds } from './select-rules.ts';

export const FORMATS = ['text', 'json', 'sarif', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

export const CHECK_USAGE = [
  'infra-copilot check <files or directories...> [--policy dir] [--format text|json|sarif|junit] [--output file]',
  '  [--team t] [--environment e] [--param Name=Value]... [--region r]',
  '  [--check ID[,ID]] [--skip-check ID[,ID]] [--baseline file] [--create-baseline file] [--soft-fail]',
  '  [--skip-non-templates]   (named files that are not templates are skipped, as in directories: for hooks)',
].join('\n');

export interface CheckArgs {
  paths: string[];
  format: Format;
  policyDir: string | undefined;
  team: string | null;
  environment: string | null;
  parameters: Record<string, string>;
  region: string | undefined;
  output: string | undefined;
  color: boolean;
  /** Rule ids or referenced ids (Checkov, cdk-nag) to run only / to leave out. */
  only: string[];
  skip: string[];
  baseline: string | undefined;
  createBaseline: string | undefined;
  /** Exit 0 whatever the findings and unreadable files (usage errors still exit 2). */
  softFail: boolean;
  /** Named files that do not look like templates are skipped, as directories skip them (pre-commit). */
  skipNonTemplates: boolean;
}

const OPTIONS = {
  policy: { type: 'string' },
  format: { type: 'string', short: 'f' },
  team: { type: 'string' },
  environment: { type: 'string' },
  param: { type: 'string', multiple: true },
  region: { type: 'string' },
  output: { type: 'string', short: 'o' },
  'no-color': { type: 'boolean' },
  check: { type: 'string', short: 'c', multiple: true },
  'skip-check': { type: 'string', multiple: true },
  baseline: { type: 'string' },
  'create-baseline': { type: 'string' },
  'soft-fail': { type: 'boolean' },
  'skip-non-templates': { type: 'boolean' },
} as const;

export function parseCheckArgs(args: string[], stdout: NodeJS.WritableStream): CheckArgs {
  const { values, positionals } = parseCommandArgs(args, OPTIONS);
  if (positionals.length === 0) throw new UsageError('expected at least one template file or directory');
  const parameters: Record<string, string> = {};
  for (const pair of values.param ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--param: expected Name=Value, got "${pair}"`);
    parameters[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return {
    paths: positionals,
    format: oneOf('--format', values.format ?? 'text', FORMATS),
    policyDir: values.policy,
    team: values.team ?? null,
    environment: values.environment ?? null,
    parameters,
    region: values.region,
    output: values.output,
    color: wantsColor(stdout, values['no-color']),
    only: splitIds(values.check),
    skip: splitIds(values['skip-check']),
    baseline: values.baseline,
    createBaseline: values['create-baseline'],
    softFail: values['soft-fail'] ?? false,
    skipNonTemplates: values['skip-non-templates'] ?? false,
  };
}
