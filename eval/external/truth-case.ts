import type { CfnTemplate } from '../../src/cfn/cfn-template.ts';
import type { EvalCase } from '../case-schema.ts';
import type { ReadRelative } from './template-truth.ts';
import { templateTruth } from './template-truth.ts';

/** Why an item yields no case. */
export const NOTHING_OF_OUR_KINDS = 'nothing of our kinds in the template';

/** A case from a source's text and its template's truth, or the skip reason when the truth is empty. */
export function truthCase(
  set: string,
  id: string,
  text: string,
  template: CfnTemplate,
  readRelative?: ReadRelative,
): EvalCase | string {
  const truth = templateTruth(template, readRelative);
  if (truth.components.length === 0) return NOTHING_OF_OUR_KINDS;
  return {
    id,
    tags: ['external', set],
    turns: [text],
    expect: { components: truth.components, connections: truth.connections },
  };
}
