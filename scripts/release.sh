#!/usr/bin/env bash
# Release packaging, as Terraform registries and provider mirrors expect it:
#
#   scripts/release.sh VERSION [--binary PATH] [--output-dir DIR] [--network-mirror DIR]
#
# Builds the provider with the `release` CMake preset (optimised, no tests, version VERSION
# and the git commit baked in), strips it, and writes into DIR (default dist/):
#   terraform-provider-operatorconnect_<VERSION>_linux_amd64.zip   (the binary, named
#       terraform-provider-operatorconnect_v<VERSION> inside, as Terraform expects)
#   terraform-provider-operatorconnect_<VERSION>_manifest.json     (protocol version 6.0)
#   terraform-provider-operatorconnect_<VERSION>_SHA256SUMS        (of the zip and manifest)
# and prints the two lock-file hashes of the zip (zh: and h1:).
# --binary packages an already built binary instead of building (its --version must name
# VERSION): CI packages the binary it has just tested, without a second build.
# --network-mirror DIR also adds the zip to a provider network mirror's layout under DIR
# (index.json listing every version there, <VERSION>.json with the zip and its h1: hash), to be
# served over HTTPS as is.
set -euo pipefail
caller=$PWD
cd "$(dirname "$0")/.."
root=$PWD
name=terraform-provider-operatorconnect
platform=linux_amd64

usage() { sed -n '2,17p' "$0" >&2; exit 1; }
[[ $# -ge 1 ]] || usage
version=$1
shift
binary=""
out="$root/dist"
network_mirror=""
while (($#)); do
  case "$1" in
    --binary) [[ $# -ge 2 ]] || usage; binary=$2; shift ;;
    --output-dir) [[ $# -ge 2 ]] || usage; out=$2; shift ;;
    --network-mirror) [[ $# -ge 2 ]] || usage; network_mirror=$2; shift ;;
    *) echo "release: unknown argument $1" >&2; usage ;;
  esac
  shift
done
# Paths on the command line are relative to where the script was started.
absolute() { if [[ -z "$1" || "$1" == /* ]]; then echo "$1"; else echo "$caller/$1"; fi; }
binary=$(absolute "$binary")
out=$(absolute "$out")
network_mirror=$(absolute "$network_mirror")
# Semantic versioning without the leading "v", as version constraints and mirrors spell it.
if [[ ! "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]]; then
  echo "release: VERSION must look like 1.2.3 or 1.2.3-rc.1, got \"$version\"" >&2
  exit 1
fi

if [[ -z "$binary" ]]; then
  export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
  cmake --preset release -DOPC_VERSION="$version" >/dev/null
  cmake --build --preset release
  binary=build/release/provider/$name
fi
[[ -x "$binary" ]] || { echo "release: $binary is not an executable" >&2; exit 1; }
reported=$("$binary" --version)
if [[ "$reported" != "$name $version "* ]]; then
  echo "release: $binary reports \"$reported\", not version $version" >&2
  exit 1
fi
if [[ "$reported" == *-dirty* ]]; then
  echo "release: warning: built from a working tree with uncommitted changes ($reported)" >&2
fi

mkdir -p "$out"
out=$(cd "$out" && pwd)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
executable="$stage/${name}_v$version"
strip -o "$executable" "$binary"
chmod 0755 "$executable"
# A fixed timestamp: the same binary always gives the same zip, and so the same hash.
touch -d '1980-01-02T00:00:00Z' "$executable"
zip_file="${name}_${version}_${platform}.zip"
rm -f "$out/$zip_file"
(cd "$stage" && TZ=UTC zip -q -X "$out/$zip_file" "${name}_v$version")

manifest="${name}_${version}_manifest.json"
printf '{"version":1,"metadata":{"protocol_versions":["6.0"]}}\n' >"$out/$manifest"
sums="${name}_${version}_SHA256SUMS"
(cd "$out" && sha256sum "$zip_file" "$manifest" >"$sums")

zh=$(sha256sum "$out/$zip_file" | cut -d' ' -f1)
# h1: is Terraform's hash of the unpacked package (the sorted "sha256  name" lines of its files,
# hashed again): the form `terraform init` records for a mirror.
h1=$(python3 - "$out/$zip_file" <<'PY'
import base64, hashlib, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    lines = "".join(f"{hashlib.sha256(z.read(n)).hexdigest()}  {n}\n"
                    for n in sorted(i.filename for i in z.infolist() if not i.is_dir()))
print("h1:" + base64.b64encode(hashlib.sha256(lines.encode()).digest()).decode())
PY
)
if [[ -n "$network_mirror" ]]; then
  # The network mirror protocol: <host>/<namespace>/<type>/index.json and <version>.json.
  type_dir="$network_mirror/localhost/operatorconnect/operatorconnect"
  mkdir -p "$type_dir"
  cp "$out/$zip_file" "$type_dir/"
  python3 - "$type_dir" "$version" "$zip_file" "$h1" <<'PY'
import json, pathlib, sys
type_dir, version, zip_file, h1 = pathlib.Path(sys.argv[1]), *sys.argv[2:]
index = type_dir / "index.json"
versions = json.loads(index.read_text())["versions"] if index.exists() else {}
versions[version] = {}
index.write_text(json.dumps({"versions": versions}, indent=2, sort_keys=True) + "\n")
archives = {"linux_amd64": {"url": zip_file, "hashes": [h1]}}
(type_dir / f"{version}.json").write_text(json.dumps({"archives": archives}, indent=2) + "\n")
PY
  echo "release: added $version to the network mirror in $network_mirror"
fi
echo "release: $reported"
echo "release: wrote $out/$zip_file"
echo "release: wrote $out/$manifest"
echo "release: wrote $out/$sums"
echo "release: lock-file hashes of the zip: zh:$zh $h1"
