import { ECS_AWS_RESOURCES, ECS_COMPUTE, ecsParams, expandEcsService } from '../ecs-service.ts';
import { defineKind } from '../kind-definition.ts';

export default defineKind({
  kind: 'worker',
  title: 'Worker',
  description:
    "An ECS Fargate service with no load balancer, consuming a queue or stream (`consume` connection) or doing background work: private subnets, no inbound traffic, read-only root file system, task role with only its connections' grants.",
  awsResources: ECS_AWS_RESOURCES,
  network: 'always',
  compute: ECS_COMPUTE,
  params: ecsParams(false),
  expand: (ctx) => expandEcsService(ctx, false),
});
