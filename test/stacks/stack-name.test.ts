import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidStackNameError } from '../../src/stacks/invalid-stack-name-error.ts';
import { assertStackName, stackNameFor } from '../../src/stacks/stack-name.ts';

describe('stackNameFor', () => {
  it('joins team, app and environment', () => {
    expect(stackNameFor({ team: 'payments', app: 'api', environment: 'prod' })).toBe('payments-api-prod');
  });

  it('normalises case, spaces and punctuation the same way every time', () => {
    expect(stackNameFor({ team: 'Payments', app: 'Orders API_v2', environment: 'Staging' })).toBe(
      'payments-orders-api-v2-staging',
    );
  });

  it('names the missing field', () => {
    expect(() => stackNameFor({ team: null, app: 'api', environment: 'prod' })).toThrow(
      /team: expected a team to name the stack/,
    );
    expect(() => stackNameFor({ team: 'payments', app: '--', environment: 'prod' })).toThrow(
      InvalidStackNameError,
    );
    expect(() => stackNameFor({ team: 'payments', app: 'api', environment: null })).toThrow(/environment/);
  });

  it('refuses a team that does not start with a letter, and names longer than 128', () => {
    expect(() => stackNameFor({ team: '9lives', app: 'api', environment: 'dev' })).toThrow(
      /team: expected a name starting with a letter/,
    );
    expect(() => stackNameFor({ team: 'payments', app: 'a'.repeat(120), environment: 'prod' })).toThrow(
      /at most 126/,
    );
  });

  it('always produces a valid CloudFormation stack name', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.string({ minLength: 1, maxLength: 40 }),
        (app, env) => {
          try {
            const name = stackNameFor({ team: 'team', app, environment: env });
            expect(name).toMatch(/^[A-Za-z][-A-Za-z0-9]{0,127}$/);
            expect(assertStackName(name)).toBe(name);
          } catch (error) {
            expect(error).toBeInstanceOf(InvalidStackNameError);
          }
        },
      ),
    );
  });

  it('assertStackName rejects names CloudFormation or our convention would not accept', () => {
    for (const bad of ['', 'Payments-api', '1abc', 'a--b', 'a-', 'a_b', 'a'.repeat(129)]) {
      expect(() => assertStackName(bad)).toThrow(InvalidStackNameError);
    }
  });
});
