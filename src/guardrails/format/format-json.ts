import type { Evaluation, EvaluationSummary } from '../evaluation.ts';
import type { CheckedFile } from './checked-file.ts';
import { type LocatedFinding, locatedFindings } from './located-findings.ts';

export interface JsonReport {
  files: { file: string; findings: LocatedFinding[]; summary: EvaluationSummary }[];
  summary: EvaluationSummary;
}

/** Totals over several evaluations (rulesEvaluated is the largest, not the sum). */
export function totalSummary(evaluations: readonly Evaluation[]): EvaluationSummary {
  const total: EvaluationSummary = {
    errors: 0,
    warnings: 0,
    infos: 0,
    unknown: 0,
    waived: 0,
    passed: 0,
    rulesEvaluated: 0,
    resources: 0,
    notChecked: 0,
    notCheckedTypes: {},
  };
  for (const { summary } of evaluations) {
    total.errors += summary.errors;
    total.warnings += summary.warnings;
    total.infos += summary.infos;
    total.unknown += summary.unknown;
    total.waived += summary.waived;
    total.passed += summary.passed;
    total.resources += summary.resources;
    total.rulesEvaluated = Math.max(total.rulesEvaluated, summary.rulesEvaluated);
    total.notChecked += summary.notChecked;
    for (const [type, count] of Object.entries(summary.notCheckedTypes)) {
      total.notCheckedTypes[type] = (total.notCheckedTypes[type] ?? 0) + count;
    }
  }
  return total;
}

/** Machine-readable report: findings per file (with text locations when known) and totals. */
export function jsonReport(files: readonly CheckedFile[]): JsonReport {
  return {
    files: files.map((file) => ({
      file: file.uri,
      findings: locatedFindings(file.evaluation.findings, file.locate),
      summary: file.evaluation.summary,
    })),
    summary: totalSummary(files.map((f) => f.evaluation)),
  };
}

export function formatJson(files: readonly CheckedFile[]): string {
  return `${JSON.stringify(jsonReport(files), null, 2)}\n`;
}
