import { describe, expect, it } from 'vitest';
import { expandArchitecture } from '../../src/knowledge/index.ts';
import type { Architecture } from '../../src/model/architecture.ts';
import { props, shopArchitecture } from './support/shop-architecture.ts';

const arch = (
  components: Architecture['components'],
  connections: Architecture['connections'],
  environment: Architecture['environment'] = 'prod',
) => shopArchitecture(environment, components, connections);

describe('connections', () => {
  it('admits only the consumer security group on the database port and puts the function in the VPC', () => {
    const t = expandArchitecture(
      arch(
        [
          { id: 'api-fn', kind: 'function', params: {} },
          { id: 'db', kind: 'postgres', params: {} },
        ],
        [{ from: 'api-fn', to: 'db', access: 'readwrite' }],
      ),
    );
    expect(props(t.Resources.DbIngressFromApiFn)).toEqual({
      GroupId: { 'Fn::GetAtt': ['DbSg', 'GroupId'] },
      SourceSecurityGroupId: { 'Fn::GetAtt': ['ApiFnSg', 'GroupId'] },
      IpProtocol: 'tcp',
      FromPort: 5432,
      ToPort: 5432,
      Description: 'api-fn to db on 5432',
    });
    expect(props(t.Resources.DbSg).SecurityGroupIngress).toBeUndefined();
    const fn = props(t.Resources.ApiFnFunction);
    expect(fn.VpcConfig).toEqual({
      SecurityGroupIds: [{ Ref: 'ApiFnSg' }],
      SubnetIds: [{ Ref: 'NetworkPrivateSubnet1' }, { Ref: 'NetworkPrivateSubnet2' }],
    });
    expect((fn.Environment as { Variables: Record<string, unknown> }).Variables).toMatchObject({
      DB_HOST: { 'Fn::GetAtt': ['DbInstance', 'Endpoint.Address'] },
      DB_PORT: '5432',
      DB_SECRET_ARN: { 'Fn::GetAtt': ['DbInstance', 'MasterUserSecret.SecretArn'] },
    });
    const db = t.Resources.DbInstance!;
    expect(db.DeletionPolicy).toBe('Snapshot');
    expect(props(db)).toMatchObject({
      StorageEncrypted: true,
      PubliclyAccessible: false,
      EnableIAMDatabaseAuthentication: true,
      DeletionProtection: true,
      MultiAZ: true,
      ManageMasterUserPassword: true,
    });
    // prod: one NAT gateway per AZ
    expect(t.Resources.NetworkNatGateway1).toBeDefined();
    expect(t.Resources.NetworkNatGateway2).toBeDefined();
  });

  it('creates no network for serverless-only architectures, and one NAT outside prod', () => {
    const serverless = expandArchitecture(
      arch(
        [
          { id: 'fn', kind: 'function', params: {} },
          { id: 't', kind: 'kv_table', params: {} },
        ],
        [{ from: 'fn', to: 't', access: 'read' }],
      ),
    );
    expect(Object.keys(serverless.Resources).filter((id) => id.startsWith('Network'))).toEqual([]);
    const dev = expandArchitecture(arch([{ id: 'db', kind: 'postgres', params: {} }], [], 'dev'));
    expect(dev.Resources.NetworkNatGateway1).toBeDefined();
    expect(dev.Resources.NetworkNatGateway2).toBeUndefined();
    expect(dev.Resources.NetworkSY3Endpoint).toBeDefined(); // s3-endpoint: see decision 0020
    expect(dev.Resources.NetworkDynamodbEndpoint).toBeDefined();
  });

  it('wires triggers: event source mapping, subscription permission, bucket events through EventBridge', () => {
    const t = expandArchitecture(
      arch(
        [
          { id: 'jobs', kind: 'queue', params: {} },
          { id: 'news', kind: 'topic', params: {} },
          { id: 'uploads', kind: 'bucket', params: {} },
          { id: 'handler', kind: 'function', params: {} },
        ],
        [
          { from: 'jobs', to: 'handler', access: 'trigger' },
          { from: 'news', to: 'handler', access: 'trigger' },
          { from: 'uploads', to: 'handler', access: 'trigger' },
        ],
      ),
    );
    expect(props(t.Resources.HandlerSourceJobs)).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': ['JobsQueue', 'Arn'] },
      FunctionName: { Ref: 'HandlerFunction' },
    });
    expect(props(t.Resources.HandlerPermissionNews)).toMatchObject({
      Principal: 'sns.amazonaws.com',
      SourceArn: { Ref: 'NewsTopic' },
    });
    expect(props(t.Resources.UploadsBucket).NotificationConfiguration).toEqual({
      EventBridgeConfiguration: { EventBridgeEnabled: true },
    });
    expect(props(t.Resources.UploadsRuleHandler).EventPattern).toEqual({
      source: ['aws.s3'],
      'detail-type': ['Object Created'],
      detail: { bucket: { name: [{ Ref: 'UploadsBucket' }] } },
    });
    const role = JSON.stringify(props(t.Resources.HandlerRole));
    expect(role).toContain('sqs:ReceiveMessage');
    expect(role).not.toContain('sqs:SendMessage');
  });

  it('routes a load balancer to a service: target group, listener dependency, port-scoped rules', () => {
    const t = expandArchitecture(
      arch(
        [
          { id: 'lb', kind: 'load_balancer', params: {} },
          { id: 'web', kind: 'container_service', params: { image: 'nginx:1', port: 3000 } },
        ],
        [{ from: 'lb', to: 'web', access: 'route' }],
      ),
    );
    expect(props(t.Resources.LbTargetWeb)).toMatchObject({ Port: 3000, TargetType: 'ip', Protocol: 'HTTP' });
    expect(t.Resources.WebService!.DependsOn).toEqual(['LbHttpsListener']);
    expect(props(t.Resources.WebIngressFromLb)).toMatchObject({ FromPort: 3000, ToPort: 3000 });
    expect(props(t.Resources.LbHttpsListener)).toMatchObject({
      Protocol: 'HTTPS',
      SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
    });
    const container = (
      props(t.Resources.WebTaskDefinition).ContainerDefinitions as Record<string, unknown>[]
    )[0]!;
    expect(container).toMatchObject({ Privileged: false, ReadonlyRootFilesystem: true, Image: 'nginx:1' });
  });
});

describe('every resource', () => {
  const t = expandArchitecture(
    arch(
      [
        { id: 'api', kind: 'http_api', params: {} },
        { id: 'fn', kind: 'function', params: {} },
        { id: 'db', kind: 'postgres', params: {} },
      ],
      [
        { from: 'api', to: 'fn', access: 'route' },
        { from: 'fn', to: 'db', access: 'read' },
      ],
    ),
    { org: { costCenter: 'cc-42' } },
  );

  it('maps back to its component and role', () => {
    for (const [logicalId, resource] of Object.entries(t.Resources)) {
      const component = resource.Metadata['copilot:component'];
      expect(['api', 'fn', 'db', 'network']).toContain(component);
      expect(resource.Metadata['copilot:role'].length, logicalId).toBeGreaterThan(0);
    }
  });

  it('carries the org tags where the type takes tags', () => {
    expect(props(t.Resources.DbInstance).Tags).toEqual([
      { Key: 'app', Value: 'shop' },
      { Key: 'cost-center', Value: 'cc-42' },
      { Key: 'environment', Value: 'prod' },
      { Key: 'managed-by', Value: 'infra-copilot' },
      { Key: 'team', Value: 'payments' },
    ]);
    expect(props(t.Resources.ApiApi).Tags).toEqual({
      app: 'shop',
      'cost-center': 'cc-42',
      environment: 'prod',
      'managed-by': 'infra-copilot',
      team: 'payments',
    });
    expect(props(t.Resources.FnFunction).FunctionName).toBe('shop-prod-fn');
  });

  it('encrypts log groups with the org key when one is configured', () => {
    const withKey = expandArchitecture(arch([{ id: 'fn', kind: 'function', params: {} }], []), {
      org: { logKmsKeyArn: 'arn:aws:kms:us-east-1:111122223333:key/abc' },
    });
    expect(props(withKey.Resources.FnLogGroup).KmsKeyId).toBe('arn:aws:kms:us-east-1:111122223333:key/abc');
    expect(props(t.Resources.FnLogGroup).KmsKeyId).toBeUndefined();
  });

  it('asks for outside values only through Parameters', () => {
    expect(Object.keys(t.Parameters ?? {})).toEqual(['ArtifactBucket', 'FnCodeKey']);
    expect(Object.keys(t.Outputs ?? {})).toEqual(['ApiUrl', 'FnFunctionArn']);
  });
});
