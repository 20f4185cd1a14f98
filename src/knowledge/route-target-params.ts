import { type ParamSpec, param } from './params.ts';

/**
 * The params of a load balancer target (container_service, vm): the `route` connection reads `port` for
 * the target group and the security group rules, and `health_check_path` for the health check.
 */
export function routeTargetParams(portDescription: string): ParamSpec[] {
  return [
    param({
      name: 'port',
      type: 'integer',
      description: portDescription,
      default: 8080,
      min: 1,
      max: 65535,
    }),
    param({
      name: 'health_check_path',
      type: 'string',
      description: 'HTTP path the load balancer checks.',
      default: '/health',
      pattern: '^/',
    }),
  ];
}
