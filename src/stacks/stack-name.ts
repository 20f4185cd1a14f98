import { InvalidStackNameError } from './invalid-stack-name-error.ts';

/** What identifies a stack. Nullable fields match architectures without a team or environment: they fail. */
export interface StackKey {
  team: string | null;
  app: string;
  environment: string | null;
}

/** A key whose parts are all present and normalised. */
export interface StackIdentity {
  name: string;
  team: string;
  app: string;
  environment: string;
}

/** CloudFormation: a letter first, then letters, digits and hyphens, at most 128 characters. */
const CFN_STACK_NAME = /^[A-Za-z][-A-Za-z0-9]{0,127}$/;
/** Ours: the same, lower-case, no leading, trailing or doubled hyphens. */
const OUR_STACK_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Lower-cases a name part and turns every run of other characters (spaces, `_`, `.`, `/`) into one hyphen:
 * `"Orders API"` → `orders-api`. Deterministic, so the same key always gives the same stack.
 */
function stackNamePart(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The stack of a team's app in an environment: `<team>-<app>-<environment>`, each part normalised with
 * `stackNamePart`. Throws InvalidStackNameError (400) naming the field when a part is missing or empty, the
 * team does not start with a letter, or the name would exceed CloudFormation's 128 characters.
 */
export function stackNameFor(key: StackKey): string {
  return stackIdentityOf(key).name;
}

export function stackIdentityOf(key: StackKey): StackIdentity {
  const parts = { team: key.team, app: key.app, environment: key.environment };
  const normalised: Record<'team' | 'app' | 'environment', string> = { team: '', app: '', environment: '' };
  for (const field of ['team', 'app', 'environment'] as const) {
    const value = parts[field];
    if (value === null || value === undefined) {
      throw new InvalidStackNameError(field, `a ${field} to name the stack`, value ?? null);
    }
    const part = stackNamePart(value);
    if (part === '') throw new InvalidStackNameError(field, 'letters or digits', value);
    normalised[field] = part;
  }
  if (!/^[a-z]/.test(normalised.team)) {
    throw new InvalidStackNameError('team', 'a name starting with a letter (stack names must)', key.team);
  }
  const name = `${normalised.team}-${normalised.app}-${normalised.environment}`;
  if (name.length > 128) {
    throw new InvalidStackNameError(
      'app',
      'team, app and environment of at most 126 characters together',
      key.app,
    );
  }
  return { name, ...normalised };
}

/** Throws InvalidStackNameError unless `name` is a stack name we create (lower-case CloudFormation name). */
export function assertStackName(name: string, field = 'name'): string {
  if (!CFN_STACK_NAME.test(name) || !OUR_STACK_NAME.test(name)) {
    throw new InvalidStackNameError(
      field,
      'a stack name: a lower-case letter, then lower-case letters, digits and single hyphens, at most 128',
      name,
    );
  }
  return name;
}
