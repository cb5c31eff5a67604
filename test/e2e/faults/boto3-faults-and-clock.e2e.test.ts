// Issue acceptance, with boto3 as the client: faults added and healed over /_sim/faults change what
// KMS answers, and at --time-scale 0 a 7-day deletion window holds until the simulated clock moves.

import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { seedConnectedStoreOverSdk } from '../../../scripts/bench/seed-over-sdk';
import { SimulatorProcess } from '../support/simulator-process';

describe('e2e (boto3): fault routes and the simulated clock', function () {
  this.timeout(180_000);
  let simulator: SimulatorProcess;
  before(async () => (simulator = await SimulatorProcess.start()));
  after(async () => simulator?.destroy());

  it('sees a partition and its heal, and a deletion window that waits for the clock', async () => {
    const { clusterId, customKeyStoreId } = await seedConnectedStoreOverSdk(simulator.endpoint, () => undefined);
    const script = join(__dirname, '..', '..', '..', '..', 'test', 'e2e', 'faults', 'boto3-faults-and-clock.py');
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' };
    const { stdout } = await promisify(execFile)('python3', [script, simulator.endpoint, 'us-east-2', customKeyStoreId, clusterId], { env });
    const seen = JSON.parse(stdout) as Record<string, unknown> & { clockMoved: [string, string] };
    expect(seen).to.deep.include({
      addStatus: 201,
      listed: true,
      duringPartition: 'KMSInvalidStateException',
      storeDuringPartition: 'CONNECTED',
      healStatus: 200,
      afterHeal: 'before the partition',
      badKind: 400,
      scheduled: 'PendingDeletion',
      after6Days: 'PendingDeletion',
      after7Days: 'NotFoundException',
    });
    const [before, after] = seen.clockMoved.map((day) => Date.parse(day));
    expect((after! - before!) / 86_400_000).to.equal(7);
  });
});
