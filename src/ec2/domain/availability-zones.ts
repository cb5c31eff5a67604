// The availability zones of a region: `<region>a`, `<region>b`, `<region>c` with zone ids such as
// use1-az1 (https://docs.aws.amazon.com/ram/latest/userguide/working-with-az-ids.html).

export interface AvailabilityZone {
  readonly zoneName: string;
  readonly zoneId: string;
  readonly regionName: string;
}

// SIM: every region has three zones, and zone names map to ids in order (AWS shuffles them per account).
const ZONE_LETTERS = ['a', 'b', 'c'] as const;

/** us-east-1 -> use1, ap-southeast-2 -> apse2, us-gov-west-1 -> usgw1, eu-central-1 -> euc1. */
export function regionCode(region: string): string {
  const [area = '', ...rest] = region.split('-');
  return area + rest.map((part) => part.replace(/north|south|east|west|central|gov/g, (word) => word[0]!)).join('');
}

export function availabilityZonesOf(region: string): AvailabilityZone[] {
  return ZONE_LETTERS.map((letter, index) => ({
    zoneName: `${region}${letter}`,
    zoneId: `${regionCode(region)}-az${index + 1}`,
    regionName: region,
  }));
}
