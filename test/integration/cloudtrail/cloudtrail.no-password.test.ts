// Never a password: the key store's password travels in CreateCustomKeyStore and UpdateCustomKeyStore, and
// plaintexts in Encrypt and GenerateRandom's answer; none of it may appear in any CloudTrail record.

import { ConnectCustomKeyStoreCommand, DecryptCommand, EncryptCommand, GenerateDataKeyCommand, GenerateRandomCommand, UpdateCustomKeyStoreCommand } from '@aws-sdk/client-kms';
import { expect } from 'chai';
import { FaultWorld } from '../faults/fault-world';
import { TrailLookup } from './trail-lookup';

/** The seed's KeyStorePassword (scripts/bench/seed-over-sdk.ts). */
const SEED_PASSWORD = 'kmsPswd';
const UPDATED_PASSWORD = 'NeverInTrail42';
const PLAINTEXT = 'plaintext-that-must-stay-secret';

describe('CloudTrail: no record holds a password or a plaintext', function () {
  this.timeout(120_000);
  let world: FaultWorld;

  before(async () => {
    world = await FaultWorld.start();
  });

  after(async () => {
    await world?.stop();
  });

  it('searches every record of a store creation, connect, password update and the cmu-free KMS calls', async () => {
    const { CiphertextBlob } = await world.kms.send(new EncryptCommand({ KeyId: world.keyId, Plaintext: Buffer.from(PLAINTEXT) }));
    const { Plaintext } = await world.kms.send(new DecryptCommand({ CiphertextBlob }));
    expect(Buffer.from(Plaintext!).toString()).to.equal(PLAINTEXT);
    const dataKey = await world.kms.send(new GenerateDataKeyCommand({ KeyId: world.keyId, KeySpec: 'AES_256' }));
    const random = await world.kms.send(new GenerateRandomCommand({ NumberOfBytes: 32 }));
    await world.disconnect();
    await world.kms.send(new UpdateCustomKeyStoreCommand({ CustomKeyStoreId: world.customKeyStoreId, KeyStorePassword: UPDATED_PASSWORD }));
    // The wrong password fails the connection (asynchronously); the call itself is recorded.
    await world.kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: world.customKeyStoreId }));

    const trail = new TrailLookup(world.endpoint);
    const everything = await trail.cli.run('cloudtrail', 'lookup-events');
    expect(everything.exitCode).to.equal(0);
    const names = (everything.json as { Events: { EventName: string }[] }).Events.map((event) => event.EventName);
    expect(names).to.include.members(['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'UpdateCustomKeyStore', 'Encrypt', 'Decrypt', 'GenerateDataKey', 'GenerateRandom']);
    const secrets = [
      SEED_PASSWORD,
      UPDATED_PASSWORD,
      PLAINTEXT,
      Buffer.from(PLAINTEXT).toString('base64'),
      Buffer.from(dataKey.Plaintext!).toString('base64'),
      Buffer.from(random.Plaintext!).toString('base64'),
    ];
    for (const secret of secrets) expect(everything.stdout).to.not.include(secret);
    expect(everything.stdout.toLowerCase()).to.not.include('keystorepassword');
  });
});
