/** What a person does on the page, in real Chromium: fill a field by its label, click a button by its text. */
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { SCREENSHOT_DIR } from './chromium.ts';

/** Types into the control whose label starts with `label` (replacing what was there). */
export async function fill(page: Page, label: string, value: string): Promise<void> {
  const id = await page.waitForFunction(
    (wanted) => {
      const found = [...document.querySelectorAll('label')].find((l) =>
        l.textContent?.trim().startsWith(wanted),
      );
      return found?.getAttribute('for') ?? false;
    },
    {},
    label,
  );
  const selector = `#${(await id.jsonValue()) as string}`;
  await page.$eval(selector, (el) => {
    (el as HTMLInputElement).value = '';
  });
  await page.type(selector, value);
}

/** Chooses `value` in the select labelled `label`. */
export async function choose(page: Page, label: string, value: string): Promise<void> {
  const id = await page.waitForFunction(
    (wanted) =>
      [...document.querySelectorAll('label')]
        .find((l) => l.textContent?.trim() === wanted)
        ?.getAttribute('for') ?? false,
    {},
    label,
  );
  await page.select(`#${(await id.jsonValue()) as string}`, value);
}

/** Clicks the enabled button or link whose text is exactly `text`, waiting for it to appear. */
export async function click(page: Page, text: string): Promise<void> {
  const handle = await page.waitForFunction(
    (wanted) =>
      [...document.querySelectorAll('button, a')].find(
        (b) =>
          b.textContent?.trim() === wanted &&
          !(b as HTMLButtonElement).disabled &&
          (b as HTMLElement).offsetParent !== null,
      ) ?? false,
    {},
    text,
  );
  await (handle as unknown as { click(): Promise<void> }).click();
}

/** Waits until the main area's text contains `text`. */
export async function waitForText(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (wanted) => document.getElementById('main')?.innerText.includes(wanted),
    {},
    text,
  );
}

export async function mainText(page: Page): Promise<string> {
  return page.$eval('#main', (m) => (m as HTMLElement).innerText);
}

/** A full-page screenshot in SCREENSHOT_DIR, to look at after the run. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: path as `${string}.png`, fullPage: true });
  return path;
}

export async function signIn(page: Page, baseUrl: string, token: string, name: string): Promise<void> {
  await page.goto(`${baseUrl}/ui/`);
  await fill(page, 'API token', token);
  await click(page, 'Sign in');
  await page.waitForFunction(
    (who) => document.getElementById('who-text')?.textContent?.startsWith(`Signed in as ${who} `),
    {},
    name,
  );
}

/** A screenshot of one element (a panel), when the whole page is too tall to read. */
export async function screenshotOf(page: Page, selector: string, name: string): Promise<string> {
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  const element = await page.waitForSelector(selector);
  await element?.screenshot({ path: path as `${string}.png` });
  return path;
}
