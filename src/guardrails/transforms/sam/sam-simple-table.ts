import { exactly } from '../resource-origin.ts';
import type { SamOutput } from './sam-output.ts';
import { attributes, copyProperties, sameNames, tagList } from './sam-output.ts';
import type { SamSource } from './sam-source.ts';

const ATTRIBUTE_TYPES: Readonly<Record<string, string>> = { String: 'S', Number: 'N', Binary: 'B' };
const SAME_NAME = [
  'TableName',
  'ProvisionedThroughput',
  'SSESpecification',
  'PointInTimeRecoverySpecification',
] as const;

/**
 * AWS::Serverless::SimpleTable → AWS::DynamoDB::Table (same logical id): the `PrimaryKey` (default `id`, a
 * string) as key schema, on-demand billing unless `ProvisionedThroughput` is given.
 */
export function expandSimpleTable(out: SamOutput, source: SamSource): void {
  const key = source.get('PrimaryKey');
  const record =
    typeof key === 'object' && key !== null && !Array.isArray(key) ? (key as Record<string, unknown>) : {};
  const name = record.Name ?? 'id';
  const type = typeof record.Type === 'string' ? (ATTRIBUTE_TYPES[record.Type] ?? record.Type) : 'S';
  const properties: Record<string, unknown> = {
    AttributeDefinitions: [{ AttributeName: name, AttributeType: type }],
    KeySchema: [{ AttributeName: name, KeyType: 'HASH' }],
  };
  copyProperties(source, SAME_NAME, properties);
  if (source.get('ProvisionedThroughput') === undefined) properties.BillingMode = 'PAY_PER_REQUEST';
  const tags = source.get('Tags');
  if (tags !== undefined) properties.Tags = tagList(undefined, tags);
  out.emit(
    source.logicalId,
    { ...attributes(source), Type: 'AWS::DynamoDB::Table', Properties: properties },
    source,
    [
      ...sameNames(source, SAME_NAME),
      exactly(source.at('PrimaryKey'), '/Properties/KeySchema'),
      exactly(source.at('PrimaryKey'), '/Properties/AttributeDefinitions'),
      exactly(source.at('Tags'), '/Properties/Tags'),
    ],
  );
}
