// Checks a parsed preset file field by field: every field known, every type and range right, every
// ref pointing at something the file defines. Errors name the field and say what is valid.

import { PresetFileError } from './preset-file.error';
import type { Preset, PresetAlias, PresetCluster, PresetCryptoUser, PresetCustomKeyStore, PresetKey } from './preset.types';

type Json = Readonly<Record<string, unknown>>;

/** The shipped customer CA, relative to fixtures/presets. */
export const DEFAULT_TRUST_ANCHOR = { certificate: '../pki/customerCA.crt', privateKey: '../pki/customerCA.key' } as const;
/** aws-behaviour 8.2: clusters per Region, HSMs per cluster. */
const MAX_CLUSTERS = 4;
const MAX_HSMS_PER_CLUSTER = 28;
const HSM_TYPES = ['hsm1.medium', 'hsm2m.medium'];
const REF = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const ZONE = /^([a-z]|[a-z]{2}(-[a-z]+)+-\d[a-z])$/;
/** cmu createUser: 1-31 letters, digits or '_'. */
const USER_NAME = /^[A-Za-z0-9_]{1,31}$/;
/** API_CreateCustomKeyStore: CustomKeyStoreName 1-256 characters. */
const STORE_NAME = /^.{1,256}$/s;
/** API_CreateAlias: alias/ then 1-250 of [a-zA-Z0-9/_-], not alias/aws/. */
const ALIAS_NAME = /^alias\/(?!aws\/)[a-zA-Z0-9/_-]{1,250}$/;
/** CloudHSM user passwords and KMS KeyStorePassword: 7-32 characters. */
const PASSWORD = { min: 7, max: 32 };
/** The crypto user KMS logs in as. */
export const KMS_CRYPTO_USER = 'kmsuser';

class Reader {
  constructor(readonly file: string) {}

  fail(field: string, detail: string): never {
    throw new PresetFileError(this.file, field, detail);
  }

  /** An object with exactly these fields (required ones present, nothing else). */
  object(value: unknown, field: string, required: readonly string[], optional: readonly string[]): Json {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) this.fail(field, `must be an object with ${describeFields(required, optional)}`);
    const record = value as Json;
    for (const name of Object.keys(record)) {
      if (!required.includes(name) && !optional.includes(name)) this.fail(join(field, name), `unknown field; the valid fields here are ${describeFields(required, optional)}`);
    }
    for (const name of required) {
      if (record[name] === undefined) this.fail(join(field, name), 'is required');
    }
    return record;
  }

  array(value: unknown, field: string, max: number): readonly unknown[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) this.fail(field, 'must be a list');
    if (value.length > max) this.fail(field, `has ${value.length} entries; at most ${max}`);
    return value;
  }

  string(value: unknown, field: string, pattern: RegExp, what: string): string {
    if (typeof value !== 'string' || !pattern.test(value)) this.fail(field, `must be ${what}, not ${JSON.stringify(value)}`);
    return value;
  }

  password(value: unknown, field: string): string {
    if (typeof value !== 'string' || value.length < PASSWORD.min || value.length > PASSWORD.max) {
      // The value is a credential: never echoed.
      this.fail(field, `must be a string of ${PASSWORD.min}-${PASSWORD.max} characters`);
    }
    return value;
  }

  boolean(value: unknown, field: string, fallback: boolean): boolean {
    if (value === undefined) return fallback;
    if (typeof value !== 'boolean') this.fail(field, `must be true or false, not ${JSON.stringify(value)}`);
    return value;
  }

  uniqueRefs(entries: readonly { ref: string }[], field: string): void {
    const seen = new Set<string>();
    entries.forEach((entry, index) => {
      if (seen.has(entry.ref)) this.fail(`${field}[${index}].ref`, `"${entry.ref}" is used twice; refs must be unique`);
      seen.add(entry.ref);
    });
  }

  reference(value: unknown, field: string, known: readonly { ref: string }[], kind: string): string {
    const ref = this.string(value, field, REF, `the ref of one of the ${kind}`);
    if (!known.some((entry) => entry.ref === ref)) {
      this.fail(field, `no ${kind} has ref "${ref}"; ${known.length ? `the refs are ${known.map((entry) => entry.ref).join(', ')}` : `define it under ${kind}`}`);
    }
    return ref;
  }
}

export function parsePreset(value: unknown, file: string): Preset {
  const read = new Reader(file);
  const top = read.object(value, '', ['name', 'clusters'], ['description', 'customKeyStores', 'keys', 'aliases']);
  const name = read.string(top['name'], 'name', /^[A-Za-z0-9._-]{1,64}$/, '1-64 letters, digits, ".", "_" or "-"');
  const description = top['description'] === undefined ? undefined : read.string(top['description'], 'description', /^.*$/s, 'a string');
  const clusterList = read.array(top['clusters'], 'clusters', MAX_CLUSTERS);
  if (clusterList.length === 0) read.fail('clusters', 'needs at least one cluster');
  const clusters = clusterList.map((entry, index) => parseCluster(read, entry, `clusters[${index}]`));
  read.uniqueRefs(clusters, 'clusters');
  const customKeyStores = read.array(top['customKeyStores'], 'customKeyStores', 10).map((entry, index) => parseStore(read, entry, `customKeyStores[${index}]`, clusters));
  read.uniqueRefs(customKeyStores, 'customKeyStores');
  const keys = read.array(top['keys'], 'keys', 1000).map((entry, index) => parseKey(read, entry, `keys[${index}]`, customKeyStores));
  read.uniqueRefs(keys, 'keys');
  const aliases = read.array(top['aliases'], 'aliases', 1000).map((entry, index) => parseAlias(read, entry, `aliases[${index}]`, keys));
  aliases.forEach((alias, index) => {
    if (aliases.findIndex((other) => other.name === alias.name) !== index) read.fail(`aliases[${index}].name`, `"${alias.name}" is used twice`);
  });
  return { name, ...(description !== undefined ? { description } : {}), clusters, customKeyStores, keys, aliases };
}

function parseCluster(read: Reader, value: unknown, field: string): PresetCluster {
  const entry = read.object(value, field, ['ref', 'hsmsPerZone', 'users'], ['hsmType', 'trustAnchor']);
  const hsmType = entry['hsmType'] === undefined ? 'hsm1.medium' : read.string(entry['hsmType'], join(field, 'hsmType'), /^(hsm1\.medium|hsm2m\.medium)$/, HSM_TYPES.join(' or '));
  const zones = read.object(entry['hsmsPerZone'], join(field, 'hsmsPerZone'), [], Object.keys(entry['hsmsPerZone'] ?? {}));
  const hsmsPerZone: Record<string, number> = {};
  for (const [zone, count] of Object.entries(zones)) {
    read.string(zone, `${join(field, 'hsmsPerZone')} key`, ZONE, 'a zone letter ("a") or an Availability Zone name ("us-east-1a")');
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) read.fail(join(join(field, 'hsmsPerZone'), zone), `must be a whole number of HSMs, not ${JSON.stringify(count)}`);
    hsmsPerZone[zone] = count;
  }
  const total = Object.values(hsmsPerZone).reduce((sum, count) => sum + count, 0);
  if (total < 1 || total > MAX_HSMS_PER_CLUSTER) read.fail(join(field, 'hsmsPerZone'), `must add up to 1-${MAX_HSMS_PER_CLUSTER} HSMs, not ${total}`);
  const anchorField = join(field, 'trustAnchor');
  const anchor = entry['trustAnchor'] === undefined ? DEFAULT_TRUST_ANCHOR : read.object(entry['trustAnchor'], anchorField, ['certificate', 'privateKey'], []);
  const trustAnchor = {
    certificate: read.string(anchor['certificate'], join(anchorField, 'certificate'), /^.+$/, 'the path of a PEM certificate'),
    privateKey: read.string(anchor['privateKey'], join(anchorField, 'privateKey'), /^.+$/, 'the path of a PEM private key'),
  };
  const usersField = join(field, 'users');
  const users = read.object(entry['users'], usersField, ['coPassword'], ['cryptoUsers']);
  const cryptoUsers = read.array(users['cryptoUsers'], join(usersField, 'cryptoUsers'), 1024).map((user, index): PresetCryptoUser => {
    const userField = `${join(usersField, 'cryptoUsers')}[${index}]`;
    const fields = read.object(user, userField, ['name', 'password'], []);
    const name = read.string(fields['name'], join(userField, 'name'), USER_NAME, "1-31 letters, digits or '_'");
    if (name.toLowerCase() === 'admin') read.fail(join(userField, 'name'), '"admin" is the CO; choose another name');
    return { name, password: read.password(fields['password'], join(userField, 'password')) };
  });
  return {
    ref: read.string(entry['ref'], join(field, 'ref'), REF, 'a letter then up to 63 letters, digits, "_" or "-"'),
    hsmType,
    hsmsPerZone,
    trustAnchor,
    users: { coPassword: read.password(users['coPassword'], join(usersField, 'coPassword')), cryptoUsers },
  };
}

function parseStore(read: Reader, value: unknown, field: string, clusters: readonly PresetCluster[]): PresetCustomKeyStore {
  const entry = read.object(value, field, ['ref', 'name', 'cluster', 'password'], ['connect']);
  const cluster = read.reference(entry['cluster'], join(field, 'cluster'), clusters, 'clusters');
  const password = read.password(entry['password'], join(field, 'password'));
  const kmsuser = clusters.find((candidate) => candidate.ref === cluster)?.users.cryptoUsers.find((user) => user.name.toLowerCase() === KMS_CRYPTO_USER);
  // CreateCustomKeyStore: KeyStorePassword is the password of the kmsuser crypto user in the cluster.
  if (!kmsuser) read.fail(join(field, 'cluster'), `cluster "${cluster}" has no crypto user ${KMS_CRYPTO_USER}: add it to its users.cryptoUsers with this store's password`);
  if (kmsuser.password !== password) read.fail(join(field, 'password'), `must be the password of ${KMS_CRYPTO_USER} in cluster "${cluster}"`);
  return {
    ref: read.string(entry['ref'], join(field, 'ref'), REF, 'a letter then up to 63 letters, digits, "_" or "-"'),
    name: read.string(entry['name'], join(field, 'name'), STORE_NAME, 'a name of 1-256 characters'),
    cluster,
    password,
    connect: read.boolean(entry['connect'], join(field, 'connect'), true),
  };
}

function parseKey(read: Reader, value: unknown, field: string, stores: readonly PresetCustomKeyStore[]): PresetKey {
  const entry = read.object(value, field, ['ref'], ['description', 'customKeyStore']);
  const description = entry['description'] === undefined ? undefined : read.string(entry['description'], join(field, 'description'), /^.{0,8192}$/s, 'a description of at most 8192 characters');
  const customKeyStore = entry['customKeyStore'] === undefined ? undefined : read.reference(entry['customKeyStore'], join(field, 'customKeyStore'), stores, 'customKeyStores');
  if (customKeyStore !== undefined && !stores.find((store) => store.ref === customKeyStore)?.connect) {
    // API_CreateKey: a key in a custom key store needs the store CONNECTED.
    read.fail(join(field, 'customKeyStore'), `store "${customKeyStore}" has connect: false; a key in it needs it connected`);
  }
  return {
    ref: read.string(entry['ref'], join(field, 'ref'), REF, 'a letter then up to 63 letters, digits, "_" or "-"'),
    ...(description !== undefined ? { description } : {}),
    ...(customKeyStore !== undefined ? { customKeyStore } : {}),
  };
}

function parseAlias(read: Reader, value: unknown, field: string, keys: readonly PresetKey[]): PresetAlias {
  const entry = read.object(value, field, ['name', 'key'], []);
  return {
    name: read.string(entry['name'], join(field, 'name'), ALIAS_NAME, 'alias/ then 1-250 of a-z A-Z 0-9 / _ - (not alias/aws/...)'),
    key: read.reference(entry['key'], join(field, 'key'), keys, 'keys'),
  };
}

function join(field: string, name: string): string {
  return field ? `${field}.${name}` : name;
}

function describeFields(required: readonly string[], optional: readonly string[]): string {
  const all = [...required.map((name) => `${name} (required)`), ...optional];
  return all.length ? all.join(', ') : 'no fields';
}
