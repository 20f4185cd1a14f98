/**
 * Templates over CloudFormation's 51,200-byte TemplateBody limit go through S3: uploaded to CFN_TEMPLATE_BUCKET
 * (S3 stand-in, path-style through S3_ENDPOINT) and passed as TemplateURL to the CloudFormation stand-in, which
 * reads the object back. Exactly once across S3 failures and restarts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeRequest } from '../../src/change-requests/change-request.ts';
import type { Config } from '../../src/config/config.ts';
import { type CfnStandIn, startCfnStandIn } from '../support/cfn-stand-in.ts';
import { type S3StandIn, startS3StandIn } from '../support/s3-stand-in.ts';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.ts';
import { act, baselineOf, call, get, submit, waitFor } from './support/api.ts';
import { propose, warmUp } from './support/proposals.ts';

/** Renders about 59,000 bytes of template (123 resources): over TemplateBody's 51,200. */
const LARGE = 'I need 30 HTTP APIs backed by Lambda functions';
const BUCKET = 'ic-templates';

let cfn: CfnStandIn;
let s3: S3StandIn;
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  cfn = await startCfnStandIn();
  s3 = await startS3StandIn({ buckets: [BUCKET] });
  for (const [key, value] of Object.entries({ AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' })) {
    saved[key] = process.env[key];
    process.env[key] = value;
  }
});
afterAll(async () => {
  await cfn.close();
  await s3.close();
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

function awsConfig(mode: Config['APPLY_MODE'], bucket: string | null = BUCKET): Partial<Config> {
  return {
    APPLY_MODE: mode,
    AWS_REGION: 'us-east-1',
    CFN_ENDPOINT: cfn.url,
    S3_ENDPOINT: s3.url,
    ...(bucket === null ? {} : { CFN_TEMPLATE_BUCKET: bucket, CFN_TEMPLATE_PREFIX: 'infra-copilot' }),
    APPLY_POLL_MS: 10,
    APPLY_LEASE_MS: 1_000,
  };
}

interface People {
  dev: TestUser;
  reviewer: TestUser;
  /** HTTP APIs are internet-facing: high risk, so a policy_admin approves too. */
  policyAdmin: TestUser;
}

async function people(t: TestApp, team: string): Promise<People> {
  return {
    dev: await t.createUser({ roles: ['developer'], teams: [team] }),
    reviewer: await t.createUser({ roles: ['reviewer'], teams: [team] }),
    policyAdmin: await t.createUser({ roles: ['reviewer', 'policy_admin'], teams: [team] }),
  };
}

async function approvedLargeRequest(
  t: TestApp,
  p: People,
  team: string,
  app: string,
): Promise<ChangeRequest> {
  const proposal = await propose(t, p.dev, { team, environment: 'dev', app }, LARGE);
  expect(Buffer.byteLength(JSON.stringify(proposal.proposal.template))).toBeGreaterThan(51_200);
  const created = await submit(t, p.dev, { proposalId: proposal.proposalId });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  await act(t, p.reviewer, created.body.id, 'approve');
  const approved = await act(t, p.policyAdmin, created.body.id, 'approve');
  expect(approved.body.state, JSON.stringify(approved.body)).toBe('approved');
  return approved.body;
}

/** The S3 key a TemplateURL on the S3 stand-in names (path-style: /<bucket>/<key>). */
function keyOf(templateUrl: string): string {
  const prefix = `${s3.url}/${BUCKET}/`;
  expect(templateUrl.startsWith(prefix)).toBe(true);
  return decodeURIComponent(templateUrl.slice(prefix.length));
}

function createCalls(stackName: string) {
  return cfn.calls.filter((c) => c.action === 'CreateChangeSet' && c.params.StackName === stackName);
}

describe('a template over 51,200 bytes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: awsConfig('changeset') });
    await warmUp(t, await t.createUser({ roles: ['developer'], teams: ['bigstacks'] }));
  }, 60_000);
  afterAll(() => t.close());

  it('changeset mode: uploads it encrypted, creates the change set from its TemplateURL, and moves the baseline when marked applied', async () => {
    const p = await people(t, 'bigstacks');
    const cr = await approvedLargeRequest(t, p, 'bigstacks', 'fanout');
    const started = await act(t, p.dev, cr.id, 'apply');
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const templateUrl = started.body.apply?.templateUrl ?? '';
    const key = keyOf(templateUrl);
    expect(key).toMatch(new RegExp(`^infra-copilot/${cr.stack.name}/${cr.id}/r1-[0-9a-f]{16}\\.json$`));

    const ready = await waitFor(t, p.dev, cr.id, (x) => x.apply?.status === 'changeset_created');
    const stored = s3.object(BUCKET, key);
    expect(stored?.serverSideEncryption).toBe('AES256');
    expect(stored?.contentType).toBe('application/json');
    expect(JSON.parse(stored?.body.toString('utf8') ?? '{}')).toEqual(cr.snapshot.template);

    const [create] = createCalls(cr.stack.name);
    expect(create?.params.TemplateURL).toBe(templateUrl);
    expect(create?.params.TemplateBody).toBeUndefined();
    // CloudFormation's own change list comes from the uploaded template: every resource is added.
    const resources = Object.keys((cr.snapshot.template as { Resources: object }).Resources);
    expect(ready.apply?.awsChanges).toHaveLength(resources.length);
    expect(ready.apply?.templateUrl).toBe(templateUrl);

    const audit = await call<{ entries: Array<{ action: string; summary: Record<string, unknown> }> }>(
      t,
      p.reviewer,
      'GET',
      `/v1/audit?subjectId=${cr.id}&action=change_request.apply`,
    );
    expect(audit.body.entries[0]?.summary).toMatchObject({ mode: 'changeset', templateUrl });

    const done = await act(t, p.reviewer, cr.id, 'mark-applied');
    expect(done.body).toMatchObject({ state: 'applied', apply: { status: 'succeeded', templateUrl } });
    expect(await baselineOf(t, p.dev, cr.stack.name)).toEqual(cr.snapshot.template);
  });

  it('execute mode: the stack is created from the uploaded template and the baseline moves', async () => {
    const exec = await createTestApp({ shareWith: t, config: awsConfig('execute') });
    try {
      const p = await people(exec, 'bigstacks');
      const cr = await approvedLargeRequest(exec, p, 'bigstacks', 'ingest');
      const started = await act(exec, p.dev, cr.id, 'apply');
      expect(started.status, JSON.stringify(started.body)).toBe(202);
      const done = await waitFor(exec, p.dev, cr.id, (x) => x.state !== 'applying');
      expect(done).toMatchObject({
        state: 'applied',
        apply: { status: 'succeeded', stackStatus: 'CREATE_COMPLETE' },
      });
      const templateUrl = done.apply?.templateUrl ?? '';
      expect(createCalls(cr.stack.name).map((c) => c.params.TemplateURL)).toEqual([templateUrl]);
      expect(JSON.parse(cfn.stack(cr.stack.name)?.templateBody ?? '{}')).toEqual(cr.snapshot.template);
      expect(await baselineOf(exec, p.dev, cr.stack.name)).toEqual(cr.snapshot.template);

      const audit = await call<{ entries: Array<{ summary: Record<string, unknown> }> }>(
        exec,
        p.reviewer,
        'GET',
        `/v1/audit?subjectId=${cr.id}&action=change_request.applied`,
      );
      expect(audit.body.entries[0]?.summary).toMatchObject({ mode: 'execute', templateUrl });
    } finally {
      await exec.close();
    }
  });

  it('without CFN_TEMPLATE_BUCKET: refused with the size, the limit and the variable to set; nothing is called', async () => {
    const bare = await createTestApp({ shareWith: t, config: awsConfig('execute', null) });
    try {
      const p = await people(bare, 'bigstacks');
      const cr = await approvedLargeRequest(bare, p, 'bigstacks', 'nobucket');
      const s3Calls = s3.calls.length;
      const refused = await act(bare, p.dev, cr.id, 'apply');
      expect(refused.status).toBe(413);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      const bytes = Buffer.byteLength(JSON.stringify(cr.snapshot.template));
      expect(refused.body).toMatchObject({
        type: 'https://infra-copilot.dev/problems/template-too-large',
        bytes,
        limit: 51_200,
        setting: 'CFN_TEMPLATE_BUCKET',
      });
      const detail = (refused.body as unknown as { detail: string }).detail;
      expect(detail).toContain(`${bytes} bytes`);
      expect(detail).toContain('51200');
      expect(detail).toContain('set CFN_TEMPLATE_BUCKET');
      expect(await get(bare, p.dev, cr.id)).toMatchObject({ state: 'approved', apply: null, lock: null });
      // Only the read of the deployed stack (the baseline) reached CloudFormation; nothing reached S3.
      expect(createCalls(cr.stack.name)).toEqual([]);
      expect(s3.calls.length).toBe(s3Calls);
    } finally {
      await bare.close();
    }
  });

  it('S3 refusing the upload (403) fails the apply with its reason, releases the lock and keeps the baseline', async () => {
    const p = await people(t, 'bigstacks');
    const cr = await approvedLargeRequest(t, p, 'bigstacks', 'denied');
    s3.failNext('PutObject', 1, 403);
    expect((await act(t, p.dev, cr.id, 'apply')).status).toBe(202);
    const failed = await waitFor(t, p.dev, cr.id, (x) => x.state !== 'applying');
    expect(failed).toMatchObject({ state: 'failed', lock: null, apply: { status: 'failed' } });
    expect(failed.apply?.statusReason).toContain(
      `S3 PutObject in bucket ${BUCKET} failed: AccessDenied (HTTP 403)`,
    );
    expect(createCalls(cr.stack.name)).toEqual([]);
    expect(await baselineOf(t, p.dev, cr.stack.name)).toBeNull();
  });

  it('export mode: the deploy command names --s3-bucket', async () => {
    const exporter = await createTestApp({
      shareWith: t,
      config: { ...awsConfig('export'), AWS_REGION: undefined },
    });
    try {
      const p = await people(exporter, 'bigstacks');
      const cr = await approvedLargeRequest(exporter, p, 'bigstacks', 'exported');
      const applied = await act(exporter, p.dev, cr.id, 'apply');
      expect(applied.status).toBe(200);
      const bundle = await call<{ deployCommand: string; files: Array<{ name: string; content: string }> }>(
        exporter,
        p.dev,
        'GET',
        `/v1/change-requests/${cr.id}/bundle`,
      );
      expect(bundle.body.deployCommand).toContain(`--s3-bucket ${BUCKET} --s3-prefix infra-copilot`);
      const script = bundle.body.files.find((f) => f.name === 'deploy.sh')?.content ?? '';
      expect(script).toContain(`template.json "s3://${BUCKET}/infra-copilot/${cr.stack.name}/template.json"`);
      expect(script).toContain('--template-url');
      expect(s3.calls.filter((c) => c.key.includes(cr.id))).toEqual([]);
    } finally {
      await exporter.close();
    }
  });
});

describe('S3 failing during an apply', () => {
  it('leaves the request applying; a restarted process uploads once, creates and executes once', async () => {
    const first = await createTestApp({ config: awsConfig('execute') });
    const p = await people(first, 'flaky');
    await warmUp(first, p.dev);
    const cr = await approvedLargeRequest(first, p, 'flaky', 'uploads');
    s3.failNext('PutObject', 1_000);
    const putsBefore = s3.count('PutObject');
    const started = await act(first, p.dev, cr.id, 'apply');
    expect(started.status).toBe(202);
    const key = keyOf(started.body.apply?.templateUrl ?? '');
    // The SDK retries the 500 (three attempts), then the driver stops and leaves the attempt for a retry.
    await waitFor(first, p.dev, cr.id, () => s3.count('PutObject') - putsBefore >= 3);
    await first.app.changeApply.idle();
    const stuck = await get(first, p.dev, cr.id);
    expect(stuck).toMatchObject({ state: 'applying', apply: { status: 'pending', statusReason: null } });
    expect(stuck.lock?.changeRequestId).toBe(cr.id);
    expect(createCalls(cr.stack.name)).toEqual([]);
    expect(s3.object(BUCKET, key)).toBeUndefined();

    s3.failNext('PutObject', 0);
    const second = await createTestApp({ shareWith: first, config: awsConfig('execute') });
    await first.close();
    try {
      const done = await waitFor(second, p.dev, cr.id, (x) => x.state !== 'applying');
      expect(done).toMatchObject({ state: 'applied', apply: { status: 'succeeded' } });
      expect(s3.keys(BUCKET).filter((k) => k.includes(cr.id))).toEqual([key]);
      expect(
        s3.calls.filter((c) => c.key === key && c.operation === 'PutObject' && c.status === 200),
      ).toHaveLength(1);
      expect(createCalls(cr.stack.name)).toHaveLength(1);
      expect(
        cfn.calls.filter((c) => c.action === 'ExecuteChangeSet' && c.params.StackName === cr.stack.name),
      ).toHaveLength(1);
      expect(await baselineOf(second, p.dev, cr.stack.name)).toEqual(cr.snapshot.template);
    } finally {
      await second.close();
    }
  }, 60_000);
});
