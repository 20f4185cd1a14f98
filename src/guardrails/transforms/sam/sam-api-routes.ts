import type { SamSource } from './sam-source.ts';

/** A route a function event adds to an API: the API's body gets the path, the function a permission. */
export interface ApiRoute {
  readonly path: string;
  /** Lower-case method (`get`), or `x-amazon-apigateway-any-method` for ANY. */
  readonly method: string;
  /** The function (or its alias) as an ARN the integration URI names: `${Fn.Arn}` / `${FnAliaslive}`. */
  readonly target: string;
  readonly auth: unknown;
  readonly source: SamSource;
  /** Where the event that adds the route was written. */
  readonly pointer: string;
}

/** The routes function events add per API logical id (implicit APIs: `ServerlessRestApi`, `ServerlessHttpApi`). */
export class ApiRoutes {
  readonly rest = new Map<string, ApiRoute[]>();
  readonly http = new Map<string, ApiRoute[]>();

  add(kind: 'rest' | 'http', apiId: string, route: ApiRoute): void {
    const map = kind === 'rest' ? this.rest : this.http;
    const list = map.get(apiId);
    if (list) list.push(route);
    else map.set(apiId, [route]);
  }
}

/** The logical id an `ApiId` / `RestApiId` property names (`!Ref MyApi`), or undefined. */
export function referencedId(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const ref = (value as { Ref?: unknown }).Ref;
  return typeof ref === 'string' ? ref : undefined;
}
