// The handlers of a node's sync port (2224): only peers that prove membership of the cluster may copy
// keys and users into this HSM or read them out.

import type { RpcHandlers } from '../protocol';
import type { KeyReplica } from '../node/key-replica';
import type { NodeSnapshot, UserReplica } from '../node/node-snapshot';
import { NodeError, NodeErrorCode, type ConnectionContext } from '../node/node.types';
import { verifySyncProof, type SyncProof } from './sync-proof';

/** What the sync port needs of a node. */
export interface ReplicaHolder {
  exportKeyReplica(handle: number): Promise<KeyReplica>;
  importKeyReplica(replica: KeyReplica): Promise<void>;
  updateKeyReplica(replica: KeyReplica): Promise<void>;
  deleteKeyReplica(handle: number): Promise<void>;
  listKeyHandles(): number[];
  exportUser(username: string): UserReplica;
  importUser(replica: UserReplica): void | Promise<void>;
  snapshot(): Promise<NodeSnapshot>;
}

export function syncHandlers(node: ReplicaHolder, cluster: { readonly clusterId: string; readonly syncKey: Buffer }): RpcHandlers {
  const authenticated = new WeakSet<ConnectionContext>();
  const peerOnly =
    <A, R>(handler: (args: A) => R) =>
    (context: ConnectionContext, args: unknown): R => {
      if (!authenticated.has(context)) {
        throw new NodeError(NodeErrorCode.NOT_LOGGED_IN, 'the sync port serves only HSMs of this cluster; authenticate first');
      }
      return handler(args as A);
    };

  return {
    authenticatePeer: (context, proof) => {
      if (!verifySyncProof(cluster.syncKey, cluster.clusterId, proof as SyncProof)) {
        throw new NodeError(NodeErrorCode.LOGIN_FAILED, `not an HSM of cluster ${cluster.clusterId}`);
      }
      authenticated.add(context);
      return { clusterId: cluster.clusterId };
    },
    exportKeyReplica: peerOnly(({ handle }: { handle: number }) => node.exportKeyReplica(handle)),
    importKeyReplica: peerOnly((replica: KeyReplica) => node.importKeyReplica(replica)),
    updateKeyReplica: peerOnly((replica: KeyReplica) => node.updateKeyReplica(replica)),
    deleteKeyReplica: peerOnly(({ handle }: { handle: number }) => node.deleteKeyReplica(handle)),
    listKeyHandles: peerOnly(() => node.listKeyHandles()),
    exportUser: peerOnly(({ username }: { username: string }) => node.exportUser(username)),
    importUser: peerOnly((replica: UserReplica) => node.importUser(replica)),
    snapshot: peerOnly(() => node.snapshot()),
  };
}
