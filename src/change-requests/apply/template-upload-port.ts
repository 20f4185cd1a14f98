import type { S3Client } from '@aws-sdk/client-s3';
import { createS3Client } from '../../aws/s3-client.ts';
import { type TemplateBucket, type TemplateObject, templateBucketOf } from '../../aws/template-bucket.ts';
import { uploadTemplate } from '../../aws/upload-template.ts';
import type { Config } from '../../config/config.ts';

/** The S3 call the apply orchestrator makes for a template over 51,200 bytes, before CreateChangeSet. */
export interface TemplateUploadPort {
  /** Puts the template at its object unless it already holds these bytes; true when it uploaded. */
  upload(object: TemplateObject, body: string): Promise<boolean>;
}

export function templateUploadPort(client: () => S3Client): TemplateUploadPort {
  return {
    async upload(object, body) {
      return (await uploadTemplate(client(), object, body)).uploaded;
    },
  };
}

/** The orchestrator's template options from the configuration: the bucket, and an S3 client made on first use. */
export function templateUploadsOf(config: Config): {
  templateBucket: TemplateBucket | null;
  templates: TemplateUploadPort | null;
} {
  const templateBucket = templateBucketOf(config);
  if (templateBucket === null || config.AWS_REGION === undefined) return { templateBucket, templates: null };
  let client: S3Client | undefined;
  return {
    templateBucket,
    templates: templateUploadPort(() => {
      client ??= createS3Client(config);
      return client;
    }),
  };
}
