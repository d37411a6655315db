#!/usr/bin/env bash
# Install the two SPARQL servers the server tests start: Oxigraph (PyPI package `oxigraph`,
# which ships the server binary) into the given venv, and Virtuoso (Debian package).
# Idempotent: each is installed only when missing.
# Usage: .ci/install-servers.sh [VENV]   (default: .venv)
set -euo pipefail

venv="${1:-.venv}"
if [ ! -x "$venv/bin/python" ]; then
  echo "install-servers: no Python at $venv/bin/python; pass the venv folder as the first argument" >&2
  exit 2
fi

if [ ! -x "$venv/bin/oxigraph" ]; then
  "$venv/bin/python" -m pip install --quiet "oxigraph>=0.4"
fi

if ! command -v virtuoso-t >/dev/null 2>&1 && [ ! -x /usr/bin/virtuoso-t ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq virtuoso-opensource >/dev/null
fi

echo "install-servers: oxigraph at $venv/bin/oxigraph; virtuoso-t at $(command -v virtuoso-t || echo /usr/bin/virtuoso-t)"
