import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parse } from 'yaml';
import type { CheckovTestCase } from './parse-checkov-test.ts';
import { importedCheckModules, parseCheckovCheck, parseCheckovTest } from './parse-checkov-test.ts';

/**
 * The CloudFormation check tests of a Checkov checkout: the resource checks' unittest files and the graph
 * checks' `expected.yaml` folders, each resolved to its check id, the resource types the check looks at,
 * and the fixture files it scans.
 */

export interface CheckovGroup {
  readonly id: string;
  /** The test file (or graph check folder), relative to the checkout. */
  readonly test: string;
  /** Resource types the check looks at (empty: unknown, every resource named by the test counts). */
  readonly types: readonly string[];
  /** Fixture files scanned, relative to the checkout. */
  readonly files: readonly string[];
  readonly expects: CheckovTestCase;
}

const RESOURCE_TESTS = 'tests/cloudformation/checks/resource/aws';
const RESOURCE_CHECKS = 'checkov/cloudformation/checks/resource';
const GRAPH_TESTS = 'tests/cloudformation/graph/checks/resources';
const GRAPH_CHECKS = 'checkov/cloudformation/checks/graph_checks';
const TEMPLATE_FILE = /\.(ya?ml|json|template)$/i;

/** Template files under a folder, recursively, as Checkov's runner finds them. */
function templateFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (TEMPLATE_FILE.test(name) && name !== 'expected.yaml') out.push(relative(root, path));
    }
  };
  if (existsSync(dir) && statSync(dir).isDirectory()) walk(dir);
  return out;
}

function readText(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** The id and types of a resource check module, types taken from its base modules when it names none. */
function checkInfo(root: string, module: string): { id?: string; types: string[] } | undefined {
  const source = readText(join(root, RESOURCE_CHECKS, 'aws', `${module}.py`));
  if (source === undefined) return undefined;
  const info = parseCheckovCheck(source);
  if (info.types.length > 0) return info;
  const types = importedCheckModules(source).flatMap((base) => {
    const text = readText(join(root, RESOURCE_CHECKS, `${base}.py`));
    return text === undefined ? [] : parseCheckovCheck(text).types;
  });
  return { ...info, types: [...new Set(types)] };
}

function resourceGroups(root: string): CheckovGroup[] {
  const testsDir = join(root, RESOURCE_TESTS);
  if (!existsSync(testsDir)) return [];
  const groups: CheckovGroup[] = [];
  for (const name of readdirSync(testsDir).sort()) {
    if (!/^test_.*\.py$/.test(name)) continue;
    const parsed = parseCheckovTest(readFileSync(join(testsDir, name), 'utf8'));
    if (!parsed) continue;
    const info = checkInfo(root, parsed.checkModule);
    if (!info?.id) continue;
    for (const expects of parsed.cases) {
      groups.push({
        id: info.id,
        test: join(RESOURCE_TESTS, name),
        types: info.types,
        files: templateFiles(root, join(testsDir, expects.dir)),
        expects,
      });
    }
  }
  return groups;
}

function graphGroups(root: string): CheckovGroup[] {
  const testsDir = join(root, GRAPH_TESTS);
  if (!existsSync(testsDir)) return [];
  const groups: CheckovGroup[] = [];
  for (const name of readdirSync(testsDir).sort()) {
    const expectedText = readText(join(testsDir, name, 'expected.yaml'));
    const checkText = readText(join(root, GRAPH_CHECKS, `${name}.yaml`));
    if (expectedText === undefined || checkText === undefined) continue;
    const check = parse(checkText) as { metadata?: { id?: unknown } } | null;
    const id = check?.metadata?.id;
    const expected = parse(expectedText) as { pass?: unknown; fail?: unknown } | null;
    if (typeof id !== 'string' || !expected) continue;
    const strings = (list: unknown) => (Array.isArray(list) ? list.filter((s) => typeof s === 'string') : []);
    const types = [
      ...new Set([...checkText.matchAll(/(AWS::[A-Za-z0-9]+::[A-Za-z0-9]+)/g)].map((m) => m[1] as string)),
    ];
    groups.push({
      id,
      test: join(GRAPH_TESTS, name),
      types,
      files: templateFiles(root, join(testsDir, name)),
      expects: { dir: '.', passing: strings(expected.pass), failing: strings(expected.fail) },
    });
  }
  return groups;
}

/** Every check test of the checkout, resource checks then graph checks. */
export function readCheckovSuite(root: string): CheckovGroup[] {
  return [...resourceGroups(root), ...graphGroups(root)];
}

/** The expected verdict a fixture's file name states (`X-FAILED.yaml`, `iam_role.pass.json`), if any. */
export function fileLabel(file: string): 'pass' | 'fail' | 'unknown' | undefined {
  const name = basename(file).toLowerCase();
  if (name.includes('unknown')) return 'unknown';
  if (name.includes('fail')) return 'fail';
  if (name.includes('pass')) return 'pass';
  return undefined;
}
