#!/usr/bin/env python3
"""MSRV check without a second toolchain.

Only one Rust toolchain is available here, so the declared `rust-version` is
checked in two parts:
  1. every package the library or the CLI builds with (normal and build
     dependencies, all features, as resolved by Cargo.lock) declares a
     rust-version no newer than ours — dev-dependencies are exempt, tests run
     on current stable;
  2. clippy's `incompatible_msrv` lint (on by default, denied by the clippy
     step of .ci/run) rejects standard-library APIs newer than our
     rust-version in our own code.
"""
import json
import subprocess
import sys


def version(text):
    return tuple(int(part) for part in text.split(".")[:3]) + (0,) * (3 - len(text.split(".")[:3]))


meta = json.loads(
    subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--all-features", "--locked"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
)
packages = {p["id"]: p for p in meta["packages"]}
root = next(p for p in meta["packages"] if p["name"] == "copydesk" and p["source"] is None)
msrv = root.get("rust_version")
if not msrv:
    sys.exit("copydesk declares no rust-version in Cargo.toml")
nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}

seen, stack, bad = set(), [root["id"]], []
while stack:
    pid = stack.pop()
    if pid in seen:
        continue
    seen.add(pid)
    for dep in nodes[pid]["deps"]:
        kinds = {k["kind"] for k in dep["dep_kinds"]}
        if kinds - {"dev"}:
            stack.append(dep["pkg"])
for pid in seen:
    p = packages[pid]
    rv = p.get("rust_version")
    if rv and version(rv) > version(msrv):
        bad.append(f"{p['name']} {p['version']} needs Rust {rv}")

if bad:
    print(f"rust-version is {msrv}, but these dependencies need a newer Rust:")
    print("\n".join(sorted(bad)))
    sys.exit(1)
print(f"MSRV {msrv}: {len(seen) - 1} library/CLI dependencies declare a compatible rust-version")
