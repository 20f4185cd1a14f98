import { escapePointerSegment } from '../../../cfn/json-pointer.ts';
import type { ExpansionProblem } from '../expansion-problem.ts';
import type { ResourceOrigin } from '../resource-origin.ts';
import { ApiRoutes } from './sam-api-routes.ts';
import { expandHttpApi, expandRestApi } from './sam-apis.ts';
import { expandFunction } from './sam-function.ts';
import { expandLayerVersion } from './sam-layer-version.ts';
import { SamOutput } from './sam-output.ts';
import { expandSimpleTable } from './sam-simple-table.ts';
import { SamSource } from './sam-source.ts';
import { expandStateMachine } from './sam-state-machine.ts';

export const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';
const SERVERLESS = 'AWS::Serverless::';

/** The SAM resource types the expansion models, with the Globals section each reads. */
const GLOBALS_SECTION: Readonly<Record<string, string>> = {
  'AWS::Serverless::Function': 'Function',
  'AWS::Serverless::Api': 'Api',
  'AWS::Serverless::HttpApi': 'HttpApi',
  'AWS::Serverless::SimpleTable': 'SimpleTable',
  'AWS::Serverless::StateMachine': 'StateMachine',
  'AWS::Serverless::LayerVersion': 'LayerVersion',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The transforms a template declares (`Transform: X` or `Transform: [X, Y]`), by name. */
export function declaredTransforms(template: Readonly<Record<string, unknown>>): string[] {
  const transform = template.Transform;
  const list = Array.isArray(transform) ? transform : transform === undefined ? [] : [transform];
  return list
    .map((item) => (isRecord(item) ? item.Name : item))
    .filter((name): name is string => typeof name === 'string');
}

/** Whether the template is a SAM template: it declares the transform or has `AWS::Serverless::*` resources. */
export function usesSam(template: Readonly<Record<string, unknown>>): boolean {
  if (declaredTransforms(template).includes(SAM_TRANSFORM)) return true;
  const resources = template.Resources;
  if (!isRecord(resources)) return false;
  for (const id in resources) {
    const resource = resources[id];
    if (isRecord(resource) && typeof resource.Type === 'string' && resource.Type.startsWith(SERVERLESS))
      return true;
  }
  return false;
}

export interface SamExpansion {
  readonly template: Record<string, unknown>;
  readonly origins: ReadonlyMap<string, ResourceOrigin>;
  readonly problems: readonly ExpansionProblem[];
}

/**
 * Expand the SAM transform for Function, Api, HttpApi, SimpleTable, StateMachine and LayerVersion into the
 * CloudFormation resources it produces (what aws-sam-translator makes, logical ids included except for the
 * content hashes SAM appends to deployments, versions and layers), each mapped back to the SAM resource and
 * the property it came from. Other resources are kept as written; other `AWS::Serverless::*` types stay as
 * they are (no rule covers them, so they are counted as not checked).
 */
export function expandSam(template: Readonly<Record<string, unknown>>, partition: string): SamExpansion {
  const globals = isRecord(template.Globals) ? template.Globals : {};
  const resources = isRecord(template.Resources) ? template.Resources : {};
  const out = new SamOutput(partition);
  const routes = new ApiRoutes();
  const sources = new Map<string, SamSource>();
  for (const [id, resource] of Object.entries(resources)) {
    if (!isRecord(resource) || typeof resource.Type !== 'string') continue;
    const section = GLOBALS_SECTION[resource.Type];
    if (!section) {
      out.resources[id] = resource as never;
      continue;
    }
    const sectionGlobals = isRecord(globals[section]) ? globals[section] : {};
    const own = isRecord(resource.Properties) ? resource.Properties : {};
    sources.set(id, new SamSource(id, resource.Type, resource, own, sectionGlobals, `/Globals/${section}`));
  }
  // Functions first: their events add routes to the APIs expanded next.
  for (const source of sources.values())
    if (source.type === 'AWS::Serverless::Function') expandFunction(out, source, routes);
  for (const source of sources.values()) {
    switch (source.type) {
      case 'AWS::Serverless::Api':
        expandRestApi(out, source, routes.rest.get(source.logicalId) ?? [], false);
        break;
      case 'AWS::Serverless::HttpApi':
        expandHttpApi(out, source, routes.http.get(source.logicalId) ?? [], false);
        break;
      case 'AWS::Serverless::SimpleTable':
        expandSimpleTable(out, source);
        break;
      case 'AWS::Serverless::StateMachine':
        expandStateMachine(out, source);
        break;
      case 'AWS::Serverless::LayerVersion':
        expandLayerVersion(out, source);
        break;
    }
  }
  implicitApi(out, routes, 'rest', globals);
  implicitApi(out, routes, 'http', globals);
  const expanded: Record<string, unknown> = { ...template, Resources: out.resources };
  delete expanded.Globals;
  return { template: expanded, origins: out.origins, problems: out.problems };
}

/** The API SAM creates for `Api` / `HttpApi` events that name none, configured by Globals. */
function implicitApi(
  out: SamOutput,
  routes: ApiRoutes,
  kind: 'rest' | 'http',
  globals: Record<string, unknown>,
): void {
  const id = kind === 'rest' ? 'ServerlessRestApi' : 'ServerlessHttpApi';
  const list = (kind === 'rest' ? routes.rest : routes.http).get(id);
  if (!list || list.length === 0 || out.resources[id] !== undefined) return;
  const section = kind === 'rest' ? 'Api' : 'HttpApi';
  const sectionGlobals = isRecord(globals[section]) ? globals[section] : {};
  const first = list[0] as (typeof list)[number];
  const source = new SamSource(
    id,
    `AWS::Serverless::${section}`,
    {},
    {},
    sectionGlobals,
    `/Globals/${escapePointerSegment(section)}`,
    first.pointer,
  );
  if (kind === 'rest') expandRestApi(out, source, list, true);
  else expandHttpApi(out, source, list, true);
}
