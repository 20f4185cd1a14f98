import type { Tally } from '../score.ts';
import { figures } from '../score.ts';
import type { FirstRunEntry, RecordedFigures } from './first-runs.ts';

const round = (x: number) => Math.round(x * 1000) / 1000;

/** A set's figures as they are printed and recorded (params and team/env null when the set expects none). */
export function recordedFigures(tally: Tally): RecordedFigures {
  const f = figures(tally);
  return {
    cases: f.cases,
    kindF1: round(f.componentKindF1),
    edgeF1: round(f.connectionF1),
    params: tally.paramsExpected === 0 ? null : round(f.paramAccuracy),
    teamEnvironment: tally.metaExpected === 0 ? null : round(f.teamEnvironmentAccuracy),
    fullyRight: f.exactCases,
  };
}

const COLUMNS = [
  ['set', 28, 'left'],
  ['cases', 6, 'right'],
  ['kind F1', 8, 'right'],
  ['edge F1', 8, 'right'],
  ['params', 7, 'right'],
  ['team/env', 9, 'right'],
  ['fully right', 11, 'right'],
  ['first run', 29, 'right'],
  ['old planner', 18, 'right'],
] as const;

function line(cells: readonly string[]): string {
  return cells
    .map((cell, i) => {
      const [, width, align] = COLUMNS[i] ?? ['', 0, 'left'];
      return align === 'left' ? cell.padEnd(width) : cell.padStart(width);
    })
    .join(' ')
    .trimEnd();
}

export function headerLine(): string {
  return `  ${line(COLUMNS.map(([title]) => title))}`;
}

const fixed = (x: number | null) => (x === null ? '—' : x.toFixed(3));

/** `0.612/0.401 3/79`: kind F1 / edge F1, fully right of cases. */
export function shortFigures(f: RecordedFigures): string {
  return `${f.kindF1.toFixed(3)}/${f.edgeF1.toFixed(3)} ${f.fullyRight}/${f.cases}`;
}

/** One set's row: its figures, its recorded first run (with its date) and the old planner's baseline. */
export function setLine(
  name: string,
  f: RecordedFigures,
  firstRun: FirstRunEntry | undefined,
  baseline: FirstRunEntry | undefined,
): string {
  const percent = f.cases === 0 ? '' : ` ${Math.round((100 * f.fullyRight) / f.cases)}%`.padStart(5);
  return `  ${line([
    name,
    String(f.cases),
    fixed(f.kindF1),
    fixed(f.edgeF1),
    fixed(f.params),
    fixed(f.teamEnvironment),
    `${f.fullyRight}${percent}`,
    firstRun ? `${shortFigures(firstRun.figures)} ${firstRun.date}` : '—',
    baseline ? shortFigures(baseline.figures) : '—',
  ])}`;
}

/** A set that is not played: its name and why, in place of figures. */
export function noteLine(name: string, note: string): string {
  return `  ${name.padEnd(28)} ${note}`;
}
