// A per-test world of simulated HSMs on the in-memory engine: a temp folder, nodes opened (and reopened)
// over their own engine folders, client connections, and the users the CloudHSM seed procedure creates.

import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { expect } from 'chai';
import type { HsmEngine } from '../../../../hsm-sim/engine/hsm-engine.port';
import { inMemoryEngineFactory } from '../../../../hsm-sim/engine/hsm-engine-factory';
import { HsmNode, type HsmNodeOptions } from '../../../../hsm-sim/node/hsm-node';
import { Role, type ConnectionContext } from '../../../../hsm-sim/node/node.types';
import { createTempDir, removeTempDir } from '../../../support/temp-dir';

export const PRECO_PASSWORD = 'Prec0-initial';
export const ADMIN_PASSWORD = 'admin-Pass1';
/** The seed procedure: `createUser CU kmsuser kmsPswd`. */
export const KMSUSER = { username: 'kmsuser', password: 'kmsPswd' } as const;

export type NodeOverrides = Partial<Omit<HsmNodeOptions, 'engine' | 'directory'>>;

interface OpenNode {
  readonly node: HsmNode;
  readonly engine: HsmEngine;
}

export class NodeWorld {
  root = '';
  readonly syncKey = randomBytes(32);
  private readonly openEngine = inMemoryEngineFactory();
  private readonly open = new Map<string, OpenNode>();
  private connections = 0;

  start(): void {
    this.root = createTempDir('node');
  }

  async stop(): Promise<void> {
    for (const name of [...this.open.keys()]) await this.close(name);
    removeTempDir(this.root);
  }

  nodeDirectory(name: string): string {
    return join(this.root, name, 'node');
  }

  engineOf(name: string): HsmEngine {
    const entry = this.open.get(name);
    if (!entry) throw new Error(`node ${name} is not open`);
    return entry.engine;
  }

  /** Opens (or reopens) the HSM called `name`; hsm1 is the cluster's first HSM unless told otherwise. */
  async openNode(name = 'hsm1', overrides: NodeOverrides = {}): Promise<HsmNode> {
    const engine = await this.openEngine(join(this.root, name, 'engine'));
    const slot = Number(name.replace(/\D/g, '')) - 1;
    const node = await HsmNode.open({
      engine,
      directory: this.nodeDirectory(name),
      hsmId: `hsm-${name}`,
      serialNumber: `S${slot}`,
      slot,
      clusterSyncKey: this.syncKey,
      firstHsm: slot === 0,
      preCoPassword: PRECO_PASSWORD,
      ...overrides,
    }).catch(async (error: unknown) => {
      await engine.close();
      throw error;
    });
    this.open.set(name, { node, engine });
    return node;
  }

  /** Closes the node and its engine, as a process exit would. */
  async close(name = 'hsm1'): Promise<void> {
    const entry = this.open.get(name);
    if (!entry) return;
    this.open.delete(name);
    await entry.node.close();
    await entry.engine.close();
  }

  connection(): ConnectionContext {
    this.connections += 1;
    return { connectionId: `connection-${this.connections}`, sourceAddress: `10.0.0.${this.connections}` };
  }

  /** The PRECO activates the cluster; returns a connection logged in as admin (now a CO). */
  async activate(node: HsmNode): Promise<ConnectionContext> {
    const admin = this.connection();
    await node.login(admin, { role: Role.PRECO, username: 'admin', password: PRECO_PASSWORD });
    await node.changePassword(admin, { role: Role.PRECO, username: 'admin', password: ADMIN_PASSWORD });
    return admin;
  }

  async loggedIn(node: HsmNode, role: Role, username: string, password: string): Promise<ConnectionContext> {
    const ctx = this.connection();
    const result = await node.login(ctx, { role, username, password });
    expect(result).to.have.property('user');
    return ctx;
  }

  /** Creates crypto users through `admin` and logs each in on its own connection. */
  async cryptoUsers(node: HsmNode, admin: ConnectionContext, ...usernames: string[]): Promise<ConnectionContext[]> {
    const contexts: ConnectionContext[] = [];
    for (const username of usernames) {
      await node.createUser(admin, { role: Role.CU, username, password: KMSUSER.password });
      contexts.push(await this.loggedIn(node, Role.CU, username, KMSUSER.password));
    }
    return contexts;
  }

  /** An activated first HSM with the seed's kmsuser logged in. */
  async seeded(): Promise<{ node: HsmNode; admin: ConnectionContext; kmsuser: ConnectionContext }> {
    const node = await this.openNode();
    const admin = await this.activate(node);
    const [kmsuser] = await this.cryptoUsers(node, admin, KMSUSER.username);
    return { node, admin, kmsuser: kmsuser! };
  }
}

export function useNodeWorld(): NodeWorld {
  const world = new NodeWorld();
  beforeEach(() => world.start());
  afterEach(() => world.stop());
  return world;
}

/** Asserts that a node call fails with a NodeError of this code; returns it for message checks. */

export { expectNodeError } from '../../../support/expect-error';
