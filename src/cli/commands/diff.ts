/**
 * `infra-copilot diff <before> <after>`: the diff between two template files (JSON or YAML), offline.
 * `infra-copilot diff --stack <name> <template>`: the diff of a template against the stack's baseline on the
 * server (stored, or deployed when the server has AWS configured).
 * Formats: text (default, coloured on a terminal), markdown, json. Exit 0, or 1 with `--fail` when something
 * differs; 2 on usage errors, unreadable files and refused requests.
 */
import { readFile } from 'node:fs/promises';
import { TemplateParseError } from '../../cfn/template-parse-error.ts';
import { diffTemplates } from '../../diff/diff-templates.ts';
import { renderDiffJson } from '../../diff/render-diff-json.ts';
import { renderDiffMarkdown } from '../../diff/render-diff-markdown.ts';
import { renderDiffText } from '../../diff/render-diff-text.ts';
import type { StackDiff } from '../../diff/stack-diff.ts';
import { templateFromInput } from '../../stacks/template-input.ts';
import { oneOf, parseCommandArgs, parseOrReport, UsageError, wantsColor } from '../cli-args.ts';
import type { CliCommand, CliContext } from '../command.ts';

const FORMATS = ['text', 'markdown', 'json'] as const;
type Format = (typeof FORMATS)[number];

const USAGE =
  'infra-copilot diff <before> <after> | --stack <name> <template>  [--format text|markdown|json] [--unified] [--cost-before usd] [--cost-after usd] [--fail] [--no-color]';

const OPTIONS = {
  stack: { type: 'string', short: 's' },
  format: { type: 'string', short: 'f' },
  unified: { type: 'boolean', short: 'u' },
  'cost-before': { type: 'string' },
  'cost-after': { type: 'string' },
  fail: { type: 'boolean' },
  'no-color': { type: 'boolean' },
} as const;

interface DiffArgs {
  stack: string | undefined;
  files: string[];
  format: Format;
  unified: boolean;
  costBefore: number | undefined;
  costAfter: number | undefined;
  fail: boolean;
  color: boolean;
}

function parseDiffArgs(args: string[], stdout: NodeJS.WritableStream): DiffArgs {
  const { values, positionals } = parseCommandArgs(args, OPTIONS);
  const expected = values.stack === undefined ? 2 : 1;
  if (positionals.length !== expected) {
    throw new UsageError(
      values.stack === undefined
        ? `expected two template files (before and after), got ${positionals.length}`
        : `expected one template file with --stack, got ${positionals.length}`,
    );
  }
  return {
    stack: values.stack,
    files: positionals,
    format: oneOf('--format', values.format ?? 'text', FORMATS),
    unified: values.unified ?? false,
    costBefore: usd('--cost-before', values['cost-before']),
    costAfter: usd('--cost-after', values['cost-after']),
    fail: values.fail ?? false,
    color: wantsColor(stdout, values['no-color']),
  };
}

function usd(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0)
    throw new UsageError(`${flag}: expected a non-negative number of USD, got "${value}"`);
  return n;
}

function render(diff: StackDiff, args: DiffArgs): string {
  if (args.format === 'json') return renderDiffJson(diff);
  if (args.format === 'markdown') return renderDiffMarkdown(diff, { unified: args.unified });
  return renderDiffText(diff, { color: args.color, unified: args.unified });
}

class FileError extends Error {}

async function readTemplate(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new FileError(`${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    return templateFromInput(text);
  } catch (error) {
    if (!(error instanceof TemplateParseError)) throw error;
    const at = error.line !== undefined ? `:${error.line}:${error.column ?? 1}` : '';
    throw new FileError(`${file}${at}: ${error.message}`);
  }
}

interface DiffResponse {
  diff?: StackDiff;
  baseline?: { source: string; version: number | null };
  detail?: string;
  title?: string;
}

/** Run `diff` with arguments; the CliCommand below wraps it. Exported for tests. */
export async function runDiff(ctx: Pick<CliContext, 'args' | 'stdout' | 'stderr' | 'api'>): Promise<number> {
  const args = parseOrReport(ctx.stderr, 'diff', USAGE, () => parseDiffArgs(ctx.args, ctx.stdout));
  if (args === undefined) return 2;
  const cost = {
    ...(args.costBefore !== undefined ? { costBefore: args.costBefore } : {}),
    ...(args.costAfter !== undefined ? { costAfter: args.costAfter } : {}),
  };
  let diff: StackDiff;
  try {
    if (args.stack === undefined) {
      const [before, after] = await Promise.all(args.files.map(readTemplate));
      diff = diffTemplates(before ?? null, after ?? {}, {
        ...cost,
        labels: { before: args.files[0] ?? 'before', after: args.files[1] ?? 'after' },
      });
    } else {
      const template = await readTemplate(args.files[0] ?? '');
      const api = await ctx.api();
      const res = await api.request<DiffResponse>(
        'POST',
        `/v1/stacks/${encodeURIComponent(args.stack)}/diff`,
        {
          template,
          ...cost,
        },
      );
      if (res.status >= 400 || !res.body?.diff) {
        ctx.stderr.write(
          `infra-copilot diff: ${res.status} ${res.body?.title ?? 'request failed'}: ${res.body?.detail ?? ''}\n`,
        );
        return 2;
      }
      diff = res.body.diff;
      if (args.format === 'text' && res.body.baseline) {
        const { source, version } = res.body.baseline;
        const against =
          source === 'store'
            ? `stored baseline v${version}`
            : source === 'aws'
              ? 'the deployed stack'
              : 'nothing (new stack)';
        ctx.stderr.write(`Diff of ${args.files[0]} against ${against} of ${args.stack}\n`);
      }
    }
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    ctx.stderr.write(`${error.message}\n`);
    return 2;
  }
  ctx.stdout.write(render(diff, args));
  return args.fail && !diff.isEmpty ? 1 : 0;
}

const command: CliCommand = {
  name: 'diff',
  summary: 'Show what a template changes: two files offline, or a template against a stack baseline',
  usage: USAGE,
  run: (ctx) => runDiff(ctx),
};

export default command;
