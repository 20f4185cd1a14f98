import { describe, expect, it } from 'vitest';
import { expandArchitecture, validAccessModes } from '../../src/knowledge/index.ts';
import type { Architecture } from '../../src/model/architecture.ts';
import { validateTemplate } from '../../src/spec/index.ts';
import { props, shopArchitecture } from './support/shop-architecture.ts';

const arch = (components: Architecture['components'], connections: Architecture['connections']) =>
  shopArchitecture('dev', components, connections);

describe('workloads on an EKS cluster reach data stores and services', () => {
  it('connects to the data kinds with the same access modes as any compute', () => {
    expect(validAccessModes('k8s_cluster', 'kv_table')).toEqual(['read', 'write', 'readwrite']);
    expect(validAccessModes('k8s_cluster', 'queue')).toEqual(['publish', 'consume']);
    expect(validAccessModes('k8s_cluster', 'postgres')).toEqual(
      validAccessModes('container_service', 'postgres'),
    );
    expect(validAccessModes('k8s_cluster', 'secret')).toEqual(['read']);
    // nodes pull images with the node role: a registry grant on the pods would never be used
    expect(validAccessModes('k8s_cluster', 'registry')).toEqual([]);
  });

  it('gives one service account a Pod Identity role with only its grants', () => {
    const t = expandArchitecture(
      arch(
        [
          { id: 'eks', kind: 'k8s_cluster', params: { namespace: 'orders', service_account: 'api' } },
          { id: 'orders', kind: 'kv_table', params: {} },
        ],
        [{ from: 'eks', to: 'orders', access: 'read' }],
      ),
    );
    expect(validateTemplate(t)).toEqual([]);
    const role = props(t.Resources.EksWorkloadRole);
    expect(role.AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'PodIdentityOfOneServiceAccount',
          Effect: 'Allow',
          Principal: { Service: 'pods.eks.amazonaws.com' },
          Action: ['sts:AssumeRole', 'sts:TagSession'],
          Condition: {
            StringEquals: {
              'aws:SourceAccount': { Ref: 'AWS::AccountId' },
              'aws:RequestTag/eks-cluster-arn': { 'Fn::GetAtt': ['EksCluster', 'Arn'] },
              'aws:RequestTag/kubernetes-namespace': 'orders',
              'aws:RequestTag/kubernetes-service-account': 'api',
            },
          },
        },
      ],
    });
    expect(role.Policies).toEqual([
      {
        PolicyName: 'least-privilege',
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'OrdersRead',
              Effect: 'Allow',
              Action: [
                'dynamodb:BatchGetItem',
                'dynamodb:ConditionCheckItem',
                'dynamodb:DescribeTable',
                'dynamodb:GetItem',
                'dynamodb:Query',
                'dynamodb:Scan',
              ],
              Resource: [
                { 'Fn::GetAtt': ['OrdersTable', 'Arn'] },
                { 'Fn::Sub': `\${OrdersTable.Arn}/index/*` },
              ],
            },
          ],
        },
      },
    ]);
    expect(props(t.Resources.EksPodIdentity)).toMatchObject({
      ClusterName: { Ref: 'EksCluster' },
      Namespace: 'orders',
      ServiceAccount: 'api',
      RoleArn: { 'Fn::GetAtt': ['EksWorkloadRole', 'Arn'] },
    });
    expect(t.Resources.EksPodIdentityAgent).toMatchObject({
      Type: 'AWS::EKS::Addon',
      DependsOn: ['EksNodeGroup'],
      Properties: expect.objectContaining({ AddonName: 'eks-pod-identity-agent' }),
    });
    expect(t.Outputs?.EksOrdersTableName).toEqual({
      Description: 'ORDERS_TABLE_NAME for the workloads of eks (a ConfigMap value)',
      Value: { Ref: 'OrdersTable' },
    });
  });

  it('admits the cluster security group (the nodes and pods) on the database port only', () => {
    const t = expandArchitecture(
      arch(
        [
          { id: 'eks', kind: 'k8s_cluster', params: {} },
          { id: 'db', kind: 'postgres', params: {} },
        ],
        [{ from: 'eks', to: 'db', access: 'readwrite' }],
      ),
    );
    expect(validateTemplate(t)).toEqual([]);
    expect(props(t.Resources.DbIngressFromEks)).toEqual({
      GroupId: { 'Fn::GetAtt': ['DbSg', 'GroupId'] },
      SourceSecurityGroupId: { 'Fn::GetAtt': ['EksCluster', 'ClusterSecurityGroupId'] },
      IpProtocol: 'tcp',
      FromPort: 5432,
      ToPort: 5432,
      Description: 'eks to db on 5432',
    });
    expect(props(t.Resources.EksEgressToDb)).toMatchObject({
      GroupId: { 'Fn::GetAtt': ['EksCluster', 'ClusterSecurityGroupId'] },
      DestinationSecurityGroupId: { 'Fn::GetAtt': ['DbSg', 'GroupId'] },
      FromPort: 5432,
    });
    // defaults: a namespace and service account of their own, never `default`
    expect(props(t.Resources.EksPodIdentity)).toMatchObject({
      Namespace: 'apps',
      ServiceAccount: 'workload',
    });
    expect(t.Outputs?.EksDbSecretArn).toMatchObject({
      Value: { 'Fn::GetAtt': ['DbInstance', 'MasterUserSecret.SecretArn'] },
    });
  });

  it('adds no Pod Identity resources to a cluster without connections', () => {
    const t = expandArchitecture(arch([{ id: 'eks', kind: 'k8s_cluster', params: {} }], []));
    const types = Object.values(t.Resources).map((r) => r.Type);
    expect(types).not.toContain('AWS::EKS::PodIdentityAssociation');
    expect(types).not.toContain('AWS::EKS::Addon');
  });

  it('refuses a namespace that is not a Kubernetes name', () => {
    expect(() =>
      expandArchitecture(arch([{ id: 'eks', kind: 'k8s_cluster', params: { namespace: 'Orders_NS' } }], [])),
    ).toThrow(/namespace/);
  });
});
