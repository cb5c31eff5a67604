// The custom key store's connection state machine, drawn from the table in custom-key-store.states.ts
// (served in /api/meta): one circle per state, one arrow per transition, the current state lit.

import type { ConsoleMeta } from '../console-snapshot.types';
import { html } from './html';
import { colorOf } from './topology';

/** Where each known state sits; any other state the table gains goes on a third row. */
const PLACES: Readonly<Record<string, readonly [number, number]>> = {
  DISCONNECTED: [70, 38],
  CONNECTING: [250, 38],
  CONNECTED: [430, 38],
  DISCONNECTING: [150, 138],
  FAILED: [350, 138],
};
const RADIUS_X = 62;
const RADIUS_Y = 17;

export function StateMachine({ meta, current }: { meta: ConsoleMeta; current: string }) {
  const places = new Map<string, readonly [number, number]>();
  meta.connectionStates.forEach((state, index) => places.set(state, PLACES[state] ?? [70 + (index % 4) * 130, 210]));
  const edges = meta.connectionTransitions.map(({ from, event, to }) => {
    const [x1, y1] = places.get(from)!;
    const [x2, y2] = places.get(to)!;
    const length = Math.hypot(x2 - x1, y2 - y1) || 1;
    const ux = (x2 - x1) / length;
    const uy = (y2 - y1) / length;
    // Leave the ellipses at their rims.
    const rim = (dx: number, dy: number) => 1 / Math.sqrt((dx * dx) / (RADIUS_X * RADIUS_X) + (dy * dy) / (RADIUS_Y * RADIUS_Y));
    const start = rim(ux, uy);
    const end = rim(ux, uy) + 4;
    const mx = (x1 + x2) / 2;
    const my = (y1 + y2) / 2;
    return html`<g class="transition" data-from=${from} data-to=${to}>
      <line x1=${x1 + ux * start} y1=${y1 + uy * start} x2=${x2 - ux * end} y2=${y2 - uy * end} marker-end="url(#arrow)" />
      <text x=${mx + uy * 10} y=${my - ux * 10 + 4} text-anchor="middle">${event}</text>
    </g>`;
  });
  const nodes = meta.connectionStates.map((state) => {
    const [x, y] = places.get(state)!;
    const lit = state === current;
    return html`<g class=${`state${lit ? ' lit' : ''}`} data-state=${state}>
      <ellipse cx=${x} cy=${y} rx=${RADIUS_X} ry=${RADIUS_Y} style=${lit ? `fill:${colorOf(state)};stroke:${colorOf(state)}` : ''} />
      <text x=${x} y=${y + 4} text-anchor="middle">${state}</text>
    </g>`;
  });
  return html`<svg class="state-machine" data-testid="state-machine" viewBox="0 0 510 170" width="510" height="170">
    <defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" /></marker></defs>
    ${edges}${nodes}
  </svg>`;
}
