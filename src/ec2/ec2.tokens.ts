// The ports the EC2 services are built on; the composition root (src/main) registers them.

export const Ec2Tokens = {
  /** The control plane's SqliteDatabase. */
  Database: Symbol('Ec2Database'),
  /** An IdGenerator for vpc-, subnet-, sg-, sgr- and eni- ids. */
  IdGenerator: Symbol('Ec2IdGenerator'),
} as const;
