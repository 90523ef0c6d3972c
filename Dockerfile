# syntax=docker/dockerfile:1
# The servicelevel-operator image: `slactl run` (the operator) by default; every other slactl
# command works too, e.g. `docker run --rm -v "$PWD:/work" IMAGE validate /work/slas`.
#
#   docker build -t servicelevel-operator:dev .
#
# Two stages: `build` compiles TypeScript with the dev dependencies; `runtime` holds only the
# production dependencies, the compiled dist/, the launcher, the CRDs and the policies, and runs as
# the non-root user 65532 (the chart's runAsUser) on a read-only root filesystem.
ARG NODE_IMAGE=node:22-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` would run the build before the sources are here. (No dependency
# needs an install script for the build; esbuild's only serves tsx, which the build does not use.)
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY operator/src ./operator/src
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` (tsc) cannot run without the dev dependencies, and dist/ comes from
# the build stage. No production dependency has an install script.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
    && npm cache clean --force
COPY --from=build /src/dist ./dist
COPY bin ./bin
COPY crds ./crds
COPY policies ./policies
USER 65532:65532
# Metrics and health (/healthz, /readyz) of `slactl run`.
EXPOSE 8080 8081
ENTRYPOINT ["node", "/app/bin/slactl.js"]
CMD ["run"]
