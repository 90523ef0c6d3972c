#!/usr/bin/env bash
# Makes sure what the tests run for real is on this machine: promtool and prometheus (Debian's
# `prometheus` package), lua5.4 (the Argo CD health check), amtool (Debian's `prometheus-alertmanager`, checks the Pulumi program's Alertmanager config), chromium (opens the HTML report), the test control plane and helm
# (both built once into a cache from the Go module proxy). Run by `npm test`
# before the suite; returns at once when everything is there.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=()
command -v promtool >/dev/null 2>&1 || packages+=(prometheus)
command -v openssl >/dev/null 2>&1 || packages+=(openssl)
command -v lua5.4 >/dev/null 2>&1 || packages+=(lua5.4)
command -v amtool >/dev/null 2>&1 || packages+=(prometheus-alertmanager)
command -v chromium >/dev/null 2>&1 || packages+=(chromium)

if ((${#packages[@]} > 0)); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "missing Debian packages: ${packages[*]}; install them with: sudo apt-get install -y ${packages[*]}" >&2
    exit 1
  fi
  echo "installing Debian packages: ${packages[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

bash scripts/build-controlplane.sh
bash scripts/build-helm.sh
bash scripts/build-prometheus3.sh
bash scripts/build-prometheus-operator.sh
bash scripts/build-thanos.sh
