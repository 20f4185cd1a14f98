import { describe, expect, it } from 'vitest';
import { InvalidOperationError } from '../../src/model/invalid-operation-error.ts';
import { applyOperations } from '../../src/model/apply-operations.ts';
import { type Architecture, emptyArchitecture } from '../../src/model/architecture.ts';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

const base = (): Architecture =>
  deepFreeze<Architecture>({
    ...emptyArchitecture({ name: 'shop', environment: 'dev' }),
    components: [
      { id: 'api', kind: 'http_api', params: {} },
      { id: 'orders-fn', kind: 'function', params: { memory_mb: 1024 } },
      { id: 'orders', kind: 'kv_table', params: {} },
    ],
    connections: [
      { from: 'api', to: 'orders-fn', access: 'route' },
      { from: 'orders-fn', to: 'orders', access: 'readwrite' },
    ],
  });

function failure(result: ReturnType<typeof applyOperations>): InvalidOperationError {
  if (result.ok) throw new Error('expected the operations to fail');
  return result.error;
}

describe('applyOperations', () => {
  it('applies operations in order without touching the input', () => {
    const input = base();
    const before = JSON.stringify(input);
    const result = applyOperations(input, [
      { op: 'add_component', id: 'jobs', kind: 'queue', params: { fifo: true } },
      { op: 'connect', from: 'orders-fn', to: 'jobs', access: 'publish' },
      { op: 'update_params', id: 'orders-fn', params: { memory_mb: null, timeout_s: 60 } },
      { op: 'set_meta', environment: 'prod', team: 'payments' },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(JSON.stringify(input)).toBe(before);
    expect(result.architecture.components.find((c) => c.id === 'jobs')).toEqual({
      id: 'jobs',
      kind: 'queue',
      params: { fifo: true },
    });
    expect(result.architecture.components.find((c) => c.id === 'orders-fn')!.params).toEqual({
      timeout_s: 60,
    });
    expect(result.architecture.connections).toContainEqual({
      from: 'orders-fn',
      to: 'jobs',
      access: 'publish',
    });
    expect(result.architecture).toMatchObject({ environment: 'prod', team: 'payments', name: 'shop' });
  });

  it('removes a component together with its connections', () => {
    const result = applyOperations(base(), [{ op: 'remove_component', id: 'orders-fn' }]);
    expect(result.ok && result.architecture.connections).toEqual([]);
    expect(result.ok && result.architecture.components.map((c) => c.id)).toEqual(['api', 'orders']);
  });

  it('renames a component and rewrites its connections', () => {
    const result = applyOperations(base(), [{ op: 'rename_component', id: 'orders-fn', newId: 'checkout' }]);
    expect(result.ok && result.architecture.connections).toEqual([
      { from: 'api', to: 'checkout', access: 'route' },
      { from: 'checkout', to: 'orders', access: 'readwrite' },
    ]);
  });

  it('says which operation names an unknown id and lists the existing ids', () => {
    const error = failure(
      applyOperations(base(), [
        { op: 'set_meta', name: 'shop2' },
        { op: 'remove_component', id: 'payments' },
      ]),
    );
    expect(error).toBeInstanceOf(InvalidOperationError);
    expect(error).toMatchObject({
      status: 422,
      type: 'invalid-operation',
      operationIndex: 1,
      op: 'remove_component',
      reason: 'unknown-component',
    });
    expect(error.valid).toEqual(['api', 'orders', 'orders-fn']);
    expect(error.message).toContain('existing ids: api, orders, orders-fn');
  });

  it('rejects duplicate ids on add and rename', () => {
    expect(
      failure(applyOperations(base(), [{ op: 'add_component', id: 'orders', kind: 'bucket', params: {} }]))
        .reason,
    ).toBe('duplicate-id');
    expect(
      failure(applyOperations(base(), [{ op: 'rename_component', id: 'api', newId: 'orders' }])).reason,
    ).toBe('duplicate-id');
  });

  it('rejects an access mode that makes no sense for the pair and lists the valid ones', () => {
    const error = failure(
      applyOperations(base(), [{ op: 'connect', from: 'orders-fn', to: 'orders', access: 'publish' }]),
    );
    expect(error).toMatchObject({
      operationIndex: 0,
      reason: 'invalid-access',
      valid: ['read', 'write', 'readwrite'],
    });
    expect(error.message).toContain('valid: read, write, readwrite');
    const none = failure(
      applyOperations(base(), [{ op: 'connect', from: 'orders', to: 'api', access: 'read' }]),
    );
    expect(none).toMatchObject({ reason: 'invalid-access', valid: [] });
    expect(
      failure(
        applyOperations(base(), [{ op: 'connect', from: 'orders-fn', to: 'orders-fn', access: 'invoke' }]),
      ).reason,
    ).toBe('self-connection');
  });

  it('rejects invalid params naming the field, the expectation and the valid params', () => {
    const error = failure(
      applyOperations(base(), [{ op: 'update_params', id: 'orders-fn', params: { memory_mb: 64 } }]),
    );
    expect(error.reason).toBe('invalid-params');
    expect(error.message).toContain('memory_mb');
    expect(error.message).toContain('>= 128');
    const unknown = failure(
      applyOperations(base(), [
        { op: 'add_component', id: 'db', kind: 'postgres', params: { flavour: 'aurora' } },
      ]),
    );
    expect(unknown.message).toContain('unknown param(s) flavour');
    expect(unknown.valid).toContain('flavor');
    const enumError = failure(
      applyOperations(base(), [
        { op: 'add_component', id: 'db', kind: 'postgres', params: { flavor: 'oracle' } },
      ]),
    );
    expect(enumError.message).toContain('one of instance, aurora, aurora_serverless');
  });

  it('rejects disconnecting a connection that does not exist, listing the existing ones', () => {
    const error = failure(
      applyOperations(base(), [{ op: 'disconnect', from: 'orders-fn', to: 'orders', access: 'read' }]),
    );
    expect(error.reason).toBe('unknown-connection');
    expect(error.valid).toEqual(['api -> orders-fn (route)', 'orders-fn -> orders (readwrite)']);
    const ok = applyOperations(base(), [{ op: 'disconnect', from: 'orders-fn', to: 'orders' }]);
    expect(ok.ok && ok.architecture.connections).toEqual([{ from: 'api', to: 'orders-fn', access: 'route' }]);
  });

  it('rejects malformed operations from untrusted input', () => {
    const error = failure(applyOperations(base(), [{ op: 'add_component', id: 'Not Kebab', kind: 'queue' }]));
    expect(error).toMatchObject({ reason: 'malformed-operation', op: 'add_component', operationIndex: 0 });
    expect(error.message).toContain('id');
    expect(failure(applyOperations(base(), [{ op: 'explode' }])).reason).toBe('malformed-operation');
  });

  it('connecting twice is a no-op', () => {
    const result = applyOperations(base(), [
      { op: 'connect', from: 'api', to: 'orders-fn', access: 'route' },
    ]);
    expect(result.ok && result.architecture.connections).toHaveLength(2);
  });
});
