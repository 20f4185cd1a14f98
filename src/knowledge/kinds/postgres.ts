import { defineKind } from '../kind-definition.ts';
import { databaseParams, databaseTrait, type EngineProfile, expandDatabase } from '../relational-database.ts';

/** PostgreSQL enforces TLS by default from version 15 (`rds.force_ssl = 1`). */
const POSTGRES: EngineProfile = {
  label: 'PostgreSQL',
  instanceEngine: 'postgres',
  auroraEngine: 'aurora-postgresql',
  port: 5432,
  defaultVersion: '16.4',
  auroraVersion: '16.4',
  logExports: ['postgresql'],
};

export default defineKind({
  kind: 'postgres',
  title: 'PostgreSQL database',
  description:
    'PostgreSQL on RDS (instance, Aurora or Aurora Serverless v2) in private subnets: encrypted, TLS enforced, IAM authentication, a generated master secret, automated backups, logs exported; multi-AZ, deletion protection and snapshot-on-delete in prod. Consumers reach it only from their own security group on 5432.',
  awsResources: [
    'AWS::RDS::DBInstance',
    'AWS::RDS::DBCluster',
    'AWS::RDS::DBSubnetGroup',
    'AWS::EC2::SecurityGroup',
  ],
  network: 'always',
  params: databaseParams(POSTGRES),
  data: databaseTrait(POSTGRES),
  expand: (ctx) => expandDatabase(ctx, POSTGRES),
});
