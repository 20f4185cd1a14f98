import { type CfnValue, getAtt, ref, sub } from '../cfn.ts';
import { statement } from '../iam.ts';
import { defineKind, type Grant, type ResourceDraft, type TargetRef } from '../kind-definition.ts';
import { param } from '../params.ts';
import { rotationDaysParam, rotationSchedule } from '../secret-rotation.ts';
import { securityGroup } from '../security-group.ts';

const PORT = 6379;

function cacheGrant(t: TargetRef): Grant {
  const secret = ref(t.logicalId('auth-secret'));
  return {
    statements: [
      statement(
        t.sid('auth-token'),
        ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
        [secret],
      ),
    ],
    env: {
      [`${t.envPrefix}_HOST`]: getAtt(t.logicalId('replication-group'), 'PrimaryEndPoint.Address'),
      [`${t.envPrefix}_PORT`]: String(PORT),
      [`${t.envPrefix}_TLS`]: 'true',
    },
    secrets: { [`${t.envPrefix}_AUTH_TOKEN`]: secret },
  };
}

export default defineKind({
  kind: 'cache',
  title: 'Cache',
  description:
    'An ElastiCache (Valkey or Redis OSS) replication group in private subnets: encrypted at rest and in transit, AUTH token in Secrets Manager, snapshots, multi-AZ failover with two or more nodes; consumers reach it only from their own security group on 6379.',
  awsResources: [
    'AWS::ElastiCache::ReplicationGroup',
    'AWS::ElastiCache::SubnetGroup',
    'AWS::SecretsManager::Secret',
    'AWS::EC2::SecurityGroup',
  ],
  network: 'always',
  params: [
    param({
      name: 'engine',
      type: 'string',
      description: 'Cache engine.',
      default: 'valkey',
      allowed: ['valkey', 'redis'],
    }),
    param({
      name: 'engine_version',
      type: 'string',
      description: 'Engine version.',
      default: null,
      pattern: '^[0-9]+(\\.[0-9]+)*$',
    }),
    param({
      name: 'node_type',
      type: 'string',
      description: 'Node type.',
      default: { dev: 'cache.t4g.micro', staging: 'cache.t4g.small', prod: 'cache.r7g.large' },
      pattern: '^cache\\.[a-z0-9]+\\.[a-z0-9]+$',
    }),
    param({
      name: 'nodes',
      type: 'integer',
      description: 'Nodes (primary + replicas); 2 or more enables multi-AZ failover.',
      default: { dev: 1, staging: 1, prod: 2 },
      min: 1,
      max: 6,
    }),
    rotationDaysParam,
    param({
      name: 'snapshot_retention_days',
      type: 'integer',
      unit: 'days',
      description: 'Daily snapshots kept.',
      default: { dev: 1, staging: 1, prod: 7 },
      min: 0,
      max: 35,
    }),
  ],
  data: {
    access: { read: cacheGrant, readwrite: cacheGrant },
    network: { port: () => PORT, securityGroupRole: 'sg' },
  },
  expand(ctx) {
    const { params } = ctx;
    const nodes = params.nodes as number;
    const engine = params.engine as string;
    const out: Record<string, ResourceDraft> = {};
    out['subnet-group'] = {
      Type: 'AWS::ElastiCache::SubnetGroup',
      Properties: { Description: `Private subnets of ${ctx.id}`, SubnetIds: ctx.network().privateSubnets },
    };
    out.sg = securityGroup(ctx, ctx.inbound, { description: `Cache ${ctx.id}`, egressHttps: false });
    out['auth-secret'] = {
      Type: 'AWS::SecretsManager::Secret',
      Properties: {
        Name: `${ctx.name()}/auth-token`,
        Description: `AUTH token of cache ${ctx.id}`,
        GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true },
      },
    };
    Object.assign(out, rotationSchedule(ctx, 'auth-secret'));
    const group: Record<string, CfnValue> = {
      ReplicationGroupId: ctx.name(undefined, 40),
      ReplicationGroupDescription: `${ctx.id} (${ctx.architecture.name}, ${ctx.environment})`,
      Engine: engine,
      CacheNodeType: params.node_type as string,
      NumCacheClusters: nodes,
      AutomaticFailoverEnabled: nodes > 1,
      MultiAZEnabled: nodes > 1,
      CacheSubnetGroupName: ref(ctx.logicalId('subnet-group')),
      SecurityGroupIds: [getAtt(ctx.logicalId('sg'), 'GroupId')],
      Port: PORT,
      AtRestEncryptionEnabled: true,
      TransitEncryptionEnabled: true,
      AuthToken: sub(`{{resolve:secretsmanager:\${${ctx.logicalId('auth-secret')}}:SecretString}}`),
      SnapshotRetentionLimit: params.snapshot_retention_days as number,
      SnapshotWindow: '03:00-04:00',
      PreferredMaintenanceWindow: 'sun:05:00-sun:06:00',
      AutoMinorVersionUpgrade: true,
    };
    if (params.engine_version !== null) group.EngineVersion = params.engine_version as string;
    out['replication-group'] = {
      Type: 'AWS::ElastiCache::ReplicationGroup',
      ...ctx.statefulPolicy(true),
      Properties: group,
    };
    return out;
  },
});
