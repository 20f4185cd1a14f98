import { templateTruth } from '../../eval/external/template-truth.ts';
import { parseTemplateText } from '../../src/cfn/parse-template-text.ts';

/**
 * The truth of a template written in a test, in the short forms a reader checks at a glance: component kinds
 * (sorted, `http_api(rest)` with its flavor) and connections by logical id (`Api>Fn:route`).
 */
export function truthOf(yaml: string, files: Record<string, string> = {}) {
  const truth = templateTruth(parseTemplateText(yaml), (path) => files[path]);
  return {
    kinds: truth.components.map((c) => (c.params?.flavor ? `${c.kind}(${c.params.flavor})` : c.kind)).sort(),
    edges: truth.edges.map((e) => `${e.from}>${e.to}:${e.access}`).sort(),
    connections: truth.connections.map((c) => `${c.from}>${c.to}:${c.access}`).sort(),
  };
}
