/** One JSON pointer segment escaped per RFC 6901 (`~` → `~0`, `/` → `~1`). */
export function escapePointerSegment(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** One JSON pointer segment unescaped per RFC 6901 (`~1` → `/`, `~0` → `~`). */
export function unescapePointerSegment(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}
