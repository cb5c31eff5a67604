// chart.svg, written by hand: success rate per second (top) and p50/p99 latency per second (bottom),
// against seconds since the start, each fault window shaded across both panels and labelled.

import type { TimelineDocument } from './timeline';
import { faultWindows, perSecond, type SecondStats } from './window.stats';

const WIDTH = 960;
const LEFT = 70;
const RIGHT = 20;
const PLOT_WIDTH = WIDTH - LEFT - RIGHT;
const RATE_TOP = 60;
const RATE_HEIGHT = 160;
const LATENCY_TOP = 270;
const LATENCY_HEIGHT = 180;
const HEIGHT = LATENCY_TOP + LATENCY_HEIGHT + 50;
const COLOURS = { success: '#2a9d3f', p50: '#1f5fbf', p99: '#d9731a', fault: '#d62728' };

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A round axis top at or above `value`: 1, 2 or 5 times a power of ten. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].map((step) => step * power).find((top) => top >= value) ?? 10 * power);
}

/** A path through the seconds that have a value; a second without requests breaks the line. */
function linePath(seconds: readonly SecondStats[], value: (second: SecondStats) => number | undefined, x: (s: number) => number, y: (v: number) => number): string {
  let path = '';
  let drawing = false;
  for (const second of seconds) {
    const found = value(second);
    if (found === undefined) {
      drawing = false;
      continue;
    }
    path += `${drawing ? 'L' : 'M'}${x(second.second + 0.5).toFixed(1)},${y(found).toFixed(1)} `;
    drawing = true;
  }
  return path.trim();
}

export function renderChart(timeline: TimelineDocument): string {
  const seconds = perSecond(timeline);
  const spanSeconds = Math.max(1, timeline.endedT / 1000);
  const x = (s: number): number => LEFT + (Math.min(s, spanSeconds) / spanSeconds) * PLOT_WIDTH;
  const rateY = (share: number): number => RATE_TOP + (1 - share) * RATE_HEIGHT;
  const latencyTop = niceCeiling(Math.max(1, ...seconds.map((second) => second.p99Ms ?? 0)));
  const latencyY = (ms: number): number => LATENCY_TOP + (1 - ms / latencyTop) * LATENCY_HEIGHT;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<title>${escapeXml(`Experiment ${timeline.plan.name}`)}</title>`,
    `<rect x="0" y="0" width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${LEFT}" y="22" font-size="15" font-weight="bold">${escapeXml(`Experiment ${timeline.plan.name}: probe success rate and latency per second`)}</text>`,
  ];
  faultWindows(timeline).forEach((window, index) => {
    const left = x(window.fromT / 1000);
    const width = Math.max(1, x(window.toT / 1000) - left);
    parts.push(
      `<rect class="fault-window" x="${left.toFixed(1)}" y="${RATE_TOP}" width="${width.toFixed(1)}" height="${LATENCY_TOP + LATENCY_HEIGHT - RATE_TOP}" fill="${COLOURS.fault}" fill-opacity="0.12" stroke="${COLOURS.fault}" stroke-opacity="0.4"/>`,
      `<text x="${(left + 3).toFixed(1)}" y="${RATE_TOP - 6 - (index % 2) * 12}" fill="${COLOURS.fault}">${escapeXml(`${window.fault.label} (${window.fault.kind})`)}</text>`,
    );
  });
  // Axes, grid and tick labels.
  for (const share of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line x1="${LEFT}" x2="${LEFT + PLOT_WIDTH}" y1="${rateY(share)}" y2="${rateY(share)}" stroke="#dddddd"/>`);
    parts.push(`<text x="${LEFT - 6}" y="${rateY(share) + 4}" text-anchor="end">${share * 100}%</text>`);
  }
  for (const fraction of [0, 0.25, 0.5, 0.75, 1]) {
    const ms = latencyTop * fraction;
    parts.push(`<line x1="${LEFT}" x2="${LEFT + PLOT_WIDTH}" y1="${latencyY(ms)}" y2="${latencyY(ms)}" stroke="#dddddd"/>`);
    parts.push(`<text x="${LEFT - 6}" y="${latencyY(ms) + 4}" text-anchor="end">${Number(ms.toPrecision(3))}</text>`);
  }
  const tickEvery = niceCeiling(spanSeconds / 10);
  for (let s = 0; s <= spanSeconds; s += tickEvery) {
    parts.push(`<line x1="${x(s)}" x2="${x(s)}" y1="${LATENCY_TOP + LATENCY_HEIGHT}" y2="${LATENCY_TOP + LATENCY_HEIGHT + 5}" stroke="#333333"/>`);
    parts.push(`<text x="${x(s)}" y="${LATENCY_TOP + LATENCY_HEIGHT + 18}" text-anchor="middle">${s}</text>`);
  }
  parts.push(
    `<rect x="${LEFT}" y="${RATE_TOP}" width="${PLOT_WIDTH}" height="${RATE_HEIGHT}" fill="none" stroke="#333333"/>`,
    `<rect x="${LEFT}" y="${LATENCY_TOP}" width="${PLOT_WIDTH}" height="${LATENCY_HEIGHT}" fill="none" stroke="#333333"/>`,
    `<text transform="translate(18 ${RATE_TOP + RATE_HEIGHT / 2}) rotate(-90)" text-anchor="middle">success rate</text>`,
    `<text transform="translate(18 ${LATENCY_TOP + LATENCY_HEIGHT / 2}) rotate(-90)" text-anchor="middle">latency (ms)</text>`,
    `<text x="${LEFT + PLOT_WIDTH / 2}" y="${HEIGHT - 10}" text-anchor="middle">seconds since the start</text>`,
    `<path d="${linePath(seconds, (second) => second.successRate, x, rateY)}" fill="none" stroke="${COLOURS.success}" stroke-width="2"/>`,
    `<path d="${linePath(seconds, (second) => second.p50Ms, x, latencyY)}" fill="none" stroke="${COLOURS.p50}" stroke-width="2"/>`,
    `<path d="${linePath(seconds, (second) => second.p99Ms, x, latencyY)}" fill="none" stroke="${COLOURS.p99}" stroke-width="2"/>`,
  );
  // Legend, on a white band so a fault window's shading behind it does not blur it.
  parts.push(`<rect x="${LEFT + PLOT_WIDTH - 466}" y="${RATE_TOP + RATE_HEIGHT + 12}" width="466" height="18" fill="#ffffff"/>`);
  const legend: [string, string][] = [['success rate', COLOURS.success], ['p50 latency', COLOURS.p50], ['p99 latency', COLOURS.p99], ['fault window', COLOURS.fault]];
  legend.forEach(([label, colour], index) => {
    const left = LEFT + PLOT_WIDTH - 460 + index * 118;
    parts.push(`<rect x="${left}" y="${RATE_TOP + RATE_HEIGHT + 16}" width="14" height="10" fill="${colour}" fill-opacity="${label === 'fault window' ? 0.25 : 1}"/>`);
    parts.push(`<text x="${left + 18}" y="${RATE_TOP + RATE_HEIGHT + 25}">${label}</text>`);
  });
  parts.push('</svg>', '');
  return parts.join('\n');
}
