// Builds the `check` bundle (dist/bundle/cli/check.mjs) with esbuild: run by `npm install` (prepare) and by
// bin/infra-copilot.js when a source changed since. Plain JavaScript, so it runs before anything is built.
// A missing esbuild is not an error: the CLI then runs from the TypeScript sources (slower start).
import { spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { devNull } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const bundlePath = join(root, 'dist', 'bundle', 'cli', 'check.cjs');
export const inputsPath = join(root, 'dist', 'bundle', 'cli', 'check.inputs.json');
export const codeCachePath = join(root, 'dist', 'bundle', 'cli', 'check.code-cache');

/** Build the bundle; returns false (and says why on stderr unless quiet) when it cannot. */
export async function buildCheckBundle({ quiet = false } = {}) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    if (!quiet) process.stderr.write('build-cli: esbuild is not installed; `check` runs from the sources\n');
    return false;
  }
  const started = Date.now();
  const temporary = `${bundlePath}.${process.pid}.tmp`;
  mkdirSync(dirname(bundlePath), { recursive: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['src/cli/check-entry.ts'],
    outfile: temporary,
    bundle: true,
    platform: 'node',
    // CommonJS, run through vm.Script by bin/infra-copilot.js so V8's code cache (check.code-cache) can skip
    // parsing and compiling on later starts (Node 20 has no compile cache for ES modules).
    format: 'cjs',
    target: 'node20',
    define: { 'import.meta.url': '__importMetaUrl' },
    minifySyntax: true,
    minifyWhitespace: true,
    legalComments: 'none',
    metafile: true,
    logLevel: quiet ? 'silent' : 'warning',
    banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  const inputs = Object.keys(result.metafile.inputs)
    .filter((input) => input.startsWith('src/'))
    .map((input) => relative(root, join(root, input)));
  // Rename last: a concurrent run never imports a half-written bundle.
  renameSync(temporary, bundlePath);
  rmSync(codeCachePath, { force: true });
  writeFileSync(inputsPath, `${JSON.stringify({ builtAt: started, inputs })}\n`);
  warmCodeCache();
  return true;
}

/**
 * One check of a small template in a child process that then writes V8's code cache of the bundle (the
 * functions a check compiles, not only the top level), so the first real check starts compiled.
 */
function warmCodeCache() {
  const sample = join(dirname(bundlePath), 'warm-up.json');
  const resources = {};
  for (const [id, Type, Properties] of [
    ['Bucket', 'AWS::S3::Bucket', { VersioningConfiguration: { Status: 'Enabled' } }],
    ['Queue', 'AWS::SQS::Queue', { KmsMasterKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] } }],
    ['Key', 'AWS::KMS::Key', { EnableKeyRotation: true }],
    ['Role', 'AWS::IAM::Role', { AssumeRolePolicyDocument: { Statement: [] }, ManagedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] }],
    ['Fn', 'AWS::Lambda::Function', { Runtime: 'nodejs22.x', Role: { 'Fn::GetAtt': ['Role', 'Arn'] } }],
    ['Table', 'AWS::DynamoDB::Table', { BillingMode: 'PAY_PER_REQUEST' }],
    ['Sg', 'AWS::EC2::SecurityGroup', { SecurityGroupIngress: [{ CidrIp: '0.0.0.0/0', FromPort: 22, ToPort: 22 }] }],
  ]) {
    resources[id] = { Type, Properties };
  }
  writeFileSync(sample, JSON.stringify({ Resources: resources }));
  spawnSync(process.execPath, [join(root, 'bin', 'infra-copilot.js'), 'check', sample, '--format', 'sarif', '--output', devNull], {
    env: { ...process.env, INFRA_COPILOT_WRITE_CODE_CACHE: '1' },
    stdio: 'ignore',
  });
  rmSync(sample, { force: true });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const ok = await buildCheckBundle().catch((error) => {
    process.stderr.write(`build-cli: ${error instanceof Error ? error.message : String(error)}\n`);
    return false;
  });
  if (ok) process.stdout.write(`build-cli: ${relative(root, bundlePath)}\n`);
}
