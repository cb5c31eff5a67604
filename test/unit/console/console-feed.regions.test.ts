// The console's event stream per Region: each browser gets the snapshots of the Region it asked for
// (`?region=`), a browser that asked for none gets the default Region's, and a change sends each of
// them the new picture of its own Region only.

import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { expect } from 'chai';
import { ConsoleFeed, DEBOUNCE_MS } from '../../../src/console/console-feed';
import type { ConsoleSnapshot } from '../../../src/console/console-snapshot.types';
import { ConsoleTimeline } from '../../../src/console/console-timeline';

class FakeResponse extends EventEmitter {
  readonly destroyed = false;
  readonly writableEnded = false;
  readonly chunks: string[] = [];

  writeHead(): this {
    return this;
  }

  write(chunk: string): boolean {
    this.chunks.push(chunk);
    return true;
  }

  end(): void {}

  /** Every snapshot received, in order, as `region@version` (the feed's tick may repeat one). */
  snapshots(): string[] {
    return this.chunks
      .filter((chunk) => chunk.startsWith('event: snapshot'))
      .map((chunk) => JSON.parse(chunk.split('\ndata: ')[1]!) as { region: string; version: number })
      .map(({ region, version }) => `${region}@${version}`);
  }

  /** The distinct snapshots received, in order. */
  seen(): string[] {
    return [...new Set(this.snapshots())];
  }
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS + 100));

describe('console feed: one snapshot per Region watched', () => {
  let feed: ConsoleFeed;
  let version = 0;
  let defaultRegion = 'us-east-1';

  beforeEach(() => {
    version = 0;
    defaultRegion = 'us-east-1';
    feed = new ConsoleFeed({
      timeline: new ConsoleTimeline(),
      snapshot: (region) => Promise.resolve({ region: region ?? defaultRegion, version } as unknown as ConsoleSnapshot),
    });
  });

  afterEach(() => feed.stop());

  function connect(region: string | undefined): FakeResponse {
    const response = new FakeResponse();
    feed.attach(new EventEmitter() as IncomingMessage, response as unknown as ServerResponse, region);
    return response;
  }

  it("sends each browser its own Region's snapshot, on connect and after a change", async () => {
    const east2 = connect('us-east-2');
    const plain = connect(undefined);
    await settle();
    expect(east2.seen()).to.deep.equal(['us-east-2@0']);
    expect(plain.seen()).to.deep.equal(['us-east-1@0']);
    version += 1;
    feed.changed();
    await settle();
    expect(east2.seen()).to.deep.equal(['us-east-2@0', 'us-east-2@1']);
    expect(plain.seen()).to.deep.equal(['us-east-1@0', 'us-east-1@1']);
  });

  it('a browser that named no Region follows the default one when it moves', async () => {
    const plain = connect(undefined);
    await settle();
    defaultRegion = 'us-east-2';
    feed.changed();
    await settle();
    expect(plain.seen()).to.deep.equal(['us-east-1@0', 'us-east-2@0']);
  });
});
