import { COMPONENT_KINDS } from '../../../model/kinds.ts';
import { defineArchitectureRule } from '../../rule.ts';

export default defineArchitectureRule({
  id: 'orphan-component',
  title: 'Every component is connected to something',
  severity: 'warning',
  scope: COMPONENT_KINDS.filter((k) => k !== 'static_site'),
  rationale:
    'A component nothing uses and that uses nothing is usually a leftover from an edit; it costs money and gets no IAM access.',
  remediation: 'Connect the component to the components that use it, or remove it.',
  references: [],
  check(subject, context) {
    if (!subject || context.architecture.components.length < 2) return { status: 'pass' };
    if (context.connectionsFrom(subject.id).length > 0 || context.connectionsTo(subject.id).length > 0) {
      return { status: 'pass' };
    }
    return {
      status: 'fail',
      message: `${subject.kind} "${subject.id}" has no connections; expected at least one.`,
      actual: 0,
      expected: '>= 1 connection',
    };
  },
});
