// A partitioned HSM's own calls to its peers fail at once instead of waiting for a timeout.

import { expect } from 'chai';
import { PeerConnections } from '../../../../hsm-sim/sync/peer-connections';

describe('peer connections of a partitioned HSM', () => {
  it('fail fast with CLOSED while cut, and try to connect again once healed', async () => {
    const peers = new PeerConnections({ hsmId: 'hsm-a', clusterId: 'cluster-1', syncKey: Buffer.alloc(32), trustedCaPems: [] });
    // port 1 on loopback: nothing listens there
    const peer = { hsmId: 'hsm-b', host: '127.0.0.1', syncPort: 1 };
    peers.cutOutbound('HSM hsm-a is partitioned (refuse)');
    const cut = await peers.call(peer, 'snapshot').then(() => undefined, (error: { code: string; message: string }) => error);
    expect(cut).to.include({ code: 'CLOSED' });
    expect(cut?.message).to.match(/partitioned/);

    peers.cutOutbound(undefined);
    const healed = await peers.call(peer, 'snapshot').then(() => undefined, (error: { code: string }) => error.code);
    expect(healed).to.equal('ECONNREFUSED');
  });
});
