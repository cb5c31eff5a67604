// The faults an HSM node applies to itself, at its own seams (DESIGN decision 8): its listeners on ports
// 2223-2225 (network), its HsmEngine (engine), and its request rate (busy). The control plane sends a
// node the whole set of faults active on it (IPC message 'faults'); an empty set heals them all.
// Killing and hanging a node are the fleet's business (signals), not the node's.

/** Network faults on the node's three ports, inbound: what a TCP proxy in front of 2223-2225 would do. */
export type NetworkFault =
  /** 'refuse': new connections are reset at once and open ones are reset; 'blackhole': nothing is answered, nothing is closed. */
  | { readonly kind: 'network-partition'; readonly mode: 'refuse' | 'blackhole' }
  /** Every frame in either direction waits ms + a uniform draw in [0, jitterMs), order kept. */
  | { readonly kind: 'network-latency'; readonly ms: number; readonly jitterMs: number }
  /** Each new connection, and each frame received, is reset with this probability. */
  | { readonly kind: 'network-loss'; readonly probability: number };

/** Faults of the node's HsmEngine (PKCS#11 layer). `operations`: engine operation names; absent = every one. */
export type EngineFault =
  | { readonly kind: 'engine-error'; readonly ckr: string; readonly probability: number; readonly operations?: readonly string[] }
  | { readonly kind: 'engine-latency'; readonly ms: number; readonly operations?: readonly string[] };

/** The HSM answers busy to requests on port 2223 above this rate (aws-behaviour 2.9: cluster busy -> ThrottlingException). */
export type BusyFault = { readonly kind: 'hsm-busy'; readonly opsPerSecond: number };

export type NodeFault = NetworkFault | EngineFault | BusyFault;
export type NodeFaultKind = NodeFault['kind'];

/** A fault as the node receives it: which one it is, and the seed of its PRNG (same seed, same injected sequence). */
export type ActiveNodeFault = NodeFault & { readonly faultId: string; readonly seed: number };

/** The node error code of a request refused by hsm-busy. */
export const HSM_BUSY_CODE = 'CKR_HSM_BUSY';
