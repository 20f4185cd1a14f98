import { cloudformationTemplates } from './adapters/cloudformation-templates.ts';
import { serverlessTestSamples } from './adapters/serverless-test-samples.ts';
import { solutionsConstructs } from './adapters/solutions-constructs.ts';
import { stepFunctionsWorkflows } from './adapters/step-functions-workflows.ts';
import type { ExternalSource } from './external-source.ts';

/** Every external source `npm run eval -- --external <name>=<dir>` knows, by name. */
export const EXTERNAL_SOURCES: readonly ExternalSource[] = [
  stepFunctionsWorkflows,
  solutionsConstructs,
  cloudformationTemplates,
  serverlessTestSamples,
];

export function externalSource(name: string): ExternalSource | undefined {
  return EXTERNAL_SOURCES.find((s) => s.name === name);
}
