/**
 * Reads what one of Checkov's CloudFormation check tests (a Python unittest file) expects, without running
 * Python: the check module it imports, and per test method the fixture directory it scans and either the
 * resources it names as passing and failing or only the summary counts.
 */

/** What one test method expects from scanning one fixture directory. */
export interface CheckovTestCase {
  /** The fixture directory, relative to the test file's directory. */
  readonly dir: string;
  /** `Type.LogicalId` of resources named as passing / failing, when the test names them. */
  readonly passing?: readonly string[];
  readonly failing?: readonly string[];
  /** The summary counts asserted, when the test asserts them. */
  readonly passed?: number;
  readonly failed?: number;
}

export interface CheckovTest {
  /** The imported check module: `SecretManagerSecretEncrypted` from `...resource.aws.SecretManagerSecretEncrypted`. */
  readonly checkModule: string;
  readonly cases: readonly CheckovTestCase[];
}

const IMPORT = /from\s+checkov\.cloudformation\.checks\.resource\.aws\.(\w+)\s+import\s+check\b/;

/** The fixture directory forms Checkov's tests use, each with the relative path it names. */
const DIR_FORMS: readonly RegExp[] = [
  // current_dir + "/example_X"
  /\bcurrent_dir\s*\+\s*["']\/?([^"']+)["']/,
  // os.path.join(current_dir, "example_X") (also with further segments)
  /os\.path\.join\(\s*(?:current_dir|os\.path\.dirname\([^)]*\)\)?)\s*,\s*((?:["'][^"']+["']\s*,?\s*)+)\)/,
  // Path(__file__).parent / "example_X"
  /Path\(\s*__file__\s*\)(?:\.resolve\(\))?\.parent\s*\/\s*["']([^"']+)["']/,
];

function fixtureDir(text: string): string | undefined {
  for (const form of DIR_FORMS) {
    const match = form.exec(text);
    if (!match?.[1]) continue;
    const parts = [...match[1].matchAll(/["']([^"']+)["']/g)].map((m) => m[1] as string);
    return (parts.length > 0 ? parts.join('/') : match[1]).replace(/^\/+/, '');
  }
  return undefined;
}

/** The quoted strings of a Python set or list literal assigned to `name` (`name = { "a", "b" }`). */
function namedSet(text: string, name: string): string[] | undefined {
  const match = new RegExp(`\\b${name}\\s*=\\s*(?:set\\()?\\s*[{[]([^}\\]]*)[}\\]]`).exec(text);
  if (!match) return undefined;
  return [...(match[1] ?? '').matchAll(/["']([^"']+)["']/g)].map((m) => m[1] as string);
}

function summaryCount(text: string, key: 'passed' | 'failed'): number | undefined {
  const match = new RegExp(`summary\\[\\s*["']${key}["']\\s*\\]\\s*,\\s*(\\d+)`).exec(text);
  return match ? Number(match[1]) : undefined;
}

/** Split a test file into its test methods (`def test...`), each with the module-level text before it. */
function methods(text: string): string[] {
  const starts = [...text.matchAll(/^\s*def\s+test\w*\s*\(/gm)].map((m) => m.index ?? 0);
  return starts.map((start, i) => text.slice(start, starts[i + 1] ?? text.length));
}

export function parseCheckovTest(text: string): CheckovTest | undefined {
  const imported = IMPORT.exec(text);
  if (!imported?.[1]) return undefined;
  const cases: CheckovTestCase[] = [];
  for (const body of methods(text)) {
    const dir = fixtureDir(body);
    if (dir === undefined) continue;
    const passing = namedSet(body, 'passing_resources');
    const failing = namedSet(body, 'failing_resources');
    const passed = summaryCount(body, 'passed');
    const failed = summaryCount(body, 'failed');
    if (passing === undefined && failing === undefined && passed === undefined && failed === undefined)
      continue;
    cases.push({
      dir,
      ...(passing ? { passing } : {}),
      ...(failing ? { failing } : {}),
      ...(passed !== undefined ? { passed } : {}),
      ...(failed !== undefined ? { failed } : {}),
    });
  }
  return { checkModule: imported[1], cases };
}

/** The check id and the resource types a Checkov check module declares (ids as `id=` or `check_id=`). */
export function parseCheckovCheck(source: string): { id?: string; types: string[] } {
  const id = /\b(?:check_)?id\s*=\s*["'](CKV2?_AWS_\d+)["']/.exec(source)?.[1];
  const types = [
    ...new Set([...source.matchAll(/["'](AWS::[A-Za-z0-9]+::[A-Za-z0-9]+)["']/g)].map((m) => m[1] as string)),
  ];
  return { ...(id ? { id } : {}), types };
}

/**
 * The modules of the checks package a check module imports (its base classes), as paths relative to the
 * package's `resource` folder: `aws/AbsSecurityGroupUnrestrictedIngress`, `BaseCloudsplainingIAMCheck`.
 */
export function importedCheckModules(source: string): string[] {
  return [...source.matchAll(/from\s+checkov\.cloudformation\.checks\.resource\.((?:aws\.)?\w+)\s+import/g)]
    .map((m) => (m[1] as string).replace('.', '/'))
    .filter((path) => !/^base_/.test(path));
}
