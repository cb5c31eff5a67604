// The node's one engine token and its long-lived logged-in session. The token's SO and user PINs are
// node-internal secrets kept in the state file (DESIGN decision 3): CloudHSM users never see them.
// SIM: a real HSM keeps its internal secrets inside its tamper-resistant boundary; here that boundary is
// the node folder (0700, files 0600): random PINs in clear in node-state.sqlite, no user password there
// (users' passwords are scrypt hashes).

import { randomBytes } from 'node:crypto';
import type { HsmEngine, HsmSession } from '../engine/hsm-engine.port';
import type { KeyHandle } from '../engine/hsm-engine.types';
import { Ckr, isHsmError } from '../engine/hsm-error';
import { MetaName, type NodeStateRepository } from './node-state.repository';
import { NodeError, NodeErrorCode } from './node.types';

export const TOKEN_LABEL = 'hsm';
const SYNC_KEY_BYTES = 32;

export interface EngineToken {
  readonly session: HsmSession;
  /** The cluster sync key as a session object: wraps key material for replication. */
  readonly syncKey: KeyHandle;
}

/** PINs are committed before the token is created, so a crash in between leaves a token the next open can log in to. */
export async function openEngineToken(engine: HsmEngine, repository: NodeStateRepository, clusterSyncKey: Buffer): Promise<EngineToken> {
  if (!Buffer.isBuffer(clusterSyncKey) || clusterSyncKey.length !== SYNC_KEY_BYTES) {
    throw new NodeError(NodeErrorCode.ARGUMENTS_BAD, `the cluster sync key must be a ${SYNC_KEY_BYTES}-byte AES key`);
  }
  const { soPin, userPin } = pins(repository);
  if (!engine.findToken(TOKEN_LABEL)) await engine.initToken({ label: TOKEN_LABEL, soPin, userPin });
  const session = await engine.openSession(TOKEN_LABEL);
  try {
    await session.login(userPin);
    const syncKey = await session.importSecretKey({ type: 'AES', value: clusterSyncKey }, { wrap: true, unwrap: true });
    return { session, syncKey };
  } catch (error) {
    await session.close();
    if (isHsmError(error, Ckr.PIN_INCORRECT)) {
      throw new NodeError(
        NodeErrorCode.TOKEN_NOT_RECOGNIZED,
        `engine ${engine.name} has a token '${TOKEN_LABEL}' that this node's state did not create: give each node its own engine folder`,
      );
    }
    throw error;
  }
}

function pins(repository: NodeStateRepository): { soPin: string; userPin: string } {
  const stored = { soPin: repository.meta(MetaName.SO_PIN), userPin: repository.meta(MetaName.USER_PIN) };
  if (stored.soPin !== undefined && stored.userPin !== undefined) return { soPin: stored.soPin, userPin: stored.userPin };
  const created = { soPin: randomPin(), userPin: randomPin() };
  repository.transaction(() => {
    repository.setMeta(MetaName.SO_PIN, created.soPin);
    repository.setMeta(MetaName.USER_PIN, created.userPin);
  });
  return created;
}

function randomPin(): string {
  return randomBytes(24).toString('base64url');
}
