/**
 * What a verb says about the link between the thing doing it and the thing it is done to. The pair's
 * valid access modes (knowledge base) decide the mode; see relations/access-for.ts for each class's
 * preferences.
 */
export type VerbClass =
  | 'read'
  | 'write'
  | 'readwrite'
  | 'invoke'
  | 'publish'
  | 'consume'
  | 'trigger'
  | 'route'
  | 'origin'
  | 'auth'
  | 'link'
  /** "exports the table to S3": reads the object before, writes the one after "to". */
  | 'transfer';

const FORMS: ReadonlyArray<[VerbClass, string]> = [
  ['read', 'read readonly retrieve fetch query lookup look scan search select list download get obtain view'],
  [
    'write',
    'write writeonly store save persist insert upload dump archive log record index ingest update modify upsert append put create delete remove land add',
  ],
  [
    'readwrite',
    'readwrite use access talk connect depend rely back share mount cache interact manage need require touch reach',
  ],
  ['invoke', 'call invoke hit execute run orchestrate coordinate chain start kick launch'],
  [
    'publish',
    'publish send emit push enqueue post produce notify fan broadcast deliver feed dispatch relay stream signal alert email text hand offload submit',
  ],
  [
    'consume',
    'consume pull poll process subscribe listen receive drain pick take handle react respond watch tail ingest',
  ],
  ['trigger', 'trigger fire schedule wake'],
  ['route', 'route forward proxy balance point resolve direct front expose'],
  ['origin', 'serve distribute'],
  ['auth', 'authenticate authorize authorise protect secure guard'],
  ['transfer', 'load export copy sync replicate migrate move transform aggregate enrich'],
  ['link', 'hook wire attach plug integrate pair couple link join'],
];

/** Verb lemma → class. */
export const VERB_CLASSES: ReadonlyMap<string, VerbClass> = new Map(
  FORMS.flatMap(([cls, forms]) => forms.split(' ').map((w) => [w, cls] as [string, VerbClass])),
);

/** Verbs that ask for something to exist ("add", "need", "spin up"). */
export const CREATION_VERBS: ReadonlySet<string> = new Set(
  'add create need want provision spin build give include deploy set setup get have make use introduce launch stand put host'.split(
    ' ',
  ),
);

/** Verbs that take something away ("remove", "drop", "get rid of", "tear down"). */
export const REMOVAL_VERBS: ReadonlySet<string> = new Set(
  'remove delete drop destroy kill ditch decommission eliminate scrap nuke retire'.split(' '),
);

/** Verbs that change something that exists ("make the db multi-AZ", "bump the memory"). */
export const CHANGE_VERBS: ReadonlySet<string> = new Set(
  'make change set switch convert swap turn bump increase raise decrease lower reduce scale enable disable upgrade downgrade resize move migrate replace rename call name give'.split(
    ' ',
  ),
);

/** Verbs of motion: what moves goes from a source ("from") to a place ("to"), maybe through a channel. */
export const FLOW_VERBS: ReadonlySet<string> = new Set([
  'go',
  'flow',
  'travel',
  'reach',
  'arrive',
  'pass',
  'move',
  'get',
  'come',
  'land',
  'end',
]);

/** Verbs whose subject is what gets used: "the API is backed by a Lambda" means the API uses the Lambda. */
export const INVERSE_VERBS: ReadonlySet<string> = new Set(['back', 'power', 'host']);

/** Verbs after which the data moves towards the subject: "receives from", "subscribes to", "polls". */
export const INWARD_VERBS: ReadonlySet<string> = new Set(
  'receive subscribe listen pull poll consume drain get fetch read download watch pick take'.split(' '),
);
