#!/usr/bin/env bash
# What a new user does with README.md, done as pasted: run the Install section's own command lines (pack this
# repository, add the folder as a package source, create a console app, add the packages, install the emulator tool),
# compile every C# block of README.md and docs/*.md as that app's whole Program.cs, and hold the README's first
# conversation against the emulator tool. The user's home is a fresh folder, so nothing a developer set up (a NuGet
# source, a global tool) helps; packages already downloaded stay shared, except LiveActors' own, which are removed.
#
# usage: tests/readme-as-pasted.sh            (from anywhere; about five minutes on two cores)
#        PACKED=DIR tests/readme-as-pasted.sh   (takes the packages already in DIR instead of running the pack line)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
emulator_pid=""
cleanup() {
  [ -n "$emulator_pid" ] && kill "$emulator_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

export NUGET_PACKAGES="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
export HOME="$work/home" DOTNET_CLI_HOME="$work/home" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export PATH="$PATH:$HOME/.dotnet/tools"
mkdir -p "$HOME"
rm -rf "$NUGET_PACKAGES"/liveactors "$NUGET_PACKAGES"/liveactors.*

# The command lines of the README's Install section, in order: a line that starts with `dotnet`, without its comment.
install_lines() {
  awk '/^## /{ install = ($0 == "## Install") } install && /^```/{ block = !block; next } install && block && /^dotnet /' "$repo/README.md" \
    | sed 's/[[:space:]]*#.*$//'
}
mapfile -t lines < <(install_lines)
[ "${#lines[@]}" -ge 5 ] || { echo "readme: the Install section has ${#lines[@]} dotnet lines; expected the pack, the source and the packages" >&2; exit 1; }

app="$work/MyApp"
for line in "${lines[@]}"; do
  case "$line" in
    "dotnet pack "*|"dotnet nuget "*) dir="$repo" ;;  # run in the clone, as the README says
    *) dir="$app" ;;                                   # run in the user's app
  esac
  if [ "$dir" = "$app" ] && [ ! -d "$app" ]; then
    (cd "$work" && dotnet new console -o MyApp >/dev/null)
  fi
  if [ -n "${PACKED:-}" ] && [[ "$line" == "dotnet pack "* ]]; then
    echo "readme: the packages in $PACKED stand for: $line"
    mkdir -p "$HOME/liveactors-packages" && cp "$PACKED"/*.nupkg "$HOME/liveactors-packages/"
    continue
  fi
  echo "readme\$ $line"
  (cd "$dir" && eval "$line") > "$work/step.log" 2>&1 || { cat "$work/step.log" >&2; echo "readme: '$line' failed as pasted" >&2; exit 1; }
  if grep -qE 'warning NU[0-9]+' "$work/step.log"; then
    grep -E 'warning NU[0-9]+' "$work/step.log" >&2
    echo "readme: '$line' restored with a warning, an error for an app with TreatWarningsAsErrors" >&2
    exit 1
  fi
done

# Every C# block, as the whole Program.cs of that app, one after the other.
blocks="$work/blocks"
mkdir -p "$blocks"
for doc in "$repo/README.md" "$repo"/docs/*.md; do
  name="$(basename "$doc" .md)"
  awk -v out="$blocks/$name" '/^```csharp$/{ n++; block = 1; next } /^```/{ block = 0; next } block { print > (out "." n ".cs") }' "$doc"
done
failed=0
count=0
for block in "$blocks"/*.cs; do
  count=$((count + 1))
  cp "$block" "$app/Program.cs"
  if (cd "$app" && dotnet build --no-restore -nologo -v q -clp:NoSummary) > "$work/build.log" 2>&1; then
    echo "readme: compiles as pasted: $(basename "$block")"
  else
    failed=$((failed + 1))
    echo "readme: does not compile as pasted: $(basename "$block" .cs | sed 's/\.\([0-9]*\)$/.md, C# block \1/')" >&2
    grep -E 'error' "$work/build.log" | sort -u | head -20 >&2
  fi
done
[ "$failed" -eq 0 ] || { echo "readme: $failed of $count C# blocks do not compile as pasted" >&2; exit 1; }

# The first conversation, against the emulator the README installed.
liveactors-emulator --port 0 > "$work/emulator.out" &
emulator_pid=$!
address=""
for _ in $(seq 1 150); do
  address=$(sed -n 's/^listening \(ws:\/\/127\.0\.0\.1:[0-9]*\)$/\1/p' "$work/emulator.out")
  [ -n "$address" ] && break
  kill -0 "$emulator_pid" || { echo "readme: the emulator tool did not start" >&2; exit 1; }
  sleep 0.2
done
[ -n "$address" ] || { echo "readme: the emulator tool printed no address" >&2; exit 1; }
cp "$blocks/README.1.cs" "$app/Program.cs"
(cd "$app" && timeout 120 dotnet run -- "$address") | tee "$work/first.out"
grep -q 'you said "Hello! What can you do?"' "$work/first.out" || { echo "readme: the first conversation did not get its answer" >&2; exit 1; }
echo "readme: ${#lines[@]} install lines and $count C# blocks work as pasted; the first conversation was answered"
