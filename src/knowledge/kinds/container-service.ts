import { ECS_AWS_RESOURCES, ECS_COMPUTE, ecsParams, expandEcsService } from '../ecs-service.ts';
import { defineKind } from '../kind-definition.ts';

export default defineKind({
  kind: 'container_service',
  title: 'Container service',
  description:
    "A long-running ECS Fargate service in private subnets (put a load_balancer in front with a `route` connection): non-privileged, read-only root file system, circuit-breaker deployments, task role with only its connections' grants, secrets injected from Secrets Manager.",
  awsResources: ECS_AWS_RESOURCES,
  network: 'always',
  compute: ECS_COMPUTE,
  params: ecsParams(true),
  expand: (ctx) => expandEcsService(ctx, true),
});
