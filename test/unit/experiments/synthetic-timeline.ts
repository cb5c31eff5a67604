// A made-up run for the report tests: 10 s, a request every 100 ms; a fault from 3 s to 6 s during which
// every other request fails with KMSInvalidStateException (50 ms) and one in ten times out (10,000 ms).

import type { ProbeRecord, TimelineDocument } from '../../../src/experiments/timeline';

export function syntheticTimeline(): TimelineDocument {
  const requests: ProbeRecord[] = [];
  for (let index = 0; index < 100; index += 1) {
    const t = index * 100;
    const inFault = t >= 3000 && t < 6000;
    if (!inFault) requests.push({ t, latencyMs: (index % 10) + 1, outcome: 'ok' });
    else if (index % 10 === 1) requests.push({ t, latencyMs: 10_000, outcome: 'timeout' });
    else if (index % 2 === 0) requests.push({ t, latencyMs: 50, outcome: 'KMSInvalidStateException' });
    else requests.push({ t, latencyMs: 20, outcome: 'ok' });
  }
  return {
    plan: { name: 'synthetic', description: 'made up <for> tests & checks', durationSeconds: 10 },
    endpoint: 'http://127.0.0.1:4580',
    startedAt: '2026-01-01T00:00:00.000Z',
    endedT: 10_000,
    endedBy: 'completed',
    target: { region: 'us-east-1', customKeyStoreId: 'cks-1', clusterId: 'cluster-1', hsms: [{ id: 'hsm-a', availabilityZone: 'us-east-1a', state: 'ACTIVE' }], probeKeyId: 'k-1' },
    probe: { operation: 'Encrypt', ratePerSecond: 10, timeoutSeconds: 10 },
    requests,
    steps: [
      { index: 0, name: 'cut', action: 'fault', at: 3, startedT: 3000, endedT: 3001, outcome: 'ok', output: { faultId: 'f-1' } },
      { index: 1, action: 'expect', at: 4, startedT: 4000, endedT: 4010, outcome: 'failed', detail: 'store ConnectionState is "FAILED", wanted "CONNECTED" | x' },
      { index: 2, action: 'heal', at: 6, startedT: 6000, endedT: 6001, outcome: 'ok' },
      { index: 3, action: 'expect', at: 7, startedT: 7000, endedT: 7010, outcome: 'passed', detail: 'ok' },
    ],
    faults: [
      {
        label: 'cut', stepIndex: 0, faultId: 'f-1', kind: 'network-partition', target: { clusterId: 'cluster-1' }, params: { mode: 'refuse' },
        addedT: 3000, healedT: 6000, healedBy: 'heal', symptom: 'crypto fails', documentedBy: 'https://docs.aws.amazon.com/kms/latest/developerguide/fix-keystore.html',
      },
      { label: 'second', stepIndex: 5, faultId: 'f-2', kind: 'engine-latency', target: { clusterId: 'cluster-1' }, params: { ms: 200 }, addedT: 8000 },
    ],
  };
}
