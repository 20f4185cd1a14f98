import type { AnyRule, Finding, Severity } from '../rule.ts';
import type { CheckedFile } from './checked-file.ts';
import { totalSummary } from './format-json.ts';
import { notCheckedText } from './not-checked-text.ts';
import type { UnreadableFile } from './unreadable-file.ts';
import { PARSE_ERROR_ID } from './unreadable-file.ts';

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

export interface SarifOptions {
  toolVersion?: string;
  /** Files that could not be read or parsed: a result each (so code scanning shows them) and a notification. */
  unreadable?: readonly UnreadableFile[];
  /** How the tool ran, for the run's `invocations`. */
  invocation?: { commandLine?: string; startTimeUtc?: string; endTimeUtc?: string; exitCode?: number };
}

const PARSE_ERROR_RULE = {
  id: PARSE_ERROR_ID,
  name: 'TemplateParseError',
  shortDescription: { text: 'The file can be read as a CloudFormation template' },
  fullDescription: { text: 'A file that cannot be parsed is not checked at all; nothing in it passed.' },
  help: {
    text: 'Fix the syntax at the location given, or package Rain sources (`rain pkg`) and check the output.',
  },
  defaultConfiguration: { level: 'error' },
  properties: { tags: ['guardrails'] },
} as const;

function physical(
  uri: string,
  line: number | undefined,
  column: number | undefined,
): Record<string, unknown> {
  return {
    physicalLocation: {
      artifactLocation: { uri },
      ...(line !== undefined ? { region: { startLine: line, startColumn: column ?? 1 } } : {}),
    },
  };
}

/** The run's invocation: whether every file was checked, parse errors and "not checked" as notifications. */
function invocation(files: readonly CheckedFile[], options: SarifOptions): Record<string, unknown> {
  const unreadable = options.unreadable ?? [];
  const notifications: Record<string, unknown>[] = unreadable.map((file) => ({
    level: 'error',
    descriptor: { id: PARSE_ERROR_ID },
    message: { text: `${file.uri}: ${file.message}` },
    locations: [physical(file.uri, file.line, file.column)],
  }));
  const unchecked = notCheckedText(totalSummary(files.map((f) => f.evaluation)));
  if (unchecked)
    notifications.push({ level: 'note', descriptor: { id: 'not-checked' }, message: { text: unchecked } });
  return {
    executionSuccessful: unreadable.length === 0,
    ...(options.invocation ?? {}),
    toolExecutionNotifications: notifications,
  };
}

function helpText(rule: AnyRule): { text: string; markdown: string } {
  const refs = rule.references.length > 0 ? `\n\nReferences: ${rule.references.join(', ')}` : '';
  const fix = rule.fix
    ? `\n\nFix: ${rule.fix.description}${rule.fix.safe ? ' (safe, applied automatically)' : ''}`
    : '';
  return {
    text: `${rule.rationale}\n\nRemediation: ${rule.remediation}${fix}${refs}`,
    markdown: `${rule.rationale}\n\n**Remediation:** ${rule.remediation}${fix.replace('Fix:', '**Fix:**')}${refs.replace('References:', '**References:**')}`,
  };
}

/** SARIF suppressions: a waiver (external, accepted), a template suppression (inSource; under review when not honoured). */
function suppressionsOf(f: Finding): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const inline = f.suppressedInTemplate;
  if (inline) {
    out.push({
      kind: 'inSource',
      status: inline.honoured ? 'accepted' : 'underReview',
      justification: `${inline.by} ${inline.id}${inline.reason ? `: ${inline.reason}` : ''}`,
    });
  }
  if (f.status === 'waived' && !f.waiverId?.startsWith('template:')) {
    out.push({ kind: 'external', status: 'accepted', justification: `waiver ${f.waiverId}` });
  }
  return out;
}

function result(file: CheckedFile, f: Finding, ruleIndex: number | undefined): Record<string, unknown> {
  const at = f.path ? file.locate?.(f.path) : undefined;
  const region = at ? { startLine: at.line, startColumn: at.column } : undefined;
  const logical = f.resource ?? f.component;
  return {
    ruleId: f.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    // SARIF: a result that is not a "fail" (here: could not be evaluated) has level "none" and kind "review".
    kind: f.status === 'unknown' ? 'review' : 'fail',
    level: f.status === 'unknown' ? 'none' : SARIF_LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: file.uri }, ...(region ? { region } : {}) },
        ...(logical
          ? {
              logicalLocations: [
                {
                  name: logical,
                  fullyQualifiedName: f.path ?? logical,
                  kind: f.resource ? 'resource' : 'component',
                },
              ],
            }
          : {}),
      },
    ],
    partialFingerprints: { 'infraCopilotFinding/v1': f.fingerprint },
    ...(f.status === 'waived' || f.suppressedInTemplate ? { suppressions: suppressionsOf(f) } : {}),
    properties: {
      severity: f.severity,
      status: f.status,
      ...(f.path ? { jsonPointer: f.path } : {}),
      ...(f.resourceType ? { resourceType: f.resourceType } : {}),
      ...(f.fix ? { fix: f.fix } : {}),
    },
  };
}

/** The driver's rule descriptors: help text, references as tags, default level. */
function ruleDescriptors(ordered: readonly AnyRule[]): Record<string, unknown>[] {
  return ordered.map((rule) => {
    const helpUri = rule.references.find((r) => /^https?:\/\//.test(r));
    return {
      id: rule.id,
      name: rule.id
        .split('-')
        .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
        .join(''),
      shortDescription: { text: rule.title },
      fullDescription: { text: rule.rationale },
      help: helpText(rule),
      ...(helpUri ? { helpUri } : {}),
      defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
      properties: {
        tags: ['guardrails', rule.level, ...rule.references.filter((r) => !/^https?:/.test(r))],
      },
    };
  });
}

/** A SARIF 2.1.0 log (one run) for code scanning: rules with help text and references, located results. */
export function sarifLog(
  files: readonly CheckedFile[],
  rules: readonly AnyRule[],
  options: SarifOptions = {},
): Record<string, unknown> {
  const unreadable = options.unreadable ?? [];
  const used = new Set(files.flatMap((f) => f.evaluation.findings.map((x) => x.ruleId)));
  const byId = new Map<string, AnyRule>();
  for (const rule of rules) if (!byId.has(rule.id)) byId.set(rule.id, rule);
  const ordered = [...byId.values()].filter((r) => used.has(r.id)).sort((a, b) => a.id.localeCompare(b.id));
  const index = new Map(ordered.map((r, i) => [r.id, i]));
  const parseRuleIndex = unreadable.length > 0 ? ordered.length : undefined;
  const summary = totalSummary(files.map((f) => f.evaluation));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'infra-copilot',
            informationUri: 'https://infra-copilot.dev/docs/rules',
            ...(options.toolVersion ? { version: options.toolVersion } : {}),
            rules: [...ruleDescriptors(ordered), ...(parseRuleIndex !== undefined ? [PARSE_ERROR_RULE] : [])],
          },
        },
        invocations: [invocation(files, options)],
        artifacts: [
          ...files.map((f) => ({ location: { uri: f.uri } })),
          ...unreadable.map((f) => ({ location: { uri: f.uri } })),
        ],
        results: [
          ...files.flatMap((file) =>
            file.evaluation.findings.map((f) => result(file, f, index.get(f.ruleId))),
          ),
          ...unreadable.map((file) => ({
            ruleId: PARSE_ERROR_ID,
            ...(parseRuleIndex !== undefined ? { ruleIndex: parseRuleIndex } : {}),
            kind: 'fail',
            level: 'error',
            message: { text: `The file could not be checked: ${file.message}` },
            locations: [physical(file.uri, file.line, file.column)],
          })),
        ],
        properties: { notChecked: summary.notChecked, notCheckedTypes: summary.notCheckedTypes },
      },
    ],
  };
}

export function formatSarif(
  files: readonly CheckedFile[],
  rules: readonly AnyRule[],
  options: SarifOptions = {},
): string {
  return `${JSON.stringify(sarifLog(files, rules, options), null, 2)}\n`;
}
