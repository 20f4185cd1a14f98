/**
 * `infra-copilot check <files or directories...>`: evaluates CloudFormation and SAM templates (JSON/YAML) or
 * architecture files against the guardrails, in process and offline. Exit 0 when no `error` finding fails,
 * 1 when one does, 2 on usage errors and unreadable files; `--soft-fail` exits 0 except on usage errors.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { TemplateParseError } from '../../cfn/template-parse-error.ts';
import { checkText } from '../../guardrails/check-text.ts';
import type { EvaluateOptions } from '../../guardrails/evaluation.ts';
import type { CheckedFile } from '../../guardrails/format/checked-file.ts';
import type { UnreadableFile } from '../../guardrails/format/unreadable-file.ts';
import { compilePolicy } from '../../guardrails/policy/compile-policy.ts';
import { defaultPolicy } from '../../guardrails/policy/default-policy.ts';
import { loadPolicyDir } from '../../guardrails/policy/load-policy-dir.ts';
import type { CompiledPolicy } from '../../guardrails/policy-contract.ts';
import type { AnyRule } from '../../guardrails/rule.ts';
import { builtInRules } from '../../guardrails/rules/index.ts';
import {
  BaselineError,
  baselineOf,
  readBaseline,
  withoutBaselined,
  writeBaseline,
} from '../check/baseline.ts';
import { type CheckArgs, CHECK_USAGE, parseCheckArgs } from '../check/check-args.ts';
import { findTemplates, looksLikeCheckable } from '../check/find-templates.ts';
import { renderReport } from '../check/render-report.ts';
import { selectRules } from '../check/select-rules.ts';
import { parseOrReport } from '../cli-args.ts';
import type { CliCommand, CliContext } from '../command.ts';

async function loadPolicy(dir: string | undefined): Promise<CompiledPolicy> {
  return dir === undefined ? defaultPolicy() : compilePolicy(await loadPolicyDir(dir));
}

/** The files named, directories searched for templates; what cannot be read is reported, not thrown. */
async function collectFiles(args: CheckArgs, stderr: NodeJS.WritableStream, unreadable: UnreadableFile[]) {
  const files: string[] = [];
  for (const path of args.paths) {
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => error);
    if (info instanceof Error) {
      unreadable.push({
        uri: path.replaceAll('\\', '/'),
        message: `cannot read: ${info.code ?? info.message}`,
      });
      continue;
    }
    if (!info.isDirectory()) {
      if (args.skipNonTemplates && !looksLikeCheckable(await readFile(path, 'utf8').catch(() => ''))) {
        stderr.write(`${path}: skipped, not a template\n`);
      } else files.push(path);
      continue;
    }
    const found = await findTemplates(path);
    files.push(...found.files);
    if (found.skipped > 0) stderr.write(`${path}: skipped ${found.skipped} files that are not templates\n`);
  }
  return files;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Run `check` with arguments; the CliCommand below wraps it. Exported for tests. */
export async function runCheck(ctx: Pick<CliContext, 'args' | 'stdout' | 'stderr'>): Promise<number> {
  const started = new Date();
  const args = parseOrReport(ctx.stderr, 'check', CHECK_USAGE, () => parseCheckArgs(ctx.args, ctx.stdout));
  if (!args) return 2;
  let policy: CompiledPolicy;
  let baseline: Awaited<ReturnType<typeof readBaseline>> | undefined;
  try {
    policy = await loadPolicy(args.policyDir);
    baseline = args.baseline ? await readBaseline(args.baseline) : undefined;
  } catch (error) {
    const what = error instanceof BaselineError ? '' : `policy ${args.policyDir ?? '(default)'}: `;
    ctx.stderr.write(`infra-copilot check: ${what}${errorText(error)}\n`);
    return 2;
  }
  const allRules: readonly AnyRule[] = [...builtInRules, ...policy.customRules];
  const selection = selectRules(allRules, args.only, args.skip);
  for (const pattern of selection.unmatched) {
    ctx.stderr.write(`infra-copilot check: no rule has the id or reference "${pattern}"\n`);
  }
  const options: EvaluateOptions = {
    policy,
    context: {
      team: args.team,
      environment: args.environment,
      ...(Object.keys(args.parameters).length > 0 ? { parameters: args.parameters } : {}),
    },
    ...(args.region ? { deployment: { region: args.region } } : {}),
    ...(args.only.length > 0 || args.skip.length > 0 ? { rules: selection.rules } : {}),
  };
  const unreadable: UnreadableFile[] = [];
  let checked: CheckedFile[] = [];
  for (const file of await collectFiles(args, ctx.stderr, unreadable)) {
    const uri = file.replaceAll('\\', '/');
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      unreadable.push({
        uri,
        message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      });
      continue;
    }
    try {
      checked.push(checkText(uri, text, options));
    } catch (error) {
      if (!(error instanceof TemplateParseError)) throw error;
      unreadable.push({ uri, message: error.reason, line: error.line, column: error.column });
    }
  }
  for (const file of unreadable) {
    const at = file.line !== undefined ? `:${file.line}:${file.column ?? 1}` : '';
    ctx.stderr.write(`${file.uri}${at}: ${file.message}\n`);
  }
  if (args.createBaseline) {
    await writeBaseline(args.createBaseline, baselineOf(checked));
    ctx.stderr.write(`infra-copilot check: wrote ${args.createBaseline}\n`);
  }
  if (baseline) {
    const accepted = baseline;
    checked = checked.map((file) => withoutBaselined(file, accepted));
  }
  const blocking = checked.some((f) =>
    f.evaluation.findings.some((x) => x.status === 'fail' && x.severity === 'error'),
  );
  const exitCode = args.softFail ? 0 : unreadable.length > 0 ? 2 : blocking ? 1 : 0;
  if (checked.length > 0 || unreadable.length > 0 || args.format !== 'text') {
    const report = renderReport(args, checked, unreadable, allRules, {
      commandLine: ['infra-copilot', 'check', ...ctx.args].join(' '),
      startTimeUtc: started.toISOString(),
      endTimeUtc: new Date().toISOString(),
      exitCode,
    });
    if (args.output) await writeFile(args.output, report);
    else ctx.stdout.write(report);
  }
  return exitCode;
}

const command: CliCommand = {
  name: 'check',
  summary: 'Check CloudFormation/SAM templates or architectures against the guardrails (offline)',
  usage: CHECK_USAGE,
  run: (ctx) => runCheck(ctx),
};

export default command;
