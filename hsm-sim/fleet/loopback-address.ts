// DESIGN decision 1: an HSM listens on a loopback address derived from its ENI IP, so every HSM can use
// the real ports 2223-2225. The whole of 127.0.0.0/8 is loopback on Linux.

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** 10.0.N.M -> 127.0.N.M (any private a.b.N.M keeps its last two octets). */
export function loopbackAddressFor(eniIp: string): string {
  const octets = IPV4.exec(eniIp)?.slice(1).map(Number);
  if (!octets || octets.some((octet) => octet > 255)) throw new Error(`not an IPv4 address: ${eniIp}`);
  const [, , third, fourth] = octets as [number, number, number, number];
  if (fourth === 0 || fourth === 255) throw new Error(`${eniIp} is a network or broadcast address, not an ENI address`);
  return `127.0.${third}.${fourth}`;
}
