/**
 * The instance classes and node types the copilot can produce, per pricing family: the knowledge base's
 * defaults, every class a policy's `allowed-instance-classes` wildcards admit, and what people type in chat
 * (`db.r6g.xlarge`, `m6i.large`, `cache.r7g.large`, `r6g.large.search`). Data: the price table must have a
 * price for every one of them in every region it lists (a test fails otherwise), `npm run prices:refresh`
 * asks the AWS Price List API for exactly these, and a class outside it is unpriced (the cost is unknown).
 */
export const INSTANCE_SERVICES = ['rds', 'aurora', 'elasticache', 'opensearch', 'ec2'] as const;
export type InstanceService = (typeof INSTANCE_SERVICES)[number];

const BURST_EC2 = ['nano', 'micro', 'small', 'medium', 'large', 'xlarge', '2xlarge'];
const BURST_RDS = ['micro', 'small', 'medium', 'large', 'xlarge', '2xlarge'];
const LARGE_UP = ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge'];
const LARGE_UP_SEARCH = ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge'];

interface ServiceCatalog {
  /** How a class is written: `db.` + family + `.` + size, `cache.`…, …`.search`. */
  prefix: string;
  suffix: string;
  /** Family → sizes AWS offers for it in this service. */
  families: Readonly<Record<string, readonly string[]>>;
}

export const INSTANCE_CATALOG: Readonly<Record<InstanceService, ServiceCatalog>> = {
  rds: {
    prefix: 'db.',
    suffix: '',
    families: {
      t3: BURST_RDS,
      t4g: BURST_RDS,
      m5: LARGE_UP,
      m6g: LARGE_UP,
      m6i: LARGE_UP,
      m7g: LARGE_UP,
      m7i: LARGE_UP,
      r5: LARGE_UP,
      r6g: LARGE_UP,
      r6i: LARGE_UP,
      r7g: LARGE_UP,
      r7i: LARGE_UP,
    },
  },
  aurora: {
    prefix: 'db.',
    suffix: '',
    families: {
      t3: ['medium', 'large'],
      t4g: ['medium', 'large'],
      r5: LARGE_UP,
      r6g: LARGE_UP,
      r6i: LARGE_UP,
      r7g: LARGE_UP,
      r7i: LARGE_UP,
    },
  },
  elasticache: {
    prefix: 'cache.',
    suffix: '',
    families: {
      t3: ['micro', 'small', 'medium'],
      t4g: ['micro', 'small', 'medium'],
      m5: LARGE_UP,
      m6g: LARGE_UP,
      m7g: LARGE_UP,
      r5: LARGE_UP,
      r6g: LARGE_UP,
      r7g: LARGE_UP,
    },
  },
  opensearch: {
    prefix: '',
    suffix: '.search',
    families: {
      t3: ['small', 'medium'],
      c5: LARGE_UP_SEARCH,
      c6g: LARGE_UP_SEARCH,
      m5: LARGE_UP_SEARCH,
      m6g: LARGE_UP_SEARCH,
      m7g: LARGE_UP_SEARCH,
      r5: LARGE_UP_SEARCH,
      r6g: LARGE_UP_SEARCH,
      r7g: LARGE_UP_SEARCH,
    },
  },
  ec2: {
    prefix: '',
    suffix: '',
    families: {
      t3: BURST_EC2,
      t4g: BURST_EC2,
      c5: LARGE_UP,
      c6g: LARGE_UP,
      c6i: LARGE_UP,
      c7g: LARGE_UP,
      m5: LARGE_UP,
      m6g: LARGE_UP,
      m6i: LARGE_UP,
      m7g: LARGE_UP,
      m7i: LARGE_UP,
      r5: LARGE_UP,
      r6g: LARGE_UP,
      r6i: LARGE_UP,
      r7g: LARGE_UP,
    },
  },
};

/** Every class of `service` in the catalog, written as CloudFormation takes it (`db.r6g.xlarge`). */
export function catalogClasses(service: InstanceService): string[] {
  const { prefix, suffix, families } = INSTANCE_CATALOG[service];
  return Object.entries(families).flatMap(([family, sizes]) =>
    sizes.map((size) => `${prefix}${family}.${size}${suffix}`),
  );
}
