// Entry point of one HSM node process, started by the fleet with its folder as the only argument.
// Talks to the fleet over the IPC channel; logs JSON lines to stdout (the fleet sends them to node.log).

import { readLaunchFile } from '../fleet/launch-file';
import type { FleetToNodeMessage, NodeToFleetMessage } from '../fleet/node-launch.types';
import { NodeRuntime, type NodeLog } from './node-runtime';

const directory = process.argv[2];

const log: NodeLog = (event, details = {}) => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), pid: process.pid, event, ...details })}\n`);
};

function tell(message: NodeToFleetMessage): void {
  if (process.send && process.connected) process.send(message);
}

async function main(): Promise<void> {
  if (!directory) throw new Error('usage: node-main <node directory>');
  const launch = readLaunchFile(directory);
  const runtime = await NodeRuntime.start(launch, log, () => tell({ type: 'activated' }), (entry) => tell({ type: 'audit', entry }));
  const ports = await runtime.listen();
  log('ready', { hsmId: launch.hsmId, host: launch.host, ports });

  let stopping = false;
  const shutdown = async (reason: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log('stopping', { reason });
    await runtime.stop();
    process.exit(0);
  };
  process.on('message', (message: FleetToNodeMessage) => {
    if (message.type === 'peers') runtime.setPeers(message.peers);
    else if (message.type === 'identity') runtime.setIdentity(message, message.trustedCaPems);
    else if (message.type === 'shutdown') void shutdown('asked by the fleet');
    else if (message.type === 'faults') runtime.setFaults(message.faults);
    else if (message.type === 'inspect') tell({ type: 'inspected', requestId: message.requestId, inspection: runtime.inspect() });
    else if (message.type === 'changeUserPassword') {
      const { requestId, username, password } = message;
      runtime.changeUserPassword(username, password).then(
        (outcome) => tell({ type: 'userPasswordChanged', requestId, ...outcome }),
        (error: unknown) => tell({ type: 'userPasswordChanged', requestId, changed: false, reason: error instanceof Error ? error.message : String(error) }),
      );
    }
  });
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // The simulator went away: an orphaned HSM would hold its ports and token forever.
  process.on('disconnect', () => void shutdown('fleet disconnected'));
  tell({ type: 'ready', ports });
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  log('failed', { error: error instanceof Error ? error.stack : message });
  tell({ type: 'failed', message });
  process.exitCode = 1;
  setTimeout(() => process.exit(1), 100);
});
