// The fault routes under /_sim/ (plain JSON, no SigV4): POST /_sim/faults adds one, GET /_sim/faults
// lists them, DELETE /_sim/faults/<faultId> heals one, POST /_sim/faults/reset heals all.

import type { AdminRequest, AdminResponse, AdminRouteHandler } from '../wire/admin-router';
import type { AddFaultRequest, FaultInjector } from './fault-injector.service';
import { FaultRequestError } from './fault-request.error';

export const FAULTS_ROUTE = '/_sim/faults';
const RESET_ROUTE = `${FAULTS_ROUTE}/reset`;

export interface AdminRoutes {
  route(method: string, pathPrefix: string, handler: AdminRouteHandler): void;
}

function answering(handler: (request: AdminRequest) => Promise<AdminResponse> | AdminResponse): AdminRouteHandler {
  return async (request) => {
    try {
      return await handler(request);
    } catch (error) {
      if (error instanceof FaultRequestError) return { status: error.status, body: { message: error.message } };
      throw error;
    }
  };
}

const notFound = (request: AdminRequest): AdminResponse => ({
  status: 404,
  body: { message: `no route ${request.method} ${request.path}; fault routes: POST ${FAULTS_ROUTE}, GET ${FAULTS_ROUTE}, DELETE ${FAULTS_ROUTE}/<faultId>, POST ${RESET_ROUTE}` },
});

export function registerFaultRoutes(routes: AdminRoutes, injector: FaultInjector): void {
  routes.route(
    'POST',
    FAULTS_ROUTE,
    answering(async (request) => {
      if (request.path === RESET_ROUTE) return { body: await injector.reset() };
      if (request.path !== FAULTS_ROUTE) return notFound(request);
      return { status: 201, body: await injector.add((request.body ?? {}) as AddFaultRequest) };
    }),
  );
  routes.route(
    'GET',
    FAULTS_ROUTE,
    answering((request) => (request.path === FAULTS_ROUTE ? { body: { faults: injector.list() } } : notFound(request))),
  );
  routes.route(
    'DELETE',
    `${FAULTS_ROUTE}/`,
    answering(async (request) => {
      const faultId = decodeURIComponent(request.path.slice(FAULTS_ROUTE.length + 1));
      if (faultId === '' || faultId.includes('/')) return notFound(request);
      return { body: await injector.heal(faultId) };
    }),
  );
}
