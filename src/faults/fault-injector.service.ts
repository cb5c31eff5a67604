// The registry of active faults and the one place that applies and heals them at their seams (DESIGN
// decision 8). Faults live in memory only: a simulator restart starts every HSM process afresh, which
// heals them all. A service elsewhere never asks whether a fault is on; the seams produce the symptoms.

import { randomBytes, randomInt } from 'node:crypto';
import { inject, injectable } from 'tsyringe';
import type { ActiveNodeFault, NodeFault } from '../../hsm-sim/faults/node-fault.types';
import { CloudHsmTokens } from '../cloudhsm/cloudhsm.tokens';
import type { ClusterRepository } from '../cloudhsm/ports/cluster.repository';
import { HsmService } from '../cloudhsm/hsm.service';
import { faultView, type ActiveFault, type FaultView } from './active-fault';
import { FAULT_KINDS, FaultKind, isFaultKind } from './fault-kinds.table';
import { validateParams } from './fault-params';
import { FaultRequestError } from './fault-request.error';
import { parseTarget, resolveTarget } from './fault-target';
import { FaultTokens } from './faults.tokens';
import type { FaultSeams } from './ports/fault-seams.port';

/** aws-behaviour 4.1: the crypto user KMS logs in as. */
const KMSUSER = 'kmsuser';
const MAX_DURATION_SECONDS = 365 * 24 * 3600;
const MAX_SEED = 2 ** 32 - 1;
const REQUEST_FIELDS = ['kind', 'target', 'params', 'durationSeconds', 'seed'];

export interface AddFaultRequest {
  readonly kind?: unknown;
  readonly target?: unknown;
  readonly params?: unknown;
  readonly durationSeconds?: unknown;
  readonly seed?: unknown;
}

@injectable()
export class FaultInjector {
  private readonly active = new Map<string, ActiveFault>();
  private readonly healTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    @inject(FaultTokens.Seams) private readonly seams: FaultSeams,
    @inject(CloudHsmTokens.ClusterRepository) private readonly clusters: ClusterRepository,
    @inject(HsmService) private readonly hsms: HsmService,
  ) {}

  async add(request: AddFaultRequest): Promise<FaultView> {
    const fault = this.parse(request);
    const refusedBy = await this.apply(fault);
    const applied: ActiveFault = refusedBy ? { ...fault, refusedBy } : fault;
    this.active.set(fault.faultId, applied);
    if (fault.durationSeconds !== undefined) {
      const timer = setTimeout(() => void this.heal(fault.faultId).catch(() => undefined), fault.durationSeconds * 1000);
      timer.unref();
      this.healTimers.set(fault.faultId, timer);
    }
    return faultView(applied);
  }

  list(): FaultView[] {
    return [...this.active.values()].map(faultView);
  }

  /** Faults active on one HSM (for views of the topology). */
  faultsOn(hsmId: string): FaultView[] {
    return [...this.active.values()].filter((fault) => fault.hsmIds.includes(hsmId)).map(faultView);
  }

  async heal(faultId: string): Promise<FaultView> {
    const fault = this.active.get(faultId);
    if (!fault) throw new FaultRequestError(404, `no active fault ${faultId}; active: ${[...this.active.keys()].join(', ') || 'none'}`);
    this.active.delete(faultId);
    clearTimeout(this.healTimers.get(faultId));
    this.healTimers.delete(faultId);
    await this.undo(fault);
    return faultView(fault);
  }

  async reset(): Promise<{ healed: FaultView[] }> {
    const healed: FaultView[] = [];
    for (const faultId of [...this.active.keys()]) healed.push(await this.heal(faultId));
    return { healed };
  }

  private parse(request: AddFaultRequest): ActiveFault {
    if (typeof request !== 'object' || request === null || Array.isArray(request)) throw new FaultRequestError(400, `the body must be a JSON object with ${REQUEST_FIELDS.join(', ')}`);
    const unknown = Object.keys(request).filter((field) => !REQUEST_FIELDS.includes(field));
    if (unknown.length > 0) throw new FaultRequestError(400, `unknown field ${unknown.join(', ')}; valid fields: ${REQUEST_FIELDS.join(', ')}`);
    const { kind } = request;
    if (!isFaultKind(kind)) {
      const valid = Object.entries(FAULT_KINDS).map(([name, spec]) => `${name} (${spec.summary})`);
      throw new FaultRequestError(400, `unknown fault kind ${JSON.stringify(kind)}; valid kinds: ${valid.join(', ')}`);
    }
    const target = parseTarget(request.target);
    const params = validateParams(kind, FAULT_KINDS[kind].params, request.params);
    const durationSeconds = optionalNumber('durationSeconds', request.durationSeconds, 0.001, MAX_DURATION_SECONDS, false);
    const seed = optionalNumber('seed', request.seed, 0, MAX_SEED, true) ?? randomInt(MAX_SEED);
    const hsms = resolveTarget(this.clusters, target);
    // az-outage is about a zone; put on an HSM or a cluster it would be a partition by another name.
    if (kind === FaultKind.AZ_OUTAGE && !('availabilityZone' in target)) throw new FaultRequestError(400, 'az-outage takes a target {"availabilityZone": "..."}');
    return {
      faultId: `fault-${randomBytes(6).toString('hex')}`,
      kind,
      target,
      params,
      seed,
      since: new Date(),
      ...(durationSeconds !== undefined ? { durationSeconds } : {}),
      hsmIds: hsms.map((hsm) => hsm.hsmId),
    };
  }

  /** Puts the fault on at its seam; for a credential fault, the HSMs that refused it and why. */
  private async apply(fault: ActiveFault): Promise<Record<string, string> | undefined> {
    switch (FAULT_KINDS[fault.kind].seam) {
      case 'process':
        for (const hsmId of fault.hsmIds) {
          if (fault.kind === FaultKind.HSM_KILL) await this.seams.killHsm(hsmId);
          else this.seams.hangHsm(hsmId);
        }
        return undefined;
      case 'node':
        this.active.set(fault.faultId, fault);
        for (const hsmId of fault.hsmIds) this.pushNodeFaults(hsmId);
        return undefined;
      case 'zone':
        this.active.set(fault.faultId, fault);
        for (const hsmId of fault.hsmIds) {
          this.pushNodeFaults(hsmId);
          this.hsms.hsmUnreachable(hsmId);
        }
        return undefined;
      case 'credentials':
        return this.driftPassword(fault);
    }
  }

  private async undo(fault: ActiveFault): Promise<void> {
    switch (FAULT_KINDS[fault.kind].seam) {
      case 'process':
        for (const hsmId of fault.hsmIds) {
          if (this.stillUnder(hsmId, fault.kind)) continue;
          if (fault.kind === FaultKind.HSM_HANG) this.seams.unhangHsm(hsmId);
          else if (await this.seams.startHsmAgain(hsmId)) this.hsms.hsmRestarted(hsmId);
        }
        return;
      case 'node':
        for (const hsmId of fault.hsmIds) this.pushNodeFaults(hsmId);
        return;
      case 'zone':
        for (const hsmId of fault.hsmIds) {
          this.pushNodeFaults(hsmId);
          if (!this.stillUnder(hsmId, FaultKind.AZ_OUTAGE) && !this.stillUnder(hsmId, FaultKind.HSM_KILL)) this.hsms.hsmReachable(hsmId);
        }
        return;
      case 'credentials':
        // A changed password cannot be taken back; the documented fix is the user's to apply.
        return;
    }
  }

  /** 3.6: a CO's changePswd; it refuses while kmsuser is logged in (the store is CONNECTED). */
  private async driftPassword(fault: ActiveFault): Promise<Record<string, string> | undefined> {
    const password = typeof fault.params['password'] === 'string' ? fault.params['password'] : randomBytes(12).toString('base64url');
    const refusedBy: Record<string, string> = {};
    for (const hsmId of fault.hsmIds) {
      const outcome = await this.seams.changeUserPassword(hsmId, KMSUSER, password);
      if (!outcome.changed) refusedBy[hsmId] = outcome.reason;
    }
    const refusals = Object.entries(refusedBy);
    if (refusals.length === fault.hsmIds.length) {
      throw new FaultRequestError(409, `no HSM took the password change: ${refusals.map(([hsmId, reason]) => `${hsmId}: ${reason}`).join('; ')}. Disconnect the custom key store first: KMS stays logged in as kmsuser while it is CONNECTED.`);
    }
    return refusals.length > 0 ? refusedBy : undefined;
  }

  private pushNodeFaults(hsmId: string): void {
    const faults: ActiveNodeFault[] = [];
    for (const fault of this.active.values()) {
      if (!fault.hsmIds.includes(hsmId)) continue;
      const nodeFault = toNodeFault(fault);
      if (nodeFault) faults.push({ ...nodeFault, faultId: fault.faultId, seed: fault.seed });
    }
    this.seams.setNodeFaults(hsmId, faults);
  }

  private stillUnder(hsmId: string, kind: FaultKind): boolean {
    return [...this.active.values()].some((fault) => fault.kind === kind && fault.hsmIds.includes(hsmId));
  }
}

/** The node's share of a fault: what the HSM process applies to itself. */
function toNodeFault(fault: ActiveFault): NodeFault | undefined {
  const p = fault.params;
  switch (fault.kind) {
    case FaultKind.NETWORK_PARTITION:
      return { kind: fault.kind, mode: p['mode'] as 'refuse' | 'blackhole' };
    // SIM: an Availability Zone that is down drops every packet to its HSMs.
    case FaultKind.AZ_OUTAGE:
      return { kind: FaultKind.NETWORK_PARTITION, mode: 'blackhole' };
    case FaultKind.NETWORK_LATENCY:
      return { kind: fault.kind, ms: p['ms'] as number, jitterMs: p['jitterMs'] as number };
    case FaultKind.NETWORK_LOSS:
      return { kind: fault.kind, probability: p['probability'] as number };
    case FaultKind.ENGINE_ERROR:
      return { kind: fault.kind, ckr: p['ckr'] as string, probability: p['probability'] as number, ...(p['operations'] ? { operations: p['operations'] as string[] } : {}) };
    case FaultKind.ENGINE_LATENCY:
      return { kind: fault.kind, ms: p['ms'] as number, ...(p['operations'] ? { operations: p['operations'] as string[] } : {}) };
    case FaultKind.HSM_BUSY:
      return { kind: fault.kind, opsPerSecond: p['opsPerSecond'] as number };
    default:
      return undefined;
  }
}

function optionalNumber(name: string, value: unknown, minimum: number, maximum: number, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < minimum || value > maximum || (integer && !Number.isInteger(value))) {
    throw new FaultRequestError(400, `${name} must be ${integer ? 'an integer' : 'a number'} from ${minimum} to ${maximum}, not ${JSON.stringify(value)}`);
  }
  return value;
}
