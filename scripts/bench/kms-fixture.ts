// One KMS service for the end-to-end cases (the simulator or moto), with one symmetric key: started on
// first use, so a --filter that skips every KMS row starts nothing, and stopped once at the end.

import { KmsClient, type KmsJson } from './kms-client';

/** A KMS server process as its starter leaves it. */
export interface RunningKms {
  readonly endpoint: string;
  /** What CreateKey gets besides the defaults, e.g. a custom key store. */
  readonly keySpec: KmsJson;
  readonly pid?: number;
  /** Whether a key scheduled for deletion can be deleted at once: the simulator, by advancing its simulated clock past the window. */
  readonly deletesKeysAtOnce: boolean;
  stop(): Promise<void>;
}

export interface OpenKms {
  readonly client: KmsClient;
  readonly keyId: string;
  /** What CreateKey needs for a key like keyId. */
  readonly keySpec: KmsJson;
  /** The server's process id, for its memory. */
  readonly pid?: number;
  readonly deletesKeysAtOnce: boolean;
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
    const client = new KmsClient(server.endpoint);
    try {
      const { KeyMetadata } = await client.send<{ KeyMetadata?: { KeyId?: string } }>('CreateKey', server.keySpec);
      if (!KeyMetadata?.KeyId) throw new Error(`${this.label}: CreateKey returned no key id`);
      return { client, keyId: KeyMetadata.KeyId, keySpec: server.keySpec, deletesKeysAtOnce: server.deletesKeysAtOnce, ...(server.pid === undefined ? {} : { pid: server.pid }), server };
    } catch (error) {
      client.destroy();
      await server.stop();
      throw error;
    }
  }
}
