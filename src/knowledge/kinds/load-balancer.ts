import { type CfnObject, type CfnValue, getAtt, ref, sub } from '../cfn.ts';
import { elbLogDeliveryPrincipal } from '../elb-log-delivery.ts';
import { ExpansionError } from '../expansion-error.ts';
import { defineKind, type ResourceDraft } from '../kind-definition.ts';
import { cognitoAuthentication } from '../load-balancer-cognito.ts';
import { logBucket, logBucketPolicy } from '../log-bucket.ts';
import { deletionProtectionParam } from '../deletion-protection.ts';
import { param } from '../params.ts';
import { securityGroup } from '../security-group.ts';

export default defineKind({
  kind: 'load_balancer',
  title: 'Load balancer',
  description:
    "An Application Load Balancer with an HTTPS listener (TLS 1.2+, HTTP redirected to HTTPS), invalid headers dropped, access logs, an AWS WAF web ACL with managed rule groups, deletion protection (`deletion_protection`, on in prod); each `route` connection adds a target group for a container_service or vm, admitted on its port from this balancer only. A user_pool connected with `auth` signs people in (authenticate-cognito through the pool's hosted domain) before every route.",
  awsResources: [
    'AWS::ElasticLoadBalancingV2::LoadBalancer',
    'AWS::ElasticLoadBalancingV2::Listener',
    'AWS::ElasticLoadBalancingV2::TargetGroup',
    'AWS::EC2::SecurityGroup',
  ],
  network: 'always',
  params: [
    param({
      name: 'internal',
      type: 'boolean',
      description: 'Reachable only inside the VPC.',
      default: false,
    }),
    param({
      name: 'certificate_arn',
      type: 'string',
      description: 'ACM certificate for the HTTPS listener; null to take it from a template parameter.',
      default: null,
      pattern: '^arn:aws[a-z-]*:acm:',
    }),
    param({
      name: 'access_logs',
      type: 'boolean',
      description: 'Access logs into a dedicated bucket.',
      default: true,
    }),
    param({
      name: 'waf',
      type: 'boolean',
      description: 'AWS WAF web ACL with AWS managed rule groups (internet-facing only).',
      default: true,
    }),
    deletionProtectionParam,
    param({
      name: 'idle_timeout_s',
      type: 'integer',
      unit: 's',
      description: 'Idle connection timeout.',
      default: 60,
      min: 1,
      max: 4000,
    }),
    param({
      name: 'lcu_per_hour',
      type: 'number',
      unit: 'LCU',
      description: 'Cost assumption: average load balancer capacity units used.',
      default: 1,
      min: 0,
      usage: true,
    }),
  ],
  refine({ id, params, incoming }) {
    const pools = incoming.filter((l) => l.connection.access === 'auth').map((l) => l.connection.from);
    if (pools.length > 1)
      throw new ExpansionError(
        `load balancer "${id}" is authorized by ${pools.length} user pools (${pools.join(', ')}): keep one`,
        { extensions: { component: id } },
      );
    return params;
  },
  expand(ctx) {
    const { params, inbound } = ctx;
    const network = ctx.network();
    const internal = params.internal === true;
    const out: Record<string, ResourceDraft> = {};
    const source = internal ? { CidrIp: '10.0.0.0/16' } : { CidrIp: '0.0.0.0/0' };
    const cognito = cognitoAuthentication(ctx);
    if (cognito) Object.assign(out, cognito.resources);
    // Signing in, the balancer calls the user pool's token endpoint over HTTPS.
    out.sg = securityGroup(ctx, inbound, {
      description: `Load balancer ${ctx.id}`,
      egressHttps: cognito !== null,
      ingress: [
        { ...source, Description: 'HTTPS', IpProtocol: 'tcp', FromPort: 443, ToPort: 443 },
        { ...source, Description: 'HTTP (redirected to HTTPS)', IpProtocol: 'tcp', FromPort: 80, ToPort: 80 },
      ],
    });
    const attributes: CfnValue[] = [
      { Key: 'deletion_protection.enabled', Value: String(params.deletion_protection) },
      { Key: 'idle_timeout.timeout_seconds', Value: String(params.idle_timeout_s) },
      { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' },
      { Key: 'routing.http.desync_mitigation_mode', Value: 'defensive' },
    ];
    if (params.access_logs) {
      const logsId = ctx.logicalId('access-logs');
      out['access-logs'] = logBucket(ctx, {
        ownership: 'BucketOwnerEnforced',
        expiryRuleId: 'expire-access-logs',
      });
      out['access-logs-policy'] = logBucketPolicy(ctx, 'access-logs', [
        {
          Sid: 'AllowLoadBalancerLogDelivery',
          Effect: 'Allow',
          Principal: elbLogDeliveryPrincipal(ctx.architecture.region),
          Action: 's3:PutObject',
          Resource: sub(`\${${logsId}.Arn}/AWSLogs/\${AWS::AccountId}/*`),
        },
      ]);
      attributes.push(
        { Key: 'access_logs.s3.enabled', Value: 'true' },
        { Key: 'access_logs.s3.bucket', Value: ref(logsId) },
      );
    }
    out['load-balancer'] = {
      Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
      ...(params.access_logs ? { DependsOn: [ctx.logicalId('access-logs-policy')] } : {}),
      Properties: {
        Name: ctx.name(undefined, 32),
        Type: 'application',
        Scheme: internal ? 'internal' : 'internet-facing',
        IpAddressType: 'ipv4',
        Subnets: internal ? network.privateSubnets : network.publicSubnets,
        SecurityGroups: [getAtt(ctx.logicalId('sg'), 'GroupId')],
        LoadBalancerAttributes: attributes,
      },
    };
    const certificate =
      params.certificate_arn === null
        ? ctx.parameter(`${ctx.id}-certificate-arn`, {
            Type: 'String',
            Description: `ACM certificate ARN for the HTTPS listener of ${ctx.id}`,
            AllowedPattern: '^arn:aws[a-z-]*:acm:.+',
          })
        : (params.certificate_arn as string);
    const routes = [...inbound.routes];
    const first = routes[0];
    const defaultAction: CfnObject = first
      ? { Type: 'forward', TargetGroupArn: first.targetGroup }
      : {
          Type: 'fixed-response',
          FixedResponseConfig: { StatusCode: '404', ContentType: 'text/plain', MessageBody: 'not found' },
        };
    const actions = (then: CfnObject): CfnValue[] => (cognito ? cognito.actions(then) : [then]);
    out['https-listener'] = {
      Type: 'AWS::ElasticLoadBalancingV2::Listener',
      Properties: {
        LoadBalancerArn: ref(ctx.logicalId('load-balancer')),
        Port: 443,
        Protocol: 'HTTPS',
        SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
        Certificates: [{ CertificateArn: certificate }],
        DefaultActions: actions(defaultAction),
      },
    };
    out['http-listener'] = {
      Type: 'AWS::ElasticLoadBalancingV2::Listener',
      Properties: {
        LoadBalancerArn: ref(ctx.logicalId('load-balancer')),
        Port: 80,
        Protocol: 'HTTP',
        DefaultActions: [
          { Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } },
        ],
      },
    };
    routes.slice(1).forEach((route, index) => {
      out[`rule-${route.peer}`] = {
        Type: 'AWS::ElasticLoadBalancingV2::ListenerRule',
        Properties: {
          ListenerArn: ref(ctx.logicalId('https-listener')),
          Priority: index + 1,
          Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: [`/${route.peer}/*`] } }],
          Actions: actions({ Type: 'forward', TargetGroupArn: route.targetGroup }),
        },
      };
    });
    if (params.waf && !internal) {
      const metric = (name: string) => ({
        SampledRequestsEnabled: true,
        CloudWatchMetricsEnabled: true,
        MetricName: `${ctx.name(undefined, 100)}-${name}`,
      });
      const managedRules = [
        'AWSManagedRulesCommonRuleSet',
        'AWSManagedRulesKnownBadInputsRuleSet',
        'AWSManagedRulesAmazonIpReputationList',
      ];
      out['web-acl'] = {
        Type: 'AWS::WAFv2::WebACL',
        Properties: {
          Name: ctx.name(undefined, 128),
          Scope: 'REGIONAL',
          DefaultAction: { Allow: {} },
          VisibilityConfig: metric('web-acl'),
          Rules: managedRules.map((name, priority) => ({
            Name: name,
            Priority: priority,
            OverrideAction: { None: {} },
            Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: name } },
            VisibilityConfig: metric(name),
          })),
        },
      };
      out['web-acl-association'] = {
        Type: 'AWS::WAFv2::WebACLAssociation',
        Properties: {
          ResourceArn: ref(ctx.logicalId('load-balancer')),
          WebACLArn: getAtt(ctx.logicalId('web-acl'), 'Arn'),
        },
      };
    }
    ctx.output(`${ctx.id}-url`, {
      Description: `HTTPS endpoint of load balancer ${ctx.id}`,
      Value: sub(`https://\${${ctx.logicalId('load-balancer')}.DNSName}`),
    });
    return out;
  },
});
