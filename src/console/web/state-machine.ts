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
  DISCONNECTING: [160, 130],
  FAILED: [340, 130],
};
/** Transitions drawn as a curve through this point, so that no two arrows cross. */
const BENDS: Readonly<Record<string, readonly [number, number]>> = { 'CONNECTED>DISCONNECTING': [360, 250] };
const RADIUS_X = 62;
const RADIUS_Y = 17;

export function StateMachine({ meta, current }: { meta: ConsoleMeta; current: string }) {
  const places = new Map<string, readonly [number, number]>();
  meta.connectionStates.forEach((state, index) => places.set(state, PLACES[state] ?? [70 + (index % 4) * 130, 210]));
  const edges = meta.connectionTransitions.map(({ from, event, to }) => {
    const [x1, y1] = places.get(from)!;
    const [x2, y2] = places.get(to)!;
    const [cx, cy] = BENDS[`${from}>${to}`] ?? [(x1 + x2) / 2, (y1 + y2) / 2];
    // Leave the ellipses at their rims, heading towards the control point.
    const unit = (dx: number, dy: number): [number, number] => {
      const length = Math.hypot(dx, dy) || 1;
      return [dx / length, dy / length];
    };
    const rim = ([dx, dy]: [number, number]) => 1 / Math.sqrt((dx * dx) / (RADIUS_X * RADIUS_X) + (dy * dy) / (RADIUS_Y * RADIUS_Y));
    const out = unit(cx - x1, cy - y1);
    const into = unit(x2 - cx, y2 - cy);
    const sx = x1 + out[0] * rim(out);
    const sy = y1 + out[1] * rim(out);
    const ex = x2 - into[0] * (rim(into) + 3);
    const ey = y2 - into[1] * (rim(into) + 3);
    // The curve's midpoint, and the label beside it.
    const mx = 0.25 * sx + 0.5 * cx + 0.25 * ex;
    const my = 0.25 * sy + 0.5 * cy + 0.25 * ey;
    const [nx, ny] = unit(ex - sx, ey - sy);
    return html`<g class="transition" data-from=${from} data-to=${to}>
      <path d=${`M ${sx} ${sy} Q ${cx} ${cy} ${ex} ${ey}`} marker-end="url(#arrow)" />
      <text x=${mx + ny * 10} y=${my - nx * 10 + 4} text-anchor="middle">${event}</text>
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
  return html`<svg class="state-machine" data-testid="state-machine" viewBox="0 0 510 200" width="510" height="200">
    <defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" /></marker></defs>
    ${edges}${nodes}
  </svg>`;
}
