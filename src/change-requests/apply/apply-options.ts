import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { TemplateBucket } from '../../aws/template-bucket.ts';
import type { Database } from '../../store/database.ts';
import type { ApplyMode } from '../change-request.ts';
import type { ChangeRequestService } from '../change-request-service.ts';
import type { StackPort } from '../ports.ts';
import type { CloudFormationPort } from './cloudformation-port.ts';
import type { TemplateUploadPort } from './template-upload-port.ts';

export interface ApplyOrchestratorOptions {
  db: Kysely<Database>;
  service: ChangeRequestService;
  stacks: StackPort;
  /** Absent when no CloudFormation client can be built (export mode only). */
  cfn: CloudFormationPort | null;
  /** CFN_TEMPLATE_BUCKET: where templates over 51,200 bytes go (and what export's commands name); or null. */
  templateBucket?: TemplateBucket | null;
  /** Uploads to templateBucket; absent when no S3 client can be built. */
  templates?: TemplateUploadPort | null;
  mode: ApplyMode;
  /** How long a driver owns an attempt without renewing; another replica takes over after it. */
  leaseMs: number;
  /** Sleep between polls when waiting on the change set by describing it. */
  pollMs: number;
  log: FastifyBaseLogger;
}

/** Attempt statuses a driver still has work for. */
export const DRIVEN = ['pending', 'executing'] as const;
