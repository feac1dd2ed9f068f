#!/usr/bin/env bash
# Builds the release: one zip per platform in target/dist/,
#
#   rt-VERSION-linux-x86_64.zip     rt
#   rt-VERSION-windows-x86_64.zip   rt.exe
#
# each with the manual pages (man/, from `rt man --out`), the shell completions
# (completions/: bash, zsh, fish, PowerShell, from `rt completions`), the Norwegian guide
# (docs/: veiledning.md, rutine.md, tiltaksbank.md) and the README. Needs the Rust toolchain,
# the x86_64-pc-windows-gnu target and mingw-w64 (`.ci/windows` installs both), and Python 3
# for the zips. Run by .github/workflows/release.yml for a tag, with the release profile.
#
# RT_DIST_PROFILE names another cargo profile: .ci/run uses `dev`, whose binaries the test
# runs just built, so that CI checks the packaging on every run without building both
# platforms a second time, optimised (that alone would take CI twenty minutes more).
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
out=target/dist
windows=x86_64-pc-windows-gnu
profile="${RT_DIST_PROFILE:-release}"
built=$([ "$profile" = dev ] && echo debug || echo "$profile")

cargo build --locked --profile "$profile"
cargo build --locked --profile "$profile" --target "$windows"

rm -rf "$out" && mkdir -p "$out"
stage="$out/common"
mkdir -p "$stage/man" "$stage/completions" "$stage/docs"
rt=target/$built/rt
"$rt" man --out "$stage/man" >/dev/null 2>&1
"$rt" completions bash >"$stage/completions/rt.bash"
"$rt" completions zsh >"$stage/completions/_rt"
"$rt" completions fish >"$stage/completions/rt.fish"
"$rt" completions powershell >"$stage/completions/rt.ps1"
cp docs/veiledning.md docs/rutine.md docs/tiltaksbank.md "$stage/docs/"
cp README.md "$stage/"

package() { # platform, binary
  local name="rt-$version-$1" dir="$out/rt-$version-$1"
  mkdir -p "$dir"
  cp -r "$stage"/. "$dir/"
  cp "$2" "$dir/"
  (cd "$out" && python3 - "$name" <<'PY'
import os, sys, zipfile
name = sys.argv[1]
with zipfile.ZipFile(name + ".zip", "w", zipfile.ZIP_DEFLATED) as z:
    for root, dirs, files in os.walk(name):
        dirs.sort()
        for f in sorted(files):
            path = os.path.join(root, f)
            info = zipfile.ZipInfo.from_file(path, path)
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(path, "rb") as data:
                z.writestr(info, data.read())
PY
  )
  rm -rf "$dir"
}
package linux-x86_64 "$rt"
package windows-x86_64 "target/$windows/$built/rt.exe"
rm -rf "$stage"

for zip in "$out"/*.zip; do
  python3 - "$zip" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    names = z.namelist()
    size = sum(i.file_size for i in z.infolist())
    print(f"{sys.argv[1]}: {len(names)} files, {size // 1024} KiB unpacked")
    for want in ("rt.exe" if "windows" in sys.argv[1] else "rt", "man/rt.1", "man/rt-refer.1",
                 "completions/rt.ps1", "completions/rt.bash", "docs/veiledning.md", "docs/rutine.md"):
        assert any(n.endswith("/" + want) for n in names), f"{want} missing from {sys.argv[1]}"
PY
done
