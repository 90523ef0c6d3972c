#!/usr/bin/env bash
# Build Prometheus 3 (prometheus and promtool, pinned below) from the Go module proxy into the
# cache root of the test control plane, OUTSIDE the repository: <cache root>/prometheus3-<module
# version>/. The tests run every Prometheus-side check on it beside Debian's Prometheus 2.
# Idempotent: returns at once when the cache is complete.
#
# Environment:
#   PROMETHEUS3_BIN         folder with prebuilt prometheus + promtool 3.x; when set, nothing is built.
#   SLO_STACK_CACHE         cache root for the monitoring-stack tools (default: the control plane's,
#                           SLO_CONTROLPLANE_CACHE or ~/.cache/servicelevel-operator/controlplane).
#   SLO_PROMETHEUS3_PRINT_DIR=1  only print the binary folder and exit 0 (1 when it is not built).
#
# The version is pinned here only; test/support/prometheus-binaries.ts asks this script for the folder.
set -euo pipefail

# Prometheus 3.x releases are the module's v0.3xx.y versions: v0.316.0 is Prometheus 3.16.0.
PROMETHEUS3_RELEASE="3.16.0"
TOOL=prometheus3
MODULE=github.com/prometheus/prometheus
VERSION="v0.3${PROMETHEUS3_RELEASE#3.}"
COMMANDS=("prometheus=${MODULE}/cmd/prometheus" "promtool=${MODULE}/cmd/promtool")
# remove_all_sd keeps only file and HTTP service discovery (the tests scrape static targets), which
# drops the cloud SDKs; without builtinassets the web UI is not embedded (the tests use the API).
TAGS="netgo,remove_all_sd"
LDFLAGS="-X github.com/prometheus/common/version.Version=${PROMETHEUS3_RELEASE}"
LDFLAGS+=" -X github.com/prometheus/common/version.Branch=${VERSION}"
LDFLAGS+=" -X github.com/prometheus/common/version.Revision=${VERSION}"
COPY_FILES=()
SMOKE=(--version)
VERSION_TEXT="version ${PROMETHEUS3_RELEASE}"
BIN_ENV=PROMETHEUS3_BIN
PRINT_ENV=SLO_PROMETHEUS3_PRINT_DIR

log() { printf '[build-prometheus3 %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
# shellcheck source=lib/go-build.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/go-build.sh"
# shellcheck source=lib/go-tool.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/go-tool.sh"
go_tool_main "$@"
