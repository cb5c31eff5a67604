// One KMS service for the end-to-end cases (the simulator or moto), with one symmetric key: started on
// first use, so a --filter that skips every KMS row starts nothing, and stopped once at the end.

import { CreateKeyCommand, type CreateKeyCommandInput, type KMSClient } from '@aws-sdk/client-kms';
import { createKmsClient } from './kms-client';

/** A KMS server process as its starter leaves it. */
export interface RunningKms {
  readonly endpoint: string;
  /** What CreateKey gets besides the defaults, e.g. a custom key store. */
  readonly keySpec: CreateKeyCommandInput;
  stop(): Promise<void>;
}

export interface OpenKms {
  readonly client: KMSClient;
  readonly keyId: string;
}

interface Opened extends OpenKms {
  readonly server: RunningKms;
}

export class KmsFixture {
  private opening?: Promise<Opened>;

  constructor(
    /** The engine column of the table. */
    readonly label: string,
    private readonly startServer: () => Promise<RunningKms>,
  ) {}

  async open(): Promise<OpenKms> {
    this.opening ??= this.start();
    return this.opening;
  }

  async close(): Promise<void> {
    // A failed start has stopped its server and rejected the setup that asked for it.
    const opened = await this.opening?.catch(() => undefined);
    this.opening = undefined;
    if (!opened) return;
    opened.client.destroy();
    await opened.server.stop();
  }

  private async start(): Promise<Opened> {
    const server = await this.startServer();
    const client = createKmsClient(server.endpoint);
    try {
      const { KeyMetadata } = await client.send(new CreateKeyCommand(server.keySpec));
      if (!KeyMetadata?.KeyId) throw new Error(`${this.label}: CreateKey returned no key id`);
      return { client, keyId: KeyMetadata.KeyId, server };
    } catch (error) {
      client.destroy();
      await server.stop();
      throw error;
    }
  }
}
