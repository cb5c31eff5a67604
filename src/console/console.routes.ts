// The web console under /_sim/console/: the page and its bundle, the snapshot, the fixed tables, the
// timeline, and the live event stream (Server-Sent Events). Read-only: every change a user makes in the
// browser goes through the AWS API (POST / with X-Amz-Target) or the fault and clock routes.
// The snapshot and the stream show one Region of the default account: `?region=R`, else the first
// Region that holds a cluster, else the simulator's default Region.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { connectionTransitions, ConnectionState } from '../kms/custom-key-stores/domain/custom-key-store.states';
import { FAULT_KINDS } from '../faults/fault-kinds.table';
import type { AdminRequest, AdminResponse, AdminRouteHandler, RequestLogContext } from '../wire';
import { CONNECTION_ADVICE } from './connection-advice.table';
import { ConsoleFeed } from './console-feed';
import { type ConsoleSources, ConsoleSnapshotBuilder } from './console-snapshot.builder';
import type { ConsoleMeta, TimelineKind } from './console-snapshot.types';
import { consolePage, ConsoleStaticFiles } from './console-static-files';
import { ConsoleTimeline, TIMELINE_LIMIT } from './console-timeline';
import { ConsoleWatcher } from './console-watcher';
import { guideSteps } from './guided-tour';

export const CONSOLE_ROUTE = '/_sim/console';
export const CONSOLE_BASE = `${CONSOLE_ROUTE}/`;
export const EVENTS_ROUTE = `${CONSOLE_BASE}api/events`;
const API = `${CONSOLE_BASE}api/`;
/** An AWS Region name, as a SigV4 credential scope names it (us-east-2, eu-central-1, us-gov-west-1). */
const REGION = /^[a-z]{2}(-[a-z0-9]+)+-\d+$/;
const badRegion = (region: string): string => `'${region.slice(0, 40)}' is not a Region name (e.g. us-east-2)`;
const TIMELINE_KINDS: readonly TimelineKind[] = ['aws', 'hsm', 'fault', 'clock', 'process'];

/** Where the console plugs in: the endpoint's routes, and the events it hears. */
export interface ConsoleHost {
  route(method: string, pathPrefix: string, handler: AdminRouteHandler): void;
  takeOver(pathPrefix: string, handler: (request: IncomingMessage, response: ServerResponse) => void): void;
  onAnswered(listener: (context: RequestLogContext, status: number) => void): void;
}

export interface ConsoleEvents {
  onAudit(listener: (hsmId: string, entry: { readonly event: string; readonly actor?: string; readonly source: string; readonly [detail: string]: unknown }) => void): void;
  onDied(listener: (hsmId: string) => void): void;
  onActivated(listener: (hsmId: string) => void): void;
}

export interface ConsoleOptions {
  readonly endpointUrl: () => string;
  readonly onError?: (error: unknown) => void;
  readonly staticFiles?: ConsoleStaticFiles;
}

export class WebConsole {
  readonly timeline = new ConsoleTimeline();
  readonly builder: ConsoleSnapshotBuilder;
  private readonly feed: ConsoleFeed;
  private readonly watcher: ConsoleWatcher;
  private readonly files: ConsoleStaticFiles;

  constructor(
    private readonly sources: ConsoleSources,
    private readonly options: ConsoleOptions,
  ) {
    this.builder = new ConsoleSnapshotBuilder(sources);
    this.files = options.staticFiles ?? new ConsoleStaticFiles();
    this.watcher = new ConsoleWatcher(
      {
        faultList: () => this.builder.faultList(),
        clockOffsetSeconds: () => Math.round(sources.clock.offset() / 1000),
        processes: () => this.builder.clusterRegions().flatMap((region) => this.builder.clusterList(region)).flatMap((cluster) => cluster.Hsms.map((hsm) => ({ hsmId: hsm.HsmId, status: this.builder.processStatus(hsm.HsmId) }))),
      },
      this.timeline,
    );
    this.feed = new ConsoleFeed({
      snapshot: (region) => this.builder.build(region),
      timeline: this.timeline,
      onTick: () => {
        if (this.watcher.look()) this.feed.changed();
      },
      ...(options.onError ? { onError: options.onError } : {}),
    });
  }

  /** Registers the routes and listens to the endpoint and the HSMs. */
  attach(host: ConsoleHost, events: ConsoleEvents): void {
    host.route('GET', CONSOLE_ROUTE, (request) => this.get(request));
    host.takeOver(EVENTS_ROUTE, (request, response) => {
      const region = new URL(request.url ?? '/', 'http://console').searchParams.get('region') ?? undefined;
      if (region !== undefined && !REGION.test(region)) {
        response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ message: badRegion(region) }));
        return;
      }
      this.feed.attach(request, response, region);
    });
    host.onAnswered((context, status) => this.answered(context, status));
    events.onAudit((hsmId, entry) => {
      const { event, actor, source, time: _time, ...details } = entry;
      this.timeline.add({ kind: 'hsm', summary: `${hsmId}: ${event}${actor ? ` by ${actor}` : ''}`, hsmId, outcome: event, details: { source, ...details } });
      this.feed.changed();
    });
    // The watcher records the process going down (up -> down), once.
    events.onDied(() => {
      if (this.watcher.look()) this.feed.changed();
    });
    events.onActivated((hsmId) => {
      this.timeline.add({ kind: 'hsm', summary: `${hsmId}: reports its cluster activated`, hsmId, outcome: 'activated' });
      this.feed.changed();
    });
    this.watcher.look();
  }

  stop(): void {
    this.feed.stop();
  }

  meta(): ConsoleMeta {
    // `region` is the simulator's default Region; each snapshot names the Region it shows.
    const { accountId, region } = this.sources;
    const endpoint = this.options.endpointUrl();
    return {
      endpoint,
      accountId,
      region,
      connectionStates: Object.values(ConnectionState),
      connectionTransitions: connectionTransitions(),
      connectionAdvice: CONNECTION_ADVICE,
      faultKinds: Object.entries(FAULT_KINDS).map(([kind, spec]) => ({ kind, summary: spec.summary, heal: spec.heal })),
      guide: guideSteps(endpoint),
      timelineLimit: TIMELINE_LIMIT,
    };
  }

  private async get(request: AdminRequest): Promise<AdminResponse> {
    const path = request.path;
    if (path === CONSOLE_ROUTE || path === CONSOLE_BASE || path === `${CONSOLE_BASE}index.html`) {
      if (!this.files.built) return { status: 503, body: { message: 'The console bundle is not built: run `npm run build` (it bundles src/console/web into dist/console-web).' } };
      return { text: { contentType: 'text/html; charset=utf-8', content: consolePage(CONSOLE_BASE) } };
    }
    if (path === `${API}snapshot`) {
      const region = request.query.get('region') ?? undefined;
      if (region !== undefined && !REGION.test(region)) return { status: 400, body: { message: badRegion(region) } };
      return { body: await this.builder.build(region) };
    }
    if (path === `${API}meta`) return { body: this.meta() };
    if (path === `${API}timeline`) {
      const kinds = (request.query.get('kind') ?? '').split(',').filter((kind): kind is TimelineKind => (TIMELINE_KINDS as readonly string[]).includes(kind));
      return { body: { limit: TIMELINE_LIMIT, entries: this.timeline.list(kinds) } };
    }
    const file = path.startsWith(CONSOLE_BASE) ? this.files.file(path.slice(CONSOLE_BASE.length)) : undefined;
    if (file) return { text: file };
    return { status: 404, body: { message: `no console route ${path}; the console is at ${CONSOLE_BASE}` } };
  }

  private answered(context: RequestLogContext, status: number): void {
    if (context.operation !== undefined) {
      const caller = context.accessKeyId ?? 'anonymous';
      this.timeline.add({
        kind: 'aws',
        summary: `${context.service ?? '?'}:${context.operation}`,
        outcome: context.errorCode ?? 'ok',
        details: { caller, status, requestId: context.requestId },
      });
      if (!isReadOnly(context.operation)) this.feed.changed();
      return;
    }
    if (context.method !== 'GET' && (context.path.startsWith('/_sim/faults') || context.path.startsWith('/_sim/clock'))) {
      if (this.watcher.look()) this.feed.changed();
    }
  }
}

/** Describe*, List*, Get*: nothing changed. */
function isReadOnly(operation: string): boolean {
  return /^(Describe|List|Get)/.test(operation);
}
