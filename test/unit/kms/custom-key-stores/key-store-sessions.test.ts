// How a connected store's work is spread over its HSM sessions (SIM: they take turns).

import { expect } from 'chai';
import { DEFAULT_HSM_CLIENT_TIMEOUTS } from '../../../../src/kms/custom-key-stores/custom-key-store.durations';
import type { CustomKeyStoreRecord } from '../../../../src/kms/custom-key-stores/domain/custom-key-store';
import { KeyStoreSessions } from '../../../../src/kms/custom-key-stores/key-store-sessions';
import type { KmsUserSession } from '../../../../src/kms/custom-key-stores/kmsuser-session';
import type { ClusterDirectory } from '../../../../src/kms/custom-key-stores/ports/cluster-directory.port';
import type { CustomKeyStoreRepository } from '../../../../src/kms/custom-key-stores/ports/custom-key-store.repository';

const STORE = { customKeyStoreId: 'cks-1234567890abcdef0', cloudHsmClusterId: 'cluster-abcdefghijk' } as CustomKeyStoreRecord;

function openSession(hsmId: string): KmsUserSession {
  return { hsmId, isOpen: true, onClose: () => undefined } as unknown as KmsUserSession;
}

describe('key store sessions', () => {
  it('gives the operations of a store to its open HSM sessions in turn', async () => {
    const sessions = new KeyStoreSessions({} as CustomKeyStoreRepository, {} as ClusterDirectory, DEFAULT_HSM_CLIENT_TIMEOUTS);
    sessions.adopt(STORE.customKeyStoreId, [openSession('hsm-aaaaaaaaaaa'), openSession('hsm-bbbbbbbbbbb')]);
    const served: string[] = [];
    for (let operation = 0; operation < 6; operation += 1) await sessions.withSession(STORE, async (session) => served.push(session.hsmId));
    expect(served.filter((hsmId) => hsmId === 'hsm-aaaaaaaaaaa')).to.have.length(3);
    expect(served.filter((hsmId) => hsmId === 'hsm-bbbbbbbbbbb')).to.have.length(3);
    expect(served[0]).to.not.equal(served[1]);
  });
});
