#!/usr/bin/env bash
# Builds the container base image of this offline machine: Debian 12 (minbase) from Debian's packages
# with this machine's Temurin 25 (VIGIL_IMAGE_JDK, /usr/lib/jvm/temurin-25-jdk-amd64) copied in at the
# same path, written as a `docker save` archive that Jib takes as `tar://…` (pom.xml, profile "image").
# The very JVM build that trains the AOT cache (target/quarkus-app/app.aot, made by the packaged-jar
# tests) runs it in the image: a cache is used only by the JVM build that made it. In production the
# base is a registry image instead (image.base, default eclipse-temurin:25-jre: pin the update of the
# building JDK); this script exists because no registry but Maven Central, npm and Debian's is
# reachable here. Needs root (debootstrap) and Debian's mirror.
#   deploy/image/build-base-image.sh [OUT.tar]    (default target/base-image/debian12-temurin25.tar)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="${1:-$ROOT/target/base-image/debian12-temurin25.tar}"
JDK="${VIGIL_IMAGE_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}"
[ -x "$JDK/bin/java" ] || { echo "no JDK at $JDK (VIGIL_IMAGE_JDK)" >&2; exit 1; }
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
SUITE=bookworm
WORK="$(dirname "$OUT")/build"

if [ -s "$OUT" ]; then echo "$OUT exists" >&2; exit 0; fi
command -v debootstrap >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q debootstrap >/dev/null; }
rm -rf "$WORK" && mkdir -p "$WORK"
ROOTFS="$WORK/rootfs"

# the CA certificates (TLS to MariaDB, RabbitMQ and the JWKS URL); nothing else from Debian
debootstrap --variant=minbase --include=ca-certificates "$SUITE" "$ROOTFS" "$MIRROR" \
  >"$WORK/debootstrap.log" 2>&1 || { tail -30 "$WORK/debootstrap.log" >&2; exit 1; }
# the JDK as it is (its files and times: the JVM checks its runtime image against the cache), without
# what only developers read; it needs only libc, which minbase has
mkdir -p "$ROOTFS$(dirname "$JDK")"
cp -a "$JDK" "$ROOTFS$JDK"
rm -rf "$ROOTFS$JDK/lib/src.zip" "$ROOTFS$JDK/man" "$ROOTFS$JDK/include" "$ROOTFS$JDK/demo"
# (Java's TLS trusts the JDK's own lib/security/cacerts)
ln -sf "$JDK/bin/java" "$ROOTFS/usr/bin/java"

# the service's user: numeric 10001, no login, home in /tmp (the only writable path in the pod)
echo 'vigil:x:10001:10001:Vigil:/tmp:/usr/sbin/nologin' >>"$ROOTFS/etc/passwd"
echo 'vigil:x:10001:' >>"$ROOTFS/etc/group"
# no package manager state or documentation in the image
rm -rf "$ROOTFS"/var/cache/apt/* "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/usr/share/doc/* "$ROOTFS"/usr/share/man/* \
  "$ROOTFS"/usr/share/info/* "$ROOTFS"/var/log/* "$ROOTFS"/tmp/* "$ROOTFS"/dev/*
JAVA_HOME_IN_IMAGE="$JDK"
# (not in a chroot: the JDK finds its libraries through /proc/self/exe, and /proc is mounted only in a container)
"$ROOTFS$JDK/bin/java" -version

# one layer, packed reproducibly, and the docker-archive around it
LAYER="$WORK/layer.tar"
tar --numeric-owner --sort=name --mtime='2025-01-01 00:00:00' -C "$ROOTFS" -cf "$LAYER" .
NAMES="$(python3 - "$WORK" "$LAYER" "$JAVA_HOME_IN_IMAGE" <<'PY'
import hashlib, json, os, sys
work, layer, java_home = sys.argv[1:4]
h = hashlib.sha256()
with open(layer, 'rb') as f:
    for chunk in iter(lambda: f.read(1 << 20), b''):
        h.update(chunk)
diff_id = 'sha256:' + h.hexdigest()
config = {
    'architecture': 'amd64', 'os': 'linux', 'created': '2025-01-01T00:00:00Z',
    'config': {'Env': ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
                       'JAVA_HOME=' + java_home, 'LANG=C.UTF-8'],
               'User': '10001:10001'},
    'rootfs': {'type': 'layers', 'diff_ids': [diff_id]},
    'history': [{'created': '2025-01-01T00:00:00Z',
                 'created_by': 'deploy/image/build-base-image.sh (debootstrap minbase + ' + java_home + ')'}],
}
data = json.dumps(config, sort_keys=True).encode()
config_name = hashlib.sha256(data).hexdigest() + '.json'
with open(os.path.join(work, config_name), 'wb') as f:
    f.write(data)
layer_name = h.hexdigest() + '.tar'
os.replace(layer, os.path.join(work, layer_name))
manifest = [{'Config': config_name, 'RepoTags': ['vigil-base/debian12-temurin25:latest'], 'Layers': [layer_name]}]
with open(os.path.join(work, 'manifest.json'), 'w') as f:
    json.dump(manifest, f)
print(config_name, layer_name)
PY
)"
# shellcheck disable=SC2086 # two file names
(cd "$WORK" && tar -cf "$OUT.partial" manifest.json $NAMES)
mv "$OUT.partial" "$OUT"
rm -rf "$WORK"
ls -l "$OUT" >&2
