#!/usr/bin/env bash
# The web console's browser code (src/console/web, preact + htm): type check it against the DOM (its
# own tsconfig, incremental), then bundle it with esbuild into dist/console-web/app.js and app.css,
# which the simulator serves at /_sim/console/. Part of `npm run build` and of scripts/ensure-setup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

# Nothing to do when the bundle is newer than every file of the browser code (npm start runs this each time).
bundle=dist/console-web/app.js
if [ -f "$bundle" ] && [ -z "$(find src/console/web scripts/build-console.sh -newer "$bundle" -print -quit)" ]; then
  exit 0
fi

node_modules/.bin/tsc -p src/console/web/tsconfig.json
node_modules/.bin/esbuild src/console/web/main.ts --bundle --format=esm --target=es2022 --minify --sourcemap \
  --outfile=dist/console-web/app.js --log-level=warning
