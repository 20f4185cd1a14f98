import type { CfnTemplate } from './cfn-template.ts';
import { parseTemplateSource } from './parse-template-source.ts';

/**
 * Parse untrusted CloudFormation template text, JSON or YAML, short-form tags (`!Ref`, `!GetAtt A.B`, `!Sub`,
 * ...) converted to long form. Throws TemplateParseError (400, `template-parse-error`) with line and column.
 */
export function parseTemplateText(text: string): CfnTemplate {
  return parseTemplateSource(text).template;
}
