/**
 * `infra-copilot check <files...> [--policy dir] [--format text|json|sarif|junit]`: evaluates CloudFormation
 * templates (JSON/YAML) or architecture files against the guardrails, in process and offline.
 * Exit 0 when no `error` finding fails, 1 when one does, 2 on usage errors and unreadable files.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { TemplateParseError } from '../../cfn/template-parse-error.ts';
import { checkText } from '../../guardrails/check-text.ts';
import type { EvaluateOptions } from '../../guardrails/evaluation.ts';
import type { CheckedFile } from '../../guardrails/format/checked-file.ts';
import { formatJson } from '../../guardrails/format/format-json.ts';
import { formatJunit } from '../../guardrails/format/format-junit.ts';
import { formatSarif } from '../../guardrails/format/format-sarif.ts';
import { formatText } from '../../guardrails/format/format-text.ts';
import { compilePolicy } from '../../guardrails/policy/compile-policy.ts';
import { defaultPolicy } from '../../guardrails/policy/default-policy.ts';
import { loadPolicyDir } from '../../guardrails/policy/load-policy-dir.ts';
import type { CompiledPolicy } from '../../guardrails/policy-contract.ts';
import { builtInRules } from '../../guardrails/rules/index.ts';
import { oneOf, parseCommandArgs, parseOrReport, UsageError, wantsColor } from '../cli-args.ts';
import type { CliCommand, CliContext } from '../command.ts';

const FORMATS = ['text', 'json', 'sarif', 'junit'] as const;
type Format = (typeof FORMATS)[number];

const USAGE =
  'infra-copilot check <files...> [--policy dir] [--format text|json|sarif|junit] [--team t] [--environment e] [--param Name=Value]... [--region r] [--output file]';

interface CheckArgs {
  files: string[];
  format: Format;
  policyDir: string | undefined;
  team: string | null;
  environment: string | null;
  parameters: Record<string, string>;
  region: string | undefined;
  output: string | undefined;
  color: boolean;
}

function parseCheckArgs(args: string[], stdout: NodeJS.WritableStream): CheckArgs {
  const { values, positionals } = parseCommandArgs(args, OPTIONS);
  if (positionals.length === 0) throw new UsageError('expected at least one template file');
  const parameters: Record<string, string> = {};
  for (const pair of values.param ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--param: expected Name=Value, got "${pair}"`);
    parameters[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return {
    files: positionals,
    format: oneOf('--format', values.format ?? 'text', FORMATS),
    policyDir: values.policy,
    team: values.team ?? null,
    environment: values.environment ?? null,
    parameters,
    region: values.region,
    output: values.output,
    color: wantsColor(stdout, values['no-color']),
  };
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
} as const;

async function loadPolicy(dir: string | undefined): Promise<CompiledPolicy> {
  return dir === undefined ? defaultPolicy() : compilePolicy(await loadPolicyDir(dir));
}

function render(format: Format, files: CheckedFile[], policy: CompiledPolicy, color: boolean): string {
  switch (format) {
    case 'json':
      return formatJson(files);
    case 'sarif':
      return formatSarif(files, [...builtInRules, ...policy.customRules]);
    case 'junit':
      return formatJunit(files);
    default:
      return formatText(files, { color });
  }
}

/** Run `check` with arguments; the CliCommand below wraps it. Exported for tests. */
export async function runCheck(ctx: Pick<CliContext, 'args' | 'stdout' | 'stderr'>): Promise<number> {
  const args = parseOrReport(ctx.stderr, 'check', USAGE, () => parseCheckArgs(ctx.args, ctx.stdout));
  if (!args) return 2;
  let policy: CompiledPolicy;
  try {
    policy = await loadPolicy(args.policyDir);
  } catch (error) {
    ctx.stderr.write(
      `infra-copilot check: policy ${args.policyDir ?? '(default)'}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 2;
  }
  const options: EvaluateOptions = {
    policy,
    context: {
      team: args.team,
      environment: args.environment,
      ...(Object.keys(args.parameters).length > 0 ? { parameters: args.parameters } : {}),
    },
    ...(args.region ? { deployment: { region: args.region } } : {}),
  };
  const checked: CheckedFile[] = [];
  let unreadable = false;
  for (const file of args.files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      ctx.stderr.write(`${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
      unreadable = true;
      continue;
    }
    try {
      checked.push(checkText(file.replaceAll('\\', '/'), text, options));
    } catch (error) {
      if (!(error instanceof TemplateParseError)) throw error;
      const at = error.line !== undefined ? `:${error.line}:${error.column ?? 1}` : '';
      ctx.stderr.write(`${file}${at}: ${error.message}\n`);
      unreadable = true;
    }
  }
  if (checked.length > 0 || args.format !== 'text') {
    const report = render(args.format, checked, policy, args.color);
    if (args.output) await writeFile(args.output, report);
    else ctx.stdout.write(report);
  }
  if (unreadable) return 2;
  const blocking = checked.some((f) =>
    f.evaluation.findings.some((x) => x.status === 'fail' && x.severity === 'error'),
  );
  return blocking ? 1 : 0;
}

const command: CliCommand = {
  name: 'check',
  summary: 'Check CloudFormation templates or architectures against the guardrails (offline)',
  usage: USAGE,
  run: (ctx) => runCheck(ctx),
};

export default command;
