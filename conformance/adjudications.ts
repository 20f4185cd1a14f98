import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Expectation } from './expectation.ts';

/**
 * A committed judgement on one disagreement: who is right and why, in our own words (facts, not text
 * copied from the reference). Matched to an expectation by suite, id, fixture and subject.
 */
const AdjudicationSchema = z.strictObject({
  suite: z.enum(['checkov', 'guard']),
  id: z.string().min(1),
  fixture: z.string().min(1),
  subject: z.string().min(1),
  right: z.enum(['ours', 'reference']),
  why: z.string().min(10),
});

export type Adjudication = z.infer<typeof AdjudicationSchema>;

export function adjudicationKey(e: Pick<Expectation, 'suite' | 'id' | 'fixture' | 'subject'>): string {
  return `${e.suite}|${e.id}|${e.fixture}|${e.subject}`;
}

/** Read the adjudications file; a bad entry stops the run with the entry's index and the field. */
export function loadAdjudications(path: string): Map<string, Adjudication> {
  const parsed = z.array(AdjudicationSchema).safeParse(parse(readFileSync(path, 'utf8')) ?? []);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return new Map(parsed.data.map((a) => [adjudicationKey(a), a]));
}
