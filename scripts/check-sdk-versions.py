#!/usr/bin/env python3
"""Check that every polkadot-sdk crate in Cargo.lock has the version of the stable2609-2 release.

A crate of another release line (the registry's newest is not always ours) compiles badly with the
rest. `--fix` pins each stray crate back with `cargo update --precise`.
"""
import pathlib
import subprocess
import sys
import tomllib

root = pathlib.Path(__file__).resolve().parent.parent
manifest = {}
for line in (root / "scripts/stable2609-2-versions.txt").read_text().splitlines():
    if line.startswith("#") or not line.strip():
        continue
    name, version, _kind = line.split()
    manifest[name] = version

lock = tomllib.loads((root / "Cargo.lock").read_text())
stray = [
    (p["name"], p["version"], manifest[p["name"]])
    for p in lock["package"]
    if p["name"] in manifest and p["version"] != manifest[p["name"]] and "source" in p
]
for name, found, wanted in stray:
    print(f"{name}: Cargo.lock has {found}, stable2609-2 has {wanted}")
if stray and "--fix" in sys.argv:
    for name, found, wanted in stray:
        subprocess.run(
            ["cargo", "update", "-p", f"{name}@{found}", "--precise", wanted], cwd=root, check=True
        )
    sys.exit(0)
sys.exit(1 if stray else 0)
