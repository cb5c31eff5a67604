// Where a fault lands: one HSM, every HSM of a cluster, or every HSM placed in an Availability Zone.
// Resolved to HSM ids when the fault is added; an unknown target is refused with the valid ones.

import { HsmState } from '../cloudhsm/domain/hsm.states';
import type { HsmRecord } from '../cloudhsm/domain/cluster';
import type { ClusterRepository } from '../cloudhsm/ports/cluster.repository';
import { FaultRequestError } from './fault-request.error';

export type FaultTarget = { readonly hsmId: string } | { readonly clusterId: string } | { readonly availabilityZone: string };

export const FAULT_TARGET_FIELDS = ['hsmId', 'clusterId', 'availabilityZone'] as const;
const TARGET_SHAPES = '{"hsmId": "hsm-..."}, {"clusterId": "cluster-..."} or {"availabilityZone": "us-east-1a"}';

/** HSMs that have, or are about to have, a process: the ones a fault can reach. */
function isPlaced(hsm: HsmRecord): boolean {
  return hsm.state !== HsmState.DELETE_IN_PROGRESS && hsm.state !== HsmState.DELETED;
}

export function parseTarget(given: unknown): FaultTarget {
  if (typeof given !== 'object' || given === null || Array.isArray(given)) throw new FaultRequestError(400, `target must be one of ${TARGET_SHAPES}`);
  const fields = Object.keys(given);
  const [field] = fields;
  const value = field === undefined ? undefined : (given as Record<string, unknown>)[field];
  if (fields.length !== 1 || !FAULT_TARGET_FIELDS.includes(field as (typeof FAULT_TARGET_FIELDS)[number]) || typeof value !== 'string' || value === '') {
    throw new FaultRequestError(400, `target must be exactly one of ${TARGET_SHAPES}, not ${JSON.stringify(given)}`);
  }
  return { [field as (typeof FAULT_TARGET_FIELDS)[number]]: value } as FaultTarget;
}

/** The HSMs of every cluster, placed; for messages that list the valid targets. */
function allHsms(repository: ClusterRepository): HsmRecord[] {
  return repository.allClusters().flatMap((cluster) => repository.hsmsOf(cluster.clusterId)).filter(isPlaced);
}

export function resolveTarget(repository: ClusterRepository, target: FaultTarget): HsmRecord[] {
  const hsms = allHsms(repository);
  if ('hsmId' in target) {
    const hsm = hsms.find((candidate) => candidate.hsmId === target.hsmId);
    if (!hsm) throw new FaultRequestError(404, `no HSM ${target.hsmId}; HSMs: ${hsms.map((known) => known.hsmId).join(', ') || 'none'}`);
    return [hsm];
  }
  if ('clusterId' in target) {
    const cluster = repository.getCluster(target.clusterId);
    if (!cluster) throw new FaultRequestError(404, `no cluster ${target.clusterId}; clusters: ${repository.allClusters().map((known) => known.clusterId).join(', ') || 'none'}`);
    const members = hsms.filter((hsm) => hsm.clusterId === target.clusterId);
    if (members.length === 0) throw new FaultRequestError(409, `cluster ${target.clusterId} has no HSM to put a fault on`);
    return members;
  }
  const inZone = hsms.filter((hsm) => hsm.availabilityZone === target.availabilityZone);
  if (inZone.length === 0) {
    const zones = [...new Set(hsms.map((hsm) => hsm.availabilityZone))].sort();
    throw new FaultRequestError(404, `no HSM is placed in ${target.availabilityZone}; zones with HSMs: ${zones.join(', ') || 'none'}`);
  }
  return inZone;
}
