// `--preset seed` is the shipped file; a path is the user's; the CA paths are relative to the file.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { loadPresetFile, resolvePresetFile, SHIPPED_PRESETS_DIR, shippedPresetNames } from '../../../src/presets/preset-file.loader';

describe('preset files: finding and reading them', () => {
  let directory = '';
  beforeEach(() => (directory = mkdtempSync(join(tmpdir(), 'preset-loader-'))));
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('resolves a shipped name to fixtures/presets and lists the shipped ones when the name is unknown', () => {
    expect(resolvePresetFile('seed')).to.equal(join(SHIPPED_PRESETS_DIR, 'seed.json'));
    expect(shippedPresetNames()).to.include('seed');
    expect(() => resolvePresetFile('seeds')).to.throw('preset seeds: is neither a file nor a shipped preset; the shipped presets are seed');
    expect(() => resolvePresetFile('./missing.json', directory)).to.throw(`preset ${join(directory, 'missing.json')}: no such file`);
  });

  it('reads the seed with the shipped customer CA and a stable digest', async () => {
    const first = await loadPresetFile('seed');
    const again = await loadPresetFile('seed');
    expect(first.trustAnchors['cluster']?.certificateFile).to.match(/fixtures\/pki\/customerCA\.crt$/);
    expect(first.trustAnchors['cluster']?.certPem).to.contain('BEGIN CERTIFICATE');
    expect(first.digest).to.match(/^[0-9a-f]{64}$/).and.to.equal(again.digest);
  });

  it("names the file for bad JSON and for a CA file that is not there", async () => {
    writeFileSync(join(directory, 'broken.json'), '{"name": ');
    try {
      await loadPresetFile(join(directory, 'broken.json'));
      expect.fail('accepted');
    } catch (error) {
      expect((error as Error).message).to.contain('broken.json: is not valid JSON');
    }
    const preset = {
      name: 'mine',
      clusters: [{ ref: 'c', hsmsPerZone: { a: 1 }, trustAnchor: { certificate: 'ca.crt', privateKey: 'ca.key' }, users: { coPassword: 'Admin-pass1' } }],
    };
    writeFileSync(join(directory, 'mine.json'), JSON.stringify(preset));
    try {
      await loadPresetFile('mine.json', directory);
      expect.fail('accepted');
    } catch (error) {
      expect((error as Error).message).to.equal(`preset ${join(directory, 'mine.json')}: clusters[0].trustAnchor.certificate: ${join(directory, 'ca.crt')} does not exist`);
    }
  });

  it('reads YAML too', async () => {
    const yaml = ['name: yaml-one', 'clusters:', '  - ref: c', '    hsmsPerZone: {a: 1}', '    trustAnchor:', `      certificate: ${join(SHIPPED_PRESETS_DIR, '..', 'pki', 'customerCA.crt')}`, `      privateKey: ${join(SHIPPED_PRESETS_DIR, '..', 'pki', 'customerCA.key')}`, '    users: {coPassword: Admin-pass1}', ''].join('\n');
    writeFileSync(join(directory, 'one.yaml'), yaml);
    const loaded = await loadPresetFile(join(directory, 'one.yaml'));
    expect(loaded.preset.name).to.equal('yaml-one');
    expect(loaded.preset.customKeyStores).to.deep.equal([]);
  });
});
