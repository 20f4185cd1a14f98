/** Logical ids and physical names derived from component ids and resource roles: stable and readable. */

const pascalCache = new Map<string, string>();

/** `orders-db` → `OrdersDb`; `log-group` → `LogGroup`. */
export function pascalCase(text: string): string {
  let found = pascalCache.get(text);
  if (found === undefined) {
    found = text
      .split(/[^A-Za-z0-9]+/)
      .filter((part) => part.length > 0)
      .map((part) => part[0]!.toUpperCase() + part.slice(1))
      .join('');
    if (pascalCache.size < 100_000) pascalCache.set(text, found);
  }
  return found;
}

/** The logical id of a component's resource with a role: `pascal(component) + pascal(role)`. */
export function logicalIdOf(componentId: string, role: string): string {
  return pascalCase(componentId) + pascalCase(role);
}

/** A lower-case slug for physical names: letters, digits and single hyphens. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

/** The naming convention `<app>-<environment>-<component>`, cut to `max` characters. */
export function physicalName(app: string, environment: string, componentId: string, max = 64): string {
  const name = `${slug(app) || 'app'}-${environment}-${componentId}`;
  return name.length <= max ? name : name.slice(0, max).replace(/-+$/, '');
}
