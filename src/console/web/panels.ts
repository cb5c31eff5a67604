// What opens beside the picture: one HSM (users, keys, fault buttons), one cluster (certificates,
// backups and their lineage), one custom key store (state machine, error code with AWS's advice,
// network, KMS keys, Connect / Disconnect), and a zone (outage).

import type { ConsoleBackup, ConsoleCluster, ConsoleHsm, ConsoleMeta, ConsoleSnapshot, ConsoleStore } from '../console-snapshot.types';
import { admin, kms } from './api';
import { html, short } from './html';
import { StateMachine } from './state-machine';
import { colorOf } from './topology';

export type Run = (label: string, action: () => Promise<unknown>) => void;

const badge = (text: string, color: string) => html`<span class="badge" style=${`background:${color}`}>${text}</span>`;

export const HSM_FAULTS: readonly { label: string; kind: string; params?: Record<string, unknown> }[] = [
  { label: 'Kill', kind: 'hsm-kill' },
  { label: 'Hang', kind: 'hsm-hang' },
  { label: 'Partition', kind: 'network-partition' },
  { label: 'Latency 500 ms', kind: 'network-latency', params: { ms: 500 } },
  { label: 'Engine error', kind: 'engine-error', params: { ckr: 'CKR_DEVICE_ERROR' } },
];

export const addFault = (kind: string, target: Record<string, string>, params?: Record<string, unknown>) =>
  admin('POST', '/_sim/faults', { kind, target, ...(params ? { params } : {}) });
export const healFault = (faultId: string) => admin('DELETE', `/_sim/faults/${encodeURIComponent(faultId)}`);

export function HsmPanel({ hsm, run, highlight }: { hsm: ConsoleHsm; run: Run; highlight: string | undefined }) {
  return html`<section class="panel" data-testid="hsm-panel" data-hsm-id=${hsm.hsmId}>
    <h2>HSM ${hsm.hsmId}</h2>
    <p>${badge(hsm.state, colorOf(hsm.state))} process <b data-testid="hsm-process">${hsm.process}</b> · ${hsm.availabilityZone} · ${hsm.subnetId}</p>
    <p class="muted">${hsm.stateMessage}</p>
    <p>ENI ${hsm.eniId} · ${hsm.eniIp}${hsm.listen ? ` · listens on ${hsm.listen.host}:${hsm.listen.crypto}/${hsm.listen.sync}/${hsm.listen.management}` : ''}</p>
    <div class="buttons">
      ${HSM_FAULTS.map(
        (fault) => html`<button class="fault" data-fault=${fault.kind} onClick=${() => run(`${fault.label} ${hsm.hsmId}`, () => addFault(fault.kind, { hsmId: hsm.hsmId }, fault.params))}>${fault.label}</button>`,
      )}
    </div>
    ${hsm.faults.length > 0
      ? html`<p>Faults: ${hsm.faults.map((fault) => html`<span class="fault-chip">${fault.kind} <button class="link" onClick=${() => run(`heal ${fault.faultId}`, () => healFault(fault.faultId))}>heal</button></span>`)}</p>`
      : null}
    <h3 class=${highlight === 'users' ? 'hl' : ''}>Users</h3>
    ${hsm.users
      ? html`<table data-testid="hsm-users"><thead><tr><th>name</th><th>role</th><th>locked</th><th>2FA</th><th>failed logins</th><th>logged in</th></tr></thead><tbody>
          ${hsm.users.map((user) => html`<tr><td>${user.name}</td><td>${user.role}</td><td>${user.locked ? 'yes' : 'no'}</td><td>${user.twoFactor ? 'yes' : 'no'}</td><td>${user.failedLogins}</td><td>${user.loggedIn ? 'now' : ''}</td></tr>`)}
        </tbody></table>`
      : html`<p class="muted">The HSM process does not answer (${hsm.process}): its users and keys cannot be read.</p>`}
    <h3 class=${highlight === 'keys' ? 'hl' : ''}>Keys</h3>
    ${hsm.keys && hsm.keys.length > 0
      ? html`<table data-testid="hsm-keys"><thead><tr><th>handle</th><th>label (key ARN)</th><th>type</th><th>owner</th><th>shared with</th><th>on HSMs</th></tr></thead><tbody>
          ${hsm.keys.map((key) => html`<tr><td>${key.handle}</td><td class="wrap">${key.label}</td><td>${key.keyType}${key.token ? '' : ' (session)'}</td><td>${key.owner}</td><td>${key.sharedWith.join(', ')}</td><td>${key.onHsms.map((id) => short(id, 6)).join(', ')}</td></tr>`)}
        </tbody></table>`
      : hsm.keys
        ? html`<p class="muted">No keys.</p>`
        : null}
  </section>`;
}

function lineage(backup: ConsoleBackup, backups: readonly ConsoleBackup[]): string {
  const chain: string[] = [];
  let source = backup.sourceBackup;
  while (source && chain.length < 10) {
    chain.push(source);
    source = backups.find((candidate) => candidate.backupId === source)?.sourceBackup;
  }
  return chain.length === 0 ? '' : `copied from ${chain.join(' <- ')}`;
}

export function ClusterPanel({ cluster, snapshot, highlight }: { cluster: ConsoleCluster; snapshot: ConsoleSnapshot; highlight: string | undefined }) {
  const backups = snapshot.backups.filter((backup) => backup.clusterId === cluster.clusterId);
  const source = cluster.sourceBackupId ? snapshot.backups.find((backup) => backup.backupId === cluster.sourceBackupId) : undefined;
  const relatives = snapshot.clusters.filter(
    (other) =>
      other.clusterId !== cluster.clusterId &&
      ((source && other.clusterId === source.clusterId) || snapshot.backups.some((backup) => backup.clusterId === cluster.clusterId && backup.backupId === other.sourceBackupId)),
  );
  const certificate = cluster.certificates.clusterCertificate;
  return html`<section class="panel" data-testid="cluster-panel" data-cluster-id=${cluster.clusterId}>
    <h2>Cluster ${cluster.clusterId}</h2>
    <p>${badge(cluster.state, colorOf(cluster.state))} ${cluster.stateMessage ?? ''}</p>
    <p>VPC ${cluster.vpcId} · security group ${cluster.securityGroup}</p>
    <p>Subnets: ${Object.entries(cluster.subnetMapping).map(([zone, subnet]) => `${zone} ${subnet}`).join(' · ')}</p>
    <h3 class=${highlight === 'certificates' ? 'hl' : ''}>Certificates</h3>
    <ul>
      <li>Cluster CSR: ${cluster.certificates.csr ? 'present (from the first HSM)' : 'not yet'}</li>
      <li>Cluster certificate: ${certificate ? `${certificate.subject}, valid to ${certificate.validTo.slice(0, 10)}` : 'not yet (InitializeCluster installs it)'}</li>
      <li>Trust anchor subject: ${cluster.certificates.trustAnchorSubject ?? 'not yet'}</li>
    </ul>
    <h3>Backups and lineage</h3>
    ${cluster.sourceBackupId ? html`<p data-testid="cluster-source">Created from backup ${cluster.sourceBackupId}${source ? ` of cluster ${source.clusterId}` : ''}: it shares that cluster's history.</p>` : null}
    ${relatives.length > 0 ? html`<p data-testid="cluster-relatives">Shares history with: ${relatives.map((other) => other.clusterId).join(', ')}</p>` : null}
    ${backups.length > 0
      ? html`<table><thead><tr><th>backup</th><th>state</th><th>created (simulated)</th><th>lineage</th></tr></thead><tbody>
          ${backups.map((backup) => html`<tr><td>${backup.backupId}</td><td>${backup.state}</td><td>${backup.created.replace('T', ' ').slice(0, 19)}</td><td>${lineage(backup, snapshot.backups)}</td></tr>`)}
        </tbody></table>`
      : html`<p class="muted">No backups yet (taken on activation, when HSMs come and go, and daily).</p>`}
    ${cluster.notEligibleBecause ? html`<p class="muted">Not available for a new key store: ${cluster.notEligibleBecause}.</p>` : html`<p>Eligible for a new custom key store.</p>`}
  </section>`;
}

export function StorePanel({ store, region, meta, run, highlight }: { store: ConsoleStore; region: string; meta: ConsoleMeta; run: Run; highlight: string | undefined }) {
  const advice = store.errorCode ? meta.connectionAdvice[store.errorCode] : undefined;
  const connect = () => run(`connect ${store.customKeyStoreId}`, () => kms(region, 'ConnectCustomKeyStore', { CustomKeyStoreId: store.customKeyStoreId }));
  const disconnect = () => run(`disconnect ${store.customKeyStoreId}`, () => kms(region, 'DisconnectCustomKeyStore', { CustomKeyStoreId: store.customKeyStoreId }));
  return html`<section class=${`panel store${highlight === 'store' ? ' hl' : ''}`} data-testid="store-panel" data-store-id=${store.customKeyStoreId} data-connection-state=${store.state}>
    <h2>Key store ${store.name}</h2>
    <p>${store.customKeyStoreId} · cluster ${store.clusterId} · ${badge(store.state, colorOf(store.state))}</p>
    <${StateMachine} meta=${meta} current=${store.state} />
    <div class="buttons">
      <button data-testid="connect" onClick=${connect}>Connect</button>
      <button data-testid="disconnect" onClick=${disconnect}>Disconnect</button>
    </div>
    ${store.errorCode
      ? html`<div class="advice" data-testid="connection-error">
          <p><b>KMS cannot connect the custom key store to its CloudHSM cluster. Error code: ${store.errorCode}</b></p>
          ${advice ? html`<p>Cause: ${advice.cause}</p><p>Documented fix: ${advice.fix}</p>` : null}
        </div>`
      : null}
    <p>Trust anchor: ${store.trustAnchorSubject ?? '?'}</p>
    <h3>Network</h3>
    ${store.securityGroup
      ? html`<p>Security group ${store.securityGroup.name} (${store.securityGroup.groupId}): ${store.securityGroup.rules.join('; ')}</p>`
      : html`<p class="muted">No kms-${store.customKeyStoreId} security group (KMS creates it when it connects).</p>`}
    ${store.enis.length > 0 ? html`<p>ENIs: ${store.enis.map((eni) => `${eni.eniId} ${eni.ip} (${eni.availabilityZone})`).join(' · ')}</p>` : null}
    <h3 class=${highlight === 'keys' ? 'hl' : ''}>KMS keys</h3>
    ${store.keys.length > 0
      ? html`<table data-testid="store-keys"><thead><tr><th>key</th><th>state</th><th>description</th></tr></thead><tbody>
          ${store.keys.map((key) => html`<tr data-key-id=${key.keyId} data-key-state=${key.state}><td title=${key.arn}>${key.keyId}</td><td>${key.state}</td><td>${key.description}</td></tr>`)}
        </tbody></table>`
      : html`<p class="muted">No KMS keys in this store.</p>`}
  </section>`;
}

export function ZonePanel({ zone, snapshot, run }: { zone: string; snapshot: ConsoleSnapshot; run: Run }) {
  const outage = snapshot.faults.find((fault) => fault.kind === 'az-outage' && fault.target['availabilityZone'] === zone);
  return html`<section class="panel" data-testid="zone-panel">
    <h2>Availability Zone ${zone}</h2>
    ${outage
      ? html`<p>Outage in force (${outage.faultId}). <button data-testid="end-outage" onClick=${() => run(`heal ${outage.faultId}`, () => healFault(outage.faultId))}>End the outage</button></p>`
      : html`<button class="fault" data-fault="az-outage" onClick=${() => run(`outage ${zone}`, () => addFault('az-outage', { availabilityZone: zone }))}>Zone outage</button>`}
  </section>`;
}
