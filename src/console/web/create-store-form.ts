// The seed's console procedure: "Create key store" with a friendly name, a cluster (eligible ones, the
// others greyed out with the reason), the trust anchor certificate (a file read in the browser) and the
// kmsuser password - sent as a real CreateCustomKeyStore request, so AWS's errors show here as they are.

import { useState } from 'preact/hooks';
import type { ConsoleSnapshot } from '../console-snapshot.types';
import { AwsError, kms } from './api';
import { html } from './html';

export function CreateStoreForm({ snapshot, highlight, created }: { snapshot: ConsoleSnapshot; highlight: string | undefined; created: (storeId: string) => void }) {
  const [name, setName] = useState('');
  const [clusterId, setClusterId] = useState('');
  const [trustAnchor, setTrustAnchor] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  const eligible = snapshot.clusters.filter((cluster) => !cluster.notEligibleBecause);
  // A cluster picked in another Region does not count.
  const chosen = snapshot.clusters.some((cluster) => cluster.clusterId === clusterId) ? clusterId : eligible[0]?.clusterId || '';

  const readFile = (event: Event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) void file.text().then(setTrustAnchor);
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setOutcome(undefined);
    try {
      const answer = await kms<{ CustomKeyStoreId: string }>(snapshot.region, 'CreateCustomKeyStore', {
        CustomKeyStoreName: name,
        CloudHsmClusterId: chosen,
        TrustAnchorCertificate: trustAnchor,
        KeyStorePassword: password,
      });
      setOutcome({ ok: true, text: `Created ${answer.CustomKeyStoreId} (DISCONNECTED: connect it next).` });
      setPassword('');
      created(answer.CustomKeyStoreId);
    } catch (error) {
      setOutcome({ ok: false, text: error instanceof AwsError ? `${error.type}: ${error.message}` : String(error) });
    } finally {
      setBusy(false);
    }
  };
  return html`<form class=${`panel create-store${highlight === 'store' ? ' hl' : ''}`} data-testid="create-store-form" onSubmit=${submit}>
    <h2>Create key store</h2>
    <label>Friendly name <input name="name" data-testid="store-name" value=${name} onInput=${(event: Event) => setName((event.target as HTMLInputElement).value)} /></label>
    <label>CloudHSM cluster
      <select name="cluster" data-testid="store-cluster" value=${chosen} onChange=${(event: Event) => setClusterId((event.target as HTMLSelectElement).value)}>
        ${snapshot.clusters.length === 0 ? html`<option value="" disabled>no clusters yet</option>` : null}
        ${snapshot.clusters.map(
          (cluster) => html`<option value=${cluster.clusterId} disabled=${Boolean(cluster.notEligibleBecause)}>${cluster.clusterId}${cluster.notEligibleBecause ? ` - ${cluster.notEligibleBecause}` : ''}</option>`,
        )}
      </select>
    </label>
    <label>Trust anchor certificate (customerCA.crt) <input type="file" data-testid="store-trust-anchor-file" accept=".crt,.pem,.cer" onChange=${readFile} /></label>
    <textarea data-testid="store-trust-anchor" rows="3" placeholder="-----BEGIN CERTIFICATE----- (or choose the file above)" value=${trustAnchor} onInput=${(event: Event) => setTrustAnchor((event.target as HTMLTextAreaElement).value)}></textarea>
    <label>kmsuser password <input type="password" data-testid="store-password" autocomplete="off" value=${password} onInput=${(event: Event) => setPassword((event.target as HTMLInputElement).value)} /></label>
    <button type="submit" data-testid="store-create" disabled=${busy}>Create key store</button>
    ${outcome ? html`<p class=${outcome.ok ? 'ok' : 'error'} data-testid="store-create-outcome">${outcome.text}</p>` : null}
  </form>`;
}
