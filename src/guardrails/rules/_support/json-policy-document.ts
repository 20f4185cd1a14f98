import { parseJson } from '../../../json/parse-json.ts';
import type { ResourceView } from '../../rule.ts';
import { buildTemplateIndex } from '../../template-index.ts';

/**
 * A policy document written as a JSON string (`PolicyDocument: '{"Statement": [...]}'`, often built with
 * Fn::Sub or Fn::Join) read as the object it encodes: a view of the same resource type in which the
 * document at `documentPath` is the parsed object, so the statement walk reads it by the same paths.
 * Returns the reason when the text is not a JSON object.
 */
export function jsonDocumentView(
  resource: ResourceView,
  documentPath: string,
  text: string,
): { view: ResourceView } | { reason: string } {
  const parsed = parseJson(text);
  if (!parsed.ok)
    return { reason: `the policy document is a string that is not valid JSON (${parsed.error})` };
  if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value))
    return { reason: 'the policy document is a JSON string that does not hold an object' };
  const properties: Record<string, unknown> = {};
  let node = properties;
  const segments = documentPath.split('.');
  segments.forEach((segment, i) => {
    if (i === segments.length - 1) node[segment] = parsed.value;
    else {
      const next: Record<string, unknown> = {};
      node[segment] = next;
      node = next;
    }
  });
  const index = buildTemplateIndex({
    Resources: { [resource.logicalId]: { Type: resource.type, Properties: properties } },
  });
  const view = index.resource(resource.logicalId);
  return view ? { view } : { reason: 'the policy document could not be read' };
}
