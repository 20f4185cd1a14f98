import { describe, expect, it } from 'vitest';
import { appName, isUnnamed } from '../../../src/conversations/app-name.ts';

const id = '3f9a2c41-0000-4000-8000-000000000000';

describe('appName', () => {
  it("is the title's first three words, kebab-case", () => {
    expect(appName('Orders API for the shop', id)).toBe('orders-api-for');
    expect(appName('  Billing!! ', id)).toBe('billing');
  });

  it('is app- and six hex digits of the id when the title gives no name', () => {
    expect(appName(undefined, id)).toBe('app-3f9a2c');
    expect(appName('', id)).toBe('app-3f9a2c');
    expect(appName('42 !!', id)).toBe('app-3f9a2c');
    expect(appName('App', id)).toBe('app-3f9a2c');
  });
});

describe('isUnnamed', () => {
  it('recognises only the names appName makes up', () => {
    expect(isUnnamed(appName(undefined, id))).toBe(true);
    expect(isUnnamed('orders')).toBe(false);
    expect(isUnnamed('app-orders')).toBe(false);
  });
});
