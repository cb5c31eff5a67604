#!/usr/bin/env bash
# The web console's browser code (src/console/web, preact + htm): type check it against the DOM (its
# own tsconfig, incremental), then bundle it with esbuild into dist/console-web/app.js and app.css,
# which the simulator serves at /_sim/console/. Part of `npm run build` and of scripts/ensure-setup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

node_modules/.bin/tsc -p src/console/web/tsconfig.json
node_modules/.bin/esbuild src/console/web/main.ts --bundle --format=esm --target=es2022 --minify --sourcemap \
  --outfile=dist/console-web/app.js --log-level=warning
