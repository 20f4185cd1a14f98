import type { EvalKind } from '../../eval-vocabulary.ts';
import { isRecord, list } from './template-context.ts';
import type { TruthGraph } from './truth-graph.ts';

/** Stores compute reaches over the network rather than through IAM. */
const NETWORK_STORES: readonly EvalKind[] = ['postgres', 'mysql', 'cache', 'search', 'file_system'];

/**
 * Firehose: its Kinesis source, its destination (S3 or OpenSearch: `write`), and buckets it only uses for
 * backup or failed records (plumbing).
 */
function addDeliveryStreams(graph: TruthGraph): void {
  const { ctx } = graph;
  for (const id of ctx.ofType('AWS::KinesisFirehose::DeliveryStream')) {
    const p = ctx.props(id);
    const source = isRecord(p.KinesisStreamSourceConfiguration)
      ? p.KinesisStreamSourceConfiguration.KinesisStreamARN
      : undefined;
    for (const stream of graph.nodesIn(source, ['stream'])) graph.connect(stream, id, 'trigger', 'event');
    for (const key of ['S3DestinationConfiguration', 'ExtendedS3DestinationConfiguration']) {
      const destination = p[key];
      if (!isRecord(destination)) continue;
      for (const bucket of graph.nodesIn(destination.BucketARN, ['bucket']))
        graph.connect(id, bucket, 'write', 'route');
      if (isRecord(destination.S3BackupConfiguration)) {
        for (const b of ctx.refsIn(destination.S3BackupConfiguration.BucketARN))
          graph.markPlumbing(b, 'log-or-backup');
      }
    }
    for (const [key, destination] of Object.entries(p)) {
      if (!/DestinationConfiguration$/.test(key) || /S3Destination/.test(key) || !isRecord(destination))
        continue;
      for (const search of graph.nodesIn(destination.DomainARN ?? destination.CollectionEndpoint, [
        'search',
      ])) {
        graph.connect(id, search, 'write', 'route');
      }
      const backup = isRecord(destination.S3Configuration)
        ? destination.S3Configuration.BucketARN
        : undefined;
      for (const b of ctx.refsIn(backup)) graph.markPlumbing(b, 'log-or-backup');
    }
  }
}

/** Security groups each compute component runs in, and the stores each security group admits. */
function addSecurityGroupReach(graph: TruthGraph): void {
  const { ctx } = graph;
  const groupsOf = new Map<string, Set<string>>();
  const note = (node: string | undefined, groups: unknown) => {
    if (node === undefined) return;
    const set = groupsOf.get(node) ?? new Set<string>();
    for (const g of ctx.refsIn(groups)) if (ctx.type(g) === 'AWS::EC2::SecurityGroup') set.add(g);
    groupsOf.set(node, set);
  };
  for (const [id, r] of ctx.resources) {
    const p = ctx.props(id);
    const node = graph.nodeFor(id);
    if (r.Type === 'AWS::Lambda::Function' || r.Type === 'AWS::Serverless::Function') note(node, p.VpcConfig);
    if (r.Type === 'AWS::ECS::Service' || r.Type === 'AWS::EC2::Instance')
      note(node, [p.NetworkConfiguration, p.SecurityGroupIds, p.SecurityGroups]);
    if (r.Type === 'AWS::RDS::DBInstance' || r.Type === 'AWS::RDS::DBCluster')
      note(node, p.VPCSecurityGroups);
    if (r.Type === 'AWS::ElastiCache::ReplicationGroup' || r.Type === 'AWS::ElastiCache::CacheCluster') {
      note(node, [p.SecurityGroupIds, p.VpcSecurityGroupIds]);
    }
    if (r.Type === 'AWS::ElastiCache::ServerlessCache' || r.Type === 'AWS::OpenSearchService::Domain') {
      note(node, [p.SecurityGroupIds, p.VPCOptions]);
    }
    if (r.Type === 'AWS::EFS::MountTarget') note(graph.nodeFor(id), p.SecurityGroups);
  }
  // Source group → groups that admit it.
  const admits = new Map<string, Set<string>>();
  const admit = (group: unknown, source: unknown) => {
    for (const g of ctx.refsIn(group)) {
      for (const s of ctx.refsIn(source)) admits.set(s, new Set([...(admits.get(s) ?? []), g]));
    }
  };
  for (const id of ctx.ofType('AWS::EC2::SecurityGroup')) {
    for (const rule of list(ctx.props(id).SecurityGroupIngress).filter(isRecord))
      admit({ Ref: id }, rule.SourceSecurityGroupId);
  }
  for (const id of ctx.ofType('AWS::EC2::SecurityGroupIngress')) {
    const p = ctx.props(id);
    admit(p.GroupId, p.SourceSecurityGroupId);
  }
  for (const [compute, groups] of groupsOf) {
    if (NETWORK_STORES.includes(graph.kindOf(compute) as EvalKind)) continue;
    const admitted = new Set([...groups].flatMap((g) => [...(admits.get(g) ?? [])]));
    for (const [store, storeGroups] of groupsOf) {
      if (!NETWORK_STORES.includes(graph.kindOf(store) as EvalKind)) continue;
      if ([...storeGroups].some((g) => admitted.has(g))) graph.reach(compute, store);
    }
  }
}

/** Endpoints in environment variables, EFS mounts: compute that is configured to talk to a store. */
function addConfiguredReach(graph: TruthGraph): void {
  const { ctx } = graph;
  for (const [id, r] of ctx.resources) {
    const node = graph.nodeFor(id);
    if (node === undefined) continue;
    const p = ctx.props(id);
    let configured: unknown[] = [];
    if (r.Type === 'AWS::Lambda::Function' || r.Type === 'AWS::Serverless::Function') {
      configured = [p.Environment, p.FileSystemConfigs];
    } else if (r.Type === 'AWS::ECS::TaskDefinition') {
      const containers = list(p.ContainerDefinitions).filter(isRecord);
      configured = [containers.map((c) => [c.Environment, c.Secrets]), p.Volumes];
      for (const c of containers)
        for (const repo of graph.nodesIn(c.Image, ['registry']))
          graph.use(node, repo, { read: true }, 'network');
    }
    for (const store of graph.nodesIn(configured, NETWORK_STORES)) graph.reach(node, store);
  }
}

/** Database secrets: an attached secret (or one the database's password resolves) is part of the database. */
function addDatabaseSecrets(graph: TruthGraph): void {
  const { ctx } = graph;
  for (const id of ctx.ofType('AWS::SecretsManager::SecretTargetAttachment')) {
    const p = ctx.props(id);
    const secret = ctx.refOfType(p.SecretId, 'AWS::SecretsManager::Secret');
    const db = [...ctx.refsIn(p.TargetId)][0];
    if (secret !== undefined && db !== undefined) graph.secretOf.set(secret, graph.nodeFor(db) ?? db);
  }
  for (const id of ctx.ofType(
    'AWS::RDS::DBInstance',
    'AWS::RDS::DBCluster',
    'AWS::DocDB::DBCluster',
    'AWS::Redshift::Cluster',
  )) {
    const p = ctx.props(id);
    for (const secret of ctx.refsIn([p.MasterUserPassword, p.MasterUsername])) {
      if (ctx.type(secret) === 'AWS::SecretsManager::Secret')
        graph.secretOf.set(secret, graph.nodeFor(id) ?? id);
    }
  }
}

/** Connections to stores that are not IAM grants: Firehose destinations, network reach, database secrets. */
export function addStoreEdges(graph: TruthGraph): void {
  addDeliveryStreams(graph);
  addSecurityGroupReach(graph);
  addConfiguredReach(graph);
  addDatabaseSecrets(graph);
}
