// GET /_sim/health: 200 with {"status": "ready" | "starting", "version", "services", "hsms", "preset"?},
// as LocalStack's /_localstack/health; `cloudhsm-sim wait-ready` polls it.

import type { AdminRequest, AdminResponse } from '../wire';
import type { SimulatorReadiness } from './simulator-readiness';

export const HEALTH_ROUTE = '/_sim/health';

export function healthRoute(readiness: SimulatorReadiness, request: AdminRequest): AdminResponse {
  if (request.path !== HEALTH_ROUTE) return { status: 404, body: { message: `no route ${request.path}: use GET ${HEALTH_ROUTE}` } };
  return { body: readiness.view() };
}
