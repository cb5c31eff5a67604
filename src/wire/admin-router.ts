// Plain JSON routes under /_sim/ for the simulator's own controls (fault plans, inspection). They sit
// beside the AWS routes, never behind them: no SigV4, no X-Amz-Target.

import type { IncomingMessage, ServerResponse } from 'node:http';

export const ADMIN_PREFIX = '/_sim/';

export interface AdminRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  /** The parsed JSON body; undefined when the body is empty. */
  readonly body: unknown;
}

export interface AdminResponse {
  /** Default 200. */
  readonly status?: number;
  /** Written as JSON; default `{}`. */
  readonly body?: unknown;
  /** A static file (HTML, JS, CSS): written as is, with `contentType`, instead of `body` as JSON. */
  readonly text?: { readonly contentType: string; readonly content: string };
}

/** May throw an AwsException to answer `{"__type", "message"}` with its status. */
export type AdminRouteHandler = (request: AdminRequest) => AdminResponse | Promise<AdminResponse>;

interface AdminRoute {
  readonly method: string;
  readonly pathPrefix: string;
  readonly handler: AdminRouteHandler;
}

/**
 * A route that takes over the response itself (a Server-Sent Events stream): called as soon as the request
 * head arrives, before any body is read, and writes to the socket for as long as it likes.
 */
export type TakeOverHandler = (request: IncomingMessage, response: ServerResponse) => void;

export class AdminRouter {
  private readonly routes: AdminRoute[] = [];

  /** Throws unless `pathPrefix` lies under /_sim/, so admin routes can never shadow an AWS route. */
  add(method: string, pathPrefix: string, handler: AdminRouteHandler): void {
    if (!pathPrefix.startsWith(ADMIN_PREFIX)) throw new Error(`admin routes live under ${ADMIN_PREFIX}, not ${pathPrefix}`);
    this.routes.push({ method: method.toUpperCase(), pathPrefix, handler });
    // Longest prefix first, so /_sim/faults/plan wins over /_sim/faults.
    this.routes.sort((a, b) => b.pathPrefix.length - a.pathPrefix.length);
  }

  find(method: string, path: string): AdminRouteHandler | undefined {
    return this.routes.find((route) => route.method === method && path.startsWith(route.pathPrefix))?.handler;
  }
}
