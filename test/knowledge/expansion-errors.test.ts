import { describe, expect, it } from 'vitest';
import { ExpansionError, expandArchitecture } from '../../src/knowledge/index.ts';
import type { Architecture } from '../../src/model/architecture.ts';

const arch = (
  components: Architecture['components'],
  connections: Architecture['connections'] = [],
): Architecture => ({
  name: 'shop',
  team: null,
  environment: null,
  region: 'us-east-1',
  components,
  connections,
});

describe('expandArchitecture errors', () => {
  it('names the two components when their logical ids would clash', () => {
    const expand = () =>
      expandArchitecture(
        arch([
          { id: 'a', kind: 'function', params: {} },
          { id: 'a-log', kind: 'cron', params: {} },
        ]),
      );
    expect(expand).toThrow(ExpansionError);
    expect(expand).toThrow(
      /ALogGroup is produced twice \(a-log\/group and a\/log-group\)|ALogGroup is produced twice \(a\/log-group and a-log\/group\)/,
    );
  });

  it('rejects invalid params and connections the knowledge base does not know', () => {
    expect(() => expandArchitecture(arch([{ id: 'q', kind: 'queue', params: { fifo: 'yes' } }]))).toThrow(
      /component "q" \(queue\) has invalid params: fifo/,
    );
    expect(() =>
      expandArchitecture(
        arch(
          [
            { id: 'q', kind: 'queue', params: {} },
            { id: 't', kind: 'kv_table', params: {} },
          ],
          [{ from: 'q', to: 't', access: 'trigger' }],
        ),
      ),
    ).toThrow(/not valid for queue → kv_table/);
  });

  it('treats a missing environment as dev', () => {
    const template = expandArchitecture(arch([{ id: 't', kind: 'kv_table', params: {} }]));
    expect(template.Resources.TTable!.DeletionPolicy).toBe('Delete');
    expect(template.Description).toContain('(dev)');
  });
});
