// The states the admin-tool tests start from, reached the way a user gets there: activation through cmu on
// the first HSM, then the other HSMs added (cloned from it), then kmsuser created on all of them.

import { expect } from 'chai';
import { PRECO_PASSWORD, type InProcessCluster } from './in-process-cluster';
import { runCmu } from './tool-runner';

export const ADMIN_PASSWORD = 'Newpass1';
export const KMSUSER_PASSWORD = 'kmsPswd';

export function cmuArgs(cluster: InProcessCluster, hsms?: readonly number[]): string[] {
  return ['--ca-file', cluster.caFile, '--hsm', cluster.managementPorts(hsms)];
}

/** 6.6: activate on the only HSM there is, then add the others (6.7: cloned from it). */
export async function activateCluster(cluster: InProcessCluster): Promise<void> {
  const run = await runCmu(cmuArgs(cluster, [0]), [`loginHSM PRECO admin ${PRECO_PASSWORD}`, `changePswd PRECO admin ${ADMIN_PASSWORD}`, 'y', 'quit']);
  expect(run.code, run.stdout + run.stderr).to.equal(0);
  expect(cluster.node(0).isActivated, run.stdout).to.equal(true);
  await cluster.cloneFirstToOthers();
}

/** An active cluster with the crypto user kmsuser (user 3) on every HSM. */
export async function seedCluster(cluster: InProcessCluster): Promise<void> {
  await activateCluster(cluster);
  const run = await runCmu(cmuArgs(cluster), [`loginHSM CO admin ${ADMIN_PASSWORD}`, `createUser CU kmsuser ${KMSUSER_PASSWORD}`, 'y', 'quit']);
  expect(run.stdout).not.to.match(/ failed on server /);
}
