#!/usr/bin/env bash
# All checks and tests, in the order that fails fastest: type check (the build), lint, import rules,
# then unit, contract, integration and end-to-end tests in one mocha run with one closing summary line.
set -euo pipefail
cd "$(dirname "$0")/.."

echo '== lint'
node_modules/.bin/eslint --max-warnings 0 .
echo '== import rules'
node_modules/.bin/depcruise --config .dependency-cruiser.cjs src hsm-sim test scripts
echo '== tests'
node_modules/.bin/mocha 'dist/test/unit/**/*.test.js' 'dist/test/contract/**/*.test.js' 'dist/test/integration/**/*.test.js' 'dist/test/e2e/**/*.test.js' 'dist/test/browser/**/*.test.js'
