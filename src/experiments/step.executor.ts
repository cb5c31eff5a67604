// Runs one timeline step against the endpoint and says how it went. A failure is recorded, never thrown:
// the timeline goes on, and the report and the exit code tell.

import { outcomeOf, type AwsClients } from './aws-clients';
import { checkCondition } from './condition.checker';
import type { PlanStep, StepAction } from './plan.types';
import type { RunContext } from './run-context';
import type { SimAdminClient } from './sim-admin.client';
import { resolveTemplates } from './template.resolver';
import type { FaultRecord, StepOutcome, StepRecord, Timeline } from './timeline';

const WAIT_POLL_MS = 500;

interface Done {
  readonly outcome: StepOutcome;
  readonly output?: unknown;
  readonly error?: string;
  readonly detail?: string;
}

export class StepExecutor {
  /** Faults this run added, by step name (and `step <n>`). */
  private readonly faults = new Map<string, FaultRecord>();

  constructor(
    private readonly clients: AwsClients,
    private readonly admin: SimAdminClient,
    private readonly timeline: Timeline,
    private readonly context: RunContext,
    private readonly stopping: () => boolean,
  ) {}

  async run(step: PlanStep, index: number): Promise<StepRecord> {
    const startedT = this.timeline.now();
    let done: Done;
    try {
      done = await this.perform(step, index);
    } catch (error) {
      done = { outcome: step.action.type === 'expect' ? 'failed' : 'error', error: `${outcomeOf(error)}: ${(error as Error).message}` };
    }
    if (step.name !== undefined && done.output !== undefined) this.context.steps[step.name] = { output: done.output };
    const record: StepRecord = { index, ...(step.name === undefined ? {} : { name: step.name }), action: step.action.type, at: step.at, startedT, endedT: this.timeline.now(), ...done };
    this.timeline.steps.push(record);
    return record;
  }

  /** A step that never ran because the run stopped first. */
  skip(step: PlanStep, index: number, why: string): void {
    const now = this.timeline.now();
    this.timeline.steps.push({ index, ...(step.name === undefined ? {} : { name: step.name }), action: step.action.type, at: step.at, startedT: now, endedT: now, outcome: 'skipped', detail: why });
  }

  private async perform(step: PlanStep, index: number): Promise<Done> {
    const action: StepAction = step.action;
    switch (action.type) {
      case 'fault': {
        const body = resolveTemplates(action.fault, this.context);
        const answer = await this.admin.addFault(body);
        const addedT = this.timeline.now();
        const record: FaultRecord = {
          label: step.name ?? `step ${index}`,
          stepIndex: index,
          faultId: answer.faultId,
          kind: body.kind,
          target: body.target,
          params: body.params,
          addedT,
          ...(body.durationSeconds === undefined ? {} : { healedT: addedT + body.durationSeconds * 1000, healedBy: 'duration' as const }),
          ...(action.symptom === undefined ? {} : { symptom: action.symptom }),
          ...(action.documentedBy === undefined ? {} : { documentedBy: action.documentedBy }),
        };
        this.timeline.faults.push(record);
        this.faults.set(record.label, record);
        return { outcome: 'ok', output: answer, detail: `fault ${answer.faultId}: ${body.kind} on ${JSON.stringify(body.target)}` };
      }
      case 'heal': {
        const fault = this.faults.get(action.heal);
        if (!fault) return { outcome: 'error', error: `no fault named "${action.heal}" was added in this run` };
        const now = this.timeline.now();
        if (fault.healedT !== undefined && fault.healedT <= now) return { outcome: 'ok', detail: `fault ${fault.faultId} was already healed (${fault.healedBy})` };
        await this.admin.healFault(fault.faultId);
        this.markHealed(fault, 'heal');
        return { outcome: 'ok', output: { faultId: fault.faultId }, detail: `healed fault ${fault.faultId}` };
      }
      case 'heal-all':
        await this.admin.healAll();
        for (const fault of this.timeline.activeFaults()) this.markHealed(fault, 'heal-all');
        return { outcome: 'ok', detail: 'healed every fault' };
      case 'clock-advance': {
        const answer = await this.admin.advanceClock(action.seconds);
        return { outcome: 'ok', output: answer, detail: `simulated clock moved ${action.seconds} s` };
      }
      case 'aws': {
        const call = resolveTemplates(action.call, this.context);
        try {
          return { outcome: 'ok', output: await this.clients.call(call) };
        } catch (error) {
          return { outcome: 'error', error: `${call.operation}: ${outcomeOf(error)}: ${(error as Error).message}` };
        }
      }
      case 'wait-for': {
        const deadline = this.timeline.now() + action.timeoutSeconds * 1000;
        for (;;) {
          const result = await checkCondition(action.condition, this.context, this.clients);
          if (result.holds) return { outcome: 'ok', output: result.observed, detail: result.detail };
          if (this.timeline.now() >= deadline) return { outcome: 'error', output: result.observed, detail: `not true within ${action.timeoutSeconds} s: ${result.detail}` };
          if (this.stopping()) return { outcome: 'error', output: result.observed, detail: `the run stopped while waiting: ${result.detail}` };
          await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS));
        }
      }
      case 'expect': {
        const result = await checkCondition(action.condition, this.context, this.clients);
        return { outcome: result.holds ? 'passed' : 'failed', output: result.observed, detail: result.detail };
      }
    }
  }

  /** Heals what this run added and is still active; returns the faults it could not heal, with why. */
  async healRemaining(): Promise<string[]> {
    const problems: string[] = [];
    for (const fault of this.timeline.activeFaults()) {
      try {
        await this.admin.healFault(fault.faultId);
      } catch (error) {
        // A fault whose durationSeconds ran out on the endpoint's clock may be gone already (404).
        if ((error as { status?: number }).status !== 404) problems.push(`${fault.faultId}: ${(error as Error).message}`);
      }
      this.markHealed(fault, 'end-of-run');
    }
    return problems;
  }

  private markHealed(fault: FaultRecord, by: NonNullable<FaultRecord['healedBy']>): void {
    fault.healedT = this.timeline.now();
    fault.healedBy = by;
  }
}
