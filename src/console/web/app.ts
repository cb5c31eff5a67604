// The console page: a header with the Region picker, the clock and global fault controls, the live
// picture, the panel of whatever is selected, the key stores, the "Create key store" form, the guided tour
// and the timeline. The Region shown is the one in the address (`#region=us-east-2`, or `?region=`), so a
// reload keeps it; without one, the server's default (the first Region that holds a cluster).

import { useEffect, useState } from 'preact/hooks';
import type { ConsoleMeta, ConsoleSnapshot, TimelineEntry } from '../console-snapshot.types';
import { admin, AwsError, openStream } from './api';
import { CreateStoreForm } from './create-store-form';
import { Guide } from './guide';
import { html, short } from './html';
import { ClusterPanel, HsmPanel, StorePanel, ZonePanel, type Run } from './panels';
import { Timeline } from './timeline';
import { colorOf, Topology, type Selection } from './topology';

const DAY = 86_400;

/** The Region the address names, if any. */
function regionInAddress(): string | undefined {
  return new URLSearchParams(location.hash.slice(1)).get('region') || new URLSearchParams(location.search).get('region') || undefined;
}

export function App({ meta }: { meta: ConsoleMeta }) {
  const [snapshot, setSnapshot] = useState<ConsoleSnapshot | undefined>(undefined);
  const [entries, setEntries] = useState<TimelineEntry[]>([]);
  const [live, setLive] = useState(false);
  const [selection, setSelection] = useState<Selection>(undefined);
  const [guideStep, setGuideStep] = useState<number | undefined>(undefined);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  const [region, setRegion] = useState<string | undefined>(regionInAddress);

  useEffect(() => {
    const follow = () => setRegion(regionInAddress());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  useEffect(() => {
    setSnapshot(undefined);
    setSelection(undefined);
    const source = openStream(region, {
      snapshot: setSnapshot,
      history: (history) => setEntries(history),
      entry: (entry) => setEntries((previous) => [entry, ...previous.filter((old) => old.seq !== entry.seq)].slice(0, meta.timelineLimit)),
      connected: setLive,
    });
    return () => source.close();
  }, [region]);

  const chooseRegion = (chosen: string) => {
    history.replaceState(null, '', `#region=${encodeURIComponent(chosen)}`);
    setRegion(chosen);
  };

  const run: Run = (label, action) => {
    setNotice({ ok: true, text: `${label}…` });
    action().then(
      () => setNotice({ ok: true, text: `${label}: done` }),
      (error: unknown) => setNotice({ ok: false, text: `${label}: ${error instanceof AwsError ? `${error.type}: ${error.message}` : String(error)}` }),
    );
  };

  if (!snapshot) return html`<p class="loading">Waiting for the simulator's first snapshot…</p>`;
  const highlight = guideStep === undefined ? undefined : meta.guide[guideStep]?.highlight;
  const hsm = selection?.kind === 'hsm' ? snapshot.clusters.flatMap((cluster) => cluster.hsms).find((candidate) => candidate.hsmId === selection.id) : undefined;
  const cluster = selection?.kind === 'cluster' ? snapshot.clusters.find((candidate) => candidate.clusterId === selection.id) : undefined;
  const regions = [...new Set([...snapshot.regions, snapshot.region])].sort();

  return html`<div class="layout">
    <header>
      <h1>cloudhsm-sim console</h1>
      <label class="region">Region
        <select data-testid="region" value=${snapshot.region} onChange=${(event: Event) => chooseRegion((event.target as HTMLSelectElement).value)}>
          ${regions.map((name) => html`<option value=${name}>${name}${name === snapshot.defaultRegion ? ' (default)' : ''}</option>`)}
        </select>
      </label>
      <span class=${`live ${live ? 'on' : 'off'}`} data-testid="live">${live ? 'live' : 'reconnecting'}</span>
      <span class="clock" data-testid="clock">simulated time ${snapshot.clock.now.replace('T', ' ').slice(0, 19)} UTC${snapshot.clock.offsetSeconds > 0 ? ` (+${Math.round(snapshot.clock.offsetSeconds / 3600)} h)` : ''}</span>
      <button data-testid="advance-1d" onClick=${() => run('advance 1 day', () => admin('POST', '/_sim/clock/advance', { seconds: DAY }))}>+1 day</button>
      <button data-testid="advance-7d" onClick=${() => run('advance 7 days', () => admin('POST', '/_sim/clock/advance', { seconds: 7 * DAY }))}>+7 days</button>
      <button data-testid="heal-all" onClick=${() => run('heal all faults', () => admin('POST', '/_sim/faults/reset'))}>Heal all${snapshot.faults.length > 0 ? ` (${snapshot.faults.length})` : ''}</button>
      <span class="endpoint">${meta.endpoint} · account ${snapshot.accountId}</span>
    </header>
    ${notice ? html`<p class=${`notice ${notice.ok ? 'ok' : 'error'}`} data-testid="notice">${notice.text}</p>` : null}
    <main>
      <div class="picture">
        <${Topology} snapshot=${snapshot} selection=${selection} highlight=${highlight} select=${setSelection} />
        <div class=${`clusters${highlight === 'cluster' ? ' hl' : ''}`}>
          ${snapshot.clusters.map(
            (item) => html`<button class=${`cluster-card${selection?.kind === 'cluster' && selection.id === item.clusterId ? ' selected' : ''}`} data-cluster-id=${item.clusterId} data-state=${item.state} onClick=${() => setSelection({ kind: 'cluster', id: item.clusterId })}>
              <b>${item.clusterId}</b> <span style=${`color:${colorOf(item.state)}`}>${item.state}</span> · ${item.hsms.length} HSM${item.hsms.length === 1 ? '' : 's'}
            </button>`,
          )}
          ${snapshot.stores.map(
            (store) => html`<button class=${`store-card${selection?.kind === 'store' && selection.id === store.customKeyStoreId ? ' selected' : ''}`} data-store-id=${store.customKeyStoreId} data-connection-state=${store.state} onClick=${() => setSelection({ kind: 'store', id: store.customKeyStoreId })}>
              <b>${store.name}</b> ${short(store.customKeyStoreId, 6)} <span style=${`color:${colorOf(store.state)}`}>${store.state}</span>${store.errorCode ? ` (${store.errorCode})` : ''}
            </button>`,
          )}
        </div>
        ${hsm ? html`<${HsmPanel} hsm=${hsm} run=${run} highlight=${highlight} />` : null}
        ${cluster ? html`<${ClusterPanel} cluster=${cluster} snapshot=${snapshot} highlight=${highlight} />` : null}
        ${selection?.kind === 'zone' ? html`<${ZonePanel} zone=${selection.id} snapshot=${snapshot} run=${run} />` : null}
        ${snapshot.stores.map((store) => html`<${StorePanel} key=${store.customKeyStoreId} store=${store} region=${snapshot.region} meta=${meta} run=${run} highlight=${highlight} />`)}
      </div>
      <aside>
        <${Guide} steps=${meta.guide} snapshot=${snapshot} current=${guideStep} choose=${setGuideStep} />
        <${CreateStoreForm} snapshot=${snapshot} highlight=${highlight} created=${(storeId: string) => setSelection({ kind: 'store', id: storeId })} />
        <${Timeline} entries=${entries} limit=${meta.timelineLimit} />
      </aside>
    </main>
  </div>`;
}
