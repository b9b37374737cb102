#!/usr/bin/env bash
# Installs what the viz window test (ReplayWindowTest) needs: an X virtual framebuffer (Xvfb,
# xvfb-run, and xauth which xvfb-run uses) and the GTK 3 library that JavaFX's glass toolkit loads on
# Linux. Idempotent and quiet: does nothing when all are present, prints apt's output only on failure.
# Without it the window test is skipped with a message; PNG export needs none of this.
set -euo pipefail

have_gtk() { ldconfig -p 2>/dev/null | grep -q 'libgtk-3\.so\.0'; }

if command -v Xvfb >/dev/null 2>&1 && command -v xvfb-run >/dev/null 2>&1 \
    && command -v xauth >/dev/null 2>&1 && have_gtk; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "viz-setup: need root (or sudo) to install xvfb and libgtk-3-0" >&2; exit 1
  fi
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
export DEBIAN_FRONTEND=noninteractive
if ! { $SUDO apt-get update -qq && \
       $SUDO apt-get install -y -qq --no-install-recommends xvfb xauth libgtk-3-0; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "viz-setup: apt-get failed" >&2
  exit 1
fi
echo "viz-setup: installed xvfb, xauth and libgtk-3-0"
