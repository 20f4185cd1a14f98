import type { CfnTemplate } from './cfn-template.ts';
import { escapePointerSegment } from './json-pointer.ts';
import type { TextLocation } from './template-parse-error.ts';
import { TemplateParseError } from './template-parse-error.ts';

const MAP_SECTIONS = ['Parameters', 'Mappings', 'Conditions', 'Outputs', 'Metadata', 'Rules'] as const;

/** AWS::LanguageExtensions: `Fn::ForEach::<LoopName>: [Identifier, Collection, {OutputKey: OutputValue}]`. */
const FOR_EACH = 'Fn::ForEach::';

function assertForEachShape(
  key: string,
  value: unknown,
  pointer: string,
  fail: (message: string, pointer: string) => never,
): void {
  const expected = `expected ${key} to be [identifier, collection, {OutputKey: resource}]`;
  if (!Array.isArray(value) || value.length !== 3) fail(expected, pointer);
  const [identifier, , output] = value as unknown[];
  if (typeof identifier !== 'string' || !/^[A-Za-z0-9]+$/.test(identifier)) {
    fail(`expected the identifier of ${key} to be an alphanumeric name`, `${pointer}/0`);
  }
  if (!isRecord(output)) fail(expected, `${pointer}/2`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Check that a parsed value has the shape CloudFormation requires at the top: a mapping with a `Resources`
 * mapping whose entries are mappings with a string `Type`. Property values are not checked (rules do that).
 * `locate` turns a JSON pointer into a text location when the value came from text.
 */
export function assertTemplateShape(
  value: unknown,
  locate: (pointer: string) => TextLocation | undefined = () => undefined,
): asserts value is CfnTemplate {
  const fail = (message: string, pointer: string): never => {
    throw new TemplateParseError(message, { ...locate(pointer), pointer });
  };
  if (!isRecord(value)) {
    fail('expected the template to be a mapping with a Resources section', '');
  }
  const template = value as Record<string, unknown>;
  if (!('Resources' in template)) fail('the template has no Resources section', '');
  const resources = template.Resources;
  if (!isRecord(resources))
    fail('expected Resources to be a mapping of logical ids to resources', '/Resources');
  for (const [logicalId, resource] of Object.entries(resources as Record<string, unknown>)) {
    const pointer = `/Resources/${escapePointerSegment(logicalId)}`;
    if (logicalId.startsWith(FOR_EACH)) {
      assertForEachShape(logicalId, resource, pointer, fail);
      continue;
    }
    if (!/^[A-Za-z0-9]+$/.test(logicalId)) {
      fail(`expected resource logical id "${logicalId}" to be alphanumeric`, pointer);
    }
    if (!isRecord(resource)) fail(`expected resource ${logicalId} to be a mapping`, pointer);
    const record = resource as Record<string, unknown>;
    if (typeof record.Type !== 'string' || record.Type.length === 0) {
      fail(`expected resource ${logicalId} to have a string Type such as "AWS::S3::Bucket"`, pointer);
    }
    if ('Properties' in record && record.Properties !== null && !isRecord(record.Properties)) {
      fail(`expected the Properties of ${logicalId} to be a mapping`, `${pointer}/Properties`);
    }
  }
  for (const section of MAP_SECTIONS) {
    if (section in template && template[section] !== null && !isRecord(template[section])) {
      fail(`expected ${section} to be a mapping`, `/${section}`);
    }
  }
}
