#!/usr/bin/env bash
# Crosstalk's two set-up commands (see README.md):
#   tools/dev.sh run    install what is missing, build, start the GUI
#   tools/dev.sh test   install what is missing, build, run the whole test suite
# Both are idempotent: what is installed or built already is skipped. They
# reach no network but Debian's package archive and the npm registry.
#
# Environment knobs for the test command (defaults are what CI runs):
#   CROSSTALK_FUZZ_SECONDS=60   seconds per fuzzer (0 skips fuzzing)
#   CROSSTALK_SKIP_ASAN=1       skip the ASan+UBSan build, its unit tests and the fuzzers
#   CROSSTALK_JOBS=2            parallel build and test jobs
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
jobs=${CROSSTALK_JOBS:-$(nproc 2>/dev/null || echo 2)}
fuzz_seconds=${CROSSTALK_FUZZ_SECONDS:-60}

build_packages=(cmake ninja-build g++ pkgconf ccache
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev qt6-translations-l10n
    qtkeychain-qt6-dev nlohmann-json3-dev libvalijson-dev libsimdjson-dev libpcre2-dev libssl-dev libgl-dev fonts-dejavu-core)
test_packages=(xvfb xauth dbus gnome-keyring desktop-file-utils appstream
    clang libclang-rt-14-dev dpkg-dev file openssl)

say() { printf '\n== %s\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_packages() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        say "installing Debian packages: ${missing[*]}"
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
    fi
}

node_major() {
    command -v node >/dev/null 2>&1 || { echo 0; return; }
    node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

# The test peers are npm packages pinned in tests/peers/package-lock.json.
# They run on the machine's Node.js when it is 20 or newer, else on the Node 22
# that the pinned `node` package brings.
ensure_peers() {
    if ! command -v npm >/dev/null 2>&1; then
        ensure_packages nodejs npm
    fi
    local stamp=tests/peers/node_modules/.crosstalk-lock
    local want
    want=$(sha256sum tests/peers/package-lock.json | cut -d' ' -f1)
    if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
        say "installing the npm test peers (tests/peers)"
        (cd tests/peers && npm ci --no-audit --no-fund --loglevel=error >&2)
        echo "$want" > "$stamp"
    fi
    if [ "$(node_major)" -ge 20 ]; then
        peer_node=$(command -v node)
    else
        peer_node="$root/tests/peers/node_modules/node/bin/node"
    fi
}

configure_and_build() {
    local preset=$1
    shift
    cmake --preset "$preset" "$@" >&2
    cmake --build --preset "$preset" -j "$jobs" >&2
}

stage_start=0
stage() {
    stage_name=$1
    stage_start=$(date +%s)
    say "$stage_name"
}
stage_done() {
    printf '== %s took %ss\n' "$stage_name" $(( $(date +%s) - stage_start )) >&2
}

run_fuzzers() {
    local dir=build-asan/tests/fuzz
    for target in sseparser:sse jsonrpcdecoder:jsonrpc streamevent:streamevent http1parser:http1; do
        local name=${target%%:*} corpus=${target##*:}
        local work
        work=$(mktemp -d)
        cp -r "tests/fuzz/corpus/$corpus/." "$work/"
        say "fuzzing fuzz_$name for ${fuzz_seconds}s"
        if ! (cd "$work" && "$root/$dir/fuzz_$name" -max_total_time="$fuzz_seconds" -timeout=10 \
                -rss_limit_mb=2048 -print_final_stats=1 "$work" >"$work/log" 2>&1); then
            tail -n 60 "$work/log" >&2
            echo "fuzz_$name found a problem; the reproducer is in $work" >&2
            return 1
        fi
        grep -E '^(stat::number_of_executed_units|Done)' "$work/log" >&2 || true
        rm -rf "$work"
    done
}

cmd=${1:-}
case "$cmd" in
run)
    stage "dependencies"
    ensure_packages "${build_packages[@]}"
    ensure_peers
    stage_done
    stage "build"
    configure_and_build default
    stage_done
    # The bundled demo network (tests/peers/demo): four A2A agents on
    # 127.0.0.1, and a workspace that lists them. It stops with Crosstalk.
    demo_dir=$(mktemp -d)
    trap 'kill "$demo_pid" 2>/dev/null || true; wait "$demo_pid" 2>/dev/null || true; rm -rf "$demo_dir"' EXIT
    "$peer_node" tests/peers/demo/network.mjs --workspace "$demo_dir/workspace.json" \
        >"$demo_dir/ready" 2>"$demo_dir/log" &
    demo_pid=$!
    for _ in $(seq 1 100); do
        grep -q '^CROSSTALK_DEMO_READY' "$demo_dir/ready" 2>/dev/null && break
        kill -0 "$demo_pid" 2>/dev/null || break
        sleep 0.1
    done
    if grep -q '^CROSSTALK_DEMO_READY' "$demo_dir/ready" 2>/dev/null; then
        say "demo network: $(cut -d' ' -f2- "$demo_dir/ready")"
        build/app/crosstalk --workspace "$demo_dir/workspace.json" "${@:2}"
    else
        say "the demo network did not start; Crosstalk opens on your own workspace"
        cat "$demo_dir/log" >&2
        build/app/crosstalk "${@:2}"
    fi
    ;;
test)
    total_start=$(date +%s)
    stage "dependencies"
    ensure_packages "${build_packages[@]}" "${test_packages[@]}"
    ensure_peers
    stage_done

    stage "build (gcc, -Werror)"
    configure_and_build default -DCROSSTALK_NODE="$peer_node"
    stage_done

    if [ "${CROSSTALK_SKIP_ASAN:-0}" != 1 ]; then
        stage "build (clang, ASan + UBSan, fuzzers)"
        CC=clang CXX=clang++ configure_and_build asan-ubsan -DCROSSTALK_NODE="$peer_node"
        stage_done

        stage "unit tests under ASan + UBSan"
        ctest --preset asan-ubsan-unit -j "$jobs" >&2
        stage_done

        if [ "$fuzz_seconds" -gt 0 ]; then
            stage "fuzzing"
            run_fuzzers
            stage_done
        fi
    fi

    stage "the whole test suite (unit, integration, gui)"
    printf '== everything before this stage took %ss\n' $(( $(date +%s) - total_start )) >&2
    exec ctest --preset default -j "$jobs"
    ;;
*)
    echo "usage: tools/dev.sh run|test" >&2
    exit 2
    ;;
esac
