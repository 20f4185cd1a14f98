import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS, read } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'codebuild-logs',
  title: 'CodeBuild projects keep build logs',
  severity: 'warning',
  rationale:
    'Build logs are the record of what a build fetched, ran and published; with both CloudWatch Logs and S3 logs off, a compromised build leaves no trace.',
  remediation:
    'Leave LogsConfig.CloudWatchLogs.Status ENABLED (the default) or set LogsConfig.S3Logs.Status to ENABLED.',
  references: ['https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html'],
  resourceTypes: ['AWS::CodeBuild::Project'],
  check: (project) => {
    const cloudWatch = read(project, 'LogsConfig.CloudWatchLogs.Status');
    if ('result' in cloudWatch) return cloudWatch.result;
    if (cloudWatch.value !== 'DISABLED') return PASS;
    const s3 = read(project, 'LogsConfig.S3Logs.Status');
    if ('result' in s3) return s3.result;
    if (s3.value === 'ENABLED') return PASS;
    return fail(
      'LogsConfig',
      'Build logs are not kept: CloudWatch Logs are DISABLED and S3 logs are not ENABLED; expected one of them on',
      { cloudWatchLogs: 'DISABLED', s3Logs: s3.value ?? 'DISABLED' },
      'CloudWatch Logs or S3 logs ENABLED',
    );
  },
});
