// `cloudhsm-sim experiment run` as a user runs it, on a shipped scenario shortened with --duration, against
// a simulator with a connected custom key store: the exit code, the faults healed afterwards, and the
// report's numbers recomputed from the raw requests of timeline.json.
// Needs the /_sim/faults routes (hsm-kill) of the simulator.

import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import type { TimelineDocument } from '../../../src/experiments/timeline';
import { percentText } from '../../../src/experiments/report-markdown.writer';
import { createTempDir, removeTempDir } from '../../support/temp-dir';
import { buildActiveCluster, type ActiveCluster } from '../support/active-cluster';
import { AwsCli } from '../support/aws-cli';
import { SimulatorProcess } from '../support/simulator-process';
import { waitFor } from '../support/wait-for';

const ROOT = join(__dirname, '..', '..', '..', '..');
const BIN = join(ROOT, 'bin', 'cloudhsm-sim.js');
const REGION = 'us-east-2';
const run = promisify(execFile);

describe('e2e: cloudhsm-sim experiment run (lose-one-hsm, shortened)', function () {
  this.timeout(300_000);
  let simulator: SimulatorProcess;
  let aws: AwsCli;
  let cluster: ActiveCluster;
  let storeId = '';
  let outDir = '';

  before(async () => {
    simulator = await SimulatorProcess.start();
    aws = new AwsCli(simulator.endpoint, REGION);
    cluster = await buildActiveCluster(aws, simulator, REGION);
    const created = await aws.json<{ CustomKeyStoreId: string }>('kms', 'create-custom-key-store', '--custom-key-store-name', 'ExperimentStore', '--cloud-hsm-cluster-id', cluster.clusterId,
      '--key-store-password', 'kmsPswd', '--trust-anchor-certificate', `file://${cluster.trustAnchorFile}`);
    storeId = created.CustomKeyStoreId;
    await aws.json('kms', 'connect-custom-key-store', '--custom-key-store-id', storeId);
    await waitFor('CONNECTED', async () => {
      const { CustomKeyStores } = await aws.json<{ CustomKeyStores: { ConnectionState: string }[] }>('kms', 'describe-custom-key-stores', '--custom-key-store-id', storeId);
      return CustomKeyStores[0]?.ConnectionState === 'CONNECTED' ? true : undefined;
    }, 60_000);
    outDir = createTempDir('experiment-report');
  });
  after(async () => {
    await simulator?.destroy();
    if (outDir) removeTempDir(outDir);
  });

  it('passes every expectation, heals its fault, and reports numbers that match its timeline', async () => {
    const args = [BIN, 'experiment', 'run', join(ROOT, 'fixtures', 'scenarios', 'lose-one-hsm.json'), '--endpoint', simulator.endpoint, '--region', REGION, '--out', outDir, '--duration', '20', '--quiet'];
    const result = await run(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 }).then(
      (done) => ({ code: 0, ...done }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    const timeline = JSON.parse(readFileSync(join(outDir, 'timeline.json'), 'utf8')) as TimelineDocument;
    const report = readFileSync(join(outDir, 'report.md'), 'utf8');
    expect(result.code, `${result.stdout}${result.stderr}\n${report}`).to.equal(0);
    expect(result.stdout).to.contain(`report: ${outDir}`);

    // The run: the store it found, the steps, the one fault added and healed.
    expect(timeline.endedBy).to.equal('completed');
    expect(timeline.target?.customKeyStoreId).to.equal(storeId);
    expect(timeline.target?.clusterId).to.equal(cluster.clusterId);
    expect(timeline.steps.map((step) => step.outcome)).to.deep.equal(['ok', 'passed', 'passed', 'passed', 'ok', 'ok', 'passed']);
    expect(timeline.faults).to.have.length(1);
    const [kill] = timeline.faults;
    expect(kill).to.deep.include({ label: 'kill-hsm0', kind: 'hsm-kill', healedBy: 'heal', target: { hsmId: timeline.target!.hsms[0]!.id } });
    const { faults } = (await (await fetch(`${simulator.endpoint}/_sim/faults`)).json()) as { faults: { faultId: string }[] };
    expect(faults.map((fault) => fault.faultId)).to.not.include(kill!.faultId);

    // The probe: 20/s for at least 20 s, open loop.
    const requests = timeline.requests;
    expect(requests.length).to.be.at.least(380);
    const ok = requests.filter((request) => request.outcome === 'ok').length;
    expect(report).to.contain(`| ${requests.length} | ${ok} | ${requests.length - ok} | ${percentText(ok / requests.length)} |`);

    // The fault window, recomputed from the raw requests, is the report's row; crypto went on through the other HSM.
    const inWindow = requests.filter((request) => request.t >= kill!.addedT && request.t < kill!.healedT!);
    const okInWindow = inWindow.filter((request) => request.outcome === 'ok').length;
    expect(inWindow.length).to.be.greaterThan(20);
    const row = report.split('\n').find((line) => line.startsWith('| kill-hsm0: hsm-kill on'));
    expect(row, report).to.be.a('string');
    expect(row).to.contain(`| ${inWindow.length} requests, ${percentText(okInWindow / inWindow.length)} ok;`);
    expect(okInWindow / inWindow.length, row).to.be.greaterThan(0.9);
    expect(row).to.contain('https://docs.aws.amazon.com/kms/latest/developerguide/create-cmk-keystore.html');
    expect(report).to.contain('4 of 4 passed.');

    const svg = readFileSync(join(outDir, 'chart.svg'), 'utf8');
    expect(svg.match(/<rect class="fault-window"/g)).to.have.length(1);
  });
});
