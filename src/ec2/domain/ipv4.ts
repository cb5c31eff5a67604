// IPv4 addresses and CIDR blocks as unsigned 32-bit numbers.

export interface Cidr {
  /** The first address of the block. */
  readonly network: number;
  readonly prefixLength: number;
}

const DOTTED_QUAD = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export function parseIpv4(text: string): number | undefined {
  const octets = DOTTED_QUAD.exec(text)?.slice(1).map(Number);
  if (!octets || octets.some((octet) => octet > 255)) return undefined;
  return octets.reduce((value, octet) => value * 256 + octet, 0);
}

export function formatIpv4(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.');
}

/** A CIDR block whose address is its network address ("10.0.1.0/24", never "10.0.1.7/24"). */
export function parseCidr(text: string): Cidr | undefined {
  const [address, prefix, ...rest] = text.split('/');
  if (address === undefined || prefix === undefined || rest.length > 0 || !/^\d{1,2}$/.test(prefix)) return undefined;
  const network = parseIpv4(address);
  const prefixLength = Number(prefix);
  if (network === undefined || prefixLength > 32 || network % blockSize(prefixLength) !== 0) return undefined;
  return { network, prefixLength };
}

export function formatCidr(cidr: Cidr): string {
  return `${formatIpv4(cidr.network)}/${cidr.prefixLength}`;
}

export function blockSize(prefixLength: number): number {
  return 2 ** (32 - prefixLength);
}

export function lastAddress(cidr: Cidr): number {
  return cidr.network + blockSize(cidr.prefixLength) - 1;
}

export function containsAddress(cidr: Cidr, address: number): boolean {
  return address >= cidr.network && address <= lastAddress(cidr);
}

export function containsCidr(outer: Cidr, inner: Cidr): boolean {
  return containsAddress(outer, inner.network) && containsAddress(outer, lastAddress(inner));
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.network <= lastAddress(b) && b.network <= lastAddress(a);
}
