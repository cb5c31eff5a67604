// The event timeline, newest first, filterable by kind and by text.

import { useState } from 'preact/hooks';
import type { TimelineEntry, TimelineKind } from '../console-snapshot.types';
import { html } from './html';

const KINDS: readonly { kind: TimelineKind; label: string }[] = [
  { kind: 'aws', label: 'AWS calls' },
  { kind: 'hsm', label: 'HSM audit' },
  { kind: 'fault', label: 'faults' },
  { kind: 'process', label: 'processes' },
  { kind: 'clock', label: 'clock' },
];

export function Timeline({ entries, limit }: { entries: readonly TimelineEntry[]; limit: number }) {
  const [hidden, setHidden] = useState<ReadonlySet<TimelineKind>>(new Set());
  const [text, setText] = useState('');
  const [hideReads, setHideReads] = useState(false);
  const toggle = (kind: TimelineKind) => {
    const next = new Set(hidden);
    if (next.has(kind)) next.delete(kind);
    else next.add(kind);
    setHidden(next);
  };
  const needle = text.trim().toLowerCase();
  const shown = entries.filter(
    (entry) =>
      !hidden.has(entry.kind) &&
      !(hideReads && entry.kind === 'aws' && /:(Describe|List|Get)/.test(entry.summary)) &&
      (needle === '' || JSON.stringify(entry).toLowerCase().includes(needle)),
  );
  return html`<section class="panel timeline" data-testid="timeline">
    <h2>Timeline <span class="muted">(newest first; the last ${limit} kept)</span></h2>
    <div class="filters">
      ${KINDS.map(({ kind, label }) => html`<label class="check"><input type="checkbox" checked=${!hidden.has(kind)} onChange=${() => toggle(kind)} /> ${label}</label>`)}
      <label class="check"><input type="checkbox" data-testid="hide-reads" checked=${hideReads} onChange=${() => setHideReads(!hideReads)} /> hide Describe/List/Get</label>
      <input placeholder="filter" value=${text} onInput=${(event: Event) => setText((event.target as HTMLInputElement).value)} />
    </div>
    <ul>
      ${shown.slice(0, 300).map(
        (entry) => html`<li class=${`entry kind-${entry.kind}${entry.outcome && !['ok', 'added', 'healed', 'up'].includes(entry.outcome) && entry.kind === 'aws' ? ' failed' : ''}`} data-kind=${entry.kind}>
          <span class="time">${entry.time.slice(11, 19)}</span>
          <span class="kind">${entry.kind}</span>
          <span class="summary">${entry.summary}</span>
          ${entry.outcome ? html`<span class="outcome">${entry.outcome}</span>` : null}
          ${entry.details && entry.details['caller'] ? html`<span class="muted"> by ${String(entry.details['caller'])}</span>` : null}
        </li>`,
      )}
    </ul>
  </section>`;
}
