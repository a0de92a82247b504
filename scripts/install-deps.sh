#!/usr/bin/env bash
# Installs the system libraries bayes-mmm needs (GSL and pkg-config) when missing.
# Idempotent: does nothing when GSL's headers and pkg-config file are present.
set -euo pipefail

if pkg-config --exists gsl 2>/dev/null && [ -f /usr/include/gsl/gsl_rng.h ]; then
  exit 0
fi

echo "install-deps: GSL not found; installing libgsl-dev and pkg-config" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq libgsl-dev pkg-config >/dev/null
pkg-config --exists gsl
