#!/bin/sh
# SPDX-FileCopyrightText: 2026 Kitchen Console contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# with-keyring.sh PROGRAM [ARGS...]: runs PROGRAM on a private D-Bus session with an unlocked
# gnome-keyring (Secret Service), so QtKeychain talks to a real keyring (CONVENTIONS.md). HOME and
# the XDG directories point into a throwaway directory: no user keyring is read or written.
set -eu

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kc-keyring.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
mkdir -m 700 "$tmp/runtime"
export KC_KEYRING_SANDBOX="$tmp" HOME="$tmp" XDG_RUNTIME_DIR="$tmp/runtime" \
       XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache"

status=0
dbus-run-session -- sh -c '
    printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null || {
        echo "with-keyring.sh: gnome-keyring-daemon did not start" >&2
        exit 1
    }
    "$@"
' sh "$@" || status=$?
exit "$status"
