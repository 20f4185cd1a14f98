import { defineKind } from '../kind-definition.ts';
import { databaseParams, databaseTrait, type EngineProfile, expandDatabase } from '../relational-database.ts';

const MYSQL: EngineProfile = {
  label: 'MySQL',
  instanceEngine: 'mysql',
  auroraEngine: 'aurora-mysql',
  port: 3306,
  defaultVersion: '8.0.39',
  auroraVersion: '8.0.mysql_aurora.3.08.0',
  logExports: ['error', 'slowquery'],
  tlsParameter: {
    family: 'mysql8.0',
    auroraFamily: 'aurora-mysql8.0',
    name: 'require_secure_transport',
    value: 'ON',
  },
};

export default defineKind({
  kind: 'mysql',
  title: 'MySQL database',
  description:
    'MySQL on RDS (instance, Aurora or Aurora Serverless v2) in private subnets: encrypted, TLS required by a parameter group, IAM authentication, a generated master secret, automated backups, logs exported; multi-AZ, deletion protection and snapshot-on-delete in prod. Consumers reach it only from their own security group on 3306.',
  awsResources: [
    'AWS::RDS::DBInstance',
    'AWS::RDS::DBCluster',
    'AWS::RDS::DBSubnetGroup',
    'AWS::RDS::DBParameterGroup',
    'AWS::EC2::SecurityGroup',
  ],
  network: 'always',
  params: databaseParams(MYSQL),
  data: databaseTrait(MYSQL),
  expand: (ctx) => expandDatabase(ctx, MYSQL),
});
