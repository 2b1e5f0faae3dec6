#!/bin/sh
# Runs a command against a real, throw-away OS keychain: a private D-Bus
# session bus with its own gnome-keyring, unlocked, under a temporary HOME and
# XDG folders. The developer's own keychain is never seen, and everything is
# removed afterwards.
set -eu
tmp=$(mktemp -d "${TMPDIR:-/tmp}/crosstalk-keyring.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/home" "$tmp/data" "$tmp/config" "$tmp/cache" "$tmp/runtime"
chmod 700 "$tmp/runtime"
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" \
       XDG_CACHE_HOME="$tmp/cache" XDG_RUNTIME_DIR="$tmp/runtime"
dbus-run-session -- sh -c '
    # A password on stdin creates the login keyring and unlocks it (an empty
    # one would make gnome-keyring ask through a prompter, and there is none).
    printf "crosstalk-throwaway" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    "$@"
' crosstalk-keyring "$@"
