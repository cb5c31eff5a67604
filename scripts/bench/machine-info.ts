// The machine a benchmark ran on: results are only comparable on the same kind of box.

import { cpus, release, totalmem, type } from 'node:os';

export interface MachineInfo {
  readonly cpuModel: string;
  readonly cores: number;
  readonly os: string;
  readonly node: string;
  readonly memoryGiB: number;
}

export function describeMachine(): MachineInfo {
  const cores = cpus();
  return {
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    os: `${type()} ${release()}`,
    node: process.version,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
  };
}
