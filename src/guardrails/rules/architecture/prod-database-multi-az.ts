import { defineArchitectureRule } from '../../rule.ts';

export default defineArchitectureRule({
  id: 'prod-database-multi-az',
  title: 'Production databases run in more than one availability zone',
  severity: 'error',
  scope: ['postgres', 'mysql'],
  rationale:
    'A single-AZ database in production goes down with its zone and takes the service with it; a standby in a second zone fails over in about a minute.',
  remediation:
    'Set `multi_az: true` on the database (or leave it unset: production defaults to multi-AZ), or use an Aurora flavor.',
  references: ['AwsSolutions-RDS3'],
  check(subject, context) {
    if (!subject || context.architecture.environment !== 'prod') return { status: 'pass' };
    const flavor = subject.params.flavor;
    if (flavor === 'aurora' || flavor === 'aurora_serverless') return { status: 'pass' };
    const multiAz = subject.params.multi_az;
    if (multiAz === false) {
      return {
        status: 'fail',
        message: `Production database "${subject.id}" has multi_az: false; expected true.`,
        path: 'params.multi_az',
        actual: false,
        expected: true,
      };
    }
    return { status: 'pass' };
  },
  fix: {
    description: 'set multi_az: true',
    safe: true,
    operations: (subject) =>
      subject ? [{ op: 'update_params', id: subject.id, params: { multi_az: true } }] : [],
  },
});
