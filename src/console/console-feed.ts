// The console's live stream (Server-Sent Events): each connected browser gets the snapshot when it
// connects and again whenever it changes, and every timeline entry as it happens. A change notifier
// (AWS calls, fault routes, HSM events) asks for a new snapshot, debounced; a tick every half second also
// builds one while browsers are connected, so changes nobody announced (a store that finishes
// connecting, a fault that heals on its timer) arrive within a second. Only snapshots that differ are sent.
// Each browser watches one Region (`?region=` on the stream) or, naming none, whichever Region the
// builder shows by default (it follows when a first cluster appears elsewhere): one snapshot is built per
// Region watched.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConsoleSnapshot, TimelineEntry } from './console-snapshot.types';
import type { ConsoleTimeline } from './console-timeline';

export const DEBOUNCE_MS = 200;
export const TICK_MS = 500;
const HEARTBEAT_MS = 15_000;
/** Entries a browser gets when it connects (the rest of the timeline is at GET .../api/timeline). */
const HISTORY_ON_CONNECT = 200;

export interface ConsoleFeedOptions {
  /** The picture of `region`; undefined: of the default Region. */
  readonly snapshot: (region: string | undefined) => Promise<ConsoleSnapshot>;
  readonly timeline: ConsoleTimeline;
  /** Runs on every tick, browsers or not (the watcher that turns fault, clock and process changes into timeline entries). */
  readonly onTick?: () => void;
  readonly onError?: (error: unknown) => void;
}

export class ConsoleFeed {
  /** Each browser and the Region it asked for ('' = the default one). */
  private readonly clients = new Map<ServerResponse, string>();
  private readonly tick: NodeJS.Timeout;
  private readonly heartbeat: NodeJS.Timeout;
  private debounce: NodeJS.Timeout | undefined;
  /** The last snapshot sent, by Region asked for. */
  private readonly last = new Map<string, string>();
  private building: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(private readonly options: ConsoleFeedOptions) {
    options.timeline.onEntry((entry) => this.broadcast('timeline', JSON.stringify(entry)));
    this.tick = setInterval(() => {
      this.guard(() => this.options.onTick?.());
      if (this.clients.size > 0) void this.publish();
    }, TICK_MS);
    this.heartbeat = setInterval(() => {
      for (const client of this.clients.keys()) client.write(': ping\n\n');
    }, HEARTBEAT_MS);
    this.tick.unref();
    this.heartbeat.unref();
  }

  get clientCount(): number {
    return this.clients.size;
  }

  /** Something changed: a new snapshot goes out within DEBOUNCE_MS (several changes, one snapshot). */
  changed(): void {
    if (this.stopped || this.clients.size === 0 || this.debounce) return;
    this.debounce = setTimeout(() => {
      this.debounce = undefined;
      void this.publish();
    }, DEBOUNCE_MS);
    this.debounce.unref();
  }

  /** GET .../api/events[?region=R]: takes over the response and keeps it open until the browser leaves or the server stops. */
  attach(request: IncomingMessage, response: ServerResponse, region: string | undefined): void {
    if (this.stopped) {
      response.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'the console is stopping' }));
      return;
    }
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    response.write('retry: 1000\n\n');
    this.clients.set(response, region ?? '');
    const leave = (): void => {
      this.clients.delete(response);
    };
    request.on('close', leave);
    response.on('close', leave);
    const history: TimelineEntry[] = this.options.timeline.list().slice(0, HISTORY_ON_CONNECT);
    send(response, 'history', JSON.stringify(history));
    this.options
      .snapshot(region)
      .then((snapshot) => {
        const text = JSON.stringify(snapshot);
        send(response, 'snapshot', text);
      })
      .catch((error: unknown) => this.guard(() => this.options.onError?.(error)));
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.tick);
    clearInterval(this.heartbeat);
    clearTimeout(this.debounce);
    for (const client of this.clients.keys()) client.end();
    this.clients.clear();
    this.last.clear();
  }

  /** Builds one snapshot at a time; a request during a build makes one more build after it. */
  private publish(): Promise<void> {
    if (this.building) {
      this.again = true;
      return this.building;
    }
    this.building = (async () => {
      do {
        this.again = false;
        if (this.stopped || this.clients.size === 0) return;
        const watched = new Set(this.clients.values());
        for (const key of this.last.keys()) if (!watched.has(key)) this.last.delete(key);
        for (const key of watched) {
          try {
            const text = JSON.stringify(await this.options.snapshot(key || undefined));
            if (text === this.last.get(key)) continue;
            this.last.set(key, text);
            for (const [client, watching] of this.clients) if (watching === key) send(client, 'snapshot', text);
          } catch (error) {
            this.guard(() => this.options.onError?.(error));
          }
        }
      } while (this.again);
    })().finally(() => {
      this.building = undefined;
    });
    return this.building;
  }

  private broadcast(event: string, data: string): void {
    for (const client of this.clients.keys()) send(client, event, data);
  }

  private guard(work: () => void): void {
    try {
      work();
    } catch (error) {
      try {
        this.options.onError?.(error);
      } catch {
        // nothing left to tell
      }
    }
  }
}

function send(response: ServerResponse, event: string, data: string): void {
  if (response.destroyed || response.writableEnded) return;
  response.write(`event: ${event}\ndata: ${data}\n\n`);
}
