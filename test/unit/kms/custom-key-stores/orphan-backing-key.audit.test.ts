// After a connect, backing keys no KMS key names (a CreateKey the simulator died in the middle of) are
// named in a warning (aws-behaviour 4.3), never silently left; keys of known KMS keys and other labels are not.

import { expect } from 'chai';
import type { KmsUserSession } from '../../../../src/kms/custom-key-stores/kmsuser-session';
import { OrphanBackingKeyAudit } from '../../../../src/kms/custom-key-stores/orphan-backing-key.audit';
import { JsonLinesLogger } from '../../../../src/shared/logger';

const arn = (suffix: string): string => `arn:aws:kms:us-east-1:111122223333:key/${suffix}-0000-4000-8000-000000000000`;
const KNOWN = arn('aaaaaaaa');
const ORPHAN = arn('bbbbbbbb');
const LATE = arn('cccccccc');

function session(hsmId: string, labels: readonly string[]): KmsUserSession {
  return { hsmId, listOwnKeys: () => Promise.resolve(labels.map((label, index) => ({ handle: 100 + index, label }))) } as unknown as KmsUserSession;
}

describe('orphaned backing keys: named after each connect', () => {
  it('warns about each backing key no KMS key names, per HSM, with its handle', async () => {
    const lines: string[] = [];
    const known = new Set([KNOWN]);
    const audit = new OrphanBackingKeyAudit(new JsonLinesLogger('info', (line) => lines.push(line)), () => known);

    const orphans = await audit.report('cks-1', [session('hsm-a', [KNOWN, ORPHAN, 'my own key']), session('hsm-b', [KNOWN])], 0);

    expect(orphans).to.deep.equal([{ hsmId: 'hsm-a', keyHandle: 101, label: ORPHAN }]);
    expect(lines).to.have.length(1);
    expect(JSON.parse(lines[0]!)).to.include({ level: 'warn', customKeyStoreId: 'cks-1', hsmId: 'hsm-a', keyHandle: 101, label: ORPHAN });
  });

  it('does not name a key whose CreateKey stores it while the audit waits', async () => {
    const lines: string[] = [];
    const known = new Set([KNOWN]);
    const audit = new OrphanBackingKeyAudit(new JsonLinesLogger('info', (line) => lines.push(line)), () => known);
    setTimeout(() => known.add(LATE), 5);

    expect(await audit.report('cks-1', [session('hsm-a', [KNOWN, LATE])], 30)).to.deep.equal([]);
    expect(lines).to.deep.equal([]);
  });

  it('never throws: an HSM that does not answer skips the audit until the next connect', async () => {
    const lines: string[] = [];
    const broken = { hsmId: 'hsm-a', listOwnKeys: () => Promise.reject(new Error('connection closed')) } as unknown as KmsUserSession;
    const audit = new OrphanBackingKeyAudit(new JsonLinesLogger('debug', (line) => lines.push(line)), () => new Set());
    expect(await audit.report('cks-1', [broken], 0)).to.deep.equal([]);
    expect(lines.join('')).to.contain('audit skipped');
  });
});
