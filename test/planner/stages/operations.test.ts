import { describe, expect, it } from 'vitest';
import { type Architecture, emptyArchitecture } from '../../../src/model/architecture.ts';
import { EmbeddedPlanner } from '../../../src/planner/embedded/embedded-planner.ts';
import { play } from '../planner-conversation.ts';

const planner = new EmbeddedPlanner();
const ids = (arch: Architecture) => arch.components.map((c) => c.id).sort();

describe('operations stage', () => {
  it('names components from the roles the text gives, and numbers groups', () => {
    expect(ids(play('an orders table, a receipts bucket and two image workers'))).toEqual([
      'image-worker-1',
      'image-worker-2',
      'orders-table',
      'receipts-bucket',
    ]);
  });

  it('never names anything after secret-looking text', () => {
    const arch = play('add a queue. my password is hunter2 and AKIAIOSFODNN7EXAMPLE');
    expect(ids(arch)).toEqual(['queue']);
  });

  it('says so instead of a bare "done" when a change is already the default, and pins it', () => {
    const prod = play('a Postgres database, prod');
    const plan = planner.planSync({ architecture: prod, message: 'make the db multi-AZ' });
    expect(plan.operations).toEqual([{ op: 'update_params', id: 'db', params: { multi_az: true } }]);
    expect(plan.notes).toEqual([
      'db already had multi az true: that is the default in prod. I pinned it, so it stays that way in every environment.',
    ]);
  });

  it('says what it cannot build instead of staying silent', () => {
    const api = play('an HTTP API on Lambda');
    const waf = planner.planSync({ architecture: api, message: 'add a WAF in front of the API' });
    expect(waf.operations).toEqual([]);
    expect(waf.notes).toEqual(["I can't build a WAF (web application firewall) yet, so I left it out."]);
    const priv = planner.planSync({ architecture: api, message: 'make the api private' });
    expect(priv.operations).toEqual([]);
    expect(priv.notes).toEqual(["I can't set private on api yet, so I left it as it is."]);
  });

  it('removes only what the removal names, and links what the rest of the sentence says', () => {
    const arch = play(
      'an SQS queue consumed by a worker, plus a Lambda',
      "we don't need the worker, the Lambda will consume the queue",
    );
    expect(arch.components.map((c) => c.kind).sort()).toEqual(['function', 'queue']);
    expect(arch.connections).toEqual([{ from: 'queue', to: 'function', access: 'trigger' }]);
  });

  it('emits only operations that apply, for an empty message too', () => {
    const plan = planner.planSync({ architecture: emptyArchitecture(), message: '   ' });
    expect(plan).toMatchObject({ operations: [], intent: 'smalltalk' });
  });
});
