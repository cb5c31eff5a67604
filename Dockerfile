# cloudhsm-sim in a container: one image for the control plane (`start`) and for HSM host agents
# (`hsm-host`). Node 20 from the official Debian bookworm image; SoftHSM2 and OpenSC from Debian packages.
# See README "HSMs on other hosts" and compose.yaml. Not built or run in this project's CI (no container
# runtime there); the entry points are the ones the network-namespace test runs.

FROM node:20-bookworm-slim AS build
# pkcs11js builds from source (node-gyp); better-sqlite3 falls back to it when no prebuilt binary fits.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY bin bin
COPY src src
COPY hsm-sim hsm-sim
COPY scripts scripts
COPY test test
COPY fixtures fixtures
RUN node_modules/.bin/tsc -b && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends softhsm2 opensc \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/cloudhsm-sim
# The same files as the npm package ("files" in package.json).
COPY --from=build /build/package.json ./
COPY --from=build /build/node_modules node_modules
COPY --from=build /build/bin bin
COPY --from=build /build/dist/src dist/src
COPY --from=build /build/dist/hsm-sim dist/hsm-sim
COPY --from=build /build/fixtures/pki fixtures/pki
COPY --from=build /build/fixtures/presets fixtures/presets
COPY --from=build /build/fixtures/scenarios fixtures/scenarios
COPY --from=build /build/src/wire/models src/wire/models
RUN mkdir -p /var/lib/cloudhsm-sim && chown node:node /var/lib/cloudhsm-sim
USER node
ENV NODE_ENV=production \
    CLOUDHSM_SIM_DATA_DIR=/var/lib/cloudhsm-sim \
    SOFTHSM2_LIB=/usr/lib/softhsm/libsofthsm2.so
VOLUME /var/lib/cloudhsm-sim
# 4580: the AWS endpoint (start). 7400: an HSM host agent (hsm-host). HSMs on a host listen on ports the system picks.
EXPOSE 4580 7400
ENTRYPOINT ["node", "/opt/cloudhsm-sim/bin/cloudhsm-sim.js"]
CMD ["start", "--host", "0.0.0.0"]
