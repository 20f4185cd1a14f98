import type { CheckResult, ResourceView } from '../../rule.ts';
import { eachItem, expectBool, PASS, unknown } from './check-result.ts';

/**
 * Every mapping of the block device mapping list at `listPath` that has an Ebs volume must set
 * Ebs.Encrypted to true (instance store and NoDevice mappings have no Ebs and pass). `onAbsent` decides
 * when the list is not set.
 */
export function checkEbsMappingsEncrypted(
  resource: ResourceView,
  listPath: string,
  onAbsent: () => CheckResult = () => PASS,
): CheckResult | readonly CheckResult[] {
  return eachItem(
    resource,
    listPath,
    (mapping) => {
      const ebs = resource.has(`${mapping}.Ebs`);
      if (!ebs.known) return unknown(`${mapping}.Ebs`, ebs.reason);
      if (!ebs.value) return PASS; // instance store or NoDevice
      return expectBool(resource, `${mapping}.Ebs.Encrypted`, true, 'A volume is not encrypted', {
        absent: false,
      });
    },
    onAbsent,
  );
}
