#!/usr/bin/env bash
# Tests of bin/find-java.sh, the Java finder every RegDesk launcher sources: it must pick a Java 21+
# in the documented order and, when there is none, say so in Turkish and English and list what it
# checked. Fake JDKs (a 'java' script plus an optional 'release' file) stand in for real ones, and
# PATH holds only the tools the finder uses, so the machine's own Java cannot leak in.
set -u
finder="$(cd "$(dirname "$0")/../.." && pwd)/features/org.regdesk.runtime.feature/rootfiles/bin/find-java.sh"
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/tools"
for tool in sh sed head ls sort readlink dirname cat; do ln -s "$(command -v "$tool")" "$root/tools/$tool"; done

fake_jdk() { # name, version, with-release-file (yes/no)
    mkdir -p "$root/$1/bin"
    printf '#!/bin/sh\necho "    java.specification.version = %s" >&2\n' "$2" >"$root/$1/bin/java"
    chmod +x "$root/$1/bin/java"
    [ "$3" = yes ] && echo "JAVA_VERSION=\"$2.0.1\"" >"$root/$1/release"
    return 0
}
fake_jdk jdk17 17 yes
fake_jdk jdk21 21 yes
fake_jdk jdk25-no-release 25 no

passed=0 failed=0
check() { # description, expected, actual
    if [ "$2" = "$3" ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $1: expected '$2', got '$3'" >&2; fi
}
find_java() { # runs the finder in a clean environment; prints "java major" or the error text
    env -i PATH="$root/tools" HOME="$root" "$@" sh -c ". '$finder'; if regdesk_find_java 2>'$root/err'; then echo \"\$REGDESK_JAVA \$REGDESK_JAVA_MAJOR\"; else cat '$root/err'; fi"
}

check "the newest JDK in the search folders wins over an older JAVA_HOME" "$root/jdk25-no-release/bin/java 25" \
    "$(find_java JAVA_HOME="$root/jdk17" REGDESK_JAVA_SEARCH="$root/jdk*/bin/java")"
check "JAVA_HOME is taken first when it is new enough" "$root/jdk25-no-release/bin/java 25" \
    "$(find_java JAVA_HOME="$root/jdk25-no-release" REGDESK_JAVA_SEARCH="$root/jdk21/bin/java")"
check "REGDESK_JAVA is taken before JAVA_HOME" "$root/jdk21/bin/java 21" \
    "$(find_java REGDESK_JAVA="$root/jdk21/bin/java" JAVA_HOME="$root/jdk25-no-release" REGDESK_JAVA_SEARCH="$root/none")"
check "without a release file the JVM itself is asked" "$root/jdk25-no-release/bin/java 25" \
    "$(find_java REGDESK_JAVA_SEARCH="$root/jdk25-no-release/bin/java")"

message=$(find_java JAVA_HOME="$root/jdk17" REGDESK_JAVA_SEARCH="$root/none")
check "no Java 21+: English sentence" 1 "$(grep -c 'No Java 21 or newer was found' <<<"$message")"
check "no Java 21+: Turkish sentence" 1 "$(grep -c 'Java 21 veya daha yenisi bulunamadı' <<<"$message")"
check "no Java 21+: names what it checked" 1 "$(grep -c "$root/jdk17/bin/java (Java 17)" <<<"$message")"
check "no Java 21+: says how to fix it" 1 "$(grep -c 'point JAVA_HOME at one' <<<"$message")"

echo "find-java: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
