import type { Planner, PlannerInput, PlanResult } from '../planner.ts';
import type { PlannerKnowledge } from './knowledge.ts';
import { knowledgeBase } from './knowledge.ts';
import { type PipelineTrace, runPipeline } from './pipeline.ts';

/**
 * Deterministic language understanding over the knowledge base: no model, no network, well under a
 * millisecond a turn. The stages are in ./pipeline.ts.
 */
export class EmbeddedPlanner implements Planner {
  readonly name = 'embedded' as const;
  private readonly knowledge: PlannerKnowledge;

  constructor(knowledge: PlannerKnowledge = knowledgeBase()) {
    this.knowledge = knowledge;
  }

  async plan(input: PlannerInput): Promise<PlanResult> {
    return this.planSync(input);
  }

  planSync(input: PlannerInput): PlanResult {
    return runPipeline(input, this.knowledge).result;
  }

  /** The plan with what each stage produced, for the eval's per-stage scores. */
  trace(input: PlannerInput): { result: PlanResult; trace?: PipelineTrace } {
    return runPipeline(input, this.knowledge);
  }
}
