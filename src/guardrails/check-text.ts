import { parse } from 'yaml';
import { parseTemplateSource } from '../cfn/parse-template-source.ts';
import { TemplateParseError } from '../cfn/template-parse-error.ts';
import type { Architecture } from '../model/architecture.ts';
import { ArchitectureSchema } from '../model/architecture.ts';
import { evaluateArchitecture, evaluateTemplate } from './evaluate.ts';
import type { EvaluateOptions } from './evaluation.ts';
import type { CheckedFile } from './format/checked-file.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Read an architecture document (YAML or JSON with `components`), or undefined when the text is not one.
 * Throws TemplateParseError naming the first invalid field when it looks like one but does not validate.
 */
export function parseArchitectureText(text: string): Architecture | undefined {
  let value: unknown;
  try {
    value = parse(text, { maxAliasCount: 100, uniqueKeys: true });
  } catch {
    return undefined;
  }
  if (!isRecord(value) || !('components' in value) || 'Resources' in value) return undefined;
  const parsed = ArchitectureSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new TemplateParseError(
    `invalid architecture: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'does not validate'}`,
  );
}

/**
 * Evaluate one document given as text: a CloudFormation template (JSON/YAML) or an architecture. Throws
 * TemplateParseError (with line and column) when it is neither.
 */
export function checkText(uri: string, text: string, options: EvaluateOptions): CheckedFile {
  try {
    const source = parseTemplateSource(text);
    return { uri, evaluation: evaluateTemplate(source.template, options), locate: source.locate };
  } catch (error) {
    if (!(error instanceof TemplateParseError) || error.pointer !== '') throw error;
    const architecture = parseArchitectureText(text);
    if (!architecture) throw error;
    return { uri, evaluation: evaluateArchitecture(architecture, options) };
  }
}
