#!/usr/bin/env bash
# Startup benchmark (run through `./desk bench [runs]`): time from process start to a visible main
# window, for the materialized workstation and for a bare SWT Shell program (BareShell.java), in
# the same session, interleaved, with and without the launcher's start-up options and AOT cache. Prints each
# variant's median and the workstation/baseline ratio, then the resident memory (RSS) of the shipped
# workstation and of the bare shell 5 s after their window showed. Needs DISPLAY, xdotool and JAVA_HOME.
set -euo pipefail
desk_home=${1:?usage: startup.sh <materialized regdesk folder> [runs]}
runs=${2:-7}
here=$(cd "$(dirname "$0")" && pwd)
java="${JAVA_HOME:?}/bin/java"
tuned="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:MetaspaceSize=128m"

swt_classpath="$(ls "$desk_home"/plugins/org.eclipse.swt_*.jar):$(ls "$desk_home"/plugins/org.eclipse.swt.gtk.linux.x86_64_*.jar)"
classes=$(mktemp -d)
trap 'rm -rf "$classes"' EXIT
"$JAVA_HOME/bin/javac" -d "$classes" -cp "$swt_classpath" "$here/BareShell.java"

# Milliseconds from launch until a mapped window whose title matches $1 exists; the program is then
# stopped. xdotool is polled every 10 ms, so each figure carries ~10-20 ms of polling granularity.
time_to_window() {
    local title=$1
    shift
    local start end pid
    start=$(date +%s%N)
    "$@" >"$classes/last-run.log" 2>&1 &
    pid=$!
    until xdotool search --onlyvisible --name "$title" >/dev/null 2>&1; do
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "program exited before showing a window: $*" >&2
            tail -n 20 "$classes/last-run.log" >&2
            return 1
        fi
        if [ $(( ($(date +%s%N) - start) / 1000000 )) -gt 60000 ]; then
            echo "no window after 60 s: $*" >&2
            kill "$pid"
            return 1
        fi
        sleep 0.01
    done
    end=$(date +%s%N)
    if [ -n "${RSS_AFTER:-}" ]; then
        # the launcher script may run java as a child: measure the JVM, not the shell
        local jvm=$pid
        [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = java ] || jvm=$(pgrep -P "$pid" java | head -n 1)
        sleep "$RSS_AFTER"
        awk '/^VmRSS:/ {print int($2 / 1024)}' "/proc/$jvm/status" >>"$classes/rss-$RSS_VARIANT"
    fi
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    echo $(( (end - start) / 1000000 ))
}

baseline() { # $1: JVM options
    # shellcheck disable=SC2086
    time_to_window "^RegDesk baseline" "$java" $1 -cp "$classes:$swt_classpath" BareShell
}

workstation() { # $1: start-up options for the launcher, $2: AOT cache on/off
    REGDESK_STARTUP_OPTIONS="$1" REGDESK_AOT="$2" time_to_window "^RegDesk - " "$desk_home/regdesk"
}

# A start that fails outright (seen: gtk_init_check failing on a busy Xvfb) is retried once and
# counted, so the figures never silently include or hide a failed start.
sample() { # runs in $( ), so failures are counted in a file
    local ms
    if ms=$(run_variant "$1"); then
        echo "$ms"
    else
        echo "$1" >>"$classes/failed-starts"
        run_variant "$1"
    fi
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

declare -A samples
variants=("baseline-default" "baseline-tuned" "regdesk-default" "regdesk-tuned" "regdesk-shipped")
run_variant() {
    case $1 in
    baseline-default) baseline "" ;;
    baseline-tuned) baseline "$tuned" ;;
    regdesk-default) workstation "" off ;;
    regdesk-tuned) workstation "$tuned" off ;;
    regdesk-shipped) workstation "$tuned" on ;;
    esac
}

# The shipped launcher records its AOT cache on the first start: start from none, so the warm-up
# run of regdesk-shipped is that first start.
rm -f "$desk_home"/configuration/regdesk-java*.aot
echo "Warming up (OSGi bundle cache, SWT native libraries, page cache, AOT cache) ..."
for variant in "${variants[@]}"; do sample "$variant" >/dev/null; done
for ((i = 1; i <= runs; i++)); do
    for variant in "${variants[@]}"; do
        ms=$(sample "$variant")
        samples[$variant]+="$ms "
    done
    echo "run $i/$runs done"
done

echo
echo "Time to visible window, $runs runs each, $(nproc) cores, $("$java" -version 2>&1 | head -n 1)"
echo "Starts that failed and were retried: $(cat "$classes/failed-starts" 2>/dev/null | wc -l)"
printf '%-18s %10s   %s\n' variant "median ms" "samples (ms)"
for variant in "${variants[@]}"; do
    printf '%-18s %10s   %s\n' "$variant" "$(tr ' ' '\n' <<<"${samples[$variant]}" | grep . | median)" "${samples[$variant]}"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
m() { tr ' ' '\n' <<<"${samples[$1]}" | grep . | median; }
echo
echo "ratio regdesk/baseline, both with JVM defaults (before):              $(ratio "$(m regdesk-default)" "$(m baseline-default)")"
echo "ratio regdesk/baseline, both with the launcher options:                $(ratio "$(m regdesk-tuned)" "$(m baseline-tuned)")"
echo "ratio regdesk as shipped (C1, serial GC, AOT cache) / baseline, same JIT: $(ratio "$(m regdesk-shipped)" "$(m baseline-tuned)")"
echo "ratio regdesk as shipped / bare shell with JVM defaults (after):        $(ratio "$(m regdesk-shipped)" "$(m baseline-default)")"

# Resident memory a few seconds after start (the settled desk, not the start-up peak).
rss_runs=${RSS_RUNS:-3}
rss_sample() { # like sample: a start that fails outright is counted and retried once
    RSS_AFTER=5 RSS_VARIANT=$1 "${@:2}" >/dev/null || { echo "$1" >>"$classes/failed-starts"; RSS_AFTER=5 RSS_VARIANT=$1 "${@:2}" >/dev/null; }
}
for ((i = 1; i <= rss_runs; i++)); do
    rss_sample baseline baseline ""
    rss_sample regdesk workstation "$tuned" on
done
echo
echo "Resident memory (VmRSS) 5 s after the window showed, $rss_runs runs each:"
printf '%-18s %10s   %s\n' variant "median MB" "samples (MB)"
for variant in baseline regdesk; do
    printf '%-18s %10s   %s\n' "$variant" "$(median <"$classes/rss-$variant")" "$(tr '\n' ' ' <"$classes/rss-$variant")"
done
echo "ratio regdesk as shipped / bare shell, RSS:                          $(ratio "$(median <"$classes/rss-regdesk")" "$(median <"$classes/rss-baseline")")"
