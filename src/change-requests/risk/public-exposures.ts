/**
 * The ways a template exposes something to the internet, each as a stable key (so "new exposure" is a set
 * difference between the deployed template and the proposed one) with an explanation.
 * Pure: reads literal property values only. A value hidden behind an intrinsic is not judged here (the
 * guardrails report it as `unknown`).
 */
export interface Exposure {
  key: string;
  resource: string;
  resourceType: string;
  message: string;
}

type Json = Record<string, unknown>;

const OPEN_CIDRS = new Set(['0.0.0.0/0', '::/0']);

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function portLabel(rule: Json): string {
  const from = rule.FromPort;
  const to = rule.ToPort;
  if (from === undefined && to === undefined) return 'all ports';
  if (from === to || to === undefined) return `port ${String(from)}`;
  return `ports ${String(from)}-${String(to)}`;
}

function openIngress(rule: Json): string | null {
  const cidr = rule.CidrIp ?? rule.CidrIpv6;
  return typeof cidr === 'string' && OPEN_CIDRS.has(cidr) ? cidr : null;
}

function ingressExposures(id: string, type: string, props: Json): Exposure[] {
  const rules =
    type === 'AWS::EC2::SecurityGroup' ? asArray(props.SecurityGroupIngress).filter(isRecord) : [props];
  const out: Exposure[] = [];
  for (const rule of rules) {
    const cidr = openIngress(rule);
    if (cidr === null) continue;
    const ports = portLabel(rule);
    out.push({
      key: `ingress:${id}:${cidr}:${ports}`,
      resource: id,
      resourceType: type,
      message: `security group ${id} allows inbound traffic from anywhere (${cidr}) on ${ports}`,
    });
  }
  return out;
}

function bucketIsPublic(props: Json): boolean {
  const block = props.PublicAccessBlockConfiguration;
  if (isRecord(block)) {
    const flags = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'];
    if (flags.some((flag) => block[flag] === false)) return true;
  }
  const acl = props.AccessControl;
  return acl === 'PublicRead' || acl === 'PublicReadWrite';
}

function policyAllowsAnyone(document: unknown): boolean {
  if (!isRecord(document)) return false;
  for (const statement of asArray(document.Statement).filter(isRecord)) {
    if (statement.Effect !== 'Allow' || isRecord(statement.Condition)) continue;
    const principal = statement.Principal;
    if (principal === '*') return true;
    if (isRecord(principal) && (principal.AWS === '*' || asArray(principal.AWS).includes('*'))) return true;
  }
  return false;
}

function resourceExposures(id: string, type: string, props: Json): Exposure[] {
  switch (type) {
    case 'AWS::EC2::SecurityGroup':
    case 'AWS::EC2::SecurityGroupIngress':
      return ingressExposures(id, type, props);
    case 'AWS::ElasticLoadBalancingV2::LoadBalancer':
    case 'AWS::ElasticLoadBalancing::LoadBalancer': {
      // Internet-facing is the default scheme.
      if (props.Scheme === 'internal') return [];
      return [
        {
          key: `lb:${id}`,
          resource: id,
          resourceType: type,
          message: `load balancer ${id} is internet-facing`,
        },
      ];
    }
    case 'AWS::CloudFront::Distribution':
      return [
        {
          key: `cdn:${id}`,
          resource: id,
          resourceType: type,
          message: `CloudFront distribution ${id} serves the internet`,
        },
      ];
    case 'AWS::ApiGatewayV2::Api':
    case 'AWS::ApiGateway::RestApi': {
      const endpoint = props.EndpointConfiguration;
      if (isRecord(endpoint) && asArray(endpoint.Types).includes('PRIVATE')) return [];
      return [
        { key: `api:${id}`, resource: id, resourceType: type, message: `API ${id} has a public endpoint` },
      ];
    }
    case 'AWS::Lambda::Url':
      if (props.AuthType !== 'NONE') return [];
      return [
        {
          key: `lambda-url:${id}`,
          resource: id,
          resourceType: type,
          message: `function URL ${id} needs no authentication`,
        },
      ];
    case 'AWS::S3::Bucket':
      if (!bucketIsPublic(props)) return [];
      return [
        {
          key: `bucket:${id}`,
          resource: id,
          resourceType: type,
          message: `bucket ${id} allows public access`,
        },
      ];
    case 'AWS::S3::BucketPolicy':
      if (!policyAllowsAnyone(props.PolicyDocument)) return [];
      return [
        {
          key: `bucket-policy:${id}`,
          resource: id,
          resourceType: type,
          message: `bucket policy ${id} grants access to anyone`,
        },
      ];
    case 'AWS::RDS::DBInstance':
      if (props.PubliclyAccessible !== true) return [];
      return [
        {
          key: `db:${id}`,
          resource: id,
          resourceType: type,
          message: `database ${id} is publicly accessible`,
        },
      ];
    default:
      return [];
  }
}

/** Every exposure in a template, sorted by key. */
export function publicExposures(template: Readonly<Record<string, unknown>> | null): Exposure[] {
  if (template === null) return [];
  const resources = template.Resources;
  if (!isRecord(resources)) return [];
  const out: Exposure[] = [];
  for (const [id, resource] of Object.entries(resources)) {
    if (!isRecord(resource) || typeof resource.Type !== 'string') continue;
    const props = isRecord(resource.Properties) ? resource.Properties : {};
    out.push(...resourceExposures(id, resource.Type, props));
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Exposures in `after` that `before` does not have. */
export function newExposures(
  before: Readonly<Record<string, unknown>> | null,
  after: Readonly<Record<string, unknown>>,
): Exposure[] {
  const existing = new Set(publicExposures(before).map((exposure) => exposure.key));
  return publicExposures(after).filter((exposure) => !existing.has(exposure.key));
}
