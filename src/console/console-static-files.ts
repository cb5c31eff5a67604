// The console's browser files: the page itself, and the bundle esbuild builds into dist/console-web at
// build time (`npm run build`). Read once, then kept; nothing is fetched from anywhere at run time.

import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';

/** dist/console-web, beside dist/src where this file is compiled to. */
export const BUNDLE_DIRECTORY = join(__dirname, '..', '..', 'console-web');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The files the bundle step writes; nothing else is served. */
export const BUNDLE_FILES = ['app.js', 'app.css', 'app.js.map', 'app.css.map'] as const;

export interface StaticFile {
  readonly contentType: string;
  readonly content: string;
}

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
}

export class ConsoleStaticFiles {
  private readonly cache = new Map<string, StaticFile>();

  constructor(private readonly directory = BUNDLE_DIRECTORY) {}

  /** A bundle file by name; undefined when it is not one, or was not built. */
  file(name: string): StaticFile | undefined {
    if (!(BUNDLE_FILES as readonly string[]).includes(name)) return undefined;
    const cached = this.cache.get(name);
    if (cached) return cached;
    const path = join(this.directory, name);
    if (!existsSync(path)) return undefined;
    const file = { contentType: contentTypeOf(name), content: readFileSync(path, 'utf8') };
    this.cache.set(name, file);
    return file;
  }

  get built(): boolean {
    return existsSync(join(this.directory, 'app.js'));
  }
}

export function consolePage(base: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>cloudhsm-sim console</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${base}app.css">
</head>
<body>
<div id="app"><p class="loading">Loading the console...</p></div>
<script type="module" src="${base}app.js"></script>
</body>
</html>
`;
}
