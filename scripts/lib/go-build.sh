# Shared by the scripts that build test tools from the Go module proxy (build-controlplane.sh,
# build-helm.sh, and through go-tool.sh the monitoring-stack tools). Source it after defining log MESSAGE and elapsed (time since the build began).

# build_lock NAME LOCKFILE COMPLETE_CMD... : checks that go and flock exist, then holds LOCKFILE
# (fd 9) for the rest of the script, so one build runs at a time; a caller that had to wait exits 0
# when COMPLETE_CMD then succeeds, as the other build completed the cache.
build_lock() {
  local name="$1" lockfile="$2"; shift 2
  command -v go >/dev/null 2>&1 || { log "go is not installed; cannot build ${name}" >&2; exit 1; }
  command -v flock >/dev/null 2>&1 || { log "flock (util-linux) is required" >&2; exit 1; }
  mkdir -p "$(dirname "${lockfile}")"
  exec 9>"${lockfile}"
  if ! flock -n 9; then
    log "another build holds ${lockfile}; waiting for it"
    flock 9
  fi
  if "$@"; then
    log "cache complete (built by another process)"
    exit 0
  fi
}

# go_build_env: a reproducible, static build with the machine's Go and the module proxy.
go_build_env() {
  export GOTOOLCHAIN=local
  export CGO_ENABLED=0
  export GOFLAGS="-mod=mod -buildvcs=false"
  export GOPROXY="${GOPROXY:-https://proxy.golang.org,direct}"
}

# run_step NAME LOGFILE CMD... : runs CMD with its output in LOGFILE, printing a heartbeat every
# 30 s, because a first build takes minutes; on failure prints the log tail and exits.
run_step() {
  local name="$1" logf="$2"; shift 2
  local t0; t0=$(date +%s)
  log "step: ${name} ..."
  "$@" >"${logf}" 2>&1 &
  local pid=$!
  while kill -0 "${pid}" 2>/dev/null; do
    local i
    for i in $(seq 1 30); do
      kill -0 "${pid}" 2>/dev/null || break
      sleep 1
    done
    if kill -0 "${pid}" 2>/dev/null; then
      log "  ... ${name}: $(( $(date +%s) - t0 ))s (total $(elapsed)), $(wc -l <"${logf}") log lines"
    fi
  done
  if ! wait "${pid}"; then
    log "step FAILED: ${name} after $(( $(date +%s) - t0 ))s; last lines of ${logf}:" >&2
    tail -n 40 "${logf}" >&2
    exit 1
  fi
  log "step done: ${name} in $(( $(date +%s) - t0 ))s (total $(elapsed))"
}
