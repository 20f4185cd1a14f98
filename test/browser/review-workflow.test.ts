/**
 * The review workflow in real headless Chromium against a listening app: a developer signs in, asks for
 * infrastructure in a turn and submits it; a reviewer requests changes; the developer revises from the page;
 * reviewers see what changed in the revision and approve (a decision on the older revision is refused); a
 * policy admin validates, dry-runs, saves and rolls back the policy and manages a waiver. Screenshots go to
 * SCREENSHOT_DIR. Each person has their own browser context (their own session storage). A whole workflow in a
 * browser takes seconds even on an idle machine, so these tests allow minutes, not the default 20 s.
 */
import type { BrowserContext, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.ts';
import { chromiumAvailable, launchChromium, type Chromium } from './chromium.ts';
import {
  choose,
  click,
  fill,
  mainText,
  screenshot,
  screenshotOf,
  signIn,
  waitForText,
} from './page-actions.ts';

describe.skipIf(!chromiumAvailable)('the review workflow in headless Chromium', () => {
  let t: TestApp;
  let url: string;
  let chromium: Chromium;
  let dev: TestUser;
  let rita: TestUser;
  let paul: TestUser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    url = (await t.app.listen({ port: 0, host: '127.0.0.1' })).replace(/\/$/, '');
    dev = await t.createUser({ name: 'dana', roles: ['developer'], teams: ['payments'] });
    rita = await t.createUser({ name: 'rita', roles: ['reviewer'], teams: ['payments'] });
    paul = await t.createUser({ name: 'paul', roles: ['reviewer', 'policy_admin'] });
    chromium = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await chromium?.close();
    await t?.close();
  });

  async function pageAs(user: TestUser): Promise<Page> {
    const context = await chromium.browser.createBrowserContext();
    contexts.push(context);
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    page.setDefaultTimeout(60_000);
    await signIn(page, url, user.token, user.user.name);
    return page;
  }

  it("a developer submits a turn's proposal; a reviewer requests changes; the developer revises; reviewers see what changed and approve", async () => {
    const page = await pageAs(dev);
    await waitForText(page, 'Start a conversation');
    await fill(page, 'Title (optional)', 'orders');
    await choose(page, 'Environment', 'prod');
    await click(page, 'Start conversation');
    await fill(page, 'Message', 'an HTTP API with a Lambda function and a DynamoDB table');
    await click(page, 'Send');
    await page.waitForSelector('#proposal-heading');
    const conversationUrl = page.url();
    const text = await mainText(page);
    expect(text).toContain('Copilot: Done: added');
    expect(text).toMatch(/Cost\s+\$\d+\.\d{2} per month/);
    // Compact: the resources to add are folded behind one line.
    expect(await page.$eval('.resource-list', (d) => (d as HTMLDetailsElement).open)).toBe(false);
    await screenshot(page, '01-proposal');
    await click(page, 'Submit for review');
    await waitForText(page, 'Submitted:');
    const changeRequestId = await page.$eval('#main a[href^="#/change-requests/"]', (a) =>
      (a.getAttribute('href') ?? '').replace('#/change-requests/', ''),
    );
    expect(changeRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await mainText(page)).toMatch(/Submitted: .+ \(open, risk high\)\./);
    await screenshot(page, '02-submitted');

    // A reviewer requests changes; the developer revises from the page; reviewers see what changed, approve.
    const reviewer = await pageAs(rita);
    await reviewer.goto(`${url}/ui/#/change-requests/${changeRequestId}`);
    await waitForText(reviewer, 'State: open');
    // The decision buttons come after the diff, findings and cost they decide on.
    const order = await reviewer.evaluate(() => {
      const at = (s: string) =>
        [...document.querySelectorAll('h2, h3')].findIndex((h) => h.textContent?.startsWith(s));
      return { changes: at('Changes'), cost: at('Cost'), review: at('Review revision') };
    });
    expect(order.changes).toBeLessThan(order.review);
    expect(order.cost).toBeLessThan(order.review);
    await fill(reviewer, 'Reason or comment', 'add a queue for the order events');
    await click(reviewer, 'Request changes');
    await waitForText(reviewer, 'The request is now changes requested.');
    await screenshot(reviewer, '03-changes-requested');

    const developer = await pageAs(dev);
    await developer.goto(conversationUrl);
    await fill(developer, 'Message', 'also add an SQS queue');
    await click(developer, 'Send');
    await waitForText(developer, 'Revise the open change request');
    await screenshotOf(developer, 'section[aria-labelledby="revise-heading"]', '04-revise-offered');
    await click(developer, 'Submit the newest proposal as revision 2');
    await waitForText(developer, 'Revision 2 submitted');

    // Rita's page still shows revision 1: her approval of it is refused, naming both revisions.
    await fill(reviewer, 'Reason or comment', 'fine');
    await click(reviewer, 'Approve');
    await waitForText(reviewer, 'revision 2 was submitted since');
    expect((await t.app.changeRequests.get(changeRequestId)).approvals.records).toEqual([]);
    await screenshotOf(reviewer, 'section[aria-labelledby="review-heading"]', '05-stale-approval-refused');

    await reviewer.reload();
    await waitForText(reviewer, 'What changed in revision 2');
    await reviewer.waitForSelector('.revision-diff');
    const changed = await reviewer.$eval('.revision-diff', (d) => (d as HTMLElement).innerText);
    expect(changed).toMatch(/added [a-z-]+ \(queue\)/);
    expect(changed).toContain('AWS::SQS::Queue');
    await screenshot(reviewer, '06-what-changed');
    await fill(reviewer, 'Reason or comment', 'queue looks right');
    await click(reviewer, 'Approve');
    await waitForText(reviewer, 'Approve: done.');

    const admin = await pageAs(paul);
    await admin.goto(`${url}/ui/#/change-requests/${changeRequestId}`);
    await waitForText(admin, 'Review revision 2');
    await click(admin, 'Approve');
    await waitForText(admin, 'The request is now approved.');
    const cr = await t.app.changeRequests.get(changeRequestId);
    expect(cr).toMatchObject({ state: 'approved', revision: 2 });
    expect(cr.comments.map((c) => [c.kind, c.body, c.revision])).toEqual([
      ['request_changes', 'add a queue for the order events', 1],
      ['approve', 'queue looks right', 2],
    ]);
    await screenshot(admin, '07-approved');
  }, 180_000);

  it('a policy admin validates, dry-runs, saves and rolls back the policy, and creates and revokes a waiver', async () => {
    // A recent proposal of team payments for the dry run to check the draft against.
    const conversation = await t.app.inject({
      method: 'POST',
      url: '/v1/conversations',
      headers: dev.headers,
      payload: { team: 'payments', environment: 'dev', title: 'budget' },
    });
    await t.app.inject({
      method: 'POST',
      url: `/v1/conversations/${(conversation.json() as { id: string }).id}/messages`,
      headers: dev.headers,
      payload: { text: 'I need a Postgres database' },
    });
    const page = await pageAs(paul);
    await click(page, 'Policy');
    await waitForText(page, 'Guardrail policy');
    const text = await page.$eval('textarea[name="policy"]', (t) => (t as HTMLTextAreaElement).value);
    await page.$eval('textarea[name="policy"]', (t) => {
      (t as HTMLTextAreaElement).value = '';
    });
    await page.type('textarea[name="policy"]', 'version: 1\nrules:\n  nonsense: [', { delay: 0 });
    await click(page, 'Validate');
    await waitForText(page, 'The draft has');
    await page.$eval(
      'textarea[name="policy"]',
      (t, next) => {
        (t as HTMLTextAreaElement).value = next;
      },
      text.replace('defaultBudgetUsd: 5000', 'defaultBudgetUsd: 1'),
    );
    await click(page, 'Validate');
    await waitForText(page, 'The draft is valid.');
    await click(page, 'Dry run');
    await waitForText(page, 'proposal(s) and baseline(s)');
    expect(await mainText(page)).toMatch(/team-monthly-budget/);
    await screenshot(page, '08-policy-dry-run');
    await fill(page, 'Why it changes', 'tighter budget while we migrate');
    await click(page, 'Save as a new version');
    await waitForText(page, 'Saved version 2.');
    expect(await mainText(page)).toContain('Version 2 in force: tighter budget while we migrate');
    await click(page, 'Roll back to version 1');
    await waitForText(page, 'Rolled back: version 3 has the text of version 1.');

    await fill(page, 'Rule id', 'no-public-bucket');
    await fill(page, 'Team (scope)', 'payments');
    await fill(page, 'Reason (at least 10 characters)', 'the public site bucket until the CDN lands');
    await fill(page, 'Owner', 'paul');
    const inTenDays = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await page.$eval(
      'input[name="expires"]',
      (i, d) => {
        (i as HTMLInputElement).value = d;
      },
      inTenDays,
    );
    await click(page, 'Create waiver');
    await waitForText(page, 'Waiver for no-public-bucket created');
    await screenshot(page, '09-waiver');
    await click(page, 'Revoke waiver for no-public-bucket');
    await waitForText(page, 'Waiver for no-public-bucket revoked.');
    const versions = await t.app.inject({
      method: 'GET',
      url: '/v1/policies/versions',
      headers: paul.headers,
    });
    expect((versions.json() as { versions: Array<{ version: number }> }).versions[0]?.version).toBe(3);
  }, 180_000);
});
