// Every EC2 resource belongs to one account in one region; nothing is visible across them.

export interface Ec2Scope {
  readonly accountId: string;
  readonly region: string;
}

/** arn:aws:ec2:us-east-1:111122223333:subnet/subnet-0a1b... (aws-cn and aws-us-gov partitions by region). */
export function ec2Arn(scope: Ec2Scope, resource: string): string {
  const partition = scope.region.startsWith('cn-') ? 'aws-cn' : scope.region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
  return `arn:${partition}:ec2:${scope.region}:${scope.accountId}:${resource}`;
}
