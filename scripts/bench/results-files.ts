// Writes a run to bench-results/ (gitignored): the JSON under its own name and as latest.json, and the
// table as latest.md. Paths are relative to the working directory, which `npm run` sets to the project.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { BenchReport } from './bench-report';

const RESULTS_DIRECTORY = 'bench-results';

/** Returns the files written. */
export function writeResults(report: BenchReport, markdown: string, out?: string): string[] {
  const directory = resolve(RESULTS_DIRECTORY);
  // 2026-11-29T10:15:00.123Z -> 2026-11-29T10-15-00Z: no colons in file names
  const stamp = report.date.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  const files = {
    run: resolve(out ?? join(directory, `bench-${stamp}.json`)),
    latestJson: join(directory, 'latest.json'),
    latestMarkdown: join(directory, 'latest.md'),
  };
  const json = `${JSON.stringify(report, null, 2)}\n`;
  mkdirSync(directory, { recursive: true });
  mkdirSync(dirname(files.run), { recursive: true });
  writeFileSync(files.run, json);
  writeFileSync(files.latestJson, json);
  writeFileSync(files.latestMarkdown, markdown);
  return Object.values(files);
}
