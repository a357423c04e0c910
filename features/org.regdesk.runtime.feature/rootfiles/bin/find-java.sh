# Sourced by the RegDesk launchers: sets REGDESK_JAVA to a java (JDK/JRE) of version 21 or newer
# and REGDESK_JAVA_MAJOR to its major version.
# Order: $REGDESK_JAVA, $JAVA_HOME, java on PATH, then the newest under the usual install folders
# ($REGDESK_JAVA_SEARCH, a list of globs, replaces those folders; tests use it).

# Major version of a java binary: from the JDK's 'release' file when there is one (instant), else by
# asking the JVM (about 0.1 s, which every start would pay).
regdesk_java_major() {
    release="$(cd "$(dirname "$(readlink -f "$1")")/.." 2>/dev/null && pwd)/release"
    if [ -f "$release" ]; then
        sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$release" | head -n 1
        return
    fi
    "$1" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

regdesk_find_java() {
    minimum=21
    checked=""
    for candidate in ${REGDESK_JAVA:-} ${JAVA_HOME:+"$JAVA_HOME/bin/java"} "$(command -v java 2>/dev/null)" \
        $(ls -d ${REGDESK_JAVA_SEARCH:-/usr/lib/jvm/*/bin/java /opt/java/*/bin/java /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java} 2>/dev/null | sort -rV); do
        [ -n "$candidate" ] && [ -x "$candidate" ] || continue
        major=$(regdesk_java_major "$candidate")
        checked="$checked
  $candidate (Java ${major:-?})"
        if [ -n "$major" ] && [ "$major" -ge "$minimum" ]; then
            REGDESK_JAVA=$candidate
            REGDESK_JAVA_MAJOR=$major
            return 0
        fi
    done
    {
        echo "RegDesk: Java $minimum veya daha yenisi bulunamadı. / No Java $minimum or newer was found."
        echo "Denenenler / Checked:${checked:-
  (none / yok)}"
        echo "Bir JDK $minimum+ kurun (ör. Temurin 21 veya 25) ya da JAVA_HOME'u ona yöneltin."
        echo "Install a JDK $minimum+ (e.g. Temurin 21 or 25) or point JAVA_HOME at one."
    } >&2
    return 1
}
