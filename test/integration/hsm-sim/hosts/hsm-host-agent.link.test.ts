// The link to an HSM host agent, on loopback: only a holder of the token gets an answer; a node started
// through the agent runs on the address the agent gives, answers a password change, and its death is heard.

import { expect } from 'chai';
import { join } from 'node:path';
import { HostAgentClient } from '../../../../hsm-sim/hosts/host-agent-client';
import { HsmHostAgent } from '../../../../hsm-sim/hosts/hsm-host-agent';
import { NODE_ENTRY, startInMemoryLaunch } from './in-memory-launch';
import { createTempDir, removeTempDir } from '../../../support/temp-dir';

const TOKEN = 'the-right-token-0123456789';

describe('HSM host agent link', function () {
  this.timeout(30_000);
  let dataDir: string;
  let agent: HsmHostAgent;
  let port: number;
  const refusals: string[] = [];
  const clients: HostAgentClient[] = [];
  const client = (token: string): HostAgentClient => {
    const made = new HostAgentClient({ host: '127.0.0.1', port, token, connectTimeoutMs: 2_000 });
    clients.push(made);
    return made;
  };

  before(async () => {
    dataDir = createTempDir('host-agent');
    agent = new HsmHostAgent({ listenHost: '127.0.0.1', listenPort: 0, dataDir, token: TOKEN, nodeEntry: NODE_ENTRY, log: (event) => void (event === 'refused' && refusals.push(event)) });
    port = (await agent.listen()).port;
  });

  after(async () => {
    for (const made of clients) made.close();
    await agent.close();
    removeTempDir(dataDir);
  });

  it('refuses a control plane without the token, before reading anything', async () => {
    const error = await client('a-wrong-token-0123456789').connect(0).then(() => undefined, (caught: unknown) => caught as Error);
    expect(error?.message).to.match(/did not answer: the TLS handshake failed \(a wrong token\?\)/);
    expect(refusals).to.have.length.greaterThan(0);
  });

  it('starts a node on the address it gives, relays a password change, and tells of its death', async () => {
    const linked = client(TOKEN);
    const hello = await linked.connect(5_000);
    expect(hello.host).to.equal('127.0.0.1');
    const info = await linked.request({ op: 'start', launch: startInMemoryLaunch(join(dataDir, 'control-plane-copy')) });
    expect(info).to.include({ state: 'running', host: '127.0.0.1' });
    expect(info.directory).to.equal(join(dataDir, 'hsms', 'hsm-link0test'));
    expect(await linked.request({ op: 'changeUserPassword', hsmId: 'hsm-link0test', username: 'nobody', password: 'whatever1' })).to.deep.include({ changed: false });
    const died = new Promise<string>((resolve) => linked.once('died', (hsmId) => resolve(hsmId)));
    await linked.request({ op: 'kill', hsmId: 'hsm-link0test' });
    expect(await died).to.equal('hsm-link0test');
    expect((await linked.request({ op: 'list' }))[0]).to.include({ state: 'dead' });
    await linked.request({ op: 'forget', hsmId: 'hsm-link0test' });
    expect(await linked.request({ op: 'list' })).to.deep.equal([]);
  });

  it('refuses an HSM id that would leave its folder', async () => {
    const linked = client(TOKEN);
    await linked.connect(5_000);
    const error = await linked.request({ op: 'forget', hsmId: '../../etc' }).then(() => undefined, (caught: unknown) => caught as Error);
    expect(error?.message).to.include('not an HSM id');
  });
});
