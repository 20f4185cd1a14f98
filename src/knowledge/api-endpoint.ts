import type { CfnObject, CfnValue } from './cfn.ts';

/**
 * One route of an API to one target, as its connection describes it; the API kind turns the list into
 * routes (HTTP API) or resources and methods (REST API) once every connection is known, with the
 * authorization the API ends up with.
 */
export interface ApiEndpoint {
  /** The target component: its routes live under `/<peer>`. */
  readonly peer: string;
  readonly method: 'ANY' | 'POST' | 'GET';
  /** The path below `/<peer>`. */
  readonly path: '' | '/{proxy+}' | '/{pk}' | '/{pk}/{sk}';
  /** HTTP API: the properties of the route's AWS::ApiGatewayV2::Integration (without ApiId). */
  readonly http?: CfnObject;
  /** REST API: the method's Integration. */
  readonly rest?: CfnObject;
}

/** A user pool authorizing an API or a load balancer (its `auth` connection). */
export interface UserPoolAuthorizer {
  readonly peer: string;
  readonly userPoolArn: CfnValue;
  readonly userPoolId: CfnValue;
  /** The issuer of the pool's tokens (JWT authorizers). */
  readonly issuer: CfnValue;
  /** The pool's app client, whose tokens an API accepts. */
  readonly appClientId: CfnValue;
  /** The hosted sign-in domain prefix (for a load balancer, which makes a client of its own). */
  readonly domain?: CfnValue;
}
