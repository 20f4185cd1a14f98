/**
 * POST /v1/guardrails/evaluate: check a CloudFormation template (object, or JSON/YAML text; also a raw
 * YAML/JSON body with a YAML or text content type) or an architecture against the policy in force and the
 * active waivers. Unreadable templates get a 400 naming the line and column.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertTemplateShape } from '../../cfn/assert-template-shape.ts';
import { evaluateArchitecture, evaluateTemplate } from '../../guardrails/evaluate.ts';
import type { EvaluateOptions } from '../../guardrails/evaluation.ts';
import { EvaluationSchema } from '../../guardrails/finding-schema.ts';
import { locatedFindings } from '../../guardrails/format/located-findings.ts';
import { getCurrentPolicy } from '../../guardrails/policy/store/get-current-policy.ts';
import { problemResponses } from '../../http/problem.ts';
import { ArchitectureSchema } from '../../model/architecture.ts';
import { listActiveWaivers } from '../../waivers/waiver-store.ts';

export const TEMPLATE_BODY_LIMIT = 5 * 1024 * 1024;

const body = z
  .strictObject({
    template: z
      .union([z.string().min(1), z.record(z.string(), z.unknown())])
      .optional()
      .describe('a CloudFormation template: an object, or JSON/YAML text (short-form tags allowed)'),
    architecture: ArchitectureSchema.optional(),
    team: z.string().min(1).max(64).nullable().optional(),
    environment: z.string().min(1).max(32).nullable().optional(),
    parameters: z.record(z.string(), z.string()).optional().describe('values for template Parameters'),
    region: z.string().min(1).max(32).optional().describe('AWS::Region for the template'),
  })
  .refine((b) => (b.template === undefined) !== (b.architecture === undefined), {
    message: 'expected exactly one of template or architecture',
    path: ['template'],
  });

const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml', 'text/plain'];

export const guardrailsRoutes: FastifyPluginAsyncZod = async (app) => {
  // Large YAML texts (seconds of CPU) are parsed on a worker thread so other requests are not blocked.
  const parser = app.templateParser;

  // A raw template body (`curl --data-binary @template.yaml -H 'content-type: application/yaml'`).
  app.addContentTypeParser(
    YAML_TYPES,
    { parseAs: 'string', bodyLimit: TEMPLATE_BODY_LIMIT },
    (_request, text, done) => {
      done(null, { template: text });
    },
  );

  app.post(
    '/evaluate',
    {
      onRequest: app.authenticate,
      bodyLimit: TEMPLATE_BODY_LIMIT,
      schema: {
        tags: ['guardrails'],
        summary: 'Evaluate a template or an architecture against the guardrails',
        body,
        response: { 200: EvaluationSchema, ...problemResponses(400, 401, 413, 415, 429, 503) },
      },
    },
    async (request) => {
      const input = request.body;
      const now = new Date();
      const [policy, waivers] = await Promise.all([getCurrentPolicy(app.db), listActiveWaivers(app.db, now)]);
      const options = (team: string | null, environment: string | null): EvaluateOptions => ({
        policy,
        waivers,
        context: { team, environment, now, ...(input.parameters ? { parameters: input.parameters } : {}) },
        ...(input.region ? { deployment: { region: input.region } } : {}),
      });
      if (input.architecture) {
        const a = input.architecture;
        return evaluateArchitecture(a, options(input.team ?? a.team, input.environment ?? a.environment));
      }
      const context = options(input.team ?? null, input.environment ?? null);
      if (typeof input.template === 'string') {
        const source = await parser.parse(input.template);
        const evaluation = evaluateTemplate(source.template, context);
        return { summary: evaluation.summary, findings: locatedFindings(evaluation.findings, source.locate) };
      }
      const template = input.template as Record<string, unknown>;
      assertTemplateShape(template);
      return evaluateTemplate(template, context);
    },
  );
};
