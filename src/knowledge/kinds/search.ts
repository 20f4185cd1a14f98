import { type CfnValue, getAtt, sub } from '../cfn.ts';
import { statement } from '../iam.ts';
import {
  defineKind,
  type Grant,
  type KindContext,
  type ResourceDraft,
  type TargetRef,
} from '../kind-definition.ts';
import { logGroup } from '../log-group.ts';
import { param } from '../params.ts';
import { securityGroup } from '../security-group.ts';

const READ = ['es:ESHttpGet', 'es:ESHttpHead'];
const WRITE = ['es:ESHttpDelete', 'es:ESHttpPatch', 'es:ESHttpPost', 'es:ESHttpPut'];

function searchGrant(t: TargetRef, purpose: string, actions: string[]): Grant {
  const domain = t.logicalId('domain');
  return {
    statements: [statement(t.sid(purpose), actions, [getAtt(domain, 'Arn'), sub(`\${${domain}.Arn}/*`)])],
    env: { [`${t.envPrefix}_ENDPOINT`]: sub(`https://\${${domain}.DomainEndpoint}`) },
  };
}

/**
 * Search and index slow logs into a log group of the domain's own, which OpenSearch may write to from this
 * domain only (a CloudWatch Logs resource policy: there can be ten per account and region).
 */
function slowLogs(ctx: KindContext): { resources: Record<string, ResourceDraft>; options: CfnValue } {
  const group = ctx.logicalId('slow-log-group');
  const domainArn = `arn:\${AWS::Partition}:es:\${AWS::Region}:\${AWS::AccountId}:domain/${domainName(ctx)}`;
  const policy = {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'OpenSearchSlowLogs',
        Effect: 'Allow',
        Principal: { Service: 'es.amazonaws.com' },
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: `\${${group}.Arn}`,
        Condition: {
          StringEquals: { 'aws:SourceAccount': `\${AWS::AccountId}` },
          ArnLike: { 'aws:SourceArn': domainArn },
        },
      },
    ],
  };
  const destination = { CloudWatchLogsLogGroupArn: getAtt(group, 'Arn'), Enabled: true };
  return {
    resources: {
      'slow-log-group': logGroup(ctx, `/aws/opensearch/${ctx.name()}/slow-logs`),
      'slow-log-policy': {
        Type: 'AWS::Logs::ResourcePolicy',
        Properties: { PolicyName: ctx.name('slow-logs', 255), PolicyDocument: sub(JSON.stringify(policy)) },
      },
    },
    options: { INDEX_SLOW_LOGS: destination, SEARCH_SLOW_LOGS: destination },
  };
}

const domainName = (ctx: KindContext) => ctx.name(undefined, 28).replace(/-+$/, '');

export default defineKind({
  kind: 'search',
  title: 'Search',
  description:
    "An OpenSearch Service domain in private subnets: encryption at rest, node-to-node encryption, HTTPS enforced with TLS 1.2, gp3 storage, zone awareness with two or more nodes; slow logs to CloudWatch Logs (`slow_logs`, on in prod); IAM-signed access per connection (read: GET/HEAD; write: PUT/POST/DELETE) from the consumer's security group on 443.",
  awsResources: ['AWS::OpenSearchService::Domain', 'AWS::EC2::SecurityGroup'],
  network: 'always',
  params: [
    param({
      name: 'engine_version',
      type: 'string',
      description: 'OpenSearch version.',
      default: 'OpenSearch_2.17',
      pattern: '^OpenSearch_[0-9.]+$',
    }),
    param({
      name: 'instance_type',
      type: 'string',
      description: 'Data node instance type.',
      default: { dev: 't3.small.search', staging: 'm6g.large.search', prod: 'r6g.large.search' },
      pattern: '^[a-z0-9]+\\.[a-z0-9]+\\.search$',
    }),
    param({
      name: 'nodes',
      type: 'integer',
      description: 'Data nodes; 2 or more spreads them over two AZs.',
      default: { dev: 1, staging: 2, prod: 2 },
      min: 1,
      max: 80,
    }),
    param({
      name: 'slow_logs',
      type: 'boolean',
      description: 'Publish search and index slow logs to CloudWatch Logs (on in prod).',
      default: { dev: false, staging: false, prod: true },
    }),
    param({
      name: 'storage_gb',
      type: 'integer',
      unit: 'GB',
      description: 'EBS storage per node.',
      default: { dev: 10, staging: 50, prod: 100 },
      min: 10,
      max: 16384,
    }),
  ],
  data: {
    access: {
      read: (t) => searchGrant(t, 'read', READ),
      write: (t) => searchGrant(t, 'write', WRITE),
      readwrite: (t) => searchGrant(t, 'read-write', [...READ, ...WRITE]),
    },
    network: { port: () => 443, securityGroupRole: 'sg' },
  },
  expand(ctx) {
    const nodes = ctx.params.nodes as number;
    const zoneAware = nodes > 1;
    const subnets = ctx.network().privateSubnets;
    const cluster: Record<string, CfnValue> = {
      InstanceType: ctx.params.instance_type as string,
      InstanceCount: nodes,
      ZoneAwarenessEnabled: zoneAware,
    };
    if (zoneAware) cluster.ZoneAwarenessConfig = { AvailabilityZoneCount: 2 };
    const logs = ctx.params.slow_logs === true ? slowLogs(ctx) : null;
    return {
      ...logs?.resources,
      sg: securityGroup(ctx, ctx.inbound, { description: `Search ${ctx.id}`, egressHttps: false }),
      domain: {
        Type: 'AWS::OpenSearchService::Domain',
        ...ctx.statefulPolicy(),
        ...(logs ? { DependsOn: [ctx.logicalId('slow-log-policy')] } : {}),
        Properties: {
          ...(logs ? { LogPublishingOptions: logs.options } : {}),
          DomainName: domainName(ctx),
          EngineVersion: ctx.params.engine_version as string,
          ClusterConfig: cluster,
          EBSOptions: { EBSEnabled: true, VolumeType: 'gp3', VolumeSize: ctx.params.storage_gb as number },
          EncryptionAtRestOptions: { Enabled: true },
          NodeToNodeEncryptionOptions: { Enabled: true },
          DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-PFS-2023-10' },
          SoftwareUpdateOptions: { AutoSoftwareUpdateEnabled: true },
          VPCOptions: {
            SubnetIds: zoneAware ? subnets : [subnets[0]!],
            SecurityGroupIds: [getAtt(ctx.logicalId('sg'), 'GroupId')],
          },
        },
      },
    };
  },
});
