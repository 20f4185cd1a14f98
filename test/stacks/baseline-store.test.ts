import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BaselineConflictError } from '../../src/stacks/baseline-conflict-error.ts';
import {
  createStack,
  getBaseline,
  getBaselineVersion,
  listBaselines,
  listStacks,
  setBaseline,
} from '../../src/stacks/baseline-store.ts';
import { StackExistsError } from '../../src/stacks/stack-exists-error.ts';
import { StackNotFoundError } from '../../src/stacks/stack-not-found-error.ts';
import { migrate } from '../../src/store/migrator.ts';
import type { Store } from '../../src/store/store.ts';
import { dropTestSchema, freshSchemaName, openTestStore } from '../support/test-database.ts';

let store: Store;
let schema: string;

beforeAll(async () => {
  schema = freshSchemaName();
  store = await openTestStore(schema);
  await migrate(store);
});

afterAll(async () => {
  await store.close();
  await dropTestSchema(schema);
});

const v1 = { Resources: { Jobs: { Type: 'AWS::SQS::Queue' } } };
const v2 = { Resources: { Jobs: { Type: 'AWS::SQS::Queue', Properties: { VisibilityTimeout: 60 } } } };

describe('baselines', () => {
  it('keeps every version and returns the latest as the baseline', async () => {
    const key = { team: 'payments', app: 'api', environment: 'prod' };
    const first = await setBaseline(store.db, {
      stack: key,
      template: v1,
      source: 'imported',
      createdBy: 'ana',
    });
    expect(first).toMatchObject({ stackName: 'payments-api-prod', version: 1, source: 'imported' });
    await store.db.transaction().execute(async (trx) => {
      await setBaseline(trx, {
        stack: 'payments-api-prod',
        template: v2,
        source: 'applied',
        changeRequestId: 'cr-1',
        createdBy: 'ben',
        expectedVersion: 1,
      });
    });
    const current = await getBaseline(store.db, 'payments-api-prod');
    expect(current).toMatchObject({
      version: 2,
      source: 'applied',
      changeRequestId: 'cr-1',
      createdBy: 'ben',
    });
    expect(current?.template).toEqual(v2);
    expect((await getBaselineVersion(store.db, 'payments-api-prod', 1))?.template).toEqual(v1);
    expect((await listBaselines(store.db, 'payments-api-prod')).map((b) => [b.version, b.source])).toEqual([
      [2, 'applied'],
      [1, 'imported'],
    ]);
  });

  it('refuses a move based on a stale version and keeps the current baseline', async () => {
    const key = { team: 'payments', app: 'worker', environment: 'dev' };
    await setBaseline(store.db, { stack: key, template: v1, source: 'imported', createdBy: 'ana' });
    await setBaseline(store.db, {
      stack: key,
      template: v2,
      source: 'applied',
      createdBy: 'ana',
      expectedVersion: 1,
    });
    const stale = setBaseline(store.db, {
      stack: 'payments-worker-dev',
      template: v1,
      source: 'applied',
      createdBy: 'ben',
      expectedVersion: 1,
    });
    await expect(stale).rejects.toBeInstanceOf(BaselineConflictError);
    expect((await getBaseline(store.db, 'payments-worker-dev'))?.version).toBe(2);
  });

  it('rolls the baseline back with the caller’s transaction', async () => {
    const key = { team: 'search', app: 'api', environment: 'prod' };
    await setBaseline(store.db, { stack: key, template: v1, source: 'imported', createdBy: 'ana' });
    await expect(
      store.db.transaction().execute(async (trx) => {
        await setBaseline(trx, {
          stack: 'search-api-prod',
          template: v2,
          source: 'applied',
          createdBy: 'ana',
        });
        throw new Error('apply bookkeeping failed');
      }),
    ).rejects.toThrow('apply bookkeeping failed');
    expect((await getBaseline(store.db, 'search-api-prod'))?.version).toBe(1);
  });

  it('serialises concurrent moves of one stack instead of failing either', async () => {
    const key = { team: 'race', app: 'api', environment: 'prod' };
    await setBaseline(store.db, { stack: key, template: v1, source: 'imported', createdBy: 'ana' });
    const move = (who: string) =>
      store.db
        .transaction()
        .execute((trx) =>
          setBaseline(trx, { stack: 'race-api-prod', template: v2, source: 'applied', createdBy: who }),
        );
    const moved = await Promise.all([move('ana'), move('ben')]);
    expect(moved.map((b) => b.version).sort()).toEqual([2, 3]);
    expect((await listBaselines(store.db, 'race-api-prod')).map((b) => b.version)).toEqual([3, 2, 1]);
  });

  it('needs a known stack when moved by name', async () => {
    await expect(
      setBaseline(store.db, { stack: 'nobody-api-prod', template: v1, source: 'applied', createdBy: 'ana' }),
    ).rejects.toBeInstanceOf(StackNotFoundError);
    expect(await getBaseline(store.db, 'nobody-api-prod')).toBeNull();
  });

  it('lists stacks with their current baseline, filtered by team', async () => {
    await createStack(store.db, { team: 'ledger', app: 'core', environment: 'prod' }, 'ana');
    await expect(
      createStack(store.db, { team: 'ledger', app: 'core', environment: 'prod' }, 'ana'),
    ).rejects.toBeInstanceOf(StackExistsError);
    await setBaseline(store.db, {
      stack: { team: 'ledger', app: 'batch', environment: 'dev' },
      template: v1,
      source: 'aws',
      createdBy: 'ana',
    });
    const stacks = await listStacks(store.db, { team: 'ledger' });
    expect(stacks.map((s) => [s.name, s.baseline?.version ?? null, s.baseline?.source ?? null])).toEqual([
      ['ledger-batch-dev', 1, 'aws'],
      ['ledger-core-prod', null, null],
    ]);
  });
});
