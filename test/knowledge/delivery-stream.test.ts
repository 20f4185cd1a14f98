import { describe, expect, it } from 'vitest';
import { ExpansionError } from '../../src/knowledge/index.ts';
import type { Architecture } from '../../src/model/architecture.ts';
import { expandShop as expand, props, statementsOf } from './support/shop-architecture.ts';

describe('delivery stream', () => {
  it('delivers a Kinesis stream to OpenSearch from inside the VPC, with every record copied to the bucket', () => {
    const t = expand(
      [
        { id: 'clicks', kind: 'stream', params: {} },
        { id: 'firehose', kind: 'delivery_stream', params: {} },
        { id: 'archive', kind: 'bucket', params: {} },
        { id: 'search', kind: 'search', params: {} },
      ],
      [
        { from: 'clicks', to: 'firehose', access: 'trigger' },
        { from: 'firehose', to: 'archive', access: 'write' },
        { from: 'firehose', to: 'search', access: 'write' },
      ],
    );
    const stream = props(t.Resources.FirehoseDeliveryStream);
    expect(stream).toMatchObject({
      DeliveryStreamType: 'KinesisStreamAsSource',
      KinesisStreamSourceConfiguration: { KinesisStreamARN: { 'Fn::GetAtt': ['ClicksStream', 'Arn'] } },
      AmazonopensearchserviceDestinationConfiguration: {
        DomainARN: { 'Fn::GetAtt': ['SearchDomain', 'Arn'] },
        IndexName: 'firehose',
        S3BackupMode: 'AllDocuments',
        S3Configuration: { BucketARN: { 'Fn::GetAtt': ['ArchiveBucket', 'Arn'] } },
        VpcConfiguration: { SecurityGroupIds: [{ 'Fn::GetAtt': ['FirehoseSg', 'GroupId'] }] },
      },
    });
    // the stream's own encryption covers the records; Firehose refuses a setting of its own here
    expect(stream.DeliveryStreamEncryptionConfigurationInput).toBeUndefined();
    expect(t.Resources.FirehoseBackupBucket).toBeUndefined();
    expect(props(t.Resources.SearchIngressFromFirehose)).toMatchObject({ FromPort: 443, ToPort: 443 });
    const sids = statementsOf(props(t.Resources.FirehoseRole)).map((s) => s.Sid);
    expect(sids).toEqual([
      'WriteErrorLogs',
      'ClicksRead',
      'ArchiveBucket',
      'ArchiveObjects',
      'SearchDeliver',
      'SearchCheck',
      'ManageVpcNetworkInterfaces',
      'ShareVpcNetworkInterfaces',
    ]);
  });

  it('takes direct puts from compute, encrypted, into a bucket', () => {
    const t = expand(
      [
        { id: 'api-fn', kind: 'function', params: {} },
        { id: 'firehose', kind: 'delivery_stream', params: {} },
        { id: 'archive', kind: 'bucket', params: {} },
      ],
      [
        { from: 'api-fn', to: 'firehose', access: 'publish' },
        { from: 'firehose', to: 'archive', access: 'write' },
      ],
    );
    expect(props(t.Resources.FirehoseDeliveryStream)).toMatchObject({
      DeliveryStreamType: 'DirectPut',
      DeliveryStreamEncryptionConfigurationInput: { KeyType: 'AWS_OWNED_CMK' },
      ExtendedS3DestinationConfiguration: { BucketARN: { 'Fn::GetAtt': ['ArchiveBucket', 'Arn'] } },
    });
    const fn = statementsOf(props(t.Resources.ApiFnRole)).find((s) => s.Sid === 'FirehosePutRecords');
    expect(fn).toMatchObject({
      Action: ['firehose:PutRecord', 'firehose:PutRecordBatch'],
      Resource: [{ 'Fn::GetAtt': ['FirehoseDeliveryStream', 'Arn'] }],
    });
    expect(t.Resources.FirehoseSg).toBeUndefined();
  });

  it('keeps records in a bucket of its own when nothing else receives them', () => {
    const t = expand([{ id: 'firehose', kind: 'delivery_stream', params: {} }], []);
    expect(props(t.Resources.FirehoseDeliveryStream).ExtendedS3DestinationConfiguration).toMatchObject({
      BucketARN: { 'Fn::GetAtt': ['FirehoseBackupBucket', 'Arn'] },
    });
    expect(props(t.Resources.FirehoseBackupBucket).LifecycleConfiguration).toMatchObject({
      Rules: expect.arrayContaining([{ Id: 'expire-objects', Status: 'Enabled', ExpirationInDays: 90 }]),
    });
  });

  it('refuses combinations Firehose cannot build, naming the connections', () => {
    const expandWith = (connections: Architecture['connections']) => () =>
      expand(
        [
          { id: 'a', kind: 'stream', params: {} },
          { id: 'b', kind: 'stream', params: {} },
          { id: 'fn', kind: 'function', params: {} },
          { id: 'firehose', kind: 'delivery_stream', params: {} },
          { id: 'one', kind: 'bucket', params: {} },
          { id: 'two', kind: 'bucket', params: {} },
        ],
        connections,
      );
    expect(
      expandWith([
        { from: 'a', to: 'firehose', access: 'trigger' },
        { from: 'fn', to: 'firehose', access: 'publish' },
      ]),
    ).toThrow(
      'delivery stream "firehose" reads Kinesis stream "a", so it cannot also take direct puts from fn',
    );
    expect(
      expandWith([
        { from: 'a', to: 'firehose', access: 'trigger' },
        { from: 'b', to: 'firehose', access: 'trigger' },
      ]),
    ).toThrow(/reads one Kinesis stream; it has 2 \(a, b\)/);
    const twoBuckets = expandWith([
      { from: 'firehose', to: 'one', access: 'write' },
      { from: 'firehose', to: 'two', access: 'write' },
    ]);
    expect(twoBuckets).toThrow(ExpansionError);
    expect(twoBuckets).toThrow(/delivers to one bucket; it has 2 \(one, two\)/);
  });
});
