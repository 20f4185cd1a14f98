import type { Environment } from '../model/kinds.ts';
import { type CfnValue, getAtt, getAzs, ref, select, sub } from './cfn.ts';
import type { NetworkRefs, OrgSettings, ResourceDraft } from './kind-definition.ts';
import { logicalIdOf } from './naming.ts';

/** The pseudo component that owns network resources (Metadata `copilot:component: network`). */
export const NETWORK_COMPONENT = 'network';

const id = (role: string) => logicalIdOf(NETWORK_COMPONENT, role);

export const NETWORK_REFS: NetworkRefs = {
  vpcId: ref(id('vpc')),
  vpcCidr: getAtt(id('vpc'), 'CidrBlock'),
  privateSubnets: [ref(id('private-subnet-1')), ref(id('private-subnet-2'))],
  publicSubnets: [ref(id('public-subnet-1')), ref(id('public-subnet-2'))],
};

const CIDRS = {
  public: ['10.0.0.0/20', '10.0.16.0/20'],
  private: ['10.0.128.0/18', '10.0.192.0/18'],
};

function natPolicy(environment: Environment, org: OrgSettings): 'none' | 'single' | 'per-az' {
  return org.nat ?? (environment === 'prod' ? 'per-az' : 'single');
}

/**
 * VPC with two public and two private subnets over two AZs, NAT per the environment's policy, S3 and
 * DynamoDB gateway endpoints, and flow logs. Only expanded when some component needs the VPC.
 */
export function expandNetwork(
  name: string,
  environment: Environment,
  org: OrgSettings,
  logRetentionDays: number,
): Record<string, ResourceDraft> {
  const nat = natPolicy(environment, org);
  const out: Record<string, ResourceDraft> = {};
  out.vpc = {
    Type: 'AWS::EC2::VPC',
    Properties: {
      CidrBlock: '10.0.0.0/16',
      EnableDnsHostnames: true,
      EnableDnsSupport: true,
      Tags: [{ Key: 'Name', Value: name }],
    },
  };
  out['internet-gateway'] = { Type: 'AWS::EC2::InternetGateway', Properties: {} };
  out['gateway-attachment'] = {
    Type: 'AWS::EC2::VPCGatewayAttachment',
    Properties: { VpcId: ref(id('vpc')), InternetGatewayId: ref(id('internet-gateway')) },
  };
  out['public-route-table'] = { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: ref(id('vpc')) } };
  out['public-default-route'] = {
    Type: 'AWS::EC2::Route',
    DependsOn: [id('gateway-attachment')],
    Properties: {
      RouteTableId: ref(id('public-route-table')),
      DestinationCidrBlock: '0.0.0.0/0',
      GatewayId: ref(id('internet-gateway')),
    },
  };
  const privateRouteTables: CfnValue[] = [];
  for (const n of [1, 2]) {
    const az = select(n - 1, getAzs());
    out[`public-subnet-${n}`] = {
      Type: 'AWS::EC2::Subnet',
      Properties: {
        VpcId: ref(id('vpc')),
        CidrBlock: CIDRS.public[n - 1]!,
        AvailabilityZone: az,
        MapPublicIpOnLaunch: false,
        Tags: [{ Key: 'Name', Value: `${name}-public-${n}` }],
      },
    };
    out[`public-subnet-${n}-routes`] = {
      Type: 'AWS::EC2::SubnetRouteTableAssociation',
      Properties: { SubnetId: ref(id(`public-subnet-${n}`)), RouteTableId: ref(id('public-route-table')) },
    };
    out[`private-subnet-${n}`] = {
      Type: 'AWS::EC2::Subnet',
      Properties: {
        VpcId: ref(id('vpc')),
        CidrBlock: CIDRS.private[n - 1]!,
        AvailabilityZone: az,
        MapPublicIpOnLaunch: false,
        Tags: [{ Key: 'Name', Value: `${name}-private-${n}` }],
      },
    };
    out[`private-route-table-${n}`] = { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: ref(id('vpc')) } };
    privateRouteTables.push(ref(id(`private-route-table-${n}`)));
    out[`private-subnet-${n}-routes`] = {
      Type: 'AWS::EC2::SubnetRouteTableAssociation',
      Properties: {
        SubnetId: ref(id(`private-subnet-${n}`)),
        RouteTableId: ref(id(`private-route-table-${n}`)),
      },
    };
    const natIndex = nat === 'per-az' ? n : 1;
    if (nat !== 'none' && (nat === 'per-az' || n === 1)) {
      out[`nat-eip-${n}`] = {
        Type: 'AWS::EC2::EIP',
        DependsOn: [id('gateway-attachment')],
        Properties: { Domain: 'vpc' },
      };
      out[`nat-gateway-${n}`] = {
        Type: 'AWS::EC2::NatGateway',
        Properties: {
          AllocationId: getAtt(id(`nat-eip-${n}`), 'AllocationId'),
          SubnetId: ref(id(`public-subnet-${n}`)),
        },
      };
    }
    if (nat !== 'none') {
      out[`private-default-route-${n}`] = {
        Type: 'AWS::EC2::Route',
        Properties: {
          RouteTableId: ref(id(`private-route-table-${n}`)),
          DestinationCidrBlock: '0.0.0.0/0',
          NatGatewayId: ref(id(`nat-gateway-${natIndex}`)),
        },
      };
    }
  }
  for (const service of ['s3', 'dynamodb']) {
    out[`${service}-endpoint`] = {
      Type: 'AWS::EC2::VPCEndpoint',
      Properties: {
        VpcId: ref(id('vpc')),
        ServiceName: sub(`com.amazonaws.\${AWS::Region}.${service}`),
        VpcEndpointType: 'Gateway',
        RouteTableIds: privateRouteTables,
      },
    };
  }
  out['flow-log-group'] = {
    Type: 'AWS::Logs::LogGroup',
    ...(environment === 'prod' ? { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' } : {}),
    Properties: {
      LogGroupName: `/vpc/${name}/flow-logs`,
      RetentionInDays: logRetentionDays,
      ...(org.logKmsKeyArn ? { KmsKeyId: org.logKmsKeyArn } : {}),
    },
  };
  out['flow-log-role'] = {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'vpc-flow-logs.amazonaws.com' },
            Action: 'sts:AssumeRole',
          },
        ],
      },
      Policies: [
        {
          PolicyName: 'flow-logs',
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Sid: 'WriteFlowLogs',
                Effect: 'Allow',
                Action: ['logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents'],
                Resource: [getAtt(id('flow-log-group'), 'Arn')],
              },
            ],
          },
        },
      ],
    },
  };
  out['flow-log'] = {
    Type: 'AWS::EC2::FlowLog',
    Properties: {
      ResourceId: ref(id('vpc')),
      ResourceType: 'VPC',
      TrafficType: 'ALL',
      LogDestinationType: 'cloud-watch-logs',
      LogGroupName: ref(id('flow-log-group')),
      DeliverLogsPermissionArn: getAtt(id('flow-log-role'), 'Arn'),
    },
  };
  return out;
}
