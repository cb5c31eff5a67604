import { expect } from 'chai';
import { NodeError, NodeErrorCode, Role, type KeyView } from '../../../hsm-sim/node/node.types';
import { RpcConnectionError } from '../../../hsm-sim/protocol';
import type { HsmConnection } from '../../../src/cli/cmu/hsm-connections';
import { hsmInfoLines, infoServerLines } from '../../../src/cli/cmu/hsm-info.format';
import { attributeValueLines, listAttributesLines } from '../../../src/cli/cmu/key-attributes.format';
import { findAllKeysLines, keyInfoLines } from '../../../src/cli/cmu/key-info.format';
import { failureLine, successLine } from '../../../src/cli/cmu/server-result.format';
import { USER_TABLE_HEADER, userRow, userTableLines } from '../../../src/cli/cmu/user-table.format';

const SERVER: HsmConnection = { index: 0, endpoint: { host: '10.0.2.9', port: 2225 }, failure: 'not used' };

const AES_KEY: KeyView = {
  handle: 262162,
  class: 'SECRET_KEY',
  keyType: 'AES',
  size: 32,
  ownerId: 3,
  sharedWith: [4, 5],
  label: 'arn:aws:kms:us-east-1:111122223333:key/1234',
  id: Buffer.from('01ab', 'hex'),
  token: true,
  extractable: false,
  encrypt: true,
  decrypt: true,
  wrap: false,
  unwrap: false,
  sign: false,
  verify: false,
  derive: false,
  createdAt: '2024-01-01T00:00:00.000Z',
};

describe('cmu output lines (7.7)', () => {
  it('prints per-server results as `<command> success|failed on server N(ip)`', () => {
    expect(successLine('loginHSM', SERVER)).to.equal('loginHSM success on server 0(10.0.2.9)');
    expect(failureLine('createUser', SERVER, new NodeError(NodeErrorCode.USER_EXISTS, 'HSM hsm-1 already has a user'))).to.equal(
      'createUser failed on server 0(10.0.2.9): CKR_USER_ALREADY_EXISTS (HSM hsm-1 already has a user)',
    );
    expect(failureLine('listUsers', SERVER, new RpcConnectionError('CLOSED', 'connection closed'))).to.equal('listUsers failed on server 0(10.0.2.9): CLOSED (connection closed)');
  });

  it('lays listUsers out in the columns of the reference', () => {
    expect(userTableLines(SERVER, [])).to.deep.equal(['Users on server 0(10.0.2.9):', 'Number of users found:0', '', USER_TABLE_HEADER]);
    expect(userRow({ id: 3, username: 'kmsuser', role: Role.CU, loginFailures: 0, locked: false, twoFactor: false })).to.equal(
      '         3              CU              kmsuser                                  NO               0                 NO',
    );
    expect(userRow({ id: 12, username: 'bob', role: Role.PCO, loginFailures: 2, locked: false, twoFactor: true })).to.equal(
      '        12              PCO             bob                                      NO               2                 YES',
    );
  });

  it('prints findAllKeys with its marks and hash, and getKeyInfo with owner and sharers', () => {
    const lines = findAllKeysLines(SERVER, { keys: [{ handle: 8, mark: 's' }, { handle: 17, mark: '' }, { handle: 19, mark: 'o' }], hash: 'ab12' });
    expect(lines).to.deep.equal([
      'Keys on server 0(10.0.2.9):',
      'Number of keys found 3',
      'number of keys matched from start index 0::3',
      '8(s),17,19(o)',
      'Key Hash: ab12',
      'findAllKeys success on server 0(10.0.2.9)',
    ]);
    expect(keyInfoLines(SERVER, { handle: 262162, token: true, ownerId: 3, sharedWith: [4, 5] })).to.deep.equal([
      'Key Info on server 0(10.0.2.9):',
      '',
      '\tToken/Flash Key,',
      '',
      '\tOwned by user 3',
      '',
      '\talso, shared to following 2 user(s):',
      '',
      '\t\t 4',
      '\t\t 5',
      '',
    ]);
  });

  it('lists the attribute constants and reads one or all of a key', () => {
    expect(listAttributesLines()).to.include.members(['      OBJ_ATTR_CLASS                  = 0', '      OBJ_ATTR_UNWRAP_TEMPLATE        = 1073742354']);
    expect(attributeValueLines(AES_KEY, 3)).to.deep.equal(['OBJ_ATTR_LABEL', 'arn:aws:kms:us-east-1:111122223333:key/1234']);
    expect(attributeValueLines(AES_KEY, 289)).to.equal(undefined);
    const all = attributeValueLines(AES_KEY, 512) ?? [];
    expect(all.slice(0, 4)).to.deep.equal(['OBJ_ATTR_CLASS', '0x04', 'OBJ_ATTR_KEY_TYPE', '0x1f']);
    expect(all).to.include.members(['OBJ_ATTR_VALUE_LEN', '0x00000020', 'OBJ_ATTR_ID', '01ab']);
  });

  it('prints getHSMInfo fields and info server columns', () => {
    const lines = hsmInfoLines(SERVER, { hsmId: 'hsm-abc', serialNumber: 'S1', label: 'cavium', model: 'NITROX-III CNN35XX-NFBE', firmwareVersion: '3.4.0', fipsState: '2 [FIPS mode with single factor authentication]', activated: true, keys: 2, users: 3 });
    expect(lines).to.include.members(['\t\t*** Server 0 HSM Info ***', '\tLabel                :cavium', '\tModel                :NITROX-III CNN35XX-NFBE', '\tFIPS state           :2 [FIPS mode with single factor authentication]']);
    const [header, row] = infoServerLines(SERVER, { connected: true, partition: 'hsm-udw0tkfg1ab', principal: { userId: 3, username: 'testuser', role: Role.CU } });
    expect(header).to.equal('Id      Name                    Hostname         Port   State           Partition               LoginState');
    expect(row).to.equal("0       10.0.2.9                10.0.2.9         2225   Connected       hsm-udw0tkfg1ab         Logged in as 'testuser(CU)'");
  });
});
