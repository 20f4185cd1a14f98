/** The `path` of every entry in a problem+json response's `errors` (a 400 validation problem), sorted. */
export function problemPaths(response: { json(): unknown }): string[] {
  const body = response.json() as { errors?: Array<{ path: string }> };
  return (body.errors ?? []).map((e) => e.path).sort();
}
