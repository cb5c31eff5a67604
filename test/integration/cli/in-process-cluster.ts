// A cluster's HSMs in this process for the admin-tool tests: each an HsmNode on the in-memory engine behind
// real TLS listeners on 127.0.0.1 (a management port like 2225 and a crypto port like 2223, both port 0),
// presenting a certificate from a hardware CA the tools are given as --ca-file. The nodes do not
// replicate keys to each other.

import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HsmEngine } from '../../../hsm-sim/engine/hsm-engine.port';
import { inMemoryEngineFactory } from '../../../hsm-sim/engine/hsm-engine-factory';
import { createHardwareCa, createHsmIdentity, type TlsIdentity } from '../../../hsm-sim/node/certificates';
import { HsmNode } from '../../../hsm-sim/node/hsm-node';
import type { ConnectionContext } from '../../../hsm-sim/node/node.types';
import { RpcServer } from '../../../hsm-sim/protocol';
import { CRYPTO_PORT_OPERATIONS, MANAGEMENT_PORT_OPERATIONS, portHandlers } from '../../../hsm-sim/server/port-operations';
import { createTempDir, removeTempDir } from '../../support/temp-dir';

export const HOST = '127.0.0.1';
/** 6.6: the PRECO's password before activation (Cluster.PreCoPassword). */
export const PRECO_PASSWORD = 'PreCo-pw1';

interface ClusterHsm {
  readonly node: HsmNode;
  readonly engine: HsmEngine;
  readonly identity: TlsIdentity;
  servers: RpcServer[];
  managementPort: number;
  cryptoPort: number;
}

export class InProcessCluster {
  private readonly hsms: ClusterHsm[] = [];

  private constructor(
    readonly root: string,
    /** The hardware CA's certificate: what the tools verify the HSMs with before initialisation. */
    readonly caFile: string,
  ) {}

  /** `count` HSMs; the first is the cluster's first HSM, with the PRECO. */
  static async start(count: number): Promise<InProcessCluster> {
    const root = createTempDir('cli');
    const hardwareCa = createHardwareCa();
    const caFile = join(root, 'hardware-ca.crt');
    writeFileSync(caFile, hardwareCa.certPem);
    const cluster = new InProcessCluster(root, caFile);
    const openEngine = inMemoryEngineFactory();
    const clusterSyncKey = randomBytes(32);
    try {
      for (let slot = 0; slot < count; slot += 1) {
        const hsmId = `hsm-test${slot}`;
        const engine = await openEngine(join(root, hsmId, 'engine'));
        const node = await HsmNode.open({
          engine,
          directory: join(root, hsmId, 'node'),
          hsmId,
          serialNumber: `S${slot}`,
          slot,
          clusterSyncKey,
          firstHsm: slot === 0,
          ...(slot === 0 ? { preCoPassword: PRECO_PASSWORD } : {}),
        });
        const hsm: ClusterHsm = { node, engine, identity: createHsmIdentity(hardwareCa, { hsmId, ip: HOST }), servers: [], managementPort: 0, cryptoPort: 0 };
        cluster.hsms.push(hsm);
        await cluster.listen(hsm);
      }
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  node(index: number): HsmNode {
    return this.hsm(index).node;
  }

  /** `127.0.0.1:<management port>,...` of the HSMs named, all by default. */
  managementPorts(indexes: readonly number[] = this.hsms.map((_hsm, index) => index)): string {
    return indexes.map((index) => `${HOST}:${this.hsm(index).managementPort}`).join(',');
  }

  cryptoPort(index: number): string {
    return `${HOST}:${this.hsm(index).cryptoPort}`;
  }

  /** 6.7: a new HSM receives the users and keys of an existing one - here every HSM after the first. */
  async cloneFirstToOthers(): Promise<void> {
    const snapshot = await this.node(0).snapshot();
    for (const hsm of this.hsms.slice(1)) await hsm.node.restoreSnapshot(snapshot);
  }

  /** The HSM's ports close (its state stays): a client cannot reach it. */
  async takeDown(index: number): Promise<void> {
    const hsm = this.hsm(index);
    await Promise.all(hsm.servers.splice(0).map((server) => server.close()));
  }

  /** Listens again on the ports it had. */
  async bringBack(index: number): Promise<void> {
    await this.listen(this.hsm(index));
  }

  writeFile(name: string, content: string): string {
    const path = join(this.root, name);
    writeFileSync(path, content);
    return path;
  }

  async stop(): Promise<void> {
    for (const hsm of this.hsms.splice(0)) {
      await Promise.all(hsm.servers.splice(0).map((server) => server.close()));
      await hsm.node.close();
      await hsm.engine.close();
    }
    removeTempDir(this.root);
  }

  private hsm(index: number): ClusterHsm {
    const hsm = this.hsms[index];
    if (!hsm) throw new Error(`there is no HSM ${index}`);
    return hsm;
  }

  private async listen(hsm: ClusterHsm): Promise<void> {
    const server = (port: number, operations: typeof MANAGEMENT_PORT_OPERATIONS | typeof CRYPTO_PORT_OPERATIONS): RpcServer =>
      new RpcServer({
        host: HOST,
        port,
        tls: hsm.identity,
        handlers: portHandlers(hsm.node, operations),
        onDisconnect: (context: ConnectionContext) => hsm.node.disconnect(context),
      });
    const management = server(hsm.managementPort, MANAGEMENT_PORT_OPERATIONS);
    const crypto = server(hsm.cryptoPort, CRYPTO_PORT_OPERATIONS);
    hsm.servers = [management, crypto];
    hsm.managementPort = (await management.listen()).port;
    hsm.cryptoPort = (await crypto.listen()).port;
  }
}

/** Registers before/after hooks in the enclosing describe(): a fresh cluster of `count` HSMs per test. */
export function useInProcessCluster(count: number): () => InProcessCluster {
  let cluster: InProcessCluster | undefined;
  beforeEach(async () => {
    cluster = await InProcessCluster.start(count);
  });
  afterEach(async () => {
    await cluster?.stop();
    cluster = undefined;
  });
  return () => {
    if (!cluster) throw new Error('the cluster exists only inside a test');
    return cluster;
  };
}
