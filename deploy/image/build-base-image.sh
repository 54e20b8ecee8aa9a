#!/usr/bin/env bash
# Builds the container base image of this offline machine: Debian 12 (minbase) with OpenJDK 17's
# headless JRE, from Debian's packages, written as a `docker save` archive that Jib takes as
# `tar://…` (pom.xml, profile "image"). In production the base is a registry image instead
# (image.base, default eclipse-temurin:17-jre); this script exists because no registry but Maven
# Central, npm and Debian's is reachable here. Needs root (debootstrap) and Debian's mirror.
#   deploy/image/build-base-image.sh [OUT.tar]    (default target/base-image/debian12-jre17.tar)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="${1:-$ROOT/target/base-image/debian12-jre17.tar}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
SUITE=bookworm
WORK="$(dirname "$OUT")/build"

if [ -s "$OUT" ]; then echo "$OUT exists" >&2; exit 0; fi
command -v debootstrap >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q debootstrap >/dev/null; }
rm -rf "$WORK" && mkdir -p "$WORK"
ROOTFS="$WORK/rootfs"

# a JRE and the CA certificates (TLS to MariaDB, RabbitMQ and the JWKS URL); nothing else
debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates "$SUITE" "$ROOTFS" "$MIRROR" \
  >"$WORK/debootstrap.log" 2>&1 || { tail -30 "$WORK/debootstrap.log" >&2; exit 1; }

# the service's user: numeric 10001, no login, home in /tmp (the only writable path in the pod)
echo 'vigil:x:10001:10001:Vigil:/tmp:/usr/sbin/nologin' >>"$ROOTFS/etc/passwd"
echo 'vigil:x:10001:' >>"$ROOTFS/etc/group"
# no package manager state or documentation in the image
rm -rf "$ROOTFS"/var/cache/apt/* "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/usr/share/doc/* "$ROOTFS"/usr/share/man/* \
  "$ROOTFS"/usr/share/info/* "$ROOTFS"/var/log/* "$ROOTFS"/tmp/* "$ROOTFS"/dev/*
JAVA_HOME_IN_IMAGE="$(cd "$ROOTFS" && dirname "$(dirname "$(readlink -f usr/bin/java | sed "s#^$ROOTFS##")")")"
"$ROOTFS$JAVA_HOME_IN_IMAGE/bin/java" -version >/dev/null 2>&1 || chroot "$ROOTFS" java -version

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
                 'created_by': 'deploy/image/build-base-image.sh (debootstrap minbase + openjdk-17-jre-headless)'}],
}
data = json.dumps(config, sort_keys=True).encode()
config_name = hashlib.sha256(data).hexdigest() + '.json'
with open(os.path.join(work, config_name), 'wb') as f:
    f.write(data)
layer_name = h.hexdigest() + '.tar'
os.replace(layer, os.path.join(work, layer_name))
manifest = [{'Config': config_name, 'RepoTags': ['vigil-base/debian12-jre17:latest'], 'Layers': [layer_name]}]
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
