// What an RpcServer asks before it hands on a TCP connection or a received frame: the port through which
// network faults reach a node's listeners (hsm-sim/faults/network-fault-gate.ts implements it). The
// server checks `active` once per connection and per frame; the rest is asked only while it is true.

/** 'accept': TLS handshake as usual; 'reset': TCP reset at once; 'hold': accepted, never answered. */
export type ConnectionVerdict = 'accept' | 'reset' | 'hold';

/** 'pass': handle now; 'drop': ignore it; 'reset': reset the connection; delayMs: handle it after that long. */
export type FrameVerdict = 'pass' | 'drop' | 'reset' | { readonly delayMs: number };

/** What open connections must become after the gate changed. */
export type OpenConnectionsVerdict = 'keep' | 'reset' | 'stall';

export interface ConnectionGate {
  readonly active: boolean;
  onConnection(): ConnectionVerdict;
  onFrame(): FrameVerdict;
  /** After a change: 'reset' them, 'stall' them (no more answers), or 'keep' them (stalled ones are then closed). */
  openConnections(): OpenConnectionsVerdict;
  /** Calls the listener after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}
