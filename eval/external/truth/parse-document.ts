import type { Document } from 'yaml';
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument as parseYaml } from 'yaml';
import { setOwn } from '../../../src/cfn/set-own.ts';
import { longFormOf, toLongForm } from '../../../src/cfn/short-form-tags.ts';
import { parseJson } from '../../../src/json/parse-json.ts';

/** A YAML node as plain data, CloudFormation short forms (`!Ref X`) turned into their long forms. */
function toData(node: unknown, doc: Document, depth = 0): unknown {
  if (depth > 200 || node === null || node === undefined) return null;
  if (isAlias(node)) return toData(node.resolve(doc), doc, depth + 1);
  let value: unknown;
  if (isScalar(node)) value = node.value;
  else if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      setOwn(out, String(isScalar(pair.key) ? pair.key.value : pair.key), toData(pair.value, doc, depth + 1));
    }
    value = out;
  } else if (isSeq(node)) value = node.items.map((item) => toData(item, doc, depth + 1));
  const tag = (node as { tag?: string }).tag;
  const key = tag === undefined ? undefined : longFormOf(tag);
  return key === undefined ? value : toLongForm(key, value);
}

/**
 * A file a template points at (a state machine definition, an OpenAPI document) or a source's metadata: JSON,
 * or YAML with CloudFormation short forms (which also reads JSON with trailing commas or raw control
 * characters); undefined when it cannot be read cleanly. Not a template: no shape is required.
 */
export function parseDocument(text: string): unknown {
  const json = parseJson(text);
  if (json.ok) return json.value;
  try {
    const doc = parseYaml(text, { uniqueKeys: false, logLevel: 'silent' });
    return doc.errors.length > 0 ? undefined : toData(doc.contents, doc);
  } catch {
    return undefined;
  }
}
