#!/usr/bin/env bash
# Build Thanos (the single `thanos` binary: query, rule, sidecar, ...; pinned below) from the Go
# module proxy into the cache root of the test control plane, OUTSIDE the repository:
# <cache root>/thanos-<version>/thanos. test/thanos/ runs Thanos Query and Thanos Ruler from it.
# Idempotent: returns at once when the cache is complete.
#
# Environment:
#   THANOS_BIN               folder with a prebuilt `thanos`; when set, nothing is built.
#   SLO_STACK_CACHE          cache root (default: the control plane's, see build-prometheus3.sh).
#   SLO_THANOS_PRINT_DIR=1   only print the folder and exit 0 (1 when it is not built).
#
# The version is pinned here only; the tests ask this script for the folder.
set -euo pipefail

TOOL=thanos
MODULE=github.com/thanos-io/thanos
# v0.42.5 needs Go 1.26.10; v0.42.4 is the newest release that Go 1.26.0 builds.
VERSION="v0.42.4"
COMMANDS=("thanos=${MODULE}/cmd/thanos")
IN_SOURCE=1 # its go.mod replaces several dependencies with forks
TAGS="netgo,slicelabels" # the tags of its release build (.promu.yml)
LDFLAGS="-X github.com/prometheus/common/version.Version=${VERSION#v} -X github.com/prometheus/common/version.Revision=${VERSION}"
COPY_FILES=()
SMOKE=(--version)
VERSION_TEXT="version ${VERSION#v}"
BIN_ENV=THANOS_BIN
PRINT_ENV=SLO_THANOS_PRINT_DIR

log() { printf '[build-thanos %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
# shellcheck source=lib/go-build.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/go-build.sh"
# shellcheck source=lib/go-tool.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/go-tool.sh"
go_tool_main "$@"
