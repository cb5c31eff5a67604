// A simulator for KMS tests over the wire: an in-process ControlPlane (in-memory engine, time scale 0, port
// 0) on a data directory that survives restart(), SDK v3 clients per Region, and the simulated clock.

import { KMSClient } from '@aws-sdk/client-kms';
import { expect } from 'chai';
import { ControlPlane } from '../../../src/main/control-plane';
import { createTempDir, removeTempDir } from '../../support/temp-dir';
import { testConfig } from '../../support/test-container';

export const HOME_REGION = 'us-east-2';
export const DAY_SECONDS = 24 * 60 * 60;

export class KmsWireWorld {
  private plane: ControlPlane | undefined;
  private readonly clients = new Map<string, KMSClient>();

  private constructor(private readonly dataDir: string) {}

  static async start(prefix: string): Promise<KmsWireWorld> {
    const world = new KmsWireWorld(createTempDir(prefix));
    await world.boot();
    return world;
  }

  get url(): string {
    return this.controlPlane.url;
  }

  /** A client signing for `region` (the simulator serves every Region by the SigV4 credential scope). */
  kms(region: string = HOME_REGION): KMSClient {
    let client = this.clients.get(region);
    if (!client) {
      client = new KMSClient({ endpoint: this.url, region, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
      this.clients.set(region, client);
    }
    return client;
  }

  /** Moves the simulated clock; resolves with how many scheduled tasks ran. */
  async advance(seconds: number): Promise<number> {
    const response = await fetch(`${this.url}/_sim/clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seconds }) });
    expect(response.status).to.equal(200);
    return ((await response.json()) as { fired: number }).fired;
  }

  async now(): Promise<Date> {
    return new Date(((await (await fetch(`${this.url}/_sim/clock`)).json()) as { now: string }).now);
  }

  /** Stops the simulator and starts it again on the same data directory. */
  async restart(): Promise<void> {
    await this.shutdown();
    await this.boot();
  }

  async stop(): Promise<void> {
    await this.shutdown();
    removeTempDir(this.dataDir);
  }

  private get controlPlane(): ControlPlane {
    if (!this.plane) throw new Error('the simulator is not running');
    return this.plane;
  }

  private async boot(): Promise<void> {
    this.plane = await ControlPlane.start(testConfig(this.dataDir, { region: HOME_REGION, logLevel: 'error' }));
  }

  private async shutdown(): Promise<void> {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
    await this.plane?.stop();
    this.plane = undefined;
  }
}

/** The error a call fails with (its name is the AWS exception's, `$metadata.httpStatusCode` the status). */
export async function failureOf(call: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await call;
  } catch (error) {
    return error as Error;
  }
  return expect.fail('expected the call to fail, but it succeeded');
}

export async function expectFailure(call: Promise<unknown>, name: string, message?: RegExp): Promise<void> {
  const error = await failureOf(call);
  expect(error.name, error.message).to.equal(name);
  expect(error.$metadata?.httpStatusCode).to.equal(400);
  if (message) expect(error.message).to.match(message);
}
