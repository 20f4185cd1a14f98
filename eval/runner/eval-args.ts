/** Options of `npm run eval`. */
export interface EvalArgs {
  verbose: boolean;
  /** Keep only cases whose id contains this text. */
  only?: string;
  /** Comma-separated globs of committed case files to play. */
  cases?: string;
  /** External sets: source name → snapshot directory. */
  externals: { name: string; dir: string }[];
  /** Play no committed set (only the external ones). */
  externalOnly: boolean;
  planner: 'embedded' | 'llm' | 'both' | 'auto';
  recordFirstRun: boolean;
  recordBaseline: boolean;
}

export class EvalUsageError extends Error {
  override readonly name = 'EvalUsageError';
}

const PLANNERS = ['embedded', 'llm', 'both'] as const;

/** Parses the command line; a wrong option stops with what was expected. */
export function parseEvalArgs(argv: readonly string[]): EvalArgs {
  const args: EvalArgs = {
    verbose: false,
    externals: [],
    externalOnly: false,
    planner: 'auto',
    recordFirstRun: false,
    recordBaseline: false,
  };
  const value = (i: number, flag: string, form: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new EvalUsageError(`${flag}: expected ${form}`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    switch (flag) {
      case '--verbose':
        args.verbose = true;
        break;
      case '--record-first-run':
        args.recordFirstRun = true;
        break;
      case '--record-baseline':
        args.recordBaseline = true;
        break;
      case '--external-only':
        args.externalOnly = true;
        break;
      case '--only':
        args.only = value(i++, flag, 'text that case ids contain');
        break;
      case '--cases':
        args.cases = value(i++, flag, "file-name globs such as '15-*.yaml,20-*.yaml'");
        break;
      case '--external': {
        const spec = value(i++, flag, '<name>=<snapshot directory>');
        const eq = spec.indexOf('=');
        if (eq <= 0 || eq === spec.length - 1) {
          throw new EvalUsageError(`--external: expected <name>=<snapshot directory>, got "${spec}"`);
        }
        args.externals.push({ name: spec.slice(0, eq), dir: spec.slice(eq + 1) });
        break;
      }
      case '--planner': {
        const planner = value(i++, flag, PLANNERS.join(' | '));
        if (!(PLANNERS as readonly string[]).includes(planner)) {
          throw new EvalUsageError(`--planner: expected ${PLANNERS.join(' | ')}, got "${planner}"`);
        }
        args.planner = planner as EvalArgs['planner'];
        break;
      }
      default:
        throw new EvalUsageError(
          `unknown option "${flag}": expected --verbose, --only, --cases, --external, --external-only, --planner, --record-first-run, --record-baseline`,
        );
    }
  }
  if ((args.recordFirstRun || args.recordBaseline) && args.only !== undefined) {
    throw new EvalUsageError(
      '--only: a first run or baseline is recorded for whole sets; drop --only to record',
    );
  }
  if (args.recordFirstRun && args.recordBaseline) {
    throw new EvalUsageError('--record-first-run and --record-baseline: record one kind of figure per run');
  }
  return args;
}
