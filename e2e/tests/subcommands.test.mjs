// The node's maintenance subcommands work on a real database: blocks exported from one node
// import into a fresh one, check-block validates a stored block, revert and purge-chain act on the
// database, and the key tools answer.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { finalizedNumber, waitUntil } from '../lib/chain.mjs';
import { nodeBinary, startNode, withNodeLog } from '../lib/node.mjs';

let dir;
let node;

/** Run `fxchain-node <args>` to completion and return its stdout; a failure shows both streams. */
function run(...args) {
  try {
    return execFileSync(nodeBinary(), args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    throw new Error(`fxchain-node ${args.join(' ')} failed:\n${err.stdout}\n${err.stderr}`);
  }
}

/** Best and finalised block numbers of the database at `basePath`, from `chain-info`. */
function chainInfo(basePath) {
  const info = JSON.parse(run('chain-info', '--dev', '--base-path', basePath));
  return {
    best: Number(info.best_number ?? info.bestNumber),
    finalized: Number(info.finalized_number ?? info.finalizedNumber),
  };
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'fxchain-subcommands-'));
});
after(async () => {
  await node?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test(
  'export-blocks, import-blocks, check-block, revert and purge-chain work on a real database',
  withNodeLog(() => node, async () => {
    const source = join(dir, 'source');
    node = await startNode({ name: 'subcommands', chainArgs: ['--dev', '--base-path', source] });
    await waitUntil(async () => (await finalizedNumber(node.api)) >= 3, {
      timeoutMs: 90_000,
      label: 'finalised >= 3',
    });
    const hash3 = (await node.api.rpc.chain.getBlockHash(3)).toHex();
    await node.stop();
    node = undefined;

    const exported = join(dir, 'blocks.bin');
    run('export-blocks', '--dev', '--base-path', source, '--from', '1', '--to', '3', '--binary', exported);
    assert.ok(statSync(exported).size > 0, 'export-blocks wrote nothing');

    const target = join(dir, 'target');
    run('import-blocks', '--dev', '--base-path', target, '--binary', exported);
    assert.equal(chainInfo(target).best, 3, 'the fresh database holds the three imported blocks');

    run('check-block', '--dev', '--base-path', source, hash3);

    // Revert drops at most one unfinalised block, never a finalised one.
    const before = chainInfo(source);
    run('revert', '--dev', '--base-path', source, '1');
    const reverted = chainInfo(source);
    assert.equal(reverted.finalized, before.finalized);
    assert.equal(reverted.best, Math.max(before.finalized, before.best - 1));

    const db = join(source, 'chains', 'fxchain_dev', 'paritydb');
    assert.ok(existsSync(db), `no ParityDB at ${db}`);
    run('purge-chain', '--dev', '--base-path', source, '-y');
    assert.ok(!existsSync(db), 'purge-chain left the database');
  }),
);

test('key tools derive the well-known development keys', () => {
  const alice = JSON.parse(run('key', 'inspect', '--output-type', 'json', '//Alice'));
  assert.equal(alice.ss58Address, '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY');
  const nodeKeyFile = join(dir, 'node-key');
  run('key', 'generate-node-key', '--file', nodeKeyFile);
  const peerId = run('key', 'inspect-node-key', '--file', nodeKeyFile).trim();
  assert.match(peerId, /^12D3KooW[1-9A-HJ-NP-Za-km-z]+$/);
});
