// DescribeVpcs.

import { idsNotFoundMessage, InvalidVpcIdNotFound } from '../domain/ec2.errors';
import type { VpcRecord } from '../domain/vpc';
import type { VpcService } from '../vpcs.service';
import { nextTokenOf, paginate, selectByIds } from './describe';
import type { Ec2HandlerMap, VpcShape } from './ec2-api.types';
import { applyFilters, type FilterTable } from './filters';

const VPC_FILTERS: FilterTable<VpcShape> = {
  'vpc-id': (vpc) => [vpc.VpcId],
  cidr: (vpc) => [vpc.CidrBlock],
  'cidr-block-association.cidr-block': (vpc) => vpc.CidrBlockAssociationSet.map((association) => association.CidrBlock),
  'cidr-block-association.association-id': (vpc) => vpc.CidrBlockAssociationSet.map((association) => association.AssociationId),
  'cidr-block-association.state': (vpc) => vpc.CidrBlockAssociationSet.map((association) => association.CidrBlockState.State),
  'dhcp-options-id': (vpc) => [vpc.DhcpOptionsId],
  'is-default': (vpc) => [vpc.IsDefault],
  'owner-id': (vpc) => [vpc.OwnerId],
  state: (vpc) => [vpc.State],
};

export function vpcHandlers(vpcs: VpcService): Pick<Ec2HandlerMap, 'DescribeVpcs'> {
  return {
    DescribeVpcs: (input, context) => {
      const all = vpcs.listVpcs(context.accountId, context.region).map(presentVpc);
      const chosen = selectByIds(all, input.VpcIds, (vpc) => vpc.VpcId, (missing) => new InvalidVpcIdNotFound(idsNotFoundMessage('vpc', missing)));
      const page = paginate(applyFilters(chosen, input.Filters, VPC_FILTERS), input.MaxResults, input.NextToken);
      return { Vpcs: page.items, ...nextTokenOf(page) };
    },
  };
}

function presentVpc(vpc: VpcRecord): VpcShape {
  return {
    VpcId: vpc.id,
    OwnerId: vpc.accountId,
    State: 'available',
    CidrBlock: vpc.cidrBlock,
    // SIM: the association id is derived from the VPC id rather than drawn.
    CidrBlockAssociationSet: [{ AssociationId: `vpc-cidr-assoc-${vpc.id.slice('vpc-'.length)}`, CidrBlock: vpc.cidrBlock, CidrBlockState: { State: 'associated' } }],
    // API_AssociateDhcpOptions: "default" stands for no DHCP options set; the simulator has none.
    DhcpOptionsId: 'default',
    InstanceTenancy: 'default',
    IsDefault: vpc.isDefault,
    BlockPublicAccessStates: { InternetGatewayBlockMode: 'off' },
  };
}
