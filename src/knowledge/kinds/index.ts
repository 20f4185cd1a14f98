import type { ComponentKind } from '../../model/kinds.ts';
import type { KindDefinition } from '../kind-definition.ts';
import bucket from './bucket.ts';
import cache from './cache.ts';
import cdn from './cdn.ts';
import containerService from './container-service.ts';
import cron from './cron.ts';
import deliveryStream from './delivery-stream.ts';
import dns from './dns.ts';
import email from './email.ts';
import eventBus from './event-bus.ts';
import fileSystem from './file-system.ts';
import fn from './function.ts';
import httpApi from './http-api.ts';
import k8sCluster from './k8s-cluster.ts';
import kvTable from './kv-table.ts';
import loadBalancer from './load-balancer.ts';
import mysql from './mysql.ts';
import postgres from './postgres.ts';
import queue from './queue.ts';
import registry from './registry.ts';
import search from './search.ts';
import secret from './secret.ts';
import staticSite from './static-site.ts';
import stream from './stream.ts';
import topic from './topic.ts';
import userPool from './user-pool.ts';
import vm from './vm.ts';
import workflow from './workflow.ts';
import worker from './worker.ts';

/** Every kind's knowledge-base file, keyed by kind (one file per kind in this folder). */
export const KIND_DEFINITIONS: Readonly<Record<ComponentKind, KindDefinition>> = {
  http_api: httpApi,
  function: fn,
  container_service: containerService,
  worker,
  load_balancer: loadBalancer,
  postgres,
  mysql,
  kv_table: kvTable,
  queue,
  topic,
  event_bus: eventBus,
  stream,
  bucket,
  static_site: staticSite,
  cdn,
  cache,
  secret,
  file_system: fileSystem,
  search,
  cron,
  workflow,
  email,
  vm,
  k8s_cluster: k8sCluster,
  registry,
  dns,
  delivery_stream: deliveryStream,
  user_pool: userPool,
};

export function kindDefinition(kind: ComponentKind): KindDefinition {
  return KIND_DEFINITIONS[kind];
}
