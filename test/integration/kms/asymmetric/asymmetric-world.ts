// A simulator for the asymmetric, HMAC and key agreement tests: the control plane in this process on port 0,
// in-memory HSM engine, time scale 0, an AWS SDK v3 KMS client; plus the outside checks the tests make:
// openssl on the public key GetPublicKey returns, and the exception a call fails with.

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateKeyCommand, GetPublicKeyCommand, KMSClient, type KeySpec, type KeyUsageType } from '@aws-sdk/client-kms';
import { expect } from 'chai';
import { ControlPlane } from '../../../../src/main/control-plane';
import { createTempDir, removeTempDir } from '../../../support/temp-dir';
import { testConfig } from '../../../support/test-container';

export const REGION = 'us-east-2';
const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

export class AsymmetricWorld {
  private files = 0;

  private constructor(
    private plane: ControlPlane,
    readonly dataDir: string,
    public kms: KMSClient,
  ) {}

  static async start(): Promise<AsymmetricWorld> {
    const dataDir = createTempDir('kms-asym');
    const plane = await ControlPlane.start(testConfig(dataDir, { region: REGION, logLevel: 'error' }));
    return new AsymmetricWorld(plane, dataDir, AsymmetricWorld.client(plane));
  }

  private static client(plane: ControlPlane): KMSClient {
    return new KMSClient({ endpoint: plane.url, region: REGION, credentials: CREDENTIALS, maxAttempts: 1 });
  }

  /** Stops the simulator and starts it again on the same data directory. */
  async restart(): Promise<void> {
    this.kms.destroy();
    await this.plane.stop();
    this.plane = await ControlPlane.start(testConfig(this.dataDir, { region: REGION, logLevel: 'error' }));
    this.kms = AsymmetricWorld.client(this.plane);
  }

  /** The port the endpoint listens on, for the aws CLI. */
  get port(): number {
    return Number(new URL(this.plane.url).port);
  }

  async stop(): Promise<void> {
    this.kms.destroy();
    await this.plane.stop();
    removeTempDir(this.dataDir);
  }

  async createKey(keySpec: KeySpec, keyUsage: KeyUsageType): Promise<string> {
    const { KeyMetadata } = await this.kms.send(new CreateKeyCommand({ KeySpec: keySpec, KeyUsage: keyUsage }));
    return KeyMetadata!.KeyId!;
  }

  /** GetPublicKey's DER, written as a PEM file for openssl. */
  async publicKeyPem(keyId: string): Promise<{ der: Buffer; pemFile: string }> {
    const { PublicKey } = await this.kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
    const der = Buffer.from(PublicKey!);
    const pem = `-----BEGIN PUBLIC KEY-----\n${der.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----\n`;
    return { der, pemFile: this.file('pub.pem', pem) };
  }

  /** A file in the data directory, for openssl. */
  file(suffix: string, content: string | Buffer): string {
    const path = join(this.dataDir, `f${(this.files += 1)}-${suffix}`);
    writeFileSync(path, content);
    return path;
  }

  /** openssl with `args`; its exit code and output. */
  openssl(args: readonly string[]): { code: number; output: string } {
    try {
      return { code: 0, output: execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
    } catch (error) {
      const failure = error as { status?: number; stdout?: string; stderr?: string };
      return { code: failure.status ?? -1, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
    }
  }
}

/** The AWS exception name and HTTP status a call fails with. */
export async function failure(call: Promise<unknown>): Promise<{ name: string; status: number | undefined; message: string }> {
  try {
    await call;
  } catch (error) {
    const failed = error as Error & { $metadata?: { httpStatusCode?: number } };
    return { name: failed.name, status: failed.$metadata?.httpStatusCode, message: failed.message };
  }
  expect.fail('the call succeeded');
}
