// The EC2 operations the simulator serves, one handler each, keyed by operation name. The wire layer
// validates a request against EC2's model, calls `handlers[operation](input, context)` and writes the
// result (or the thrown AwsException) as EC2's XML.

import { inject, injectable } from 'tsyringe';
import { DryRunOperation } from './domain/ec2.errors';
import { availabilityZoneHandlers } from './handlers/availability-zones.handlers';
import type { Ec2HandlerMap, RequestScope } from './handlers/ec2-api.types';
import { networkInterfaceHandlers } from './handlers/network-interfaces.handlers';
import { securityGroupRuleHandlers } from './handlers/security-group-rules.handlers';
import { securityGroupHandlers } from './handlers/security-groups.handlers';
import { subnetHandlers } from './handlers/subnets.handlers';
import { vpcHandlers } from './handlers/vpcs.handlers';
import { NetworkBootstrap } from './network-bootstrap.service';
import { NetworkInterfaceService } from './network-interfaces.service';
import { SecurityGroupService } from './security-groups.service';
import { SubnetService } from './subnets.service';
import { VpcService } from './vpcs.service';

export type { Ec2HandlerMap, Ec2Operation, Ec2Operations, RequestScope } from './handlers/ec2-api.types';

@injectable()
export class Ec2Handlers {
  readonly handlers: Ec2HandlerMap;

  constructor(
    @inject(NetworkBootstrap) bootstrap: NetworkBootstrap,
    @inject(VpcService) vpcs: VpcService,
    @inject(SubnetService) subnets: SubnetService,
    @inject(SecurityGroupService) securityGroups: SecurityGroupService,
    @inject(NetworkInterfaceService) networkInterfaces: NetworkInterfaceService,
  ) {
    this.handlers = honouringDryRun({
      ...availabilityZoneHandlers(bootstrap),
      ...vpcHandlers(vpcs),
      ...subnetHandlers(subnets),
      ...securityGroupHandlers(securityGroups),
      ...securityGroupRuleHandlers(securityGroups),
      ...networkInterfaceHandlers(networkInterfaces, securityGroups),
    });
  }
}

type AnyHandler = (input: { readonly DryRun?: boolean }, context: RequestScope) => unknown;

// Every operation's DryRun: "If you have the required permissions, the error response is DryRunOperation" (and nothing changes).
function honouringDryRun(handlers: Ec2HandlerMap): Ec2HandlerMap {
  const entries = Object.entries(handlers as unknown as Record<string, AnyHandler>);
  const guarded = entries.map(([operation, handle]): [string, AnyHandler] => [
    operation,
    (input, context) => {
      if (input.DryRun) throw new DryRunOperation('Request would have succeeded, but DryRun flag is set.');
      return handle(input, context);
    },
  ]);
  return Object.fromEntries(guarded) as unknown as Ec2HandlerMap;
}
