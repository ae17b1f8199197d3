// scripts/consortium-spec.py turns the staging template and a members file into the raw spec of
// a real network, and a validator holding the members' keys produces and finalises blocks on it.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { bestNumber, finalizedNumber, waitUntil } from '../lib/chain.mjs';
import { REPO_ROOT, nodeBinary, startNode, withNodeLog } from '../lib/node.mjs';

let dir;
let node;

/** The SS58 address of `suri` under `scheme`, as `fxchain-node key inspect` prints it. */
function address(suri, scheme) {
  const out = execFileSync(nodeBinary(), ['key', 'inspect', '--scheme', scheme, '--output-type', 'json', suri]);
  return JSON.parse(out.toString()).ss58Address;
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'fxchain-consortium-'));
});
after(async () => {
  await node?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test(
  'a consortium raw spec made from a members file carries their keys and runs',
  withNodeLog(() => node, async () => {
    // Ferdie stands in for a member's own keys: none of the template's placeholders.
    const account = address('//Ferdie', 'sr25519');
    const members = {
      name: 'fxchain e2e consortium',
      id: 'fxchain_e2e_consortium',
      validators: [{ account, babe: account, grandpa: address('//Ferdie', 'ed25519') }],
      min_validators: 1,
      council: [account],
      endowed: { [account]: 1_000_000_000_000_000 },
      bootnodes: [],
    };
    const membersFile = join(dir, 'members.json');
    const rawFile = join(dir, 'consortium-raw.json');
    writeFileSync(membersFile, JSON.stringify(members));
    execFileSync('python3', [join(REPO_ROOT, 'scripts', 'consortium-spec.py'), membersFile, rawFile], {
      env: { ...process.env, FXCHAIN_NODE: nodeBinary() },
    });

    const raw = JSON.parse(readFileSync(rawFile, 'utf8'));
    assert.equal(raw.id, 'fxchain_e2e_consortium');
    assert.ok(raw.genesis.raw.top, 'the spec is raw');

    node = await startNode({
      name: 'consortium',
      chainArgs: ['--chain', rawFile, '--tmp'],
      extraArgs: ['--ferdie', '--validator', '--node-key', '07'.padStart(64, '0')],
    });
    const { api } = node;
    await waitUntil(async () => (await finalizedNumber(api)) >= 1, {
      timeoutMs: 60_000,
      label: 'finalised >= 1 on the consortium chain',
    });
    assert.ok((await bestNumber(api)) >= 2);
    const validators = (await api.query.session.validators()).map((v) => v.toString());
    assert.deepEqual(validators, [account]);
    const council = (await api.query.councilMembership.members()).map((v) => v.toString());
    assert.deepEqual(council, [account]);
    assert.equal((await api.query.sudo.key()).isNone, true, 'a consortium chain has no sudo key');
  }),
);
