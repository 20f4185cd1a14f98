import type { TextLocation } from './template-parse-error.ts';

/**
 * Rain (the AWS CloudFormation CLI) sources use directives CloudFormation itself refuses: `!Rain::Embed`,
 * `!Rain::S3Http`, `Type: !Rain::Module`, `Rain::Constant` in `Fn::Sub`, and a top-level `Rain:` section of
 * constants. `rain pkg` turns them into a plain template; that output is what can be checked.
 */
const RAIN_MARKER =
  /!Rain::[A-Za-z0-9]+|["']?Rain::[A-Za-z0-9]+["']?\s*:|^["']?Rain["']?\s*:|\$\{Rain::[A-Za-z0-9_]+\}/m;

export interface RainMarker extends TextLocation {
  /** The directive as written (`!Rain::Embed`, `Rain:`). */
  readonly marker: string;
}

/** The first Rain directive in template text, with its location, or undefined when there is none. */
export function findRainMarker(text: string): RainMarker | undefined {
  // Cheap guard: almost every template has no "Rain" at all.
  if (!text.includes('Rain')) return undefined;
  const match = RAIN_MARKER.exec(text);
  if (!match) return undefined;
  const before = text.slice(0, match.index);
  const line = before.split('\n').length;
  const column = match.index - before.lastIndexOf('\n');
  return { line, column, marker: match[0].replace(/\s*:$/, '').replace(/^["']|["']$/g, '') };
}
