import { exactly } from '../resource-origin.ts';
import type { SamOutput } from './sam-output.ts';
import { attributes, copyProperties, sameNames } from './sam-output.ts';
import type { SamSource } from './sam-source.ts';

const SAME_NAME = [
  'LayerName',
  'Description',
  'CompatibleRuntimes',
  'CompatibleArchitectures',
  'LicenseInfo',
] as const;

/**
 * AWS::Serverless::LayerVersion → AWS::Lambda::LayerVersion. SAM names the result `<id><content hash>`; the
 * expansion keeps the logical id, so `!Ref Layer` elsewhere still resolves to it. `RetentionPolicy`
 * (default Retain) becomes the DeletionPolicy; the layer name defaults to the logical id.
 */
export function expandLayerVersion(out: SamOutput, source: SamSource): void {
  const uri = source.get('ContentUri');
  let content: unknown = uri;
  if (typeof uri === 'string') {
    const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
    content = match ? { S3Bucket: match[1], S3Key: match[2] } : { S3Key: uri };
  } else if (typeof uri === 'object' && uri !== null && !Array.isArray(uri)) {
    const record = uri as Record<string, unknown>;
    content = {
      S3Bucket: record.Bucket,
      S3Key: record.Key,
      ...(record.Version !== undefined ? { S3ObjectVersion: record.Version } : {}),
    };
  }
  const properties: Record<string, unknown> = { Content: content, LayerName: source.logicalId };
  copyProperties(source, SAME_NAME, properties);
  const retention = source.get('RetentionPolicy');
  const deletion =
    typeof retention === 'string' && retention.toLowerCase() === 'delete' ? 'Delete' : 'Retain';
  out.emit(
    source.logicalId,
    {
      ...attributes(source),
      Type: 'AWS::Lambda::LayerVersion',
      DeletionPolicy: deletion,
      Properties: properties,
    },
    source,
    [
      ...sameNames(source, SAME_NAME),
      exactly(source.at('ContentUri'), '/Properties/Content'),
      exactly(source.at('RetentionPolicy'), '/DeletionPolicy'),
    ],
  );
}
