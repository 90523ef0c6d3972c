#!/usr/bin/env bash
# Build prometheus-operator (its operator command, pinned below) from the Go module proxy into the
# cache root of the test control plane, OUTSIDE the repository:
# <cache root>/prometheus-operator-<version>/operator, with the CRDs of the same release beside it
# (crds/monitoring.coreos.com_*.yaml). test/prometheus-operator/ runs it against the test control
# plane. Idempotent: returns at once when the cache is complete.
#
# Environment:
#   PROMETHEUS_OPERATOR_BIN  folder with a prebuilt `operator` and its crds/; when set, nothing is built.
#   SLO_STACK_CACHE          cache root (default: the control plane's, see build-prometheus3.sh).
#   SLO_PROMETHEUS_OPERATOR_PRINT_DIR=1  only print the folder and exit 0 (1 when it is not built).
#
# The version is pinned here only; the tests ask this script for the folder.
set -euo pipefail

TOOL=prometheus-operator
MODULE=github.com/prometheus-operator/prometheus-operator
VERSION="v0.85.0"
COMMANDS=("operator=${MODULE}/cmd/operator")
IN_SOURCE=1 # its go.mod replaces pkg/apis/monitoring and pkg/client with its own folders
TAGS="netgo"
LDFLAGS="-X github.com/prometheus/common/version.Version=${VERSION#v} -X github.com/prometheus/common/version.Revision=${VERSION}"
COPY_FILES=()
for crd in prometheuses prometheusrules servicemonitors podmonitors probes scrapeconfigs alertmanagers alertmanagerconfigs thanosrulers prometheusagents; do
  COPY_FILES+=("example/prometheus-operator-crd/monitoring.coreos.com_${crd}.yaml")
done
SMOKE=(--version)
VERSION_TEXT="version ${VERSION#v}"
BIN_ENV=PROMETHEUS_OPERATOR_BIN
PRINT_ENV=SLO_PROMETHEUS_OPERATOR_PRINT_DIR

log() { printf '[build-prometheus-operator %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
# shellcheck source=lib/go-build.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/go-build.sh"
# shellcheck source=lib/go-tool.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/go-tool.sh"
go_tool_main "$@"
