import { readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Evaluation } from '../../guardrails/evaluation.ts';
import { countFindings } from '../../guardrails/evaluation-support.ts';
import type { CheckedFile } from '../../guardrails/format/checked-file.ts';
import type { Finding } from '../../guardrails/rule.ts';

/**
 * A baseline: findings a team has accepted for now (Checkov's `.checkov.baseline` idea). Findings in it are
 * left out of reports and exit codes; new ones still fail. Entries are keyed by file and fingerprint (stable
 * across runs and value changes: rule, resource and path), with the rule and resource kept for people.
 */
const BaselineSchema = z.strictObject({
  version: z.literal(1),
  findings: z.array(
    z.strictObject({
      file: z.string(),
      ruleId: z.string(),
      resource: z.string().optional(),
      fingerprint: z.string(),
    }),
  ),
});

export type Baseline = z.infer<typeof BaselineSchema>;

export class BaselineError extends Error {}

export async function readBaseline(path: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new BaselineError(
      `cannot read baseline ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BaselineError(`baseline ${path} is not JSON`);
  }
  const parsed = BaselineSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BaselineError(
      `baseline ${path}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return parsed.data;
}

/** Every failing or unknown finding of the checked files, as a baseline. */
export function baselineOf(files: readonly CheckedFile[]): Baseline {
  return {
    version: 1,
    findings: files.flatMap((file) =>
      file.evaluation.findings
        .filter((f) => f.status !== 'waived')
        .map((f) => ({
          file: file.uri,
          ruleId: f.ruleId,
          ...(f.resource !== undefined ? { resource: f.resource } : {}),
          fingerprint: f.fingerprint,
        })),
    ),
  };
}

export async function writeBaseline(path: string, baseline: Baseline): Promise<void> {
  await writeFile(path, `${JSON.stringify(baseline, null, 2)}\n`);
}

function recount(evaluation: Evaluation, kept: Finding[], dropped: number): Evaluation {
  const summary = {
    ...evaluation.summary,
    errors: 0,
    warnings: 0,
    infos: 0,
    unknown: 0,
    waived: 0,
    baselined: dropped,
  };
  countFindings(summary, kept);
  return { findings: kept, summary };
}

/** The checked file without the findings the baseline accepts (counted in `summary.baselined`). */
export function withoutBaselined(file: CheckedFile, baseline: Baseline): CheckedFile {
  const accepted = new Set(baseline.findings.filter((e) => e.file === file.uri).map((e) => e.fingerprint));
  if (accepted.size === 0) return file;
  const kept = file.evaluation.findings.filter((f) => f.status === 'waived' || !accepted.has(f.fingerprint));
  const dropped = file.evaluation.findings.length - kept.length;
  return { ...file, evaluation: recount(file.evaluation, kept, dropped) };
}
