import { UNMODELLED } from '../../intrinsics/intrinsic-resolver.ts';
import type { PathMapping } from '../resource-origin.ts';
import { exactly } from '../resource-origin.ts';
import type { ApiRoutes } from './sam-api-routes.ts';
import { functionEvents } from './sam-function-events.ts';
import type { SamOutput } from './sam-output.ts';
import { attributes, copyProperties, sameNames, tagList } from './sam-output.ts';
import { executionRole } from './sam-policies.ts';
import type { SamSource } from './sam-source.ts';

/** Properties of AWS::Serverless::Function that AWS::Lambda::Function takes under the same name. */
const SAME_NAME = [
  'Handler',
  'Runtime',
  'Description',
  'MemorySize',
  'Timeout',
  'Environment',
  'VpcConfig',
  'KmsKeyArn',
  'ReservedConcurrentExecutions',
  'Layers',
  'Architectures',
  'EphemeralStorage',
  'FileSystemConfigs',
  'ImageConfig',
  'CodeSigningConfigArn',
  'FunctionName',
  'PackageType',
  'LoggingConfig',
  'SnapStart',
  'RuntimeManagementConfig',
  'RecursiveLoop',
] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `Code` from `InlineCode`, `ImageUri` or `CodeUri` (`s3://bucket/key` or `{Bucket, Key, Version}`). */
function code(source: SamSource): { value: unknown; pointer: string } {
  const inline = source.get('InlineCode');
  if (inline !== undefined) return { value: { ZipFile: inline }, pointer: source.at('InlineCode') };
  const image = source.get('ImageUri');
  if (image !== undefined) return { value: { ImageUri: image }, pointer: source.at('ImageUri') };
  const uri = source.get('CodeUri');
  const pointer = source.at('CodeUri');
  if (typeof uri === 'string') {
    const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
    if (match) return { value: { S3Bucket: match[1], S3Key: match[2] }, pointer };
    return {
      value: { S3Bucket: { [UNMODELLED]: `CodeUri ${uri} is a local path (not packaged)` }, S3Key: uri },
      pointer,
    };
  }
  if (isRecord(uri)) {
    const value: Record<string, unknown> = { S3Bucket: uri.Bucket, S3Key: uri.Key };
    if (uri.Version !== undefined) value.S3ObjectVersion = uri.Version;
    return { value, pointer };
  }
  return { value: {}, pointer: source.pointer };
}

/**
 * AWS::Serverless::Function → AWS::Lambda::Function (same logical id), its execution role `<id>Role` unless
 * `Role` is given, an alias and version with `AutoPublishAlias`, a function URL, and what each event source
 * makes (see functionEvents).
 */
export function expandFunction(out: SamOutput, source: SamSource, routes: ApiRoutes): void {
  const id = source.logicalId;
  const properties: Record<string, unknown> = {};
  const mappings: PathMapping[] = sameNames(source, SAME_NAME);
  const { value: codeValue, pointer: codePointer } = code(source);
  properties.Code = codeValue;
  mappings.push(exactly(codePointer, '/Properties/Code'));
  copyProperties(source, SAME_NAME, properties);

  const tracing = source.get('Tracing');
  if (tracing !== undefined) {
    properties.TracingConfig = { Mode: tracing };
    mappings.push(exactly(source.at('Tracing'), '/Properties/TracingConfig'));
  }
  const dlq = source.get('DeadLetterQueue');
  if (isRecord(dlq)) {
    properties.DeadLetterConfig = { TargetArn: dlq.TargetArn };
    mappings.push(exactly(source.at('DeadLetterQueue'), '/Properties/DeadLetterConfig'));
  }
  properties.Tags = tagList('lambda:createdBy', source.get('Tags'));
  mappings.push(exactly(source.at('Tags'), '/Properties/Tags'));

  const role = source.get('Role');
  const eventResult = functionEvents(out, source, routes);
  if (role !== undefined) {
    properties.Role = role;
    mappings.push(['/Properties/Role', source.at('Role')]);
  } else {
    properties.Role = { 'Fn::GetAtt': [`${id}Role`, 'Arn'] };
    const leading = [{ name: 'AWSLambdaBasicExecutionRole', pointer: source.pointer }];
    if (tracing === 'Active') leading.push({ name: 'AWSXrayWriteOnlyAccess', pointer: source.at('Tracing') });
    if (source.get('VpcConfig') !== undefined) {
      leading.push({ name: 'AWSLambdaVPCAccessExecutionRole', pointer: source.at('VpcConfig') });
    }
    const inline = [];
    if (isRecord(dlq)) {
      const action = dlq.Type === 'SNS' ? 'sns:Publish' : 'sqs:SendMessage';
      inline.push({
        name: 'DeadLetterQueuePolicy',
        document: {
          Version: '2012-10-17',
          Statement: [{ Action: action, Resource: dlq.TargetArn, Effect: 'Allow' }],
        },
        pointer: source.at('DeadLetterQueue'),
      });
    }
    executionRole(
      out,
      source,
      `${id}Role`,
      'lambda.amazonaws.com',
      { leading, trailing: eventResult.managedPolicies, inline },
      'lambda:createdBy',
    );
  }
  out.emit(
    id,
    { ...attributes(source), Type: 'AWS::Lambda::Function', Properties: properties },
    source,
    mappings,
  );
}
