#!/usr/bin/env bash
# Build the test control plane binaries (kube-apiserver, etcd, and kubectl only
# when none is installed) from the Go module proxy into a cache directory
# OUTSIDE the repository. Idempotent: returns at once when the cache is complete.
#
# Environment:
#   KUBEBUILDER_ASSETS      folder with prebuilt kube-apiserver + etcd (envtest
#                           convention); when set, nothing is built.
#   SLO_CONTROLPLANE_CACHE  cache root (default
#                           ${XDG_CACHE_HOME:-$HOME/.cache}/servicelevel-operator/controlplane);
#                           binaries land in <root>/<versions>/.
#   KUBECTL                 kubectl to use; else kubectl on PATH; else it is built too.
#   SLO_CONTROLPLANE_PRINT_DIR=1  only print the binary folder and exit 0 (1 if incomplete).
#
# Versions are pinned here and read by test/controlplane/binaries.ts (keep in sync).
set -euo pipefail

K8S_VERSION="v1.35.4"
ETCD_VERSION="v3.6.5" # the etcd release k8s v1.35.4's go.mod pins its etcd client/server modules to
VERSIONS_KEY="k8s-${K8S_VERSION}_etcd-${ETCD_VERSION}"

CACHE_ROOT="${SLO_CONTROLPLANE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/servicelevel-operator/controlplane}"
DEST="${CACHE_ROOT}/${VERSIONS_KEY}"
MARKER="${DEST}/.complete"

log() { printf '[build-controlplane %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

have_kubectl() {
  if [[ -n "${KUBECTL:-}" ]]; then [[ -x "${KUBECTL}" ]] && return 0; fi
  command -v kubectl >/dev/null 2>&1 && return 0
  [[ -x "${DEST}/kubectl" ]]
}

cache_complete() {
  [[ -f "${MARKER}" && -x "${DEST}/kube-apiserver" && -x "${DEST}/etcd" ]] && have_kubectl
}

if [[ "${SLO_CONTROLPLANE_PRINT_DIR:-}" == "1" ]]; then
  echo "${DEST}"
  cache_complete
  exit $?
fi

if [[ -n "${KUBEBUILDER_ASSETS:-}" ]]; then
  for b in kube-apiserver etcd; do
    if [[ ! -x "${KUBEBUILDER_ASSETS}/${b}" ]]; then
      log "KUBEBUILDER_ASSETS=${KUBEBUILDER_ASSETS} has no executable ${b}" >&2
      exit 1
    fi
  done
  log "using KUBEBUILDER_ASSETS=${KUBEBUILDER_ASSETS}; nothing to build"
  exit 0
fi

if cache_complete; then
  log "cache complete: ${DEST}"
  exit 0
fi

# shellcheck source=lib/go-build.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/go-build.sh"
# One build at a time (CI and a test run may both ask); the loser waits and then finds the cache complete.
build_lock "the control plane" "${CACHE_ROOT}/.build.lock" cache_complete

# Under the lock any earlier temp build folder is a leftover of a killed build.
rm -rf "${CACHE_ROOT}"/.tmp-build.* "${DEST}.old"

START=$(date +%s)
elapsed() { echo "$(( $(date +%s) - START ))s"; }

go_build_env
LDFLAGS="-s -w"

WORK="$(mktemp -d "${CACHE_ROOT}/.tmp-build.XXXXXX")"
cleanup() { rm -rf "${WORK}"; }
trap cleanup EXIT
OUT="${WORK}/out"
mkdir -p "${OUT}"


# ---------- kube-apiserver (and kubectl if needed) ----------
K8S_MOD="${WORK}/k8s"
mkdir -p "${K8S_MOD}"
cd "${K8S_MOD}"
cat >go.mod <<EOF
module slo.local/controlplane-k8s

go 1.25.0

require k8s.io/kubernetes ${K8S_VERSION}
EOF

run_step "fetch k8s.io/kubernetes ${K8S_VERSION} go.mod" "${WORK}/k8s-mod.log" \
  go mod download -json "k8s.io/kubernetes@${K8S_VERSION}"
K8S_GOMOD="$(go mod download -json "k8s.io/kubernetes@${K8S_VERSION}" | sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",$/\1/p')"
[[ -f "${K8S_GOMOD}" ]] || { log "cannot locate go.mod of k8s.io/kubernetes@${K8S_VERSION}" >&2; exit 1; }

# Every k8s.io/* staging module (k8s.io/kubernetes replaces them with ./staging/src/k8s.io/*,
# which a dependent module cannot see) is pinned to the matching v0.x.y release.
STAGING_VERSION="v0.${K8S_VERSION#v1.}"
mapfile -t STAGING < <(sed -n 's#^[[:space:]]*\(k8s\.io/[A-Za-z0-9._-]*\)[[:space:]]*=>[[:space:]]*\./staging/src/.*#\1#p' "${K8S_GOMOD}")
[[ ${#STAGING[@]} -gt 10 ]] || { log "found only ${#STAGING[@]} staging replaces in ${K8S_GOMOD}" >&2; exit 1; }
{
  echo
  echo "replace ("
  for m in "${STAGING[@]}"; do echo "	${m} => ${m} ${STAGING_VERSION}"; done
  echo ")"
} >>go.mod
log "wrapper module pins ${#STAGING[@]} staging modules to ${STAGING_VERSION}"

K8S_PKGS=(k8s.io/kubernetes/cmd/kube-apiserver)
BUILD_KUBECTL=0
if [[ -n "${KUBECTL:-}" && -x "${KUBECTL}" ]] || command -v kubectl >/dev/null 2>&1; then
  log "kubectl found ($(command -v "${KUBECTL:-kubectl}")); not building it"
else
  BUILD_KUBECTL=1
  K8S_PKGS+=(k8s.io/kubernetes/cmd/kubectl)
fi

run_step "download modules for kube-apiserver" "${WORK}/k8s-deps.log" \
  go list -deps "${K8S_PKGS[@]}"
# Stamp the version like upstream's hack/lib/version.sh does; without it the binaries report
# v0.0.0-master and the apiserver's /version (and its compatibility version) would be wrong.
K8S_MINOR="${K8S_VERSION#v1.}"; K8S_MINOR="${K8S_MINOR%%.*}"
K8S_LDFLAGS="${LDFLAGS}"
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  K8S_LDFLAGS+=" -X ${pkg}.gitVersion=${K8S_VERSION} -X ${pkg}.gitMajor=1 -X ${pkg}.gitMinor=${K8S_MINOR}"
  K8S_LDFLAGS+=" -X ${pkg}.gitTreeState=clean -X ${pkg}.buildDate=1970-01-01T00:00:00Z"
done
run_step "compile kube-apiserver" "${WORK}/k8s-build.log" \
  go build -v -trimpath -ldflags "${K8S_LDFLAGS}" -o "${OUT}/kube-apiserver" k8s.io/kubernetes/cmd/kube-apiserver
if [[ ${BUILD_KUBECTL} == 1 ]]; then
  run_step "compile kubectl" "${WORK}/kubectl-build.log" \
    go build -v -trimpath -ldflags "${K8S_LDFLAGS}" -o "${OUT}/kubectl" k8s.io/kubernetes/cmd/kubectl
fi

# ---------- etcd (separate module so each keeps its own dependency versions) ----------
ETCD_MOD="${WORK}/etcd"
mkdir -p "${ETCD_MOD}"
cd "${ETCD_MOD}"
cat >go.mod <<EOF
module slo.local/controlplane-etcd

go 1.24

require go.etcd.io/etcd/server/v3 ${ETCD_VERSION}
EOF
run_step "download modules for etcd" "${WORK}/etcd-deps.log" \
  go list -deps go.etcd.io/etcd/server/v3
run_step "compile etcd" "${WORK}/etcd-build.log" \
  go build -v -trimpath -ldflags "${LDFLAGS}" -o "${OUT}/etcd" go.etcd.io/etcd/server/v3

# ---------- smoke-check and install atomically ----------
"${OUT}/kube-apiserver" --version
"${OUT}/etcd" --version >"${WORK}/etcd-version.txt" # (not piped into head: SIGPIPE + pipefail)
head -n 1 "${WORK}/etcd-version.txt"
if [[ ${BUILD_KUBECTL} == 1 ]]; then "${OUT}/kubectl" version --client; fi

cat >"${OUT}/VERSIONS" <<EOF
kube-apiserver ${K8S_VERSION} (k8s.io/kubernetes, staging modules ${STAGING_VERSION})
etcd ${ETCD_VERSION} (go.etcd.io/etcd/server/v3)
kubectl $([[ ${BUILD_KUBECTL} == 1 ]] && echo "${K8S_VERSION} (built)" || echo "not built (found on PATH/KUBECTL)")
go $(go env GOVERSION)
built $(date -u +%Y-%m-%dT%H:%M:%SZ) in $(elapsed)
EOF
echo "${VERSIONS_KEY}" >"${OUT}/.complete"

if [[ -d "${DEST}" ]]; then
  # Incomplete leftovers (no marker) or a complete set lacking only kubectl: replace it whole.
  rm -rf "${DEST}.old"
  mv "${DEST}" "${DEST}.old"
fi
mv "${OUT}" "${DEST}"
rm -rf "${DEST}.old"
log "installed into ${DEST} (total $(elapsed))"
cat "${DEST}/VERSIONS"
