#!/usr/bin/env bash
# Renders the README's screenshots, in English and in German, against the
# bundled demo network (started and stopped by the GUI tests themselves, on
# 127.0.0.1). Needs a build (tools/dev.sh test or run makes one) and xvfb-run.
#   tools/screenshots.sh [OUTPUT_DIR]      default: docs/screenshots
# Writes OUTPUT_DIR/en/*.png and OUTPUT_DIR/de/*.png. Look at every picture
# before committing it.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${1:-$root/docs/screenshots}
build=$root/build
tests=(tests/gui/tst_agentviews tests/gui/tst_connectionssidebar tests/gui/tst_trafficinspector tests/gui/tst_tasktimeline
       tests/gui/tst_mcpviews)
cmake --build "$build" --target "${tests[@]##*/}" >&2

for lang in en de; do
    mkdir -p "$out/$lang"
    for t in "${tests[@]}"; do
        locale=$([ "$lang" = de ] && echo de_DE || echo en_US)
        # A slower demo leaves visible segments on the timeline.
        env LANGUAGE="$lang" LC_ALL=C.UTF-8 CROSSTALK_SCREENSHOT_LOCALE="$locale" \
            CROSSTALK_SCREENSHOT_DIR="$out/$lang" CROSSTALK_DEMO_STEP_MS=150 QT_QPA_PLATFORM=xcb \
            xvfb-run -a -s "-screen 0 1600x1000x24" "$build/$t" -silent >&2
    done
done
# Only the pictures the README shows are kept.
keep=(agent-card.png conversation-input-required.png conversation.png tasks.png timeline.png traffic.png
      mcp-tools.png mcp-overview.png mcp-elicitation.png mcp-resources.png)
for lang in en de; do
    for f in "$out/$lang"/*.png; do
        name=${f##*/}
        [[ " ${keep[*]} " == *" $name "* ]] || rm -f "$f"
    done
done
ls -l "$out"/en "$out"/de
