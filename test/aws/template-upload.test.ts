import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3CallError, TemplateTooLargeError } from '../../src/aws/aws-errors.ts';
import { createCloudFormationClient } from '../../src/aws/cloudformation-client.ts';
import { createChangeSet } from '../../src/aws/create-change-set.ts';
import { exportBundle } from '../../src/aws/export-bundle.ts';
import { createS3Client } from '../../src/aws/s3-client.ts';
import {
  type TemplateBucket,
  templateBodyOf,
  templateBucketOf,
  templateDelivery,
  templateObjectFor,
  templateUrlFor,
} from '../../src/aws/template-bucket.ts';
import { uploadTemplate } from '../../src/aws/upload-template.ts';
import { loadConfig } from '../../src/config/config.ts';
import { diffTemplates } from '../../src/diff/diff-templates.ts';
import { type CfnStandIn, startCfnStandIn } from '../support/cfn-stand-in.ts';
import { type S3StandIn, startS3StandIn } from '../support/s3-stand-in.ts';

const credentials = { accessKeyId: 'AKIDTESTTESTTEST', secretAccessKey: 'test-secret-not-real' };
const BUCKET = 'ic-templates';

/** `count` SQS queues with long descriptions-as-tags: a template of roughly `count` * 600 bytes. */
function queues(count: number): Record<string, unknown> {
  const Resources: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) {
    Resources[`Queue${i}`] = {
      Type: 'AWS::SQS::Queue',
      Properties: {
        VisibilityTimeout: 30 + (i % 60),
        Tags: [{ Key: 'purpose', Value: `queue ${i} of the fan-out: ${'x'.repeat(480)}` }],
      },
    };
  }
  return { Resources };
}

let cfn: CfnStandIn;
let s3: S3StandIn;
let cfnClient: CloudFormationClient;
let s3Client: S3Client;
let bucket: TemplateBucket;

beforeAll(async () => {
  cfn = await startCfnStandIn();
  s3 = await startS3StandIn({ buckets: [BUCKET] });
  cfnClient = createCloudFormationClient({ AWS_REGION: 'us-east-1', CFN_ENDPOINT: cfn.url }, { credentials });
  s3Client = createS3Client(
    { AWS_REGION: 'us-east-1', S3_ENDPOINT: s3.url },
    { credentials, maxAttempts: 1 },
  );
  bucket = templateBucketOf(
    loadConfig({
      AWS_REGION: 'us-east-1',
      S3_ENDPOINT: s3.url,
      CFN_TEMPLATE_BUCKET: BUCKET,
      CFN_TEMPLATE_PREFIX: 'ic',
    }),
  ) as TemplateBucket;
});
afterAll(async () => {
  cfnClient.destroy();
  s3Client.destroy();
  await cfn.close();
  await s3.close();
});

describe('template bucket configuration', () => {
  it('reads CFN_TEMPLATE_BUCKET, CFN_TEMPLATE_PREFIX and S3_ENDPOINT, and names a bad value in one line', () => {
    expect(templateBucketOf(loadConfig({}))).toBeNull();
    expect(bucket).toEqual({ bucket: BUCKET, prefix: 'ic/', region: 'us-east-1', endpoint: s3.url });
    expect(() => loadConfig({ CFN_TEMPLATE_BUCKET: 'My_Bucket' })).toThrow(
      /^CFN_TEMPLATE_BUCKET: expected an S3 bucket name \(3-63 lowercase letters, digits, dots, hyphens\), got "My_Bucket"$/,
    );
    expect(() => loadConfig({ S3_ENDPOINT: 'not a url' })).toThrow(/^S3_ENDPOINT: expected an http\(s\) URL/);
    expect(() => loadConfig({ CFN_TEMPLATE_PREFIX: 'has space' })).toThrow(
      /^CFN_TEMPLATE_PREFIX: expected an S3 key prefix/,
    );
  });

  it('points the S3 client at S3_ENDPOINT in path style', async () => {
    const client = createS3Client({ AWS_REGION: 'eu-west-1', S3_ENDPOINT: 'http://127.0.0.1:9999' });
    expect(client.config.forcePathStyle).toBe(true);
    expect((await client.config.endpoint?.())?.port).toBe(9999);
    client.destroy();
    expect(createS3Client({ AWS_REGION: 'eu-west-1', S3_ENDPOINT: undefined }).config.forcePathStyle).toBe(
      false,
    );
  });

  it('gives TemplateURLs in the forms CloudFormation accepts', () => {
    const aws = { bucket: 'my-templates', prefix: 'ic/', region: 'eu-west-1', endpoint: null };
    expect(templateUrlFor(aws, 'ic/stack/a b.json')).toBe(
      'https://my-templates.s3.eu-west-1.amazonaws.com/ic/stack/a%20b.json',
    );
    expect(templateUrlFor({ ...aws, region: 'cn-north-1' }, 'k.json')).toBe(
      'https://my-templates.s3.cn-north-1.amazonaws.com.cn/k.json',
    );
    expect(templateUrlFor({ ...aws, endpoint: 'http://localhost:4566/' }, 'k.json')).toBe(
      'http://localhost:4566/my-templates/k.json',
    );
  });

  it('keys an object by stack, change request, revision and content hash', () => {
    const input = {
      stackName: 'pay-api-dev',
      changeRequestId: 'cr-1',
      revision: 2,
      body: '{"Resources":{}}',
    };
    const object = templateObjectFor(bucket, input);
    expect(object.key).toMatch(/^ic\/pay-api-dev\/cr-1\/r2-[0-9a-f]{16}\.json$/);
    expect(templateObjectFor(bucket, input)).toEqual(object);
    expect(templateObjectFor(bucket, { ...input, body: '{"Resources":{"A":{}}}' }).key).not.toBe(object.key);
    expect(object.url).toBe(`${s3.url}/${BUCKET}/${object.key}`);
  });
});

describe('size limits', () => {
  it('sends up to 51,200 bytes inline, uploads up to 1 MB, and refuses beyond with the size, limit and variable', () => {
    const small = templateBodyOf(queues(2));
    const large = templateBodyOf(queues(120));
    const huge = templateBodyOf(queues(2_000));
    expect(Buffer.byteLength(large)).toBeGreaterThan(51_200);
    expect(Buffer.byteLength(huge)).toBeGreaterThan(1_048_576);
    expect(templateDelivery('s', small, false)).toBe('body');
    expect(templateDelivery('s', large, true)).toBe('upload');

    const noBucket = (() => {
      try {
        templateDelivery('pay-api-dev', large, false);
      } catch (error) {
        return error;
      }
    })() as TemplateTooLargeError;
    expect(noBucket).toBeInstanceOf(TemplateTooLargeError);
    expect(noBucket.status).toBe(413);
    expect(noBucket.extensions).toEqual({
      stackName: 'pay-api-dev',
      bytes: Buffer.byteLength(large),
      limit: 51_200,
      setting: 'CFN_TEMPLATE_BUCKET',
    });
    expect(noBucket.message).toContain('set CFN_TEMPLATE_BUCKET');

    expect(() => templateDelivery('pay-api-dev', huge, true)).toThrow(
      new RegExp(
        `is ${Buffer.byteLength(huge)} bytes; CloudFormation accepts at most 1048576 bytes even from S3`,
      ),
    );
  });

  it('refuses a template over 1 MB before uploading or calling CloudFormation', async () => {
    const before = { cfn: cfn.calls.length, s3: s3.calls.length };
    await expect(
      createChangeSet(cfnClient, {
        stackName: 'huge-dev',
        changeSetName: 'ic-huge-r1',
        clientToken: 'ic-huge-r1-1',
        template: queues(2_000),
        templateUrl: `${s3.url}/${BUCKET}/huge.json`,
      }),
    ).rejects.toMatchObject({ type: 'template-too-large', extensions: { limit: 1_048_576 } });
    await expect(
      createChangeSet(cfnClient, {
        stackName: 'big-dev',
        changeSetName: 'ic-big-r1',
        clientToken: 'ic-big-r1-1',
        template: queues(120),
      }),
    ).rejects.toMatchObject({ type: 'template-too-large', extensions: { setting: 'CFN_TEMPLATE_BUCKET' } });
    expect({ cfn: cfn.calls.length, s3: s3.calls.length }).toEqual(before);
  });
});

describe('uploading and creating a change set from S3', () => {
  it('uploads once, encrypted, and CloudFormation reads the template from its TemplateURL', async () => {
    const template = queues(120);
    const body = templateBodyOf(template);
    const object = templateObjectFor(bucket, {
      stackName: 'fanout-dev',
      changeRequestId: 'cr-9',
      revision: 1,
      body,
    });
    expect(await uploadTemplate(s3Client, object, body)).toEqual({ uploaded: true });
    const stored = s3.object(BUCKET, object.key);
    expect(stored?.body.toString('utf8')).toBe(body);
    expect(stored?.serverSideEncryption).toBe('AES256');
    expect(stored?.contentType).toBe('application/json');

    // A retry (after a restart) finds the object holding these bytes and does not upload again.
    const puts = s3.count('PutObject');
    expect(await uploadTemplate(s3Client, object, body)).toEqual({ uploaded: false });
    expect(s3.count('PutObject')).toBe(puts);

    const created = await createChangeSet(cfnClient, {
      stackName: 'fanout-dev',
      changeSetName: 'ic-cr-9-r1',
      clientToken: 'ic-cr-9-r1-1',
      template,
      templateUrl: object.url,
      pollMs: 5,
    });
    expect(created).toMatchObject({ status: 'CREATE_COMPLETE', changeSetType: 'CREATE' });
    expect(created.changes).toHaveLength(120);
    expect(created.changes.every((c) => c.action === 'Add' && c.resourceType === 'AWS::SQS::Queue')).toBe(
      true,
    );
    const call = cfn.calls.find((c) => c.action === 'CreateChangeSet' && c.params.StackName === 'fanout-dev');
    expect(call?.params.TemplateURL).toBe(object.url);
    expect(call?.params.TemplateBody).toBeUndefined();
  });

  it('CloudFormation refuses a TemplateURL whose object is missing', async () => {
    await expect(
      createChangeSet(cfnClient, {
        stackName: 'missing-dev',
        changeSetName: 'ic-missing-r1',
        clientToken: 'ic-missing-r1-1',
        template: queues(120),
        templateUrl: `${s3.url}/${BUCKET}/nothing-here.json`,
      }),
    ).rejects.toMatchObject({
      extensions: { code: 'ValidationError' },
      message: /S3 error: The specified key does not exist/,
    });
  });

  it("turns S3's 500 into an S3CallError with its code and status, and stores nothing", async () => {
    const body = templateBodyOf(queues(100));
    const object = templateObjectFor(bucket, {
      stackName: 'flaky-dev',
      changeRequestId: 'cr-5',
      revision: 1,
      body,
    });
    s3.failNext('PutObject', 1);
    const error = await uploadTemplate(s3Client, object, body).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(S3CallError);
    expect((error as S3CallError).extensions).toMatchObject({
      operation: 'PutObject',
      bucket: BUCKET,
      code: 'InternalError',
      httpStatus: 500,
    });
    expect(s3.object(BUCKET, object.key)).toBeUndefined();
    expect(await uploadTemplate(s3Client, object, body)).toEqual({ uploaded: true });
  });

  it("fails with S3's code when the bucket does not exist", async () => {
    const other = { ...bucket, bucket: 'no-such-bucket' };
    const object = templateObjectFor(other, {
      stackName: 's',
      changeRequestId: 'c',
      revision: 1,
      body: '{}',
    });
    await expect(uploadTemplate(s3Client, object, '{}')).rejects.toMatchObject({
      extensions: { code: 'NoSuchBucket', httpStatus: 404 },
    });
  });
});

describe('export of a large template', () => {
  it('names --s3-bucket in the deploy command and uploads before create-change-set', () => {
    const template = queues(120);
    const diff = diffTemplates(null, template);
    const bundle = exportBundle({
      stackName: 'fanout-dev',
      template,
      diff,
      s3Bucket: 'my-templates',
      s3Prefix: 'ic/',
    });
    expect(bundle.deployCommand).toContain(
      '--template-file template.yaml --s3-bucket my-templates --s3-prefix ic ',
    );
    expect(bundle.createChangeSetCommand).toContain(
      '--template-url "https://my-templates.s3.amazonaws.com/ic/fanout-dev/template.json"',
    );
    const script = bundle.files.find((f) => f.name === 'deploy.sh')?.content ?? '';
    expect(script).toContain(
      'aws s3 cp template.json "s3://my-templates/ic/fanout-dev/template.json" --sse AES256',
    );

    const unset = exportBundle({ stackName: 'fanout-dev', template, diff, s3Bucket: '' });
    // No bucket configured: the script reads it from the environment and stops with a message when unset.
    expect(unset.deployCommand).toContain(
      `--s3-bucket "\${CFN_TEMPLATE_BUCKET:?set CFN_TEMPLATE_BUCKET to an S3 bucket}"`,
    );
  });
});
