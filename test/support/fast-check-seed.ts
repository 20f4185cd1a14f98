import fc from 'fast-check';

// Property tests run from one fixed seed so that a CI run is reproducible. FC_SEED=<n> replays a
// reported seed; FC_SEED=random explores new inputs (fast-check prints the seed of any failure).
const requested = process.env.FC_SEED;
const seed = requested === 'random' ? undefined : Number(requested ?? 20261123);
if (seed !== undefined && !Number.isInteger(seed)) {
  throw new Error(`FC_SEED must be an integer or "random", got ${JSON.stringify(requested)}`);
}
fc.configureGlobal(seed === undefined ? {} : { seed });
