import type { TruthGraph } from './truth-graph.ts';

/** The account's default event bus: rules without a bus, `PutEvents` to `default`, S3 EventBridge notifications. */
export const DEFAULT_BUS = 'default-event-bus';
/** Sending email through SES needs no resource in the template; the permission implies the component. */
export const SES = 'ses-email';

export function defaultBus(graph: TruthGraph): string {
  graph.addNode(DEFAULT_BUS, 'event_bus');
  return DEFAULT_BUS;
}

/** The template's one email identity, or the implied SES component when it declares none or several. */
export function emailNode(graph: TruthGraph): string {
  const identities = [...graph.nodes.values()].filter((n) => n.kind === 'email');
  if (identities.length === 1 && identities[0]) return identities[0].id;
  graph.addNode(SES, 'email');
  return SES;
}

/** Whether an event-bus name or ARN means the default bus. */
export function isDefaultBusName(text: string | undefined): boolean {
  return text === undefined || text.toLowerCase() === 'default' || /event-bus\/default$/i.test(text);
}
