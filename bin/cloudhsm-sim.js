#!/usr/bin/env node
// Entry point of the `cloudhsm-sim` command; runs the compiled program in dist/.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const entry = join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
if (!existsSync(entry)) {
  process.stderr.write('cloudhsm-sim is not built yet: run `npm run setup` in its folder first.\n');
  process.exit(1);
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error) => {
    process.stderr.write(`cloudhsm-sim: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
