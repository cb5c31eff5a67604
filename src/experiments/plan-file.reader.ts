// Reads a plan file: JSON (.json) or YAML (.yaml, .yml), then validates it. YAML goes through the `yaml`
// package: well kept, full YAML 1.2 (no YAML 1.1 surprises such as `no` read as false), good errors with
// line and column, and no dependencies of its own.

import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ExperimentPlan } from './plan.types';
import { PlanError, validatePlan } from './plan.validator';

export type PlanFormat = 'json' | 'yaml';

export function readPlanFile(file: string): ExperimentPlan {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PlanError(`${file}: cannot read it (${(error as Error).message})`);
  }
  const extension = extname(file).toLowerCase();
  const format: PlanFormat | undefined = extension === '.json' ? 'json' : extension === '.yaml' || extension === '.yml' ? 'yaml' : undefined;
  if (!format) throw new PlanError(`${file}: a plan is a .json, .yaml or .yml file`);
  try {
    return parsePlanText(text, format);
  } catch (error) {
    throw new PlanError(`${file}: ${(error as Error).message}`);
  }
}

export function parsePlanText(text: string, format: PlanFormat): ExperimentPlan {
  let document: unknown;
  try {
    document = format === 'json' ? JSON.parse(text) : parseYaml(text, { version: '1.2', uniqueKeys: true });
  } catch (error) {
    throw new PlanError(`not valid ${format.toUpperCase()}: ${(error as Error).message.split('\n')[0]}`);
  }
  return validatePlan(document);
}

/**
 * The plan shortened (or stretched) to `seconds`: every step's `at` and every fault's durationSeconds
 * (and stopWhen.maxSeconds) scale by the same factor, so the timeline keeps its shape. Simulated-clock
 * advances and wait-for time limits do not scale.
 */
export function withDuration(plan: ExperimentPlan, seconds: number): ExperimentPlan {
  const factor = seconds / plan.durationSeconds;
  const round = (value: number): number => Math.round(value * factor * 1000) / 1000;
  return {
    ...plan,
    durationSeconds: seconds,
    ...(plan.stopWhen?.maxSeconds === undefined ? {} : { stopWhen: { ...plan.stopWhen, maxSeconds: round(plan.stopWhen.maxSeconds) } }),
    steps: plan.steps.map((step) => ({
      ...step,
      at: round(step.at),
      action:
        step.action.type === 'fault' && step.action.fault.durationSeconds !== undefined
          ? { ...step.action, fault: { ...step.action.fault, durationSeconds: round(step.action.fault.durationSeconds) } }
          : step.action,
    })),
  };
}
