// Guided mode: the tour's steps (cloudhsm-sim tour), each with its explanation, the command that does
// it, and the part of the picture it changes lit up. The learner runs the command (or uses the form);
// a step is ticked when the picture shows its result.

import type { ConsoleSnapshot, GuideStep } from '../console-snapshot.types';
import { html } from './html';

/** Whether the picture shows what each step produces, in the tour's order. */
function stepsDone(snapshot: ConsoleSnapshot): boolean[] {
  const clusters = snapshot.clusters;
  const hsms = clusters.flatMap((cluster) => cluster.hsms);
  const users = hsms.flatMap((hsm) => hsm.users ?? []);
  const keys = snapshot.stores.flatMap((store) => store.keys);
  return [
    snapshot.vpcs.some((vpc) => vpc.zones.length > 0),
    clusters.length > 0,
    hsms.length > 0,
    clusters.some((cluster) => cluster.certificates.clusterCertificate !== undefined),
    clusters.some((cluster) => ['INITIALIZED', 'ACTIVE'].includes(cluster.state)),
    clusters.some((cluster) => cluster.state === 'ACTIVE') && users.some((user) => user.name === 'kmsuser'),
    clusters.some((cluster) => new Set(cluster.hsms.filter((hsm) => hsm.state === 'ACTIVE').map((hsm) => hsm.availabilityZone)).size >= 2),
    snapshot.stores.length > 0,
    snapshot.stores.some((store) => store.state === 'CONNECTED'),
    keys.length > 0,
  ];
}

export function Guide({ steps, snapshot, current, choose }: { steps: readonly GuideStep[]; snapshot: ConsoleSnapshot; current: number | undefined; choose: (index: number | undefined) => void }) {
  const done = stepsDone(snapshot);
  const step = current === undefined ? undefined : steps[current];
  return html`<section class="panel guide" data-testid="guide">
    <h2>Guided tour <span class="muted">(the steps of cloudhsm-sim tour)</span></h2>
    <ol>
      ${steps.map(
        (item, index) => html`<li class=${`${index === current ? 'current' : ''}${done[index] ? ' done' : ''}`}>
          <button class="link" onClick=${() => choose(index === current ? undefined : index)}>${done[index] ? '✓ ' : ''}${item.title}</button>
        </li>`,
      )}
    </ol>
    ${step
      ? html`<div class="guide-step" data-testid="guide-step">
          <p>${step.purpose}</p>
          <p class="muted">Run it yourself (the picture lights up what it changes: ${step.highlight}):</p>
          <pre>${step.command.replaceAll('<region>', snapshot.region)}</pre>
          <div class="buttons">
            ${current! > 0 ? html`<button onClick=${() => choose(current! - 1)}>Previous</button>` : null}
            ${current! < steps.length - 1 ? html`<button onClick=${() => choose(current! + 1)}>Next</button>` : null}
          </div>
        </div>`
      : html`<p class="muted">Pick a step to see why it is done, the command that does it, and where the picture changes.</p>`}
  </section>`;
}
