// An EC2 world for tests: the EC2 services resolved through tsyringe over an SQLite database (in memory
// unless a file is given), repeatable ids, a request context, and assertions on AWS-named errors.

import { expect } from 'chai';
import { container } from 'tsyringe';
import { IN_MEMORY, SqliteDatabase } from '../../../src/adapters/sqlite/sqlite-database';
import { Ec2Handlers, type Ec2HandlerMap, type RequestScope } from '../../../src/ec2/ec2.handlers';
import { Ec2Repository } from '../../../src/ec2/ec2.repository';
import { Ec2Tokens } from '../../../src/ec2/ec2.tokens';
import { NetworkBootstrap } from '../../../src/ec2/network-bootstrap.service';
import { NetworkInterfaceService } from '../../../src/ec2/network-interfaces.service';
import { SecurityGroupService } from '../../../src/ec2/security-groups.service';
import { SubnetService } from '../../../src/ec2/subnets.service';
import { withOverrides } from '../../../src/main/container';
import type { AwsException } from '../../../src/shared/aws-exception';
import { IdGenerator, seededRandom } from '../../../src/shared/ids';

export const ACCOUNT = '111122223333';
export const REGION = 'us-east-1';
export const CONTEXT: RequestScope = { accountId: ACCOUNT, region: REGION };

export interface Ec2World {
  readonly database: SqliteDatabase;
  readonly repository: Ec2Repository;
  readonly bootstrap: NetworkBootstrap;
  readonly subnets: SubnetService;
  readonly securityGroups: SecurityGroupService;
  readonly networkInterfaces: NetworkInterfaceService;
  readonly api: Ec2HandlerMap;
}

export function openEc2World(file: string = IN_MEMORY, seed = 1): Ec2World {
  const database = new SqliteDatabase(file);
  const scope = withOverrides(container, [
    { token: Ec2Tokens.Database, useValue: database },
    { token: Ec2Tokens.IdGenerator, useValue: new IdGenerator(seededRandom(seed)) },
  ]);
  return {
    database,
    repository: scope.resolve(Ec2Repository),
    bootstrap: scope.resolve(NetworkBootstrap),
    subnets: scope.resolve(SubnetService),
    securityGroups: scope.resolve(SecurityGroupService),
    networkInterfaces: scope.resolve(NetworkInterfaceService),
    api: scope.resolve(Ec2Handlers).handlers,
  };
}

/** Everything the account can see in the region, to show that a failed call changed nothing. */
export function snapshot(world: Ec2World, context: RequestScope = CONTEXT): string {
  return JSON.stringify({
    subnets: world.api.DescribeSubnets({}, context),
    groups: world.api.DescribeSecurityGroups({}, context),
    interfaces: world.api.DescribeNetworkInterfaces({}, context),
  });
}

/** Runs `action`, expecting it to throw the AWS exception `name` (and `message`, when given). */
export function expectAwsError(action: () => unknown, name: string, message?: string): AwsException {
  try {
    action();
  } catch (error) {
    expect(error, String(error)).to.have.property('name', name);
    if (message !== undefined) expect((error as Error).message).to.equal(message);
    return error as AwsException;
  }
  expect.fail(`expected ${name}, but the call succeeded`);
}

export function defaultSubnet(world: Ec2World, zone = `${REGION}a`, context: RequestScope = CONTEXT): string {
  const subnet = world.subnets.listSubnets(context.accountId, context.region).find((candidate) => candidate.availabilityZone === zone);
  if (!subnet) throw new Error(`no default subnet in ${zone}`);
  return subnet.id;
}
