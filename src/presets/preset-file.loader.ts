// Finds and reads a preset: `seed` (a name) is fixtures/presets/seed.json, anything that looks like a
// path is the user's file. JSON, or YAML when the file ends in .yaml/.yml. Validated before use.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { PresetFileError } from './preset-file.error';
import { parsePreset } from './preset.schema';
import type { LoadedPreset, PresetCertificateAuthority } from './preset.types';

/** fixtures/presets, from dist/src/presets (the repository and the installed package alike). */
export const SHIPPED_PRESETS_DIR = join(__dirname, '..', '..', '..', 'fixtures', 'presets');
const EXTENSIONS = ['.json', '.yaml', '.yml'];

export function shippedPresetNames(directory = SHIPPED_PRESETS_DIR): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((file) => EXTENSIONS.includes(extname(file)))
    .map((file) => file.slice(0, -extname(file).length))
    .sort();
}

/** The file a `--preset` value names: a shipped preset's name, or a path (relative to `cwd`). */
export function resolvePresetFile(nameOrPath: string, cwd = process.cwd(), directory = SHIPPED_PRESETS_DIR): string {
  const looksLikePath = nameOrPath.includes('/') || EXTENSIONS.includes(extname(nameOrPath));
  if (looksLikePath) {
    const file = isAbsolute(nameOrPath) ? nameOrPath : resolve(cwd, nameOrPath);
    if (!existsSync(file)) throw new PresetFileError(file, '', 'no such file');
    return file;
  }
  for (const extension of EXTENSIONS) {
    const file = join(directory, `${nameOrPath}${extension}`);
    if (existsSync(file)) return file;
  }
  const shipped = shippedPresetNames(directory);
  throw new PresetFileError(nameOrPath, '', `is neither a file nor a shipped preset; the shipped presets are ${shipped.join(', ') || 'none'}, or give the path of a .json/.yaml file`);
}

export async function loadPresetFile(nameOrPath: string, cwd = process.cwd()): Promise<LoadedPreset> {
  const source = resolvePresetFile(nameOrPath, cwd);
  const preset = parsePreset(await parseText(source, readFileSync(source, 'utf8')), source);
  const trustAnchors: Record<string, PresetCertificateAuthority> = {};
  for (const [index, cluster] of preset.clusters.entries()) {
    const field = `clusters[${index}].trustAnchor`;
    const certificateFile = resolve(dirname(source), cluster.trustAnchor.certificate);
    const keyFile = resolve(dirname(source), cluster.trustAnchor.privateKey);
    trustAnchors[cluster.ref] = { certificateFile, certPem: readPem(source, `${field}.certificate`, certificateFile, 'CERTIFICATE'), keyPem: readPem(source, `${field}.privateKey`, keyFile, 'PRIVATE KEY') };
  }
  const digest = createHash('sha256')
    .update(JSON.stringify({ preset, certificates: Object.values(trustAnchors).map((anchor) => anchor.certPem) }))
    .digest('hex');
  return { preset, source, digest, trustAnchors };
}

async function parseText(source: string, text: string): Promise<unknown> {
  try {
    if (extname(source) === '.json') return JSON.parse(text) as unknown;
    return (await loadYaml(source)).parse(text);
  } catch (error) {
    if (error instanceof PresetFileError) throw error;
    throw new PresetFileError(source, '', `is not valid ${extname(source) === '.json' ? 'JSON' : 'YAML'}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The `yaml` package, when installed: an optional dependency, needed only for YAML presets. */
async function loadYaml(source: string): Promise<{ parse(text: string): unknown }> {
  const name = 'yaml';
  try {
    return (await import(name)) as { parse(text: string): unknown };
  } catch {
    throw new PresetFileError(source, '', 'is YAML, which needs the yaml package (npm install yaml); or write the preset as JSON');
  }
}

function readPem(source: string, field: string, file: string, label: string): string {
  if (!existsSync(file)) throw new PresetFileError(source, field, `${file} does not exist`);
  const text = readFileSync(file, 'utf8');
  if (!new RegExp(`-----BEGIN [A-Z ]*${label}-----`).test(text)) throw new PresetFileError(source, field, `${file} holds no PEM ${label}`);
  return text;
}
