import { expect } from 'chai';
import { NodeError, NodeErrorCode, Role, type KeyView, type UserView } from '../../../hsm-sim/node/node.types';
import { CliFailure } from '../../../src/cli/cloudhsm-cli/cli-failure';
import { failureJson, successJson } from '../../../src/cli/cloudhsm-cli/cli-result.format';
import { keyDetailJson, keySummaryJson } from '../../../src/cli/cloudhsm-cli/key-json.format';
import { userListJson } from '../../../src/cli/cloudhsm-cli/user-list.format';

function user(id: number, username: string, role: Role, changes: Partial<UserView> = {}): UserView {
  return { id, username, role, loginFailures: 0, locked: false, twoFactor: false, ...changes };
}

const EC_PUBLIC_KEY: KeyView = {
  handle: 33,
  class: 'PUBLIC_KEY',
  keyType: 'EC',
  size: 'P-256',
  ownerId: 3,
  sharedWith: [],
  label: 'ec-pub',
  id: Buffer.alloc(0),
  token: true,
  extractable: true,
  encrypt: false,
  decrypt: false,
  wrap: false,
  unwrap: false,
  sign: false,
  verify: true,
  derive: false,
  createdAt: '2024-01-01T00:00:00.000Z',
};

describe('cli output (7.9)', () => {
  it('wraps results as {"error_code": 0, "data": …} and failures with a message', () => {
    expect(JSON.parse(successJson('Cluster activation successful'))).to.deep.equal({ error_code: 0, data: 'Cluster activation successful' });
    expect(JSON.parse(failureJson(new NodeError(NodeErrorCode.USER_NOT_FOUND, "there is no user 'bob'")))).to.deep.equal({ error_code: 1, data: "CKR_USER_NOT_FOUND: there is no user 'bob'" });
    expect(JSON.parse(failureJson(new CliFailure('log in first')))).to.deep.equal({ error_code: 1, data: 'log in first' });
  });

  it('merges the users of every HSM: cluster-coverage, locked and mfa', () => {
    const admin = user(1, 'admin', Role.CO);
    const listed = userListJson([
      [admin, user(3, 'kmsuser', Role.CU)],
      [admin, user(3, 'kmsuser', Role.CU, { locked: true, loginFailures: 5 }), user(4, 'bob', Role.CO, { twoFactor: true })],
    ]);
    expect(listed.users).to.deep.equal([
      { username: 'admin', role: 'admin', locked: 'false', mfa: [], quorum: [], 'cluster-coverage': 'full' },
      { username: 'kmsuser', role: 'crypto-user', locked: 'true', mfa: [], quorum: [], 'cluster-coverage': 'full' },
      { username: 'bob', role: 'admin', locked: 'false', mfa: [{ strategy: 'token-sign', status: 'enabled' }], quorum: [], 'cluster-coverage': 'partial' },
    ]);
  });

  it('prints keys by key-reference, with details when asked', () => {
    expect(keySummaryJson(EC_PUBLIC_KEY)).to.deep.equal({ 'key-reference': '0x0000000000000021', attributes: { label: 'ec-pub' } });
    const detail = keyDetailJson(EC_PUBLIC_KEY, { usernames: new Map([[3, 'kmsuser']]), coverage: 'full' }) as { 'key-info': object; attributes: object };
    expect(detail['key-info']).to.deep.include({ 'key-owners': [{ username: 'kmsuser', 'key-coverage': 'full' }], 'shared-users': [], 'cluster-coverage': 'full' });
    expect(detail.attributes).to.deep.include({ 'key-type': 'ec', class: 'public-key', label: 'ec-pub', id: '0x', verify: true, curve: 'secp256r1' });
  });
});
