// Entry point of one HSM node process, started by the fleet with its folder as the only argument.
// Talks to the fleet over the IPC channel; logs JSON lines to stdout (the fleet sends them to node.log).

import { join } from 'node:path';
import { readLaunchFile } from '../fleet/launch-file';
import type { FleetToNodeMessage, NodeToFleetMessage } from '../fleet/node-launch.types';
import { NODE_PID_FILE } from '../fleet/orphan-node-sweep';
import { removePidFile, writePidFile, type PidRecord } from '../fleet/pid-file';
import { NodeRuntime, type NodeLog } from './node-runtime';

const directory = process.argv[2];

const log: NodeLog = (event, details = {}) => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), pid: process.pid, event, ...details })}\n`);
};

/** How long a shutdown may take before the process exits anyway (a request that never settles holds close()). */
const SHUTDOWN_DEADLINE_MS = 3_000;

let pidRecord: PidRecord | undefined;
let runtime: NodeRuntime | undefined;
let stopping = false;

function exit(code: number): never {
  if (pidRecord && directory) removePidFile(join(directory, NODE_PID_FILE), pidRecord);
  process.exit(code);
}

async function shutdown(reason: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log('stopping', { reason });
  setTimeout(() => {
    log('stop-deadline', { reason, afterMs: SHUTDOWN_DEADLINE_MS });
    exit(0);
  }, SHUTDOWN_DEADLINE_MS).unref();
  // Still starting: main() stops the runtime as soon as it exists.
  if (!runtime) return;
  await runtime.stop();
  exit(0);
}

function tell(message: NodeToFleetMessage): void {
  if (process.send && process.connected) process.send(message);
}

async function main(): Promise<void> {
  if (!directory) throw new Error('usage: node-main <node directory>');
  // Token files, node state, audit log: readable by their owner only.
  process.umask(0o077);
  // First of all: a simulator restarted after dying finds this process by its pid file and ends it.
  pidRecord = writePidFile(join(directory, NODE_PID_FILE));
  // The simulator went away (even while this node starts): an orphaned HSM would hold its ports and token forever.
  process.on('disconnect', () => void shutdown('fleet disconnected'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  const launch = readLaunchFile(directory);
  const started = await NodeRuntime.start(launch, log, () => tell({ type: 'activated' }), (entry) => tell({ type: 'audit', entry }));
  runtime = started;
  if (stopping) return started.stop().finally(() => exit(0));
  const ports = await started.listen();
  log('ready', { hsmId: launch.hsmId, host: launch.host, ports });
  process.on('message', (message: FleetToNodeMessage) => {
    if (message.type === 'peers') started.setPeers(message.peers);
    else if (message.type === 'identity') started.setIdentity(message, message.trustedCaPems);
    else if (message.type === 'shutdown') void shutdown('asked by the fleet');
    else if (message.type === 'faults') started.setFaults(message.faults);
    else if (message.type === 'inspect') tell({ type: 'inspected', requestId: message.requestId, inspection: started.inspect() });
    else if (message.type === 'changeUserPassword') {
      const { requestId, username, password } = message;
      started.changeUserPassword(username, password).then(
        (outcome) => tell({ type: 'userPasswordChanged', requestId, ...outcome }),
        (error: unknown) => tell({ type: 'userPasswordChanged', requestId, changed: false, reason: error instanceof Error ? error.message : String(error) }),
      );
    }
  });
  tell({ type: 'ready', ports });
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  log('failed', { error: error instanceof Error ? error.stack : message });
  tell({ type: 'failed', message });
  process.exitCode = 1;
  setTimeout(() => exit(1), 100);
});
