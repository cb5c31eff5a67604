// The report folder: timeline.json (raw records), report.md (tables) and chart.svg.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderChart } from './chart-svg.writer';
import { renderReport } from './report-markdown.writer';
import type { TimelineDocument } from './timeline';

/** experiment-results/<plan name>-<UTC timestamp>/, e.g. experiment-results/lose-one-hsm-20261206T104400Z */
export function defaultReportFolder(planName: string, startedAt: Date): string {
  const stamp = startedAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return join('experiment-results', `${planName}-${stamp}`);
}

export function writeReportFolder(folder: string, timeline: TimelineDocument): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'timeline.json'), `${JSON.stringify(timeline, null, 1)}\n`);
  writeFileSync(join(folder, 'report.md'), renderReport(timeline));
  writeFileSync(join(folder, 'chart.svg'), renderChart(timeline));
}
