import type { TruthGraph } from './truth-graph.ts';

/**
 * Resources that stand for a component when something refers to them: a Lambda version, alias or URL means
 * its function; a listener its load balancer; a task definition the ECS service that runs it; a Cloud Map
 * service the ECS service registered in it; an EFS access point its file system; a cluster member or proxy
 * its database; a user-pool client its pool; a custom domain the API mapped to it.
 */
const ALIASES: readonly { types: readonly string[]; owner: readonly string[] }[] = [
  { types: ['AWS::Lambda::Version', 'AWS::Lambda::Alias'], owner: ['FunctionName'] },
  { types: ['AWS::Lambda::Url'], owner: ['TargetFunctionArn'] },
  { types: ['AWS::ElasticLoadBalancingV2::Listener'], owner: ['LoadBalancerArn'] },
  { types: ['AWS::EFS::AccessPoint', 'AWS::EFS::MountTarget'], owner: ['FileSystemId'] },
  { types: ['AWS::RDS::DBInstance'], owner: ['DBClusterIdentifier', 'SourceDBInstanceIdentifier'] },
  { types: ['AWS::Cognito::UserPoolClient', 'AWS::Cognito::UserPoolDomain'], owner: ['UserPoolId'] },
  { types: ['AWS::Kinesis::StreamConsumer'], owner: ['StreamARN'] },
  { types: ['AWS::ApiGateway::BasePathMapping'], owner: ['RestApiId'] },
  { types: ['AWS::ApiGatewayV2::ApiMapping'], owner: ['ApiId'] },
  { types: ['AWS::ApiGateway::Stage', 'AWS::ApiGateway::Deployment'], owner: ['RestApiId'] },
  { types: ['AWS::ApiGatewayV2::Stage'], owner: ['ApiId'] },
  { types: ['AWS::RDS::DBProxyTargetGroup'], owner: ['DBClusterIdentifiers', 'DBInstanceIdentifiers'] },
];

export function addAliases(graph: TruthGraph): void {
  const { ctx } = graph;
  for (const { types, owner } of ALIASES) {
    for (const id of ctx.ofType(...types)) {
      for (const property of owner) {
        const target = graph.nodesIn(ctx.props(id)[property])[0];
        if (target !== undefined) graph.alias(id, target);
      }
    }
  }
  // A proxy means the database its target group points at.
  for (const group of ctx.ofType('AWS::RDS::DBProxyTargetGroup')) {
    const proxy = ctx.refOfType(ctx.props(group).DBProxyName, 'AWS::RDS::DBProxy');
    const db = graph.nodeFor(group);
    if (proxy !== undefined && db !== undefined) graph.alias(proxy, db);
  }
  // A custom domain means the API mapped to it.
  for (const mapping of ctx.ofType('AWS::ApiGateway::BasePathMapping', 'AWS::ApiGatewayV2::ApiMapping')) {
    const api = graph.nodeFor(mapping);
    const domain = ctx.refOfType(
      ctx.props(mapping).DomainName,
      'AWS::ApiGateway::DomainName',
      'AWS::ApiGatewayV2::DomainName',
    );
    if (api !== undefined && domain !== undefined) graph.alias(domain, api);
  }
  // A task definition means the one ECS service running it; a Cloud Map service the ECS service in it.
  for (const service of ctx.ofType('AWS::ECS::Service')) {
    const p = ctx.props(service);
    for (const taskDefinition of ctx.refsIn(p.TaskDefinition)) graph.alias(taskDefinition, service);
    for (const registry of ctx.refsIn(p.ServiceRegistries)) graph.alias(registry, service);
  }
  // A secret attachment means its secret.
  for (const secretAttachment of ctx.ofType('AWS::SecretsManager::SecretTargetAttachment')) {
    const secret = ctx.refOfType(ctx.props(secretAttachment).SecretId, 'AWS::SecretsManager::Secret');
    if (secret !== undefined) graph.alias(secretAttachment, secret);
  }
}
