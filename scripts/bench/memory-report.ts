// Item 7 of the benchmark issue: resident memory of each server's processes, idle (seeded, before any
// load) and at its peak while the end-to-end rows ran.

import type { KmsFixture } from './kms-fixture';
import { formatMemory, memoryOfTree, PeakMemorySampler, roleOf, type ProcessMemory } from './process-memory';

export interface ServerMemory {
  readonly label: string;
  readonly idle: ProcessMemory[];
  readonly peakUnderLoad: ProcessMemory[];
}

/** Opens the servers, reads them idle, then samples them until `finish()`. */
export async function watchMemory(fixtures: readonly KmsFixture[]): Promise<{ finish(): ServerMemory[] }> {
  const watched = await Promise.all(
    fixtures.map(async (fixture) => {
      const { pid } = await fixture.open();
      if (pid === undefined) return undefined;
      return { label: fixture.label, idle: memoryOfTree(pid), sampler: new PeakMemorySampler(pid) };
    }),
  );
  return {
    finish: () => watched.flatMap((server) => (server ? [{ label: server.label, idle: server.idle, peakUnderLoad: server.sampler.stop() }] : [])),
  };
}

export function renderMemoryMarkdown(servers: readonly ServerMemory[]): string[] {
  return [
    'Resident memory in MiB, RSS (private to the process), idle after seeding and at the peak while the end-to-end rows ran:',
    '',
    '| server | process | idle | peak under load |',
    '| --- | --- | ---: | ---: |',
    ...servers.flatMap((server) =>
      server.peakUnderLoad.map((peak) => {
        const idle = server.idle.find((reading) => reading.pid === peak.pid);
        return `| ${server.label} | ${roleOf(peak)} ${peak.pid} | ${idle ? formatMemory(idle) : '–'} | ${formatMemory(peak)} |`;
      }),
    ),
  ];
}
