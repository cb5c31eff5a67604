// report.md: what the run did and what an AWS client saw, per fault window, beside what AWS documents.

import type { StepRecord, TimelineDocument } from './timeline';
import { faultWindows, statsOf, steadyStateStats, windowStats, type WindowStats } from './window.stats';

export function percentText(share: number | undefined): string {
  return share === undefined ? '-' : `${(share * 100).toFixed(1)}%`;
}

export function msText(ms: number | undefined): string {
  return ms === undefined ? '-' : `${ms.toFixed(1)} ms`;
}

function secondsText(t: number): string {
  return `${(t / 1000).toFixed(1)} s`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** "120 requests, 83.3% ok; p50 12.0 ms, p99 40.0 ms; KMSInvalidStateException 16.7%" */
export function symptomSeen(stats: WindowStats): string {
  if (stats.requests === 0) return 'no probe requests in this window';
  const errors = stats.errors.length === 0 ? 'no errors' : stats.errors.map((error) => `${error.outcome} ${percentText(error.share)}`).join(', ');
  return `${stats.requests} requests, ${percentText(stats.successRate)} ok; p50 ${msText(stats.p50Ms)}, p99 ${msText(stats.p99Ms)}; ${errors}`;
}

export function faultTable(timeline: TimelineDocument): string[] {
  const lines = ['| fault | window | symptom seen by the AWS client | documented by AWS |', '| --- | --- | --- | --- |'];
  for (const window of faultWindows(timeline)) {
    const { fault } = window;
    const documented = fault.symptom || fault.documentedBy ? `${fault.symptom ?? ''}${fault.documentedBy ? ` (${fault.documentedBy})` : ''}`.trim() : '-';
    lines.push(
      `| ${cell(`${fault.label}: ${fault.kind} on ${JSON.stringify(fault.target)}`)} | ${secondsText(window.fromT)} - ${secondsText(window.toT)} | ${cell(symptomSeen(windowStats(timeline, window)))} | ${cell(documented)} |`,
    );
  }
  lines.push(`| (steady state) | outside every fault window | ${cell(symptomSeen(steadyStateStats(timeline)))} | - |`);
  return lines;
}

function stepLine(step: StepRecord): string {
  const said = step.detail ?? step.error ?? (step.output === undefined ? '' : JSON.stringify(step.output));
  const shown = said.length > 300 ? `${said.slice(0, 297)}...` : said;
  return `| ${step.index} | ${step.at} s | ${secondsText(step.startedT)} | ${cell(step.name ? `${step.name} (${step.action})` : step.action)} | ${step.outcome} | ${cell(shown)} |`;
}

export function renderReport(timeline: TimelineDocument): string {
  const whole = statsOf('whole run', timeline.requests);
  const expectations = timeline.steps.filter((step) => step.action === 'expect');
  const failedExpectations = expectations.filter((step) => step.outcome !== 'passed');
  const stepErrors = timeline.steps.filter((step) => step.outcome === 'error' || step.outcome === 'failed');
  const target = timeline.target;
  const lines = [
    `# Experiment: ${timeline.plan.name}`,
    '',
    ...(timeline.plan.description ? [timeline.plan.description, ''] : []),
    `- endpoint: ${timeline.endpoint}${target ? ` (${target.region})` : ''}`,
    `- started: ${timeline.startedAt}; ran ${secondsText(timeline.endedT)} of ${timeline.plan.durationSeconds} s planned; ended: ${timeline.endedBy}`,
    ...(target
      ? [
          `- custom key store ${target.customKeyStoreId} on cluster ${target.clusterId}; HSMs: ${target.hsms.map((hsm) => `${hsm.id} (${hsm.availabilityZone}, ${hsm.state})`).join(', ') || 'none'}`,
          ...(target.probeKeyId ? [`- probe key: ${target.probeKeyId}`] : []),
        ]
      : []),
    ...(timeline.probe ? [`- probe: ${timeline.probe.operation} at ${timeline.probe.ratePerSecond}/s, open loop, ${timeline.probe.timeoutSeconds} s time limit per request`] : ['- probe: none']),
    '',
    '## Summary',
    '',
    '| requests | ok | failed | success rate | p50 | p99 | expectations passed | steps with errors |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    `| ${whole.requests} | ${whole.ok} | ${whole.failed} | ${percentText(whole.successRate)} | ${msText(whole.p50Ms)} | ${msText(whole.p99Ms)} | ${expectations.length - failedExpectations.length} of ${expectations.length} | ${stepErrors.filter((step) => step.action !== 'expect').length} |`,
    '',
    '## Faults: what the AWS client saw, and what AWS documents',
    '',
    'A probe request counts in the window its start falls in; latency is over all its requests, failed ones included.',
    '',
    ...faultTable(timeline),
    '',
    '## Steps',
    '',
    '| # | planned | started | step | outcome | detail |',
    '| --- | --- | --- | --- | --- | --- |',
    ...timeline.steps.map(stepLine),
    '',
    '## Expectations',
    '',
    expectations.length === 0
      ? 'The plan has no expect steps.'
      : `${expectations.length - failedExpectations.length} of ${expectations.length} passed.`,
    ...failedExpectations.map((step) => `- FAILED step ${step.index}${step.name ? ` (${step.name})` : ''}: ${step.detail ?? step.error ?? ''}`),
    '',
    'Files: timeline.json (every request, step and fault), chart.svg (success rate and latency per second, fault windows shaded).',
    '',
  ];
  return lines.join('\n');
}
