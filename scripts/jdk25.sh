# Sourced by the project's scripts: exports JAVA_HOME pointing at a JDK 25, or stops with a plain sentence.
# Takes JAVA_HOME when it is a JDK 25, else the first JDK 25 under /usr/lib/jvm (or /Library/Java on macOS).
roomwatch_is_jdk25() { [ -x "$1/bin/java" ] && "$1/bin/java" -version 2>&1 | grep -q 'version "25'; }

if [ -n "${JAVA_HOME:-}" ] && roomwatch_is_jdk25 "$JAVA_HOME"; then
  :
else
  found=""
  for candidate in /usr/lib/jvm/*25* /Library/Java/JavaVirtualMachines/*25*/Contents/Home; do
    if roomwatch_is_jdk25 "$candidate"; then found=$candidate; break; fi
  done
  if [ -z "$found" ]; then
    echo "Roomwatch needs a JDK 25: none found at JAVA_HOME (${JAVA_HOME:-unset}) or under /usr/lib/jvm." >&2
    echo "Install one and point JAVA_HOME at it, e.g. export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64" >&2
    exit 1
  fi
  JAVA_HOME=$found
fi
export JAVA_HOME
