/**
 * The CloudFormation template shape the knowledge base produces: plain JSON-able objects, plus small
 * helpers for intrinsic functions so kind files read like the template they produce.
 */
export type CfnValue = string | number | boolean | null | CfnValue[] | { [key: string]: CfnValue };
export type CfnObject = { [key: string]: CfnValue };

export type DeletionPolicy = 'Delete' | 'Retain' | 'Snapshot' | 'RetainExceptOnCreate';

export interface CfnResource {
  Type: string;
  Condition?: string;
  DependsOn?: string[];
  DeletionPolicy?: DeletionPolicy;
  UpdateReplacePolicy?: 'Delete' | 'Retain' | 'Snapshot';
  Metadata: { 'copilot:component': string; 'copilot:role': string } & CfnObject;
  Properties?: CfnObject;
}

export interface CfnParameter {
  Type: string;
  Description: string;
  Default?: string | number;
  AllowedPattern?: string;
  AllowedValues?: string[];
  NoEcho?: boolean;
}

export interface CfnOutput {
  Description: string;
  Value: CfnValue;
  Export?: { Name: CfnValue };
}

export interface CfnTemplate {
  AWSTemplateFormatVersion: '2010-09-09';
  Description: string;
  Parameters?: Record<string, CfnParameter>;
  Conditions?: Record<string, CfnValue>;
  Resources: Record<string, CfnResource>;
  Outputs?: Record<string, CfnOutput>;
}

export const ref = (logicalId: string): CfnObject => ({ Ref: logicalId });
export const getAtt = (logicalId: string, attribute: string): CfnObject => ({
  'Fn::GetAtt': [logicalId, attribute],
});
export const sub = (text: string): CfnObject => ({ 'Fn::Sub': text });
export const join = (separator: string, parts: CfnValue[]): CfnObject => ({ 'Fn::Join': [separator, parts] });
export const select = (index: number, list: CfnValue): CfnObject => ({ 'Fn::Select': [index, list] });
export const getAzs = (): CfnObject => ({ 'Fn::GetAZs': '' });

/** True for `{Ref}` / `{Fn::*}` / `{Condition}` objects: values CloudFormation resolves at deploy time. */
export function isIntrinsic(value: unknown): value is CfnObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Condition' || keys[0]!.startsWith('Fn::'));
}
