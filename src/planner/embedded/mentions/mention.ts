import type { ParamValue } from '../../../model/architecture.ts';
import type { ComponentKind } from '../../../model/kinds.ts';
import type { Evidence } from '../lexicon/kind-phrases.ts';
import type { OtherWhat } from '../lexicon/other-phrases.ts';

/**
 * What a mention is:
 * - `component`: names a component by kind ("a DynamoDB table", "the queue");
 * - `id`: names an existing component by its id ("orders-db");
 * - `part`: names a part of a component ("the DynamoDB stream", "an EventBridge rule"): refers to it;
 * - `pronoun`: "it", "they", "them", "this";
 * - `carried`: what travels through a channel ("messages", "events", "uploads"): refers to the channel;
 * - `other`: something that is not a component (another AWS service, IAM, networking, unsupported).
 */
export type MentionType = 'component' | 'id' | 'part' | 'pronoun' | 'carried' | 'other';

/** How the words before a mention introduce it. */
export type Determiner = 'definite' | 'indefinite' | 'none' | 'quantified' | 'negative';

/** A place in a sentence that names (or refers to) a component. */
export interface Mention {
  readonly sentence: number;
  /** Token span of the mention's words (after determiners and qualifiers). */
  readonly start: number;
  readonly end: number;
  /** Where the mention's noun phrase starts (its determiner or first qualifier). */
  readonly from: number;
  readonly type: MentionType;
  kind: ComponentKind | null;
  readonly evidence: Evidence;
  /** Kinds a generic word could mean; the first is assumed. */
  readonly alternatives?: readonly ComponentKind[];
  params: Record<string, ParamValue>;
  /** For parts: which part ("stream", "rule", "events"). For connectors: "pipe". */
  feature?: string;
  readonly other?: OtherWhat;
  /** For unsupported things: how to name them in the reply. */
  readonly label?: string;
  /** Words that qualify it and make a name ("orders" in "the orders table"). */
  role: string[];
  /** A name given with "called"/"named". */
  name?: string;
  determiner: Determiner;
  /** A number before it ("two queues"). */
  count?: number;
  /** A number before it stated a quantity ("over 200 services", "6000 APIs"): nothing to create from it. */
  quantity?: boolean;
  /** Marked as a different one: "another", "a second", "a separate", "its own", "different". */
  distinct: boolean;
  /** "each queue", "every function", "its own Lambda". */
  each: boolean;
  /** "its own X": one per item of the group named before. */
  own: boolean;
  plural: boolean;
  /** For `id` mentions: the component id named. */
  readonly existingId?: string;
  /** The words as typed. */
  readonly text: string;
  readonly negated: boolean;
  /** For carried nouns: the component named right after ("uploads to an S3 bucket"): what they stand for. */
  about?: Mention;
  /** A schedule adjective put it on a timer ("a nightly Lambda"). */
  scheduled?: boolean;
}
