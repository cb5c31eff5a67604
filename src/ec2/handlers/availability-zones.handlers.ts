// DescribeAvailabilityZones.

import type { AvailabilityZone } from '../domain/availability-zones';
import { InvalidParameterValue } from '../domain/ec2.errors';
import type { NetworkBootstrap } from '../network-bootstrap.service';
import { selectByIds } from './describe';
import type { AvailabilityZoneShape, Ec2HandlerMap } from './ec2-api.types';
import { applyFilters, type FilterTable } from './filters';

const ZONE_FILTERS: FilterTable<AvailabilityZoneShape> = {
  'zone-name': (zone) => [zone.ZoneName],
  'zone-id': (zone) => [zone.ZoneId],
  'region-name': (zone) => [zone.RegionName],
  'group-name': (zone) => [zone.GroupName],
  'network-border-group': (zone) => [zone.NetworkBorderGroup],
  'opt-in-status': (zone) => [zone.OptInStatus],
  'zone-type': (zone) => [zone.ZoneType],
  state: (zone) => [zone.State],
  message: (zone) => zone.Messages.map((message) => message.Message),
};

export function availabilityZoneHandlers(bootstrap: NetworkBootstrap): Pick<Ec2HandlerMap, 'DescribeAvailabilityZones'> {
  return {
    // SIM: AllAvailabilityZones changes nothing: every simulated zone is an opt-in-not-required availability zone.
    DescribeAvailabilityZones: (input, context) => {
      const zones = bootstrap.availabilityZones(context.region).map(presentZone);
      const named = selectByIds(zones, input.ZoneNames, (zone) => zone.ZoneName, (missing) => new InvalidParameterValue(`Invalid availability zone: [${missing.join(', ')}]`));
      const chosen = selectByIds(named, input.ZoneIds, (zone) => zone.ZoneId, (missing) => new InvalidParameterValue(`Invalid availability zone ID: [${missing.join(', ')}]`));
      return { AvailabilityZones: applyFilters(chosen, input.Filters, ZONE_FILTERS) };
    },
  };
}

function presentZone(zone: AvailabilityZone): AvailabilityZoneShape {
  return {
    ZoneName: zone.zoneName,
    ZoneId: zone.zoneId,
    RegionName: zone.regionName,
    State: 'available',
    OptInStatus: 'opt-in-not-required',
    Messages: [],
    GroupName: zone.regionName,
    NetworkBorderGroup: zone.regionName,
    ZoneType: 'availability-zone',
  };
}
