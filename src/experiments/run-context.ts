// The runtime values plans refer to with templates (template.resolver.ts): the store, its cluster, the
// HSMs and zones, the probe's key, each named step's output.

export interface HsmView {
  readonly id: string;
  readonly availabilityZone: string;
  readonly eniIp: string;
  readonly state: string;
}

export interface RunContext {
  readonly region: string;
  readonly store: { readonly id: string; readonly name: string };
  readonly cluster: { readonly id: string };
  readonly hsms: readonly HsmView[];
  /** The cluster's availability zones, sorted. */
  readonly zones: readonly string[];
  probe: { keyId?: string; keyArn?: string };
  readonly steps: Record<string, { output: unknown }>;
}
