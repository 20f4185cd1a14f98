/**
 * CloudFormation YAML short-form tags and their long forms. `!GetAtt A.B` (scalar) becomes
 * `{"Fn::GetAtt": ["A", "B"]}`; every other tag wraps its value unchanged under its long-form key. The list
 * covers the intrinsics of Resources and Outputs, the AWS::LanguageExtensions ones (ForEach, Length,
 * ToJsonString) and the Rules section's assertion functions (Contains, EachMember*, RefAll, ValueOf*).
 */
const FN_TAGS = [
  'And',
  'Base64',
  'Cidr',
  'Contains',
  'EachMemberEquals',
  'EachMemberIn',
  'Equals',
  'FindInMap',
  'ForEach',
  'GetAZs',
  'GetAtt',
  'If',
  'ImportValue',
  'Join',
  'Length',
  'Not',
  'Or',
  'RefAll',
  'Select',
  'Split',
  'Sub',
  'ToJsonString',
  'Transform',
  'ValueOf',
  'ValueOfAll',
] as const;

const LONG_FORM: ReadonlyMap<string, string> = new Map<string, string>([
  ['!Ref', 'Ref'],
  ['!Condition', 'Condition'],
  ...FN_TAGS.map((name): [string, string] => [`!${name}`, `Fn::${name}`]),
]);

/** The long-form key of a short-form tag (`!Sub` → `Fn::Sub`), or undefined for a tag CloudFormation lacks. */
export function longFormOf(tag: string): string | undefined {
  return LONG_FORM.get(tag);
}

/** Build the long-form object for a tagged value. */
export function toLongForm(key: string, value: unknown): Record<string, unknown> {
  if (key === 'Fn::GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    return { [key]: dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [key]: value };
}
