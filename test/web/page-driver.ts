/**
 * Drives the web page in jsdom as a user would: the page and its scripts come from a real listening app,
 * the page's fetch is Node's fetch against that server, and the test finds controls by their label or text.
 */
import { JSDOM } from 'jsdom';

export interface Page {
  window: Window & typeof globalThis;
  document: Document;
  /** The text of the main area (notice and view). */
  text(): string;
  /** Types into the control labelled `label`. */
  fill(label: string, value: string): void;
  /** Chooses an option of the select labelled `label`. */
  choose(label: string, value: string): void;
  /** Clicks the button (or link) whose text is `name`. */
  click(name: string): void;
  /** Waits until `check` returns a truthy value (polling), then returns it. */
  waitFor<T>(check: () => T | null | undefined | false, what: string): Promise<T>;
  /** Waits until the main area shows `text`. */
  waitForText(text: string | RegExp): Promise<void>;
  go(hash: string): void;
  /** Waits for the page's requests to settle, then closes the window. */
  close(): Promise<void>;
}

export async function openPage(baseUrl: string, path = '/ui/'): Promise<Page> {
  let inFlight = 0;
  const dom = await JSDOM.fromURL(new URL(path, baseUrl).href, {
    runScripts: 'dangerously',
    resources: 'usable',
    pretendToBeVisual: true,
    beforeParse(window) {
      // jsdom has no fetch: give the page Node's, resolving relative URLs against the page like a browser.
      // Counted, so closing waits for the page's requests (and what it does with them) to finish.
      window.fetch = (async (input: string, init?: RequestInit) => {
        inFlight += 1;
        try {
          const response = await fetch(new URL(String(input), window.location.href), init);
          const body = await response.arrayBuffer();
          return new Response(body.byteLength === 0 ? null : body, {
            status: response.status,
            statusText: response.statusText,
            headers: response.headers,
          });
        } finally {
          setTimeout(() => {
            inFlight -= 1;
          }, 10);
        }
      }) as typeof window.fetch;
    },
  });
  const window = dom.window as unknown as Window & typeof globalThis;
  const document = window.document;
  await new Promise<void>((resolve) => {
    if (document.readyState === 'complete') resolve();
    else window.addEventListener('load', () => resolve());
  });

  const main = () => document.getElementById('main');
  const text = () => (main()?.textContent ?? '').replace(/\s+/g, ' ');

  function control(label: string): HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement {
    const found = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === label);
    const target = found ? document.getElementById(found.htmlFor) : null;
    if (!target) throw new Error(`no control labelled "${label}" in: ${text().slice(0, 500)}`);
    return target as HTMLInputElement;
  }

  async function waitFor<T>(check: () => T | null | undefined | false, what: string): Promise<T> {
    const until = Date.now() + 8_000;
    for (;;) {
      const value = check();
      if (value) return value;
      if (Date.now() > until)
        throw new Error(`timed out waiting for ${what}; the page shows: ${text().slice(0, 1500)}`);
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
  }

  return {
    window,
    document,
    text,
    fill(label, value) {
      const target = control(label);
      target.value = value;
      target.dispatchEvent(new window.Event('input', { bubbles: true }));
    },
    choose(label, value) {
      const target = control(label);
      target.value = value;
      target.dispatchEvent(new window.Event('change', { bubbles: true }));
    },
    click(name) {
      const target = [...document.querySelectorAll<HTMLElement>('button, a')].find(
        (b) => b.textContent?.trim() === name && !(b as HTMLButtonElement).disabled,
      );
      if (!target) throw new Error(`no enabled button or link "${name}" in: ${text().slice(0, 800)}`);
      target.click();
    },
    waitFor,
    async waitForText(wanted) {
      await waitFor(
        () => (typeof wanted === 'string' ? text().includes(wanted) : wanted.test(text())),
        `"${String(wanted)}"`,
      );
    },
    go(hash) {
      window.location.hash = hash;
    },
    async close() {
      await waitFor(() => inFlight === 0, 'the page to finish its requests').catch(() => undefined);
      window.close();
    },
  };
}
