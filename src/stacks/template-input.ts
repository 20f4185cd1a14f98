import { assertTemplateShape } from '../cfn/assert-template-shape.ts';
import type { CfnTemplate } from '../cfn/cfn-template.ts';
import { parseTemplateText } from '../cfn/parse-template-text.ts';

/** A template given as text (YAML or JSON, short-form tags allowed) or as an object, checked and copied. */
export function templateFromInput(input: string | Record<string, unknown>): CfnTemplate {
  if (typeof input === 'string') return parseTemplateText(input);
  const copy: unknown = structuredClone(input);
  assertTemplateShape(copy);
  return copy;
}
