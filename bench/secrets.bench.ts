/**
 * redactSecrets on chat turns: the cold load of the secretlint rule set, the first call, and p50/p99 per
 * message over the eval cases' messages, with and without secrets in them.
 */
import { loadCases } from '../eval/load-cases.ts';

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const SECRETS = [
  ' deploy token 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',
  ' the db is postgres://app:S3cretPa55word@db.internal:5432/app',
  ' my password is hunter2hunter2',
];

export default async function secretsBench(): Promise<void> {
  const t0 = performance.now();
  const { redactSecrets } = await import('../src/secrets/redact-secrets.ts');
  const loaded = performance.now() - t0;
  const t1 = performance.now();
  await redactSecrets('first call');
  const first = performance.now() - t1;

  const messages = loadCases().flatMap((c) => c.turns);
  const withSecrets = messages.map((m, i) => m + (SECRETS[i % SECRETS.length] ?? ''));
  const rounds = Number(process.env.BENCH_SECRETS_ROUNDS ?? 3);
  const plain: number[] = [];
  const secret: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const [list, times] of [
      [messages, plain],
      [withSecrets, secret],
    ] as const) {
      for (const message of list) {
        const start = performance.now();
        await redactSecrets(message);
        times.push(performance.now() - start);
      }
    }
  }
  plain.sort((a, b) => a - b);
  secret.sort((a, b) => a - b);
  const ms = (n: number) => `${n.toFixed(2)} ms`;
  console.log(`load (secretlint core + recommended preset): ${ms(loaded)}; first call ${ms(first)}`);
  console.log(
    `${plain.length} plain messages: p50 ${ms(percentile(plain, 50))}, p99 ${ms(percentile(plain, 99))}`,
  );
  console.log(
    `${secret.length} messages with a secret: p50 ${ms(percentile(secret, 50))}, p99 ${ms(percentile(secret, 99))}`,
  );
}
