import { KIND_PHRASES } from '../lexicon/kind-phrases.ts';
import { OTHER_PHRASES } from '../lexicon/other-phrases.ts';

/**
 * Words typo correction may correct towards: distinctive product and kind names, environments and the words
 * params hang on. Short or common words are left out on purpose ("table" would swallow "stable").
 */
export const CORRECTION_TARGETS: readonly string[] = [
  'postgres',
  'postgresql',
  'database',
  'lambda',
  'function',
  'functions',
  'serverless',
  'queue',
  'queues',
  'bucket',
  'buckets',
  'kubernetes',
  'elasticache',
  'dynamodb',
  'cloudfront',
  'opensearch',
  'elasticsearch',
  'eventbridge',
  'kinesis',
  'fargate',
  'container',
  'containers',
  'worker',
  'workers',
  'redis',
  'valkey',
  'secret',
  'secrets',
  'workflow',
  'registry',
  'cache',
  'stream',
  'topic',
  'schedule',
  'scheduled',
  'balancer',
  'gateway',
  'production',
  'staging',
  'versioning',
  'versioned',
  'memory',
  'storage',
  'aurora',
  'mysql',
  'mariadb',
  'website',
  'static',
  'remove',
  'delete',
  'rename',
  'switch',
  'connect',
  'publishes',
  'consumes',
  'triggers',
  'invokes',
  'reads',
  'writes',
  'recovery',
  'backups',
  'multi',
  'table',
  'email',
  'search',
  'service',
  'firehose',
  'receives',
  'receive',
  'retrieves',
  'processes',
  'cognito',
  'authorizer',
];

/** Ordinary words that look like a typo of a target but are not ("stable", "serve", "research"). */
const COMMON = `a an the and or but if then than that this these those it its they them their there here we
our us you your i me my he she his her with without within into onto from to for of on in at by as about
above after again against all am any are be because been before being below between both can could did do
does doing down during each few further had has have having how just more most no nor not now only other
out over own same should so some such too under until up very was were what when where which while who
whom why will would also need needs want wants like please add adds make makes made put puts use uses used
using get gets got give set sets new old small big large huge tiny medium fast slow cheap cheaper one two
three four five six seven eight nine ten stable serve serves served serving cached caching caches cash
research researcher searching searched searches table tables tablet cable able capable topics typical
typically stream streaming streamed streams secretly secretary secrets worked working works work
workflows queued queues queueing functional functions functionality functioning database databases data
date dated update updates updated schedules scheduling scheduler register registered registers bucket
buckets bracket backup backups back lambda lambdas static statistics statistic statically stating status
storage store stores stored story memory memories member members produce product production productive
products staging stage stages stagger aurora mysql container containers contain contains contained
balance balancer balanced gateways gateway remove removed removes delete deleted deletes rename renamed
switch switched switches connect connected connects connection connections publish published publishes
consume consumed consumes consumer trigger triggered triggers invoke invoked invokes read reads reader
write writes writer writing written version versions versioned versioning recover recovery multi email
emails service services server servers search function worker workers secret redis cache topic queue
schedule scheduled registry workflow website websites team teams teammate`;

export const COMMON_WORDS: ReadonlySet<string> = new Set(COMMON.split(/\s+/).filter((w) => w.length > 0));

/** Every word of every kind phrase: never corrected. */
export const LEXICON_WORDS: ReadonlySet<string> = new Set([
  ...KIND_PHRASES.flatMap((p) => p.words),
  ...OTHER_PHRASES.flatMap((p) => p.words),
]);
