# Sourced by .ci/run (issue 18): makes `node` the version in .nvmrc or a later one, so CI runs the
# tests on a Node the README supports (22.12 or later; Electron 45's tooling needs it).
# A machine whose node is already recent enough is used as it is. Otherwise the official Node binary
# for .nvmrc's version comes from the npm registry (the node-linux-<arch> package, checked against
# the registry's integrity hash by npm pack), is unpacked once into a cache folder and put first on
# PATH; npm (a Node script) then runs under it, so `npm ci` builds the native driver for that Node.
# A second run finds the cache and downloads nothing.

omu_node_wanted="$(tr -d ' v\r\n' < .nvmrc)"

# True when `node` on PATH is at least .nvmrc's version.
omu_node_recent_enough() {
  node -e '
    const want = process.argv[1].split(".").map(Number)
    const have = process.versions.node.split(".").map(Number)
    const cmp = have[0] - want[0] || have[1] - want[1] || have[2] - want[2]
    process.exit(cmp >= 0 ? 0 : 1)' "$omu_node_wanted" 2>/dev/null
}

if ! omu_node_recent_enough; then
  case "$(uname -m)" in
    x86_64 | amd64) omu_node_arch=x64 ;;
    aarch64 | arm64) omu_node_arch=arm64 ;;
    *) echo "CI needs Node $omu_node_wanted or later; install it for $(uname -m) and run again." >&2; exit 1 ;;
  esac
  omu_node_home="${OMU_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/omu-desk}/node-v$omu_node_wanted-linux-$omu_node_arch"
  if [ ! -x "$omu_node_home/bin/node" ]; then
    echo "Fetching Node $omu_node_wanted ($omu_node_arch) from the npm registry into $omu_node_home"
    omu_node_tmp="$(mktemp -d)"
    npm pack --silent --pack-destination "$omu_node_tmp" "node-linux-$omu_node_arch@$omu_node_wanted" >/dev/null
    mkdir -p "$omu_node_tmp/unpacked"
    tar -xzf "$omu_node_tmp"/node-linux-*.tgz -C "$omu_node_tmp/unpacked" --strip-components=1
    # Moved into place whole, so an interrupted download never leaves a half-unpacked Node behind.
    mkdir -p "$(dirname "$omu_node_home")"
    rm -rf "$omu_node_home"
    mv "$omu_node_tmp/unpacked" "$omu_node_home"
    rm -rf "$omu_node_tmp"
  fi
  export PATH="$omu_node_home/bin:$PATH"
  # node-gyp finds this Node's headers in the package (include/node) instead of downloading them.
  export npm_config_nodedir="$omu_node_home"
  hash -r
  omu_node_recent_enough || { echo "Node $omu_node_wanted from $omu_node_home does not run here." >&2; exit 1; }
fi
