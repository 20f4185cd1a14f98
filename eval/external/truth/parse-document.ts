import type { CollectionTag, ScalarTag } from 'yaml';
import { parseDocument as parseYaml } from 'yaml';
import { longFormOf, toLongForm } from '../../../src/cfn/short-form-tags.ts';
import { parseJson } from '../../../src/json/parse-json.ts';

const SHORT_FORMS = [
  'Ref',
  'Condition',
  'And',
  'Base64',
  'Cidr',
  'Equals',
  'FindInMap',
  'ForEach',
  'GetAZs',
  'GetAtt',
  'If',
  'ImportValue',
  'Join',
  'Length',
  'Not',
  'Or',
  'Select',
  'Split',
  'Sub',
  'ToJsonString',
  'Transform',
].map((name) => `!${name}`);

/** CloudFormation's short-form tags as yaml custom tags (scalar, sequence and mapping forms of each). */
const TAGS: (ScalarTag | CollectionTag)[] = SHORT_FORMS.flatMap((tag) => {
  const key = longFormOf(tag) ?? tag;
  const wrap = (value: unknown) => toLongForm(key, value);
  return [
    { tag, resolve: (value: string) => wrap(value) } satisfies ScalarTag,
    { tag, collection: 'seq', resolve: (seq) => wrap(seq.toJSON()) } satisfies CollectionTag,
    { tag, collection: 'map', resolve: (map) => wrap(map.toJSON()) } satisfies CollectionTag,
  ];
});

/**
 * A file a template points at (a state machine definition, an OpenAPI document), JSON or YAML with
 * CloudFormation short forms; undefined when it cannot be read. Not a template: no shape is required.
 */
export function parseDocument(text: string): unknown {
  const json = parseJson(text);
  if (json.ok) return json.value;
  try {
    const doc = parseYaml(text, { customTags: TAGS, uniqueKeys: false, logLevel: 'silent' });
    return doc.errors.length > 0 ? undefined : (doc.toJS() as unknown);
  } catch {
    return undefined;
  }
}
