#!/usr/bin/env bash
# Builds the container image on a machine without a Docker engine and without registry access:
# the base from Debian's packages (build-base-image.sh, cached outside the work tree), then
# `./mvnw package -Pimage` (Jib, to target/jib-image.tar). With a registry, skip this script:
#   ./mvnw package -Pimage -Dimage.name=registry.example.org/vigil/vigil:1.0.0   (base eclipse-temurin:17-jre)
#   deploy/image/build-image.sh [extra Maven arguments, e.g. -DskipTests]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BASE="${VIGIL_BASE_IMAGE_TAR:-${XDG_CACHE_HOME:-$HOME/.cache}/vigil/debian12-jre17.tar}"
[ -s "$BASE" ] || "$ROOT/deploy/image/build-base-image.sh" "$BASE"
cd "$ROOT"
./mvnw -B -q package -Pimage "-Dimage.base=tar://$BASE" "$@"
ls -l target/jib-image.tar >&2
