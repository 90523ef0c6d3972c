#!/usr/bin/env bash
# Build `helm` (v3, pinned below) from the Go module proxy into the same cache root as the test
# control plane, OUTSIDE the repository: <cache root>/helm-<version>/helm. The chart tests
# (test/chart/) run it. Idempotent: returns at once when the cache is complete.
#
# Environment:
#   HELM                    a helm binary to use instead; when set, nothing is built.
#   SLO_CONTROLPLANE_CACHE  cache root, shared with scripts/build-controlplane.sh (default
#                           ${XDG_CACHE_HOME:-$HOME/.cache}/servicelevel-operator/controlplane).
#   SLO_HELM_PRINT_PATH=1   only print the helm binary's path and exit 0 (1 when it is not built).
#
# The version is pinned here only; test/chart/helm.ts asks this script for the path.
set -euo pipefail

HELM_VERSION="v3.19.5"

CACHE_ROOT="${SLO_CONTROLPLANE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/servicelevel-operator/controlplane}"
DEST="${CACHE_ROOT}/helm-${HELM_VERSION}"
MARKER="${DEST}/.complete"

log() { printf '[build-helm %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

complete() { [[ -f "${MARKER}" && -x "${DEST}/helm" ]]; }

if [[ "${SLO_HELM_PRINT_PATH:-}" == "1" ]]; then
  if [[ -n "${HELM:-}" ]]; then
    echo "${HELM}"
    [[ -x "${HELM}" ]]
    exit $?
  fi
  echo "${DEST}/helm"
  complete
  exit $?
fi

if [[ -n "${HELM:-}" ]]; then
  if [[ ! -x "${HELM}" ]]; then
    log "HELM=${HELM} is not an executable file" >&2
    exit 1
  fi
  log "using HELM=${HELM}; nothing to build"
  exit 0
fi

if complete; then
  log "cache complete: ${DEST}/helm"
  exit 0
fi

# shellcheck source=lib/go-build.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/go-build.sh"
# Its own lock file: the control plane build may run at the same moment.
build_lock helm "${CACHE_ROOT}/.build-helm.lock" complete

START=$(date +%s)
elapsed() { echo "$(( $(date +%s) - START ))s"; }
go_build_env

WORK="$(mktemp -d "${CACHE_ROOT}/.tmp-build-helm.XXXXXX")"
cleanup() { rm -rf "${WORK}"; }
trap cleanup EXIT
OUT="${WORK}/out"
mkdir -p "${OUT}"


# A throwaway wrapper module that requires helm at the pinned version. It adds no requirement of
# its own, so the module graph (and every dependency version) is exactly helm's.
MOD="${WORK}/mod"
mkdir -p "${MOD}"
cd "${MOD}"
cat >go.mod <<EOF
module slo.local/helm

go 1.24.0

require helm.sh/helm/v3 ${HELM_VERSION}
EOF

run_step "download modules for helm ${HELM_VERSION}" "${WORK}/deps.log" \
  go list -deps helm.sh/helm/v3/cmd/helm

# The same -X flags as helm's Makefile: the version, and the Kubernetes version that `helm
# template` and `helm lint` assume (.Capabilities.KubeVersion), derived from the client-go release.
CLIENT_GO="$(go list -m -f '{{.Version}}' k8s.io/client-go)" # v0.34.2 -> Kubernetes 1.34
K8S_MINOR="$(echo "${CLIENT_GO}" | cut -d. -f2)"
LDFLAGS="-s -w"
LDFLAGS+=" -X helm.sh/helm/v3/internal/version.version=${HELM_VERSION}"
LDFLAGS+=" -X helm.sh/helm/v3/internal/version.gitTreeState=clean"
for pkg in helm.sh/helm/v3/pkg/lint/rules helm.sh/helm/v3/pkg/chartutil; do
  LDFLAGS+=" -X ${pkg}.k8sVersionMajor=1 -X ${pkg}.k8sVersionMinor=${K8S_MINOR}"
done
log "client-go ${CLIENT_GO}: default Kubernetes version for templates 1.${K8S_MINOR}"

run_step "compile helm" "${WORK}/build.log" \
  go build -v -trimpath -ldflags "${LDFLAGS}" -o "${OUT}/helm" helm.sh/helm/v3/cmd/helm

# ---------- smoke-check and install atomically ----------
"${OUT}/helm" version --template '{{.Version}} {{.GoVersion}}{{"\n"}}' >"${WORK}/version.txt"
cat "${WORK}/version.txt"
grep -q "^${HELM_VERSION} " "${WORK}/version.txt" || { log "built helm reports $(cat "${WORK}/version.txt"), not ${HELM_VERSION}" >&2; exit 1; }

cat >"${OUT}/VERSIONS" <<EOF
helm ${HELM_VERSION} (helm.sh/helm/v3/cmd/helm, client-go ${CLIENT_GO})
go $(go env GOVERSION)
built $(date -u +%Y-%m-%dT%H:%M:%SZ) in $(elapsed)
EOF
echo "${HELM_VERSION}" >"${OUT}/.complete"

if [[ -d "${DEST}" ]]; then
  rm -rf "${DEST}.old"
  mv "${DEST}" "${DEST}.old"
fi
mv "${OUT}" "${DEST}"
rm -rf "${DEST}.old"
log "installed ${DEST}/helm (total $(elapsed))"
cat "${DEST}/VERSIONS"
