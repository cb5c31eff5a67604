import { expect } from 'chai';
import { loopbackAddressFor } from '../../../../hsm-sim/fleet/loopback-address';

describe('loopback address of an HSM', () => {
  it('keeps the subnet and host octets of the ENI IP', () => {
    expect(loopbackAddressFor('10.0.2.9')).to.equal('127.0.2.9');
    expect(loopbackAddressFor('172.31.16.200')).to.equal('127.0.16.200');
  });

  it('refuses what is not an ENI address', () => {
    expect(() => loopbackAddressFor('10.0.2')).to.throw('not an IPv4 address');
    expect(() => loopbackAddressFor('10.0.2.256')).to.throw('not an IPv4 address');
    expect(() => loopbackAddressFor('10.0.2.0')).to.throw('network or broadcast');
  });
});
