import type { ResourceView, TemplateIndex } from '../../rule.ts';
import { rawAt } from './policy-statements.ts';

/**
 * The resource of this template that the property at `path` names with `!Ref Id` or `!GetAtt Id.Attr`;
 * undefined for a literal, a parameter, an import or anything else defined outside the template.
 */
export function referencedResource(
  resource: ResourceView,
  index: TemplateIndex,
  path: string,
): ResourceView | undefined {
  const raw = rawAt(resource, path);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const keys = Object.keys(raw);
  if (keys.length !== 1) return undefined;
  const arg = (raw as Record<string, unknown>)[keys[0] as string];
  let target: unknown;
  if (keys[0] === 'Ref') target = arg;
  else if (keys[0] === 'Fn::GetAtt')
    target = Array.isArray(arg) ? arg[0] : typeof arg === 'string' ? arg.split('.')[0] : undefined;
  return typeof target === 'string' ? index.resource(target) : undefined;
}
