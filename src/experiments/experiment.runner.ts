// Runs a plan: finds the store and its cluster, starts the probe, plays the timeline step by step, stops
// at the end (or on stopWhen, or when told to), heals every fault it added, and writes the report folder.

import { AwsClients } from './aws-clients';
import type { ExperimentPlan } from './plan.types';
import { ProbeRunner } from './probe.runner';
import { ProgressPrinter, type ProgressOutput } from './progress.printer';
import { defaultReportFolder, writeReportFolder } from './report-folder.writer';
import type { RunContext } from './run-context';
import { SimAdminClient } from './sim-admin.client';
import { StepExecutor } from './step.executor';
import { resolveTarget } from './target.resolver';
import { Timeline, type TimelineDocument } from './timeline';

const STOP_CHECK_MS = 1_000;

export interface RunOptions {
  readonly plan: ExperimentPlan;
  readonly endpoint: string;
  readonly region: string;
  /** Default experiment-results/<plan name>-<timestamp>/. */
  readonly outDir?: string;
  /** Progress and step lines; undefined = quiet. */
  readonly output?: ProgressOutput;
  /** Aborted on Ctrl-C: the run stops, heals and writes its report. */
  readonly signal?: AbortSignal;
}

export interface RunResult {
  readonly timeline: TimelineDocument;
  readonly outDir: string;
  /** Every expect passed and every step ran without error. */
  readonly passed: boolean;
  readonly healProblems: readonly string[];
}

/** Stops the run once: from Ctrl-C, stopWhen or maxSeconds. Sleeps end early when it fires. */
class Stopper {
  reason?: string;
  private wake: (() => void)[] = [];

  stop(reason: string): void {
    if (this.reason !== undefined) return;
    this.reason = reason;
    for (const wake of this.wake.splice(0)) wake();
  }

  sleep(ms: number): Promise<void> {
    if (this.reason !== undefined || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const wake = this.wake;
      function done(): void {
        clearTimeout(timer);
        const at = wake.indexOf(done);
        if (at >= 0) wake.splice(at, 1);
        resolve();
      }
      wake.push(done);
    });
  }
}

/** Watches the share of failed requests that ended in each second; stops after `forSeconds` above the limit. */
function watchErrorRate(timeline: Timeline, stopper: Stopper, errorRateAbove: number, forSeconds: number): NodeJS.Timeout {
  let above = 0;
  return setInterval(() => {
    const now = timeline.now();
    const ended = timeline.requests.filter((record) => record.t + record.latencyMs >= now - STOP_CHECK_MS);
    const failed = ended.filter((record) => record.outcome !== 'ok').length;
    above = ended.length > 0 && failed / ended.length > errorRateAbove ? above + 1 : 0;
    if (above >= forSeconds) stopper.stop(`stopWhen: error rate above ${errorRateAbove} for ${forSeconds} s`);
  }, STOP_CHECK_MS);
}

export async function runExperiment(options: RunOptions): Promise<RunResult> {
  const { plan } = options;
  const timeline = new Timeline();
  const clients = new AwsClients(options.endpoint, options.region);
  const admin = new SimAdminClient(options.endpoint);
  const stopper = new Stopper();
  const progress = options.output ? new ProgressPrinter(options.output, timeline) : undefined;
  const say = (line: string): void => progress?.say(line);
  const onAbort = (): void => stopper.stop('interrupted');
  options.signal?.addEventListener('abort', onAbort);
  const timers: NodeJS.Timeout[] = [];
  if (plan.stopWhen?.maxSeconds !== undefined) timers.push(setTimeout(() => stopper.stop(`stopWhen: maxSeconds ${plan.stopWhen?.maxSeconds}`), plan.stopWhen.maxSeconds * 1000));
  if (plan.stopWhen?.errorRateAbove !== undefined) timers.push(watchErrorRate(timeline, stopper, plan.stopWhen.errorRateAbove, plan.stopWhen.forSeconds ?? 1));

  let context: RunContext | undefined;
  let probe: ProbeRunner | undefined;
  let executor: StepExecutor | undefined;
  let nextStep = 0;
  let failure: string | undefined;
  try {
    context = await resolveTarget(clients, options.region, plan.customKeyStoreId);
    say(`store ${context.store.id} on cluster ${context.cluster.id}; HSMs ${context.hsms.map((hsm) => `${hsm.id} (${hsm.availabilityZone}, ${hsm.state})`).join(', ')}`);
    if (plan.probe) {
      probe = new ProbeRunner(plan.probe, clients.kms, timeline);
      await probe.prepare(context, plan.name);
      say(`probe: ${plan.probe.operation} at ${plan.probe.ratePerSecond}/s on key ${context.probe.keyId}`);
      probe.start();
    }
    progress?.start();
    const runContext = context;
    executor = new StepExecutor(clients, admin, timeline, runContext, () => stopper.reason !== undefined);
    for (; nextStep < plan.steps.length; nextStep += 1) {
      const step = plan.steps[nextStep]!;
      await stopper.sleep(step.at * 1000 - timeline.now());
      if (stopper.reason !== undefined) break;
      const record = await executor.run(step, nextStep);
      say(`step ${nextStep}${step.name ? ` ${step.name}` : ''} (${step.action.type}) at ${(record.startedT / 1000).toFixed(1)} s: ${record.outcome}${record.detail || record.error ? `: ${record.detail ?? record.error}` : ''}`);
    }
    await stopper.sleep(plan.durationSeconds * 1000 - timeline.now());
  } catch (error) {
    failure = (error as Error).message;
    say(`experiment: ${failure}`);
  } finally {
    for (const timer of timers) clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
  // Clean-up runs whatever happened above: stop the load, heal what this run added, write the report.
  await probe?.stop();
  progress?.stop();
  const healProblems = executor ? await executor.healRemaining() : [];
  for (const problem of healProblems) say(`experiment: could not heal ${problem}`);
  for (let index = nextStep; index < plan.steps.length; index += 1) {
    if (!timeline.steps.some((step) => step.index === index)) executor?.skip(plan.steps[index]!, index, `not run: ${stopper.reason ?? failure ?? 'the run ended'}`);
  }
  clients.destroy();

  const document = toDocument(options, timeline, context, failure ? `error: ${failure}` : (stopper.reason ?? 'completed'));
  const outDir = options.outDir ?? defaultReportFolder(plan.name, timeline.startedAt);
  writeReportFolder(outDir, document);
  const expectations = document.steps.filter((step) => step.action === 'expect');
  const passed =
    failure === undefined &&
    expectations.length === plan.steps.filter((step) => step.action.type === 'expect').length &&
    document.steps.every((step) => step.outcome === 'ok' || step.outcome === 'passed');
  return { timeline: document, outDir, passed, healProblems };
}

function toDocument(options: RunOptions, timeline: Timeline, context: RunContext | undefined, endedBy: string): TimelineDocument {
  const { plan } = options;
  return {
    plan: { name: plan.name, description: plan.description, durationSeconds: plan.durationSeconds },
    endpoint: options.endpoint,
    startedAt: timeline.startedAt.toISOString(),
    endedT: timeline.now(),
    endedBy,
    ...(context
      ? {
          target: {
            region: context.region,
            customKeyStoreId: context.store.id,
            clusterId: context.cluster.id,
            hsms: context.hsms.map((hsm) => ({ id: hsm.id, availabilityZone: hsm.availabilityZone, state: hsm.state })),
            ...(context.probe.keyId ? { probeKeyId: context.probe.keyId } : {}),
          },
        }
      : {}),
    ...(plan.probe ? { probe: { operation: plan.probe.operation, ratePerSecond: plan.probe.ratePerSecond, timeoutSeconds: plan.probe.timeoutSeconds } } : {}),
    requests: [...timeline.requests].sort((a, b) => a.t - b.t),
    steps: [...timeline.steps].sort((a, b) => a.index - b.index),
    faults: timeline.faults,
  };
}
