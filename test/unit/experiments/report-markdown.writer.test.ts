// report.md: the fault table (fault -> symptom seen -> documented), the summary, the steps and expectations.

import { expect } from 'chai';
import { faultTable, renderReport } from '../../../src/experiments/report-markdown.writer';
import { syntheticTimeline } from './synthetic-timeline';

describe('experiment report (Markdown)', () => {
  it('has one row per fault window plus the steady state, with error shares and the AWS doc', () => {
    const rows = faultTable(syntheticTimeline());
    expect(rows.slice(0, 2)).to.deep.equal(['| fault | window | symptom seen by the AWS client | documented by AWS |', '| --- | --- | --- | --- |']);
    expect(rows[2]).to.equal(
      '| cut: network-partition on {"clusterId":"cluster-1"} | 3.0 s - 6.0 s | 30 requests, 40.0% ok; p50 50.0 ms, p99 10000.0 ms; KMSInvalidStateException 50.0%, timeout 10.0% | crypto fails (https://docs.aws.amazon.com/kms/latest/developerguide/fix-keystore.html) |',
    );
    expect(rows[3]).to.equal('| second: engine-latency on {"clusterId":"cluster-1"} | 8.0 s - 10.0 s | 20 requests, 100.0% ok; p50 5.0 ms, p99 10.0 ms; no errors | - |');
    expect(rows[4]).to.equal('| (steady state) | outside every fault window | 50 requests, 100.0% ok; p50 5.0 ms, p99 10.0 ms; no errors | - |');
    expect(rows).to.have.length(5);
  });

  it('summarises the run and lists the failed expectations, escaping table pipes', () => {
    const report = renderReport(syntheticTimeline());
    expect(report).to.contain('# Experiment: synthetic');
    expect(report).to.contain('| 100 | 82 | 18 | 82.0% | 8.0 ms | 10000.0 ms | 1 of 2 | 0 |');
    expect(report).to.contain('| 1 | 4 s | 4.0 s | expect | failed | store ConnectionState is "FAILED", wanted "CONNECTED" \\| x |');
    expect(report).to.contain('1 of 2 passed.');
    expect(report).to.contain('- FAILED step 1: store ConnectionState is "FAILED"');
  });
});
