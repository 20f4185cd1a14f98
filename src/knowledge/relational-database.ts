import { type CfnValue, getAtt, ref } from './cfn.ts';
import { statement } from './iam.ts';
import type { DataTargetTrait, Grant, KindContext, ResourceDraft, TargetRef } from './kind-definition.ts';
import { deletionProtectionParam } from './deletion-protection.ts';
import { type ParamSpec, param } from './params.ts';
import { securityGroup } from './security-group.ts';

export interface EngineProfile {
  label: string;
  instanceEngine: string;
  auroraEngine: string;
  port: number;
  defaultVersion: string;
  auroraVersion: string;
  logExports: string[];
  /** Parameter group family and TLS parameter, when TLS is not enforced by default. */
  tlsParameter?: { family: string; auroraFamily: string; name: string; value: string };
}

export function databaseParams(engine: EngineProfile): ParamSpec[] {
  return [
    param({
      name: 'flavor',
      type: 'string',
      description: 'RDS instance, Aurora provisioned cluster, or Aurora Serverless v2.',
      default: 'instance',
      allowed: ['instance', 'aurora', 'aurora_serverless'],
    }),
    param({
      name: 'instance_class',
      type: 'string',
      description: 'DB instance class (instance and aurora flavors).',
      default: { dev: 'db.t4g.micro', staging: 'db.t4g.medium', prod: 'db.r6g.large' },
      pattern: '^db\\.[a-z0-9]+\\.[a-z0-9]+$',
    }),
    param({
      name: 'storage_gb',
      type: 'integer',
      unit: 'GB',
      description: 'Allocated gp3 storage (instance flavor); Aurora grows on its own.',
      default: { dev: 20, staging: 50, prod: 100 },
      min: 20,
      max: 65536,
    }),
    param({
      name: 'max_storage_gb',
      type: 'integer',
      unit: 'GB',
      description: 'Storage autoscaling ceiling (instance flavor).',
      default: { dev: 100, staging: 200, prod: 1000 },
      min: 20,
      max: 65536,
    }),
    param({
      name: 'multi_az',
      type: 'boolean',
      description: 'Standby (instance) or a second reader (Aurora) in another AZ.',
      default: { dev: false, staging: false, prod: true },
    }),
    param({
      name: 'engine_version',
      type: 'string',
      description: `${engine.label} engine version.`,
      default: engine.defaultVersion,
      pattern: '^[0-9]+(\\.[0-9]+)*$',
    }),
    deletionProtectionParam,
    param({
      name: 'backup_retention_days',
      type: 'integer',
      unit: 'days',
      description: 'Automated backup retention.',
      default: { dev: 7, staging: 7, prod: 30 },
      min: 1,
      max: 35,
    }),
    param({
      name: 'database_name',
      type: 'string',
      description: 'Initial database name.',
      default: 'app',
      pattern: '^[A-Za-z][A-Za-z0-9_]{0,62}$',
    }),
    param({
      name: 'min_capacity_acu',
      type: 'number',
      unit: 'ACU',
      description: 'Aurora Serverless v2 minimum capacity.',
      default: 0.5,
      min: 0,
      max: 256,
    }),
    param({
      name: 'max_capacity_acu',
      type: 'number',
      unit: 'ACU',
      description: 'Aurora Serverless v2 maximum capacity.',
      default: { dev: 2, staging: 4, prod: 16 },
      min: 1,
      max: 256,
    }),
  ];
}

function mainRole(target: TargetRef): { id: string; endpoint: string; secret: string } {
  const flavor = target.params.flavor;
  if (flavor === 'instance') {
    return {
      id: target.logicalId('instance'),
      endpoint: 'Endpoint.Address',
      secret: 'MasterUserSecret.SecretArn',
    };
  }
  return {
    id: target.logicalId('cluster'),
    endpoint: 'Endpoint.Address',
    secret: 'MasterUserSecret.SecretArn',
  };
}

function databaseGrant(engine: EngineProfile, target: TargetRef): Grant {
  const main = mainRole(target);
  const secretArn = getAtt(main.id, main.secret);
  return {
    statements: [
      statement(
        target.sid('secret'),
        ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
        [secretArn],
      ),
    ],
    env: {
      [`${target.envPrefix}_HOST`]: getAtt(main.id, main.endpoint),
      [`${target.envPrefix}_PORT`]: String(engine.port),
      [`${target.envPrefix}_NAME`]: target.params.database_name as string,
    },
    secrets: { [`${target.envPrefix}_SECRET`]: secretArn },
  };
}

/** Connections reach the database through its security group and read its generated master secret. */
export function databaseTrait(engine: EngineProfile): DataTargetTrait {
  return {
    access: {
      read: (t) => databaseGrant(engine, t),
      write: (t) => databaseGrant(engine, t),
      readwrite: (t) => databaseGrant(engine, t),
    },
    network: { port: () => engine.port, securityGroupRole: 'sg' },
  };
}

/** RDS instance or Aurora cluster: encrypted, private, IAM auth, generated secret, backups, logs exported. */
export function expandDatabase(ctx: KindContext, engine: EngineProfile): Record<string, ResourceDraft> {
  const { params } = ctx;
  const flavor = params.flavor as string;
  const out: Record<string, ResourceDraft> = {};
  const network = ctx.network();
  out['subnet-group'] = {
    Type: 'AWS::RDS::DBSubnetGroup',
    Properties: {
      DBSubnetGroupDescription: `Private subnets of ${ctx.id}`,
      SubnetIds: network.privateSubnets,
    },
  };
  out.sg = securityGroup(ctx, ctx.inbound, { description: `${engine.label} ${ctx.id}`, egressHttps: false });
  const common: Record<string, CfnValue> = {
    Engine: flavor === 'instance' ? engine.instanceEngine : engine.auroraEngine,
    EngineVersion: flavor === 'instance' ? (params.engine_version as string) : engine.auroraVersion,
    DBSubnetGroupName: ref(ctx.logicalId('subnet-group')),
    MasterUsername: 'app_admin',
    ManageMasterUserPassword: true,
    StorageEncrypted: true,
    EnableIAMDatabaseAuthentication: true,
    BackupRetentionPeriod: params.backup_retention_days as number,
    PreferredBackupWindow: '03:00-04:00',
    PreferredMaintenanceWindow: 'sun:04:30-sun:05:30',
    DeletionProtection: params.deletion_protection as boolean,
    CopyTagsToSnapshot: true,
    EnableCloudwatchLogsExports: engine.logExports,
  };
  const tls = engine.tlsParameter;
  if (flavor === 'instance') {
    if (tls) {
      out['parameter-group'] = {
        Type: 'AWS::RDS::DBParameterGroup',
        Properties: {
          Description: `TLS-only ${ctx.id}`,
          Family: tls.family,
          Parameters: { [tls.name]: tls.value },
        },
      };
    }
    out.instance = {
      Type: 'AWS::RDS::DBInstance',
      ...ctx.statefulPolicy(true),
      Properties: {
        ...common,
        DBInstanceIdentifier: ctx.name(undefined, 63),
        VPCSecurityGroups: [getAtt(ctx.logicalId('sg'), 'GroupId')],
        DBName: params.database_name as string,
        DBInstanceClass: params.instance_class as string,
        AllocatedStorage: String(params.storage_gb),
        // Storage autoscaling only when the ceiling is above the allocation (RDS rejects it otherwise).
        ...((params.max_storage_gb as number) > (params.storage_gb as number)
          ? { MaxAllocatedStorage: params.max_storage_gb as number }
          : {}),
        StorageType: 'gp3',
        MultiAZ: params.multi_az as boolean,
        PubliclyAccessible: false,
        AutoMinorVersionUpgrade: true,
        ...(tls ? { DBParameterGroupName: ref(ctx.logicalId('parameter-group')) } : {}),
      },
    };
    return out;
  }
  if (tls) {
    out['parameter-group'] = {
      Type: 'AWS::RDS::DBClusterParameterGroup',
      Properties: {
        Description: `TLS-only ${ctx.id}`,
        Family: tls.auroraFamily,
        Parameters: { [tls.name]: tls.value },
      },
    };
  }
  const serverless = flavor === 'aurora_serverless';
  out.cluster = {
    Type: 'AWS::RDS::DBCluster',
    ...ctx.statefulPolicy(true),
    Properties: {
      ...common,
      DBClusterIdentifier: ctx.name(undefined, 63),
      VpcSecurityGroupIds: [getAtt(ctx.logicalId('sg'), 'GroupId')],
      DatabaseName: params.database_name as string,
      ...(tls ? { DBClusterParameterGroupName: ref(ctx.logicalId('parameter-group')) } : {}),
      ...(serverless
        ? {
            ServerlessV2ScalingConfiguration: {
              MinCapacity: params.min_capacity_acu as number,
              MaxCapacity: params.max_capacity_acu as number,
            },
          }
        : {}),
    },
  };
  const instances = params.multi_az ? 2 : 1;
  for (let n = 1; n <= instances; n++) {
    out[`instance-${n}`] = {
      Type: 'AWS::RDS::DBInstance',
      Properties: {
        DBClusterIdentifier: ref(ctx.logicalId('cluster')),
        DBInstanceClass: serverless ? 'db.serverless' : (params.instance_class as string),
        Engine: engine.auroraEngine,
        DBSubnetGroupName: ref(ctx.logicalId('subnet-group')),
        PubliclyAccessible: false,
        AutoMinorVersionUpgrade: true,
      },
    };
  }
  return out;
}
