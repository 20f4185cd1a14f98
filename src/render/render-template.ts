import type { CfnTemplate } from '../knowledge/cfn.ts';
import { canonicalData } from './canonical-template.ts';
import { emitJson } from './json-emitter.ts';
import { emitCanonicalYaml, emitYaml } from './yaml-emitter.ts';

export interface RenderedTemplate {
  json: string;
  yaml: string;
}

/**
 * Render a template as JSON (2-space indent) and YAML (short-form intrinsics), both in canonical key order
 * (see key-order.ts): the same template always gives the same bytes, whatever order keys were inserted in.
 *
 * Keys are ordered once, into a canonical copy; the JSON is the engine's `JSON.stringify` of that copy and
 * the YAML walks it without ordering again. A source the copy cannot stand for byte for byte (see
 * `canonicalData`) is written by the emitters walking it directly.
 */
export function renderTemplate(template: CfnTemplate | Record<string, unknown>): RenderedTemplate {
  const source = template as Record<string, unknown>;
  const { copy, plain } = canonicalData(source);
  if (!plain) return { json: emitJson(source), yaml: emitYaml(source) };
  return { json: `${JSON.stringify(copy, null, 2)}\n`, yaml: emitCanonicalYaml(copy) };
}

/** The YAML of `renderTemplate` alone, for callers that do not need the JSON. */
export function renderYaml(template: CfnTemplate | Record<string, unknown>): string {
  const source = template as Record<string, unknown>;
  const { copy, plain } = canonicalData(source);
  return plain ? emitCanonicalYaml(copy) : emitYaml(source);
}
