// The runner end to end against a fake endpoint on port 0 (KMS, CloudHSM V2 and the /_sim fault routes,
// answering as their contracts say): the probe, the steps, the report folder, and that every fault the
// run added is healed at the end, also when the run is interrupted.

import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect } from 'chai';
import { runExperiment } from '../../../src/experiments/experiment.runner';
import { validatePlan } from '../../../src/experiments/plan.validator';
import type { TimelineDocument } from '../../../src/experiments/timeline';
import { createTempDir, removeTempDir } from '../../support/temp-dir';

class FakeEndpoint {
  readonly faults = new Map<string, { kind: string; target: unknown }>();
  readonly healed: string[] = [];
  readonly calls: string[] = [];
  private server?: Server;
  private next = 0;
  endpoint = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => void this.answer(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.endpoint = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = chunks.length === 0 ? {} : (JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>);
    const send = (status: number, answer: unknown): void => void response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer));
    const url = request.url ?? '/';
    if (url.startsWith('/_sim/faults')) {
      this.calls.push(`${request.method} ${url}`);
      if (request.method === 'POST' && url === '/_sim/faults') {
        if (body.kind === 'bad-kind') return send(400, { message: 'kind: unknown' });
        const faultId = `fault-${(this.next += 1)}`;
        this.faults.set(faultId, { kind: String(body.kind), target: body.target });
        return send(200, { faultId, kind: body.kind });
      }
      if (request.method === 'POST' && url === '/_sim/faults/reset') {
        this.healed.push(...this.faults.keys());
        this.faults.clear();
        return send(200, {});
      }
      const id = /^\/_sim\/faults\/(.+)$/.exec(url)?.[1];
      if (request.method === 'DELETE' && id && this.faults.delete(id)) {
        this.healed.push(id);
        return send(200, {});
      }
      return send(404, { message: 'no such fault' });
    }
    const target = String(request.headers['x-amz-target'] ?? '');
    this.calls.push(target);
    expect(request.headers.authorization).to.match(/^AWS4-HMAC-SHA256 Credential=\w+\/\d{8}\/us-east-1\/(kms|cloudhsm)\/aws4_request/);
    switch (target) {
      case 'TrentService.DescribeCustomKeyStores':
        return send(200, { CustomKeyStores: [{ CustomKeyStoreId: 'cks-1234567890abcdef0', CustomKeyStoreName: 's', CloudHsmClusterId: 'cluster-abc', ConnectionState: 'CONNECTED' }] });
      case 'BaldrApiService.DescribeClusters':
        return send(200, {
          Clusters: [{ ClusterId: 'cluster-abc', SubnetMapping: { 'us-east-1b': 's2', 'us-east-1a': 's1' }, Hsms: [{ HsmId: 'hsm-a', AvailabilityZone: 'us-east-1a', EniIp: '10.0.0.5', State: 'ACTIVE' }, { HsmId: 'hsm-b', AvailabilityZone: 'us-east-1b', EniIp: '10.0.1.5', State: 'ACTIVE' }] }],
        });
      case 'TrentService.CreateKey':
        return send(200, { KeyMetadata: { KeyId: 'key-1', Arn: 'arn:aws:kms:us-east-1:111122223333:key/key-1' } });
      case 'TrentService.Encrypt':
        if ([...this.faults.values()].some((fault) => fault.kind === 'network-partition')) return send(400, { __type: 'KMSInvalidStateException', message: 'KMS cannot communicate with your CloudHSM cluster' });
        return send(200, { CiphertextBlob: 'AAAA', KeyId: body.KeyId });
      default:
        return send(400, { __type: 'UnsupportedOperationException', message: target });
    }
  }
}

const PLAN = {
  name: 'fake-run',
  durationSeconds: 3,
  probe: { operation: 'Encrypt', ratePerSecond: 40, key: 'create' },
  steps: [
    { at: 1, name: 'cut', fault: { kind: 'network-partition', target: { clusterId: '${cluster.id}' }, params: { mode: 'refuse' } }, symptom: 'crypto fails', documentedBy: 'https://docs.aws.amazon.com/kms/latest/developerguide/fix-keystore.html' },
    { at: 1.5, expect: { call: { service: 'kms', operation: 'Encrypt', input: { KeyId: '${probe.keyId}', Plaintext: 'AA==' } }, errorCode: ['KMSInvalidStateException', 'KeyUnavailableException'] } },
    { at: 1.5, name: 'slow', fault: { kind: 'engine-latency', target: { hsmId: '${hsms[1].id}' }, params: { ms: 1 } } },
    { at: 2, heal: 'cut' },
    { at: 2.2, expect: { storeState: 'CONNECTED' } },
  ],
};

describe('experiment runner against a fake endpoint', function () {
  this.timeout(20_000);
  let fake: FakeEndpoint;
  let dir: string;

  beforeEach(async () => {
    fake = new FakeEndpoint();
    await fake.start();
    dir = createTempDir('experiment');
  });
  afterEach(async () => {
    await fake.stop();
    removeTempDir(dir);
  });

  it('runs the probe and the steps, heals what is left, and writes a report that matches its timeline', async () => {
    const result = await runExperiment({ plan: validatePlan(PLAN), endpoint: fake.endpoint, region: 'us-east-1', outDir: dir });
    expect(result.passed, JSON.stringify(result.timeline.steps)).to.equal(true);
    expect(fake.faults.size, 'every fault healed').to.equal(0);
    expect(fake.healed).to.deep.equal(['fault-1', 'fault-2']);
    expect(fake.calls).to.include.members(['POST /_sim/faults', 'DELETE /_sim/faults/fault-1', 'DELETE /_sim/faults/fault-2']);
    const timeline = JSON.parse(readFileSync(join(dir, 'timeline.json'), 'utf8')) as TimelineDocument;
    expect(timeline.endedBy).to.equal('completed');
    expect(timeline.target).to.deep.include({ customKeyStoreId: 'cks-1234567890abcdef0', clusterId: 'cluster-abc', probeKeyId: 'key-1' });
    expect(timeline.faults.map((fault) => [fault.label, fault.faultId, fault.healedBy])).to.deep.equal([['cut', 'fault-1', 'heal'], ['slow', 'fault-2', 'end-of-run']]);
    expect(timeline.faults[1]!.target).to.deep.equal({ hsmId: 'hsm-b' });
    // 40/s for 3 s, open loop: about 120 requests.
    expect(timeline.requests.length).to.be.within(100, 125);
    const cut = timeline.faults[0]!;
    const inCut = timeline.requests.filter((record) => record.t >= cut.addedT && record.t < cut.healedT!);
    expect(inCut.length).to.be.greaterThan(10);
    expect(inCut.filter((record) => record.outcome === 'KMSInvalidStateException').length / inCut.length).to.be.greaterThan(0.8);
    expect(timeline.requests.filter((record) => record.t < cut.addedT).every((record) => record.outcome === 'ok')).to.equal(true);
    const report = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(report).to.contain(`| ${timeline.requests.length} |`);
    expect(report).to.match(/\| cut: network-partition on \{"clusterId":"cluster-abc"\} \| [\d.]+ s - [\d.]+ s \| \d+ requests, [\d.]+% ok; .*KMSInvalidStateException/);
    expect(report).to.contain('2 of 2 passed.');
    expect(existsSync(join(dir, 'chart.svg'))).to.equal(true);
  });

  it('records a refused fault as a step error and fails the run', async () => {
    const plan = validatePlan({ ...PLAN, durationSeconds: 1, steps: [{ at: 0.2, fault: { kind: 'hsm-kill', target: { hsmId: '${hsms[0].id}' } } }] });
    // The fake refuses nothing valid; make it refuse by a kind it does not know.
    (plan.steps[0]!.action as { fault: { kind: string } }).fault.kind = 'bad-kind';
    const result = await runExperiment({ plan, endpoint: fake.endpoint, region: 'us-east-1', outDir: dir });
    expect(result.passed).to.equal(false);
    expect(result.timeline.steps[0]).to.deep.include({ outcome: 'error' });
    expect(result.timeline.steps[0]!.error).to.contain('HTTP 400: kind: unknown');
  });

  it('stops when interrupted: skips the rest, heals, still writes the report', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 1_300);
    const result = await runExperiment({ plan: validatePlan(PLAN), endpoint: fake.endpoint, region: 'us-east-1', outDir: dir, signal: controller.signal });
    expect(result.timeline.endedBy).to.equal('interrupted');
    expect(result.passed).to.equal(false);
    expect(fake.faults.size).to.equal(0);
    expect(result.timeline.faults[0]).to.include({ healedBy: 'end-of-run' });
    expect(result.timeline.steps.filter((step) => step.outcome === 'skipped').map((step) => step.index)).to.deep.equal([1, 2, 3, 4]);
    expect(result.timeline.endedT).to.be.below(2_500);
    expect(existsSync(join(dir, 'report.md'))).to.equal(true);
  });

  it('stops on stopWhen when the error rate stays above the limit', async () => {
    const plan = validatePlan({ ...PLAN, durationSeconds: 6, stopWhen: { errorRateAbove: 0.5, forSeconds: 1 }, steps: [{ at: 0.5, name: 'cut', fault: { kind: 'network-partition', target: { clusterId: '${cluster.id}' } } }] });
    const result = await runExperiment({ plan, endpoint: fake.endpoint, region: 'us-east-1', outDir: dir });
    expect(result.timeline.endedBy).to.equal('stopWhen: error rate above 0.5 for 1 s');
    expect(result.timeline.endedT).to.be.below(4_000);
    expect(fake.faults.size).to.equal(0);
  });
});
