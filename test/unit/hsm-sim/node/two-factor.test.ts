import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { expect } from 'chai';
import type { HsmNode } from '../../../../hsm-sim/node/hsm-node';
import { NodeErrorCode, Role, type ConnectionContext } from '../../../../hsm-sim/node/node.types';
import { ADMIN_PASSWORD, expectNodeError, KMSUSER, useNodeWorld } from './node-fixture';

interface TwoFactorKey {
  readonly publicKeyPem: string;
  readonly privateKey: KeyObject;
}

function twoFactorKey(modulusLength = 2048): TwoFactorKey {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength });
  return { publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKey };
}

describe('HsmNode two-factor login', () => {
  const world = useNodeWorld();
  const key = twoFactorKey();

  async function withTwoFactorUser(): Promise<{ node: HsmNode; admin: ConnectionContext }> {
    const node = await world.openNode();
    const admin = await world.activate(node);
    const user = await node.createUser(admin, { role: Role.CU, username: 'mfauser', password: KMSUSER.password, twoFactorPublicKeyPem: key.publicKeyPem });
    expect(user.twoFactor).to.equal(true);
    return { node, admin };
  }

  async function challenge(node: HsmNode, ctx: ConnectionContext): Promise<Buffer> {
    const result = await node.login(ctx, { role: Role.CU, username: 'mfauser', password: KMSUSER.password });
    if (!('twoFactorChallenge' in result)) return expect.fail('expected a 2FA challenge');
    return result.twoFactorChallenge;
  }

  it('answers the right password with a 32-byte challenge, and logs in on its RSA-SHA256 signature', async () => {
    const { node } = await withTwoFactorUser();
    const ctx = world.connection();
    const nonce = await challenge(node, ctx);
    expect(nonce).to.have.length(32);
    expect(ctx.pendingTwoFactor?.challenge).to.deep.equal(nonce);
    await expectNodeError(node.random(ctx, { length: 4 }), NodeErrorCode.TWO_FACTOR_REQUIRED);

    const user = await node.completeTwoFactorLogin(ctx, { signature: sign('sha256', nonce, key.privateKey) });

    expect(user.username).to.equal('mfauser');
    expect(ctx.principal?.username).to.equal('mfauser');
    expect(ctx.pendingTwoFactor).to.equal(undefined);
  });

  it('refuses a signature by another key, and then needs a new login', async () => {
    const { node } = await withTwoFactorUser();
    const ctx = world.connection();
    const nonce = await challenge(node, ctx);
    await expectNodeError(node.completeTwoFactorLogin(ctx, { signature: sign('sha256', nonce, twoFactorKey().privateKey) }), NodeErrorCode.TWO_FACTOR_FAILED);
    expect(ctx.principal).to.equal(undefined);
    await expectNodeError(node.completeTwoFactorLogin(ctx, { signature: sign('sha256', nonce, key.privateKey) }), NodeErrorCode.NOT_LOGGED_IN);
  });

  it('removes 2FA when the password is changed without a key (7.5)', async () => {
    const { node, admin } = await withTwoFactorUser();
    const changed = await node.changePassword(admin, { role: Role.CU, username: 'mfauser', password: 'newPswd1' });
    expect(changed.twoFactor).to.equal(false);
    expect(await node.login(world.connection(), { role: Role.CU, username: 'mfauser', password: 'newPswd1' })).to.have.property('user');
  });

  it('registers and deregisters 2FA for oneself (CLI user change-mfa), for COs too', async () => {
    const node = await world.openNode();
    const admin = await world.activate(node);
    expect((await node.changeTwoFactor(admin, { role: Role.CO, username: 'admin', publicKeyPem: key.publicKeyPem })).twoFactor).to.equal(true);
    const ctx = world.connection();
    const result = await node.login(ctx, { role: Role.CO, username: 'admin', password: ADMIN_PASSWORD });
    expect(result).to.have.property('twoFactorChallenge');
    expect((await node.changeTwoFactor(admin, { role: Role.CO, username: 'admin', publicKeyPem: null })).twoFactor).to.equal(false);
  });

  it('takes only RSA keys of at least 2048 bits', async () => {
    const node = await world.openNode();
    const admin = await world.activate(node);
    const create = (twoFactorPublicKeyPem: string) => node.createUser(admin, { role: Role.CU, username: 'weak', password: KMSUSER.password, twoFactorPublicKeyPem });
    await expectNodeError(create(twoFactorKey(1024).publicKeyPem), NodeErrorCode.ARGUMENTS_BAD);
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    await expectNodeError(create(ec), NodeErrorCode.ARGUMENTS_BAD);
    await expectNodeError(create('not a key'), NodeErrorCode.ARGUMENTS_BAD);
  });
});
