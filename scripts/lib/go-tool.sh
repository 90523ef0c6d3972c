# A cached build of one Go module's commands from the Go module proxy, shared by the scripts that
# build the monitoring stack the tests run (build-prometheus3.sh, build-prometheus-operator.sh,
# build-thanos.sh). Source it, set the variables below, then call go_tool_main "$@".
#
#   TOOL        short name, also the cache folder's prefix and the log tag (e.g. prometheus3)
#   MODULE      module path (github.com/prometheus/prometheus)
#   VERSION     pinned module version (v0.316.0)
#   COMMANDS    array: "output-name=package path" pairs, built in this order
#   TAGS        build tags (comma-separated; may be empty)
#   LDFLAGS     linker flags beside "-s -w" (version stamps)
#   SMOKE       array: a command run on the first built binary (its output must contain VERSION_TEXT)
#   VERSION_TEXT  text the smoke check expects
#   IN_SOURCE   1: build inside a copy of the module's own source, which honours its replace
#               directives and go.sum (Thanos, prometheus-operator); else a wrapper module requires it
#   COPY_FILES  array (optional): files of the module, relative to its root, copied beside the binaries
#   BIN_ENV     environment variable that names a folder with prebuilt binaries (nothing is built)
#   PRINT_ENV   environment variable: =1 only prints the binary folder (exit 1 when incomplete)
#
# The binaries land in <cache root>/<TOOL>-<VERSION>/ with a .complete marker, under the cache root
# of the control plane (SLO_CONTROLPLANE_CACHE), so CI caches one folder. SLO_STACK_CACHE
# overrides the root for these tools only.

go_tool_main() {
  local root="${SLO_STACK_CACHE:-${SLO_CONTROLPLANE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/servicelevel-operator/controlplane}}"
  local dest="${root}/${TOOL}-${VERSION}"
  local prebuilt="${!BIN_ENV:-}"

  go_tool_complete() {
    [[ -f "$1/.complete" ]] || return 1
    local pair
    for pair in "${COMMANDS[@]}"; do [[ -x "$1/${pair%%=*}" ]] || return 1; done
  }

  if [[ "${!PRINT_ENV:-}" == "1" ]]; then
    if [[ -n "${prebuilt}" ]]; then echo "${prebuilt}"; exit 0; fi
    echo "${dest}"
    go_tool_complete "${dest}"
    exit $?
  fi
  if [[ -n "${prebuilt}" ]]; then
    log "using ${BIN_ENV}=${prebuilt}; nothing to build"
    exit 0
  fi
  if go_tool_complete "${dest}"; then
    log "cache complete: ${dest}"
    exit 0
  fi

  # One build of this tool at a time; a second caller waits and then finds the cache complete.
  build_lock "${TOOL}" "${root}/.build-${TOOL}.lock" go_tool_complete "${dest}"
  rm -rf "${root}/.tmp-build-${TOOL}."* "${dest}.old"

  START=$(date +%s)
  elapsed() { echo "$(( $(date +%s) - START ))s"; }
  go_build_env
  WORK="$(mktemp -d "${root}/.tmp-build-${TOOL}.XXXXXX")"
  trap 'rm -rf "${WORK}"' EXIT
  local out="${WORK}/out"
  mkdir -p "${out}" "${WORK}/mod"
  cd "${WORK}/mod"
  run_step "fetch ${MODULE} ${VERSION}" "${WORK}/mod.log" go mod download -json "${MODULE}@${VERSION}"
  local gomod gover srcdir
  gomod="$(sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",$/\1/p' "${WORK}/mod.log")"
  srcdir="$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p' "${WORK}/mod.log")"
  if [[ "${IN_SOURCE:-0}" == "1" ]]; then
    cp -r "${srcdir}/." "${WORK}/mod/"
    chmod -R u+w "${WORK}/mod"
    # Nested modules that go.mod replaces with their folders (MODULE/x => ./x) are not in the
    # module's zip: fetch each at the same version into its folder.
    local nested dir
    while read -r nested dir; do
      [[ -n "${nested}" ]] || continue
      run_step "fetch ${nested} ${VERSION}" "${WORK}/nested.log" go mod download -json "${nested}@${VERSION}"
      mkdir -p "${WORK}/mod/${dir}"
      cp -r "$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p' "${WORK}/nested.log")/." "${WORK}/mod/${dir}/"
      chmod -R u+w "${WORK}/mod/${dir}"
    done < <(sed -n "s#^[[:space:]]*\(${MODULE}/[^[:space:]]*\)[[:space:]]*=>[[:space:]]*\./\([^[:space:]]*\)[[:space:]]*\$#\1 \2#p" "${gomod}")
  else
    # A throwaway wrapper module requiring only MODULE: the module graph is exactly the tool's own.
    gover="$(sed -n 's/^go \([0-9.]*\)$/\1/p' "${gomod}")"
    printf 'module slo.local/%s\n\ngo %s\n\nrequire %s %s\n' "${TOOL}" "${gover:-1.25.0}" "${MODULE}" "${VERSION}" >go.mod
  fi

  local pkgs=() pair
  for pair in "${COMMANDS[@]}"; do pkgs+=("${pair#*=}"); done
  run_step "download modules for ${TOOL} ${VERSION}" "${WORK}/deps.log" \
    go list -tags "${TAGS}" -deps "${pkgs[@]}"
  for pair in "${COMMANDS[@]}"; do
    run_step "compile ${pair%%=*}" "${WORK}/build-${pair%%=*}.log" \
      go build -trimpath -tags "${TAGS}" -ldflags "-s -w ${LDFLAGS}" -o "${out}/${pair%%=*}" "${pair#*=}"
  done

  local file
  for file in "${COPY_FILES[@]}"; do
    mkdir -p "${out}/$(dirname "${file}")"
    cp "${srcdir}/${file}" "${out}/${file}"
  done

  local first="${COMMANDS[0]%%=*}"
  "${out}/${first}" "${SMOKE[@]}" >"${WORK}/version.txt" 2>&1 || true
  if ! grep -qF -- "${VERSION_TEXT}" "${WORK}/version.txt"; then
    log "built ${first} reports '$(head -n 3 "${WORK}/version.txt")', expected '${VERSION_TEXT}'" >&2
    exit 1
  fi
  {
    echo "${TOOL} ${VERSION} (${MODULE}: ${pkgs[*]})"
    echo "tags ${TAGS:-none}"
    echo "go $(go env GOVERSION)"
    echo "built $(date -u +%Y-%m-%dT%H:%M:%SZ) in $(elapsed)"
  } >"${out}/VERSIONS"
  echo "${VERSION}" >"${out}/.complete"
  if [[ -d "${dest}" ]]; then mv "${dest}" "${dest}.old"; fi # an incomplete leftover
  mv "${out}" "${dest}"
  rm -rf "${dest}.old"
  log "installed into ${dest} (total $(elapsed))"
  cat "${dest}/VERSIONS"
}
