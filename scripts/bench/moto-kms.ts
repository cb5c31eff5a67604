// Starts moto's server (preinstalled: `python3 -m moto.server`) on a free local port, the peer a user would
// otherwise run. Its keys are ordinary AWS_KMS keys: moto has no custom key stores.

import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { waitFor } from '../../test/e2e/support/wait-for';
import type { RunningKms } from './kms-fixture';

const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 30_000;

export async function startMotoKms(): Promise<RunningKms> {
  const port = await freePort();
  const child = spawn('python3', ['-m', 'moto.server', '-H', HOST, '-p', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const endpoint = `http://${HOST}:${port}`;
  try {
    await waitFor('moto to answer', async () => {
      if (child.exitCode !== null) throw new Error(`moto exited with ${child.exitCode}:\n${output}`);
      return (await answers(endpoint)) ? true : undefined;
    }, START_TIMEOUT_MS);
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, keySpec: {}, deletesKeysAtOnce: false, ...(child.pid === undefined ? {} : { pid: child.pid }), stop };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Whether anything answers HTTP at the endpoint; moto answers its root with a status page. */
function answers(endpoint: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = request(endpoint, { method: 'GET', timeout: 1_000 }, (response) => {
      response.resume();
      resolve(true);
    });
    probe.once('timeout', () => probe.destroy());
    probe.once('error', () => resolve(false));
    probe.end();
  });
}
