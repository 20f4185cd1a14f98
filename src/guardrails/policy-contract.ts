import type { AnyRule, Severity } from './rule.ts';

/**
 * What the engine consumes from the policy layer. Policies (YAML in guardrails/, versions in the store) are
 * compiled into this shape by src/guardrails/policy/; the engine never reads files or the store itself.
 */

/** One setting for a rule; `when` scopes it. Settings for a rule apply in order, later matching ones win. */
export interface RuleSetting {
  enabled?: boolean;
  severity?: Severity;
  params?: Record<string, unknown>;
  when?: { teams?: string[]; environments?: string[] };
}

export interface CompiledPolicy {
  /** Policy version number in the store (0 for the files in guardrails/ before they are seeded). */
  readonly version: number;
  /** Custom rules declared in the policy, compiled to the same interface as built-in rules. */
  readonly customRules: readonly AnyRule[];
  readonly settings: Readonly<Record<string, readonly RuleSetting[]>>;
  /** Maximum waiver lifetime; 90 by default. */
  readonly waiverMaxDays: number;
  /** Pseudo parameters when the caller gives none: `AWS::Region`, and `AWS::Partition` (else from the region). */
  readonly deployment?: { readonly region?: string; readonly partition?: string };
  /**
   * Whether suppressions written in templates (`Metadata` of cfn-guard, cfn_nag, Checkov, cdk-nag) make
   * findings `waived`. False by default: they are shown as "suppressed in the template", and the infra org,
   * not the template author, decides.
   */
  readonly honourInlineSuppressions?: boolean;
}

export interface WaiverScope {
  team?: string;
  environment?: string;
  component?: string;
  resource?: string;
  fingerprint?: string;
}

export interface Waiver {
  id: string;
  ruleId: string;
  scope: WaiverScope;
  reason: string;
  owner: string;
  /** ISO timestamp; a waiver stops applying at this instant. */
  expiresAt: string;
  createdAt: string;
  revokedAt?: string | null;
}

export interface EvaluationContext {
  team: string | null;
  environment: string | null;
  /** Values for template Parameters (otherwise their defaults are used). */
  parameters?: Record<string, string>;
  /** The instant waivers are judged against; now by default. */
  now?: Date;
}
