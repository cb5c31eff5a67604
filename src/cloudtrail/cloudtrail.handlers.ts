// The CloudTrail operation the endpoint serves (LookupEvents), with the caller's account and Region.

import type { DependencyContainer } from 'tsyringe';
import { EventLookupService, type LookupEventsRequest } from './event-lookup.service';

type Scope = { readonly accountId: string; readonly region: string };

export function cloudTrailHandlers(container: DependencyContainer): Record<'LookupEvents', (input: never, scope: Scope) => unknown> {
  const lookup = container.resolve(EventLookupService);
  return {
    LookupEvents: (input: LookupEventsRequest, scope: Scope) => lookup.lookupEvents({ accountId: scope.accountId, region: scope.region }, input),
  };
}
