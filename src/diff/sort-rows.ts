/** Plain code-unit order: the same in every locale, so diffs render the same bytes everywhere. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Rows sorted by a list of string keys, compared in order. */
export function sortByKey<T>(rows: T[], key: (row: T) => string[]): T[] {
  return rows
    .map((row) => ({ row, k: key(row) }))
    .sort((x, y) => {
      for (let i = 0; i < x.k.length; i++) {
        const c = compare(x.k[i] ?? '', y.k[i] ?? '');
        if (c !== 0) return c;
      }
      return 0;
    })
    .map((x) => x.row);
}
