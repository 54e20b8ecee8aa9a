#!/usr/bin/env bash
# Builds the container image on a machine without a Docker engine and without registry access: the base
# from Debian's packages and this machine's Temurin 25 (build-base-image.sh, cached outside the work
# tree), then with that same JDK 25 the packaged jar and its AOT cache (`verify`: the packaged-jar tests,
# *IT, are the cache's training run; unit tests are left to `./mvnw verify`), then the image (Jib, to
# target/jib-image.tar). With a registry, skip this script:
#   ./mvnw verify -Pimage -Dimage.name=registry.example.org/vigil/vigil:1.0.0   (with a JDK 25; base eclipse-temurin:25-jre)
#   deploy/image/build-image.sh [extra Maven arguments]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
JDK="${VIGIL_IMAGE_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}"
[ -x "$JDK/bin/java" ] || { echo "no JDK 25 at $JDK (VIGIL_IMAGE_JDK): the image's Java, which trains its AOT cache" >&2; exit 1; }
RUNTIME="$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$JDK/release" | tr '+' '_')"
# named after the JDK's exact build: a JDK update makes a new base, as the cache needs
BASE="${VIGIL_BASE_IMAGE_TAR:-${XDG_CACHE_HOME:-$HOME/.cache}/vigil/debian12-temurin-$RUNTIME.tar}"
[ -s "$BASE" ] || VIGIL_IMAGE_JDK="$JDK" "$ROOT/deploy/image/build-base-image.sh" "$BASE"
cd "$ROOT"
JAVA_HOME="$JDK" ./mvnw -B -q verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false "$@"
# Quarkus writes the cache after the last packaged-jar test, in a JVM of its own that it waits 20 s
# for: on a loaded machine it may still be writing
for _ in $(seq 1 120); do
  pgrep -f -- "-XX:AOTMode=create.*$ROOT/target/quarkus-app" >/dev/null || break
  sleep 1
done
[ -s target/quarkus-app/app.aot ] || { echo "target/quarkus-app/app.aot was not made by the packaged-jar tests" >&2; exit 1; }
JAVA_HOME="$JDK" ./mvnw -B -q -Pimage "-Dimage.base=tar://$BASE" com.google.cloud.tools:jib-maven-plugin:buildTar "$@"
ls -l target/jib-image.tar target/quarkus-app/app.aot >&2
