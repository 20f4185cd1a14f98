import { describe, expect, it } from 'vitest';
import { renderMermaid, renderSvg } from '../../src/diagram/index.ts';
import { GOLDEN_ARCHITECTURES } from '../golden/architectures.ts';

const architecture = GOLDEN_ARCHITECTURES['containers-postgres-redis']!;

describe('renderMermaid', () => {
  it('groups components by kind and labels connections with their access', () => {
    expect(renderMermaid(architecture)).toBe(
      [
        'flowchart LR',
        '  subgraph kind_container_service["Container service"]',
        '    c_web["web"]',
        '  end',
        '  subgraph kind_load_balancer["Load balancer"]',
        '    c_web_lb["web-lb"]',
        '  end',
        '  subgraph kind_postgres["PostgreSQL database"]',
        '    c_db["db"]',
        '  end',
        '  subgraph kind_cache["Cache"]',
        '    c_sessions["sessions"]',
        '  end',
        '  c_web -->|readwrite| c_db',
        '  c_web -->|readwrite| c_sessions',
        '  c_web_lb -->|route| c_web',
        '',
      ].join('\n'),
    );
  });

  it('does not depend on input order', () => {
    const reversed = {
      ...architecture,
      components: [...architecture.components].reverse(),
      connections: [...architecture.connections].reverse(),
    };
    expect(renderMermaid(reversed)).toBe(renderMermaid(architecture));
  });
});

describe('renderSvg', () => {
  it('draws every component and connection, laid out left to right by traffic', () => {
    const svg = renderSvg(architecture);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/class="node"/g)).toHaveLength(4);
    expect(svg.match(/class="edge"/g)).toHaveLength(3);
    const x = (id: string) => Number(new RegExp(`data-id="${id}"><rect x="(\\d+)"`).exec(svg)?.[1]);
    expect(x('web-lb')).toBeLessThan(x('web'));
    expect(x('web')).toBeLessThan(x('db'));
    expect(x('db')).toBe(x('sessions'));
  });

  it('escapes text and is deterministic', () => {
    const svg = renderSvg({ ...architecture, name: '<script>alert("x")</script>' });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(renderSvg(architecture)).toBe(renderSvg(structuredClone(architecture)));
  });

  it('renders an empty architecture', () => {
    expect(renderSvg({ ...architecture, components: [], connections: [] })).toContain('No components yet');
  });
});

describe('new kinds and connections', () => {
  const firehose = GOLDEN_ARCHITECTURES['kinesis-firehose-s3-opensearch']!;
  const secured = {
    ...GOLDEN_ARCHITECTURES['api-queue-worker']!,
    components: [
      ...GOLDEN_ARCHITECTURES['api-queue-worker']!.components,
      { id: 'users', kind: 'user_pool' as const, params: {} },
    ],
    connections: [
      ...GOLDEN_ARCHITECTURES['api-queue-worker']!.connections,
      { from: 'users', to: 'api', access: 'auth' as const },
    ],
  };

  it('names delivery streams and user pools, and labels direct integrations and auth', () => {
    expect(renderMermaid(firehose)).toContain('  subgraph kind_delivery_stream["Delivery stream"]');
    expect(renderMermaid(firehose)).toContain('  c_delivery -->|write| c_search');
    const mermaid = renderMermaid(secured);
    expect(mermaid).toContain('  subgraph kind_user_pool["User pool"]');
    expect(mermaid).toContain('  c_users -->|auth| c_api');
    expect(mermaid).toContain('  c_api -->|route| c_jobs');
  });

  it('draws the user pool before the API it protects, its arrow dashed', () => {
    const svg = renderSvg(secured);
    const x = (id: string) => Number(new RegExp(`data-id="${id}"><rect x="(\\d+)"`).exec(svg)?.[1]);
    expect(x('users')).toBeLessThan(x('api'));
    expect(svg).toMatch(/data-from="users" data-to="api"><line [^>]*stroke-dasharray="5 4"/);
    expect(svg).not.toMatch(/data-from="api" data-to="jobs"><line [^>]*stroke-dasharray/);
  });
});
