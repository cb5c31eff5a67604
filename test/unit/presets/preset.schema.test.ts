// Preset files are checked field by field: unknown fields, wrong types, dangling refs and a store
// password that is not kmsuser's are errors that name the field and what is valid.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { PresetFileError } from '../../../src/presets/preset-file.error';
import { parsePreset } from '../../../src/presets/preset.schema';

const SEED_FILE = join(__dirname, '..', '..', '..', '..', 'fixtures', 'presets', 'seed.json');
type Json = Record<string, unknown>;

function seed(): Json {
  return JSON.parse(readFileSync(SEED_FILE, 'utf8')) as Json;
}

function problem(edit: (preset: Json) => void): string {
  const preset = seed();
  edit(preset);
  try {
    parsePreset(preset, 'my.json');
  } catch (error) {
    expect(error).to.be.instanceOf(PresetFileError);
    return (error as Error).message;
  }
  return expect.fail('the preset was accepted');
}

const cluster = (preset: Json): Json => (preset['clusters'] as Json[])[0]!;
const store = (preset: Json): Json => (preset['customKeyStores'] as Json[])[0]!;

describe('preset files: the schema', () => {
  it('reads the shipped seed: one cluster, 2 HSMs in zones a and b, CO and kmsuser, a connected store, a key, an alias', () => {
    const preset = parsePreset(seed(), SEED_FILE);
    expect(preset.name).to.equal('seed');
    expect(preset.clusters[0]).to.deep.include({ ref: 'cluster', hsmType: 'hsm1.medium', hsmsPerZone: { a: 1, b: 1 } });
    expect(preset.clusters[0]?.users.cryptoUsers.map((user) => user.name)).to.deep.equal(['kmsuser']);
    expect(preset.customKeyStores[0]).to.deep.include({ cluster: 'cluster', connect: true });
    expect(preset.keys[0]).to.deep.include({ customKeyStore: 'store' });
    expect(preset.aliases).to.deep.equal([{ name: 'alias/seed-key', key: 'storeKey' }]);
  });

  it('refuses an unknown field anywhere, naming the valid ones', () => {
    expect(problem((preset) => (preset['cluster'] = []))).to.equal(
      'preset my.json: cluster: unknown field; the valid fields here are name (required), clusters (required), description, customKeyStores, keys, aliases',
    );
    expect(problem((preset) => (store(preset)['connected'] = true))).to.contain('customKeyStores[0].connected: unknown field; the valid fields here are ref (required), name (required), cluster (required), password (required), connect');
    expect(problem((preset) => ((cluster(preset)['users'] as Json)['co'] = 'x'))).to.contain('clusters[0].users.co: unknown field');
  });

  it('refuses missing fields, wrong types and values out of range', () => {
    expect(problem((preset) => delete preset['clusters'])).to.equal('preset my.json: clusters: is required');
    expect(problem((preset) => (preset['clusters'] = []))).to.contain('clusters: needs at least one cluster');
    expect(problem((preset) => (cluster(preset)['hsmsPerZone'] = { a: 1.5 }))).to.contain('clusters[0].hsmsPerZone.a: must be a whole number of HSMs');
    expect(problem((preset) => (cluster(preset)['hsmsPerZone'] = { 'zone-a': 1 }))).to.contain('a zone letter ("a") or an Availability Zone name');
    expect(problem((preset) => (cluster(preset)['hsmType'] = 'hsm3.large'))).to.contain('clusters[0].hsmType: must be hsm1.medium or hsm2m.medium');
    expect(problem((preset) => (store(preset)['connect'] = 'yes'))).to.contain('customKeyStores[0].connect: must be true or false');
    expect(problem((preset) => ((preset['aliases'] as Json[])[0]!['name'] = 'alias/aws/mine'))).to.contain('aliases[0].name: must be alias/');
  });

  it('refuses refs to nothing, and duplicate refs', () => {
    expect(problem((preset) => (store(preset)['cluster'] = 'other'))).to.contain('customKeyStores[0].cluster: no clusters has ref "other"; the refs are cluster');
    expect(problem((preset) => ((preset['aliases'] as Json[])[0]!['key'] = 'nokey'))).to.contain('aliases[0].key: no keys has ref "nokey"');
    expect(problem((preset) => (preset['clusters'] as Json[]).push(cluster(preset)))).to.contain('clusters[1].ref: "cluster" is used twice');
  });

  it("wants the store's password to be kmsuser's in its cluster, and never echoes a password", () => {
    const wrong = problem((preset) => (store(preset)['password'] = 'Other-pass1'));
    expect(wrong).to.contain('customKeyStores[0].password: must be the password of kmsuser in cluster "cluster"');
    expect(wrong).to.not.contain('Other-pass1');
    expect(problem((preset) => ((cluster(preset)['users'] as Json)['cryptoUsers'] = []))).to.contain('cluster "cluster" has no crypto user kmsuser');
    const short = problem((preset) => ((cluster(preset)['users'] as Json)['coPassword'] = 'abc'));
    expect(short).to.contain('clusters[0].users.coPassword: must be a string of 7-32 characters');
    expect(short).to.not.contain('abc"');
  });
});
