import { expect } from 'chai';
import { DEFAULT_HSM_TYPE, HSM_TYPE_KEY_LIMITS, HsmType, keyLimitsFor } from '../../../../hsm-sim/node/hsm-type-limits';
import { NodeErrorCode } from '../../../../hsm-sim/node/node.types';
import { expectNodeError, useNodeWorld } from './node-fixture';

const SESSION_AES = { keyType: 'AES', bits: 128, attributes: { token: false } } as const;
const SESSION_EC_PAIR = { spec: { type: 'EC', curve: 'P-256' }, publicAttributes: { token: false }, privateAttributes: { token: false, sign: true } } as const;

describe('HSM type key limits', () => {
  const world = useNodeWorld();

  it('publishes 3,300 keys for hsm1.medium and 16,666 (at most 3,333 asymmetric) for hsm2m.medium; no type is hsm1.medium', async () => {
    expect(HSM_TYPE_KEY_LIMITS).to.deep.equal({
      'hsm1.medium': { maxKeys: 3300, maxAsymmetricKeys: 3300 },
      'hsm2m.medium': { maxKeys: 16_666, maxAsymmetricKeys: 3333 },
    });
    expect(DEFAULT_HSM_TYPE).to.equal(HsmType.HSM1_MEDIUM);
    expect(keyLimitsFor(undefined)).to.equal(HSM_TYPE_KEY_LIMITS['hsm1.medium']);
    expect(() => keyLimitsFor('hsm3.large')).to.throw(/hsm3\.large is not simulated/);
    await expectNodeError(world.openNode('hsm1', { hsmType: 'hsm3.large' as HsmType }), NodeErrorCode.ARGUMENTS_BAD);
  });

  it('lets an hsm2m.medium hold 3,333 asymmetric keys (a pair counts two) and 16,666 keys in all', async function () {
    this.timeout(120_000);
    const node = await world.openNode('hsm1', { hsmType: HsmType.HSM2M_MEDIUM });
    const admin = await world.activate(node);
    const [kmsuser] = await world.cryptoUsers(node, admin, 'kmsuser');
    const cu = kmsuser!;
    const kek = await node.generateKey(cu, { keyType: 'AES', bits: 256, attributes: { token: false, wrap: true, unwrap: true } });
    let last = await node.generateKeyPair(cu, SESSION_EC_PAIR);
    for (let pairs = 1; pairs < 1666; pairs += 1) last = await node.generateKeyPair(cu, SESSION_EC_PAIR);
    // 3,332 asymmetric keys: one more pair would make 3,334
    await expectNodeError(node.generateKeyPair(cu, SESSION_EC_PAIR), NodeErrorCode.QUOTA_EXCEEDED);
    const wrapped = await node.wrapKey(cu, { wrappingHandle: kek.handle, handle: last.privateKey.handle, mechanism: { name: 'AES-KEY-WRAP-PAD' } });
    const unwrap = { unwrappingHandle: kek.handle, wrapped, mechanism: { name: 'AES-KEY-WRAP-PAD' }, template: { class: 'PRIVATE_KEY', keyType: 'EC', sign: true, token: false } } as const;
    await node.unwrapKey(cu, unwrap);
    // 3,333 asymmetric keys: the asymmetric key beyond is refused
    await expectNodeError(node.unwrapKey(cu, unwrap), NodeErrorCode.QUOTA_EXCEEDED);
    expect(node.hsmInfo().keys).to.equal(3334);

    // symmetric keys still fit, far beyond hsm1.medium's 3,300
    for (let count = 3334; count < 16_666; count += 1) await node.generateKey(cu, SESSION_AES);
    expect(node.hsmInfo().keys).to.equal(16_666);
    await expectNodeError(node.generateKey(cu, SESSION_AES), NodeErrorCode.QUOTA_EXCEEDED);
  });

  it('keeps an hsm1.medium at 3,300 keys, key pairs included', async function () {
    this.timeout(60_000);
    const { node, kmsuser } = await world.seeded();
    for (let pairs = 0; pairs < 1650; pairs += 1) await node.generateKeyPair(kmsuser, SESSION_EC_PAIR);
    expect(node.hsmInfo().keys).to.equal(3300);
    await expectNodeError(node.generateKey(kmsuser, SESSION_AES), NodeErrorCode.QUOTA_EXCEEDED);
  });
});
