import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.ts';
import { firstTurn } from './first-turn.ts';
import { openPage, type Page } from './page-driver.ts';

const REQUEST = 'an HTTP API with a Lambda function and a DynamoDB table for team payments, prod';

describe('the web page, used in a browser (jsdom) against a listening app', () => {
  let t: TestApp;
  let url: string;
  const pages: Page[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => t.close());
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close();
  });

  async function open(): Promise<Page> {
    const page = await openPage(url);
    pages.push(page);
    return page;
  }

  async function signIn(page: Page, user: TestUser): Promise<void> {
    await page.waitForText('Sign in');
    page.fill('API token', user.token);
    page.click('Sign in');
    await page.waitFor(
      () =>
        page.document.getElementById('who-text')?.textContent?.startsWith(`Signed in as ${user.user.name} `),
      `signed in as ${user.user.name}`,
    );
    await page.waitFor(() => !page.document.querySelector('.sign-in'), 'the first view');
  }

  /** A change request made through the API (the reviewer tests start from one). */
  async function submittedRequest(author: TestUser): Promise<{ id: string; title: string }> {
    const title = `payments api ${Math.random().toString(36).slice(2, 8)}`;
    const turn = await firstTurn(t, author, REQUEST, title);
    const cr = await t.app.inject({
      method: 'POST',
      url: '/v1/change-requests',
      headers: author.headers,
      payload: { proposalId: turn.proposal.id, title },
    });
    expect(cr.statusCode).toBe(201);
    return { id: cr.json().id, title };
  }

  it('lets a developer sign in, ask for infrastructure, see the proposal, undo, and submit it', async () => {
    const dev = await t.createUser({ roles: ['developer'], teams: ['payments'] });
    const page = await open();
    await signIn(page, dev);
    expect(page.document.getElementById('who-text')?.textContent).toContain('developer');
    expect(page.window.sessionStorage.length).toBe(1);

    page.fill('Title (optional)', 'Payments API');
    page.click('Start conversation');
    await page.waitFor(() => page.document.querySelector('textarea[name="text"]'), 'the message box');
    page.fill('Message', REQUEST);
    page.click('Send');
    await page.waitForText('Proposal');

    const text = page.text();
    expect(text).toContain(`You: ${REQUEST}`);
    // "HTTP API" is the http flavour (a REST API is the other)
    expect(text).toMatch(/Copilot: Done: added api \(HTTP API: flavor http\)/);
    const components = [...page.document.querySelectorAll('.components li')].map((li) => li.textContent);
    expect(components).toEqual(
      expect.arrayContaining(['api http_api (flavor: "http")', 'function function', 'table kv_table']),
    );
    expect(text).toContain('api → function (route)');
    expect(text).toMatch(/Cost\$\d+\.\d\d per month/);
    expect(text).toMatch(/Info \(\d+\)/);
    expect(text).toContain('lambda-dead-letter-queue');
    expect(text).toContain('10 to add, 0 to change, 0 to replace, 0 to destroy');
    const img = await page.waitFor(
      () => page.document.querySelector<HTMLImageElement>('.diagram img'),
      'the diagram image',
    );
    expect(img.alt).toBe('Architecture diagram: api, function, table');
    expect(img.src.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(img.src)).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    const template = page.document.querySelector('details.template');
    expect(template?.querySelector('summary')?.textContent).toBe('Show the CloudFormation template (YAML)');
    expect(template?.querySelector('pre')?.textContent).toContain('AWS::DynamoDB::Table');

    page.click('Undo');
    await page.waitForText('Copilot: Undone');
    expect(page.text()).toContain('No components yet.');
    page.click('Redo');
    await page.waitFor(
      () => page.document.querySelectorAll('.components li').length === 3,
      'the redone proposal',
    );

    // The submit panel appears once the page checked the conversation has no open change request.
    await page.waitFor(
      () =>
        page.document.querySelector('button[type="submit"]')?.textContent === 'Submit for review' ||
        page.document.querySelector('#submit-heading'),
      'the submit form',
    );
    page.click('Submit for review');
    await page.waitForText('Submitted:');
    expect(page.text()).toMatch(/Submitted: .+ \(open, risk high\)\./);
    page.click('← All conversations');
    await page.waitForText('My change requests');
    await page.waitFor(
      () => page.document.querySelector('a[href^="#/change-requests/"]'),
      'my change request',
    );
    expect(page.text()).toContain('Payments API');
  });

  it('lists what is orphaned, destroyed or replaced before updates and creations', async () => {
    // Team "ledger" has its own stack (ledger-<app>-prod), so this baseline changes no other test's diff.
    const dev = await t.createUser({ roles: ['developer'], teams: ['ledger'] });
    const admin = await t.createAdmin();
    const turn = await firstTurn(
      t,
      dev,
      'an HTTP API with a Lambda function and a DynamoDB table for team ledger, prod',
    );
    const app = turn.proposal.architecture.name;
    const stack = { team: 'ledger', app, environment: 'prod' };
    expect(turn.proposal.stackName).toBe(`ledger-${app}-prod`);
    await t.app.inject({ method: 'POST', url: '/v1/stacks', headers: admin.headers, payload: stack });
    const imported = await t.app.inject({
      method: 'POST',
      url: `/v1/stacks/ledger-${app}-prod/baseline/import`,
      headers: admin.headers,
      payload: { template: turn.proposal.templateYaml },
    });
    expect(imported.statusCode).toBe(201);

    const page = await open();
    await signIn(page, dev);
    page.go(`#/conversations/${turn.conversationId}`);
    await page.waitForText('Proposal');
    expect(page.text()).toContain('0 to add, 0 to change, 0 to replace, 0 to destroy');
    page.fill('Message', 'rename the table to ledger');
    page.click('Send');
    await page.waitForText('Copilot: Done: renamed table to ledger');
    const rows = [...page.document.querySelectorAll('.resources > li')].map((li) => li.textContent ?? '');
    expect(rows[0]).toMatch(/^Orphan \(left in AWS, no longer managed\) TableTable AWS::DynamoDB::Table/);
    expect(rows.at(-1)).toMatch(/^Create LedgerTable AWS::DynamoDB::Table/);
    expect(rows.slice(1, -1).every((row) => row.startsWith('Update '))).toBe(true);
  });

  it('shows waived findings apart from the ones still open', async () => {
    const dev = await t.createUser({ roles: ['developer'], teams: ['billing'] });
    const admin = await t.createAdmin();
    const waiver = await t.app.inject({
      method: 'POST',
      url: '/v1/waivers',
      headers: admin.headers,
      payload: {
        ruleId: 'lambda-dead-letter-queue',
        scope: { team: 'billing' },
        reason: 'billing retries from its own queue',
        owner: 'billing-leads',
        expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      },
    });
    expect(waiver.statusCode).toBe(201);
    const page = await open();
    await signIn(page, dev);
    page.click('Start conversation');
    await page.waitFor(() => page.document.querySelector('textarea[name="text"]'), 'the message box');
    page.fill('Message', 'an HTTP API with a Lambda function and a DynamoDB table for team billing, prod');
    page.click('Send');
    await page.waitForText('Proposal');
    const headings = [...page.document.querySelectorAll('.proposal h4')].map((h) => h.textContent);
    expect(headings).toContain('Waived (1)');
    const waived = page.document.querySelector('.proposal h4:last-of-type + ul.findings');
    expect(waived?.textContent).toContain('lambda-dead-letter-queue');
  });

  it('shows the refusal when a proposal with an error finding is submitted', async () => {
    const dev = await t.createUser({ roles: ['developer'], teams: ['payments'] });
    const page = await open();
    await signIn(page, dev);
    page.click('Start conversation');
    await page.waitFor(() => page.document.querySelector('textarea[name="text"]'), 'the message box');
    page.fill('Message', 'a public bucket for team payments, prod');
    page.click('Send');
    await page.waitForText('Proposal');
    expect(page.text()).toMatch(/Errors \(2\)/);
    expect(page.document.querySelector('.fixes')?.textContent).toMatch(
      /^s3-bucket-block-public-policy on \S+: /,
    );

    await page.waitFor(() => page.document.querySelector('#submit-heading'), 'the submit form');
    page.click('Submit for review');
    await page.waitForText('The change has failing error findings (422)');
    expect(page.text()).toContain('2 error findings must be fixed or waived before submitting');
    expect(page.text()).toMatch(/Fix or waive these first:\s*no-public-bucket on bucket/);
  });

  it('lets reviewers work the queue: filter, open, approve until the request is approved', async () => {
    const author = await t.createUser({ roles: ['developer'], teams: ['payments'] });
    const cr = await submittedRequest(author);
    const rosa = await t.createUser({ roles: ['reviewer'], teams: ['payments'] });
    const paz = await t.createUser({ roles: ['reviewer', 'policy_admin'], teams: ['payments'] });

    const page = await open();
    await signIn(page, rosa);
    await page.waitForText('Review queue');
    await page.waitForText(cr.title);
    page.choose('Risk', 'low');
    page.click('Apply filters');
    await page.waitFor(() => !page.text().includes(cr.title), 'the filtered queue');
    page.choose('Risk', 'high');
    page.fill('Team', 'payments');
    page.click('Apply filters');
    await page.waitForText(cr.title);

    page.click(cr.title);
    await page.waitForText('State: open');
    const text = page.text();
    expect(text).toContain(`Requested by ${author.user.name} (api)`);
    expect(text).toContain('Risk: high');
    expect(text).toContain('new internet exposure: API ApiApi has a public endpoint');
    expect(text).toContain('0 of 2 approvals, 0 of 1 from a policy admin');
    expect(text).toContain('10 to add');
    expect(text).toContain('lambda-dead-letter-queue');
    await page.waitForText('change_request.create');

    page.click('Approve');
    await page.waitForText('Approve: done. The request is now open.');
    expect(page.text()).toContain('1 of 2 approvals');
    expect(page.text()).toContain(rosa.user.name);

    page.click('Sign out');
    await signIn(page, paz);
    page.go(`#/change-requests/${cr.id}`);
    await page.waitForText('State: open');
    page.click('Approve');
    await page.waitForText('Approve: done. The request is now approved.');
    expect(page.text()).toContain('State: approved');
    expect(page.text()).toContain('2 of 2 approvals, 1 of 1 from a policy admin');

    page.click('← Review queue');
    await page.waitForText('Apply filters');
    await page.waitFor(() => !page.text().includes('Loading'), 'the queue');
    expect(page.text()).not.toContain(cr.title); // approved requests wait for no one
    page.choose('Status', 'approved');
    page.click('Apply filters');
    await page.waitForText(cr.title);
  });

  it('needs a reason to request changes or reject, and records each as a comment', async () => {
    const author = await t.createUser({ roles: ['developer'], teams: ['payments'] });
    const cr = await submittedRequest(author);
    const rosa = await t.createUser({ roles: ['reviewer'], teams: ['payments'] });
    const page = await open();
    await signIn(page, rosa);
    page.go(`#/change-requests/${cr.id}`);
    await page.waitForText('State: open');
    page.click('Request changes');
    await page.waitForText('Request changes needs a reason');
    page.fill(
      'Reason or comment (needed to request changes or reject; optional with an approval)',
      'put the table in its own stack',
    );
    page.click('Request changes');
    await page.waitForText('The request is now changes requested.');
    expect(page.text()).toContain('request changes · revision 1');

    page.fill('Comment', 'or use the shared table');
    page.click('Comment');
    await page.waitForText('or use the shared table');
    page.click('Reject');
    await page.waitForText('Reject needs a reason');
    page.fill(
      'Reason or comment (needed to request changes or reject; optional with an approval)',
      'use the shared API gateway',
    );
    page.click('Reject');
    await page.waitForText('The request is now rejected.');
    const comments = [...page.document.querySelectorAll('.comments > li')].map((li) => li.textContent);
    expect(comments).toHaveLength(3);
    expect(comments[2]).toMatch(/reject · revision 1 · .*use the shared API gateway$/);
    expect(page.document.querySelector('#review-heading')).toBeNull();
  });

  it('shows the API refusal when a developer tries to approve, or when the request changed meanwhile', async () => {
    const author = await t.createUser({ roles: ['developer'], teams: ['payments'] });
    const cr = await submittedRequest(author);
    const page = await open();
    await signIn(page, author);
    page.go(`#/change-requests/${cr.id}`);
    await page.waitForText('State: open');
    page.click('Approve');
    await page.waitForText('You cannot review your own change request (403)');

    const other = await t.createUser({ roles: ['developer'], teams: ['payments'] });
    page.click('Sign out');
    await signIn(page, other);
    page.go(`#/change-requests/${cr.id}`);
    await page.waitForText('State: open');
    page.click('Approve');
    await page.waitForText('Only reviewers can review change requests (403)');
    expect(page.text()).toContain('reviewing a change request needs the reviewer or policy_admin role');

    const rosa = await t.createUser({ roles: ['reviewer'], teams: ['payments'] });
    const sam = await t.createUser({ roles: ['reviewer'], teams: ['payments'] });
    page.click('Sign out');
    await signIn(page, rosa);
    page.go(`#/change-requests/${cr.id}`);
    await page.waitForText('State: open');
    const meanwhile = await t.app.inject({
      method: 'POST',
      url: `/v1/change-requests/${cr.id}/approve`,
      headers: sam.headers,
      payload: {},
    });
    expect(meanwhile.statusCode).toBe(200);
    page.click('Approve');
    await page.waitForText('The change request was changed by someone else (409)');
    expect(page.text()).toContain('reload and retry');
  });

  it('refuses a bad token at sign-in, and sends an expired session back to sign-in', async () => {
    const page = await open();
    await page.waitForText('Sign in');
    page.fill('API token', 'icp_not-a-real-token-at-all');
    page.click('Sign in');
    await page.waitForText('That token was not accepted (401)');
    expect(page.text()).toContain('The token is unknown or revoked, or its user is disabled.');
    expect(page.window.sessionStorage.length).toBe(0);
    expect(page.document.getElementById('who')?.hidden).toBe(true);

    const dev = await t.createUser({ roles: ['developer'], teams: ['payments'] });
    await signIn(page, dev);
    await t.app.inject({
      method: 'DELETE',
      url: `/v1/admin/tokens/${dev.tokenId}`,
      headers: (await t.createAdmin()).headers,
    });
    page.go('#/review');
    await page.waitForText('Your session ended: sign in again (401)');
    expect(page.window.sessionStorage.length).toBe(0);
  });

  it('names the field of a validation error and shows API text as text, never markup', async () => {
    const dev = await t.createUser({ roles: ['developer'], teams: ['payments'] });
    const page = await open();
    await signIn(page, dev);
    page.fill('Team (optional)', 'Not A Team');
    page.click('Start conversation');
    await page.waitForText('Validation failed (400)');
    const fieldErrors = page.document.querySelector('.field-errors')?.textContent;
    expect(fieldErrors).toContain('body.team: a team name: lower-case letters, digits and hyphens');

    const hostile = '<img src=x id=injected>';
    await t.app.inject({
      method: 'POST',
      url: '/v1/conversations',
      headers: dev.headers,
      payload: { title: hostile },
    });
    page.go('#/review');
    page.go('#/conversations');
    await page.waitForText(hostile);
    expect(page.document.getElementById('injected')).toBeNull();
  });
});
