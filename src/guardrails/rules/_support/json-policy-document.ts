import { parseJson } from '../../../json/parse-json.ts';
import type { ResourceView, TemplateIndex } from '../../rule.ts';
import { buildTemplateIndex } from '../../template-index.ts';

/**
 * A view of the same resource type in which the document at `documentPath` is `document`, so the statement
 * walk reads it by the same paths. The template's Parameters, Mappings and Conditions come along, so values
 * left symbolic in the document resolve as they would in the template.
 */
function documentView(
  resource: ResourceView,
  documentPath: string,
  document: unknown,
  template: Readonly<Record<string, unknown>> = {},
): { view: ResourceView } | { reason: string } {
  const properties: Record<string, unknown> = {};
  let node = properties;
  const segments = documentPath.split('.');
  segments.forEach((segment, i) => {
    if (i === segments.length - 1) node[segment] = document;
    else {
      const next: Record<string, unknown> = {};
      node[segment] = next;
      node = next;
    }
  });
  const index = buildTemplateIndex({
    Parameters: template.Parameters,
    Mappings: template.Mappings,
    Conditions: template.Conditions,
    Resources: { [resource.logicalId]: { Type: resource.type, Properties: properties } },
  });
  const view = index.resource(resource.logicalId);
  return view ? { view } : { reason: 'the policy document could not be read' };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A policy document written as a JSON string (`PolicyDocument: '{"Statement": [...]}'`, often built with
 * Fn::Sub or Fn::Join) read as the object it encodes. Returns the reason when the text is not a JSON object.
 */
export function jsonDocumentView(
  resource: ResourceView,
  documentPath: string,
  text: string,
): { view: ResourceView } | { reason: string } {
  const parsed = parseJson(text);
  if (!parsed.ok)
    return { reason: `the policy document is a string that is not valid JSON (${parsed.error})` };
  if (!isObject(parsed.value))
    return { reason: 'the policy document is a JSON string that does not hold an object' };
  return documentView(resource, documentPath, parsed.value);
}

/** A `${...}` placeholder of Fn::Sub text; `${!Literal}` is literal text, not a placeholder. */
const PLACEHOLDER = /\$\{(?!!)[^}]*\}/g;
/** Where a placeholder stood while the text is read as JSON (private-use characters, never in a policy). */
const MARK = /\uE000(\d+)\uE001/g;

/**
 * A policy document written as `Fn::Sub` over JSON text whose placeholders are not all known before deploy
 * (`${AWS::AccountId}`, a parameter without a value). The JSON structure is literal text, so it is read as
 * an object; each string that holds a placeholder becomes an `Fn::Sub` of its own (with the variables of the
 * original), so only the values that depend on a placeholder stay unknown, not the whole document. Returns
 * undefined when the text does not read as a JSON object with its placeholders inside strings.
 */
export function subDocumentView(
  resource: ResourceView,
  index: TemplateIndex,
  documentPath: string,
  sub: unknown,
): { view: ResourceView } | undefined {
  const [text, variables] = Array.isArray(sub) ? sub : [sub, undefined];
  if (typeof text !== 'string' || (variables !== undefined && !isObject(variables))) return undefined;
  const placeholders: string[] = [];
  const marked = text.replace(PLACEHOLDER, (p) => `\uE000${placeholders.push(p) - 1}\uE001`);
  const parsed = parseJson(marked);
  if (!parsed.ok || !isObject(parsed.value)) return undefined;
  const restore = (s: string) => s.replace(MARK, (_, i: string) => placeholders[Number(i)] ?? '');
  const rebuild = (value: unknown): unknown => {
    if (typeof value === 'string') {
      if (!value.includes('\uE000')) return value.replaceAll('${!', '${');
      const written = restore(value);
      return { 'Fn::Sub': variables === undefined ? written : [written, variables] };
    }
    if (Array.isArray(value)) return value.map(rebuild);
    if (!isObject(value)) return value;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[restore(key)] = rebuild(item);
    return out;
  };
  const built = documentView(resource, documentPath, rebuild(parsed.value), index.template);
  return 'view' in built ? built : undefined;
}
