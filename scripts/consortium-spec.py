#!/usr/bin/env python3
"""Make the raw chain spec of a real consortium network from the staging template.

The staging preset carries well-known development keys as placeholders. This script replaces
them with the members' own and converts the result to a raw spec that every validator starts
with (`fxchain-node --chain consortium-raw.json`).

    scripts/consortium-spec.py members.json consortium-raw.json

members.json (see chain-specs/README.md):
    {
      "name": "fxchain consortium", "id": "fxchain_consortium",
      "validators": [{"account": "5...", "babe": "5...", "grandpa": "5..."}, ...],
      "min_validators": 4,
      "council": ["5...", ...],
      "endowed": {"5...": 1000000000000000},
      "bootnodes": ["/dns/validator-1.example/tcp/30333/p2p/12D3Koo..."]
    }
"""
import json
import os
import subprocess
import sys
import tempfile

node = os.environ.get("FXCHAIN_NODE") or os.path.expanduser(
    "~/.cache/fxchain/target/release/fxchain-node"
)
members_path, out_path = sys.argv[1], sys.argv[2]
members = json.load(open(members_path))

plain = json.loads(
    subprocess.run(
        [node, "export-chain-spec", "--chain", "staging"], check=True, capture_output=True
    ).stdout
)
plain["name"] = members["name"]
plain["id"] = members["id"]
plain["bootNodes"] = members["bootnodes"]
patch = plain["genesis"]["runtimeGenesis"]["patch"]
patch["session"]["keys"] = [
    [v["account"], v["account"], {"babe": v["babe"], "grandpa": v["grandpa"]}]
    for v in members["validators"]
]
patch["validatorSet"]["minValidators"] = members["min_validators"]
patch["councilMembership"]["members"] = members["council"]
patch["balances"]["balances"] = [[a, amount] for a, amount in members["endowed"].items()]
patch["sudo"] = {"key": None}

with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
    json.dump(plain, f)
raw = subprocess.run(
    [node, "build-spec", "--chain", f.name, "--raw", "--disable-default-bootnode"],
    check=True,
    capture_output=True,
).stdout
os.unlink(f.name)
open(out_path, "wb").write(raw)
print(f"wrote {out_path}: {len(members['validators'])} validators, {len(members['council'])} council members")
