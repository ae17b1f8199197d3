// A --dev node authors blocks with BABE and finalises them with GRANDPA.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { bestNumber, finalizedNumber, waitUntil } from '../lib/chain.mjs';
import { startNode, withNodeLog } from '../lib/node.mjs';

let node;
before(async () => {
  node = await startNode({ name: 'blocks' });
});
after(async () => {
  await node?.stop();
});

test(
  'a --dev node produces blocks (best >= 3) and finalises them (finalised >= 1) within 60 s',
  withNodeLog(() => node, async (t) => {
    const { api } = node;
    const started = Date.now();
    await waitUntil(async () => (await bestNumber(api)) >= 3 && (await finalizedNumber(api)) >= 1, {
      timeoutMs: 60_000,
      label: 'best >= 3 and finalised >= 1',
    });
    const best = await bestNumber(api);
    const finalized = await finalizedNumber(api);
    t.diagnostic(`best #${best}, finalised #${finalized} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    assert.ok(best >= 3, `best block #${best} < 3`);
    assert.ok(finalized >= 1, `finalised block #${finalized} < 1`);
    assert.ok(finalized <= best, 'finalised head is ahead of the best block');

    // The blocks form one chain: each header's parent is the hash of the block before it, and the
    // finalised head is on the best chain.
    for (let n = 1; n <= 3; n++) {
      const hash = await api.rpc.chain.getBlockHash(n);
      const header = await api.rpc.chain.getHeader(hash);
      const parent = await api.rpc.chain.getBlockHash(n - 1);
      assert.equal(header.parentHash.toHex(), parent.toHex(), `block #${n} does not build on #${n - 1}`);
    }
    const finalizedHash = await api.rpc.chain.getFinalizedHead();
    const finalizedHeader = await api.rpc.chain.getHeader(finalizedHash);
    const canonical = await api.rpc.chain.getBlockHash(finalizedHeader.number);
    assert.equal(canonical.toHex(), finalizedHash.toHex(), 'finalised block is not on the best chain');

    // Every block carries a BABE pre-runtime digest and a seal.
    const header = await api.rpc.chain.getHeader(await api.rpc.chain.getBlockHash(2));
    const engines = header.digest.logs.map((log) =>
      log.isPreRuntime ? `pre:${log.asPreRuntime[0].toString()}` : log.isSeal ? `seal:${log.asSeal[0].toString()}` : log.type,
    );
    assert.ok(engines.includes('pre:BABE'), `block #2 has no BABE pre-digest: ${engines}`);
    assert.ok(engines.includes('seal:BABE'), `block #2 has no BABE seal: ${engines}`);
  }),
);

test(
  'the chain advertises its token: FXC, 12 decimals, SS58 prefix 42',
  withNodeLog(() => node, async () => {
    const { api } = node;
    const props = await api.rpc.system.properties();
    assert.equal(props.ss58Format.unwrapOr(null)?.toNumber(), 42, 'ss58Format');
    assert.deepEqual(props.tokenSymbol.unwrap().map(String), ['FXC'], 'tokenSymbol');
    assert.deepEqual(props.tokenDecimals.unwrap().map((d) => d.toNumber()), [12], 'tokenDecimals');
    assert.equal(api.consts.system.ss58Prefix.toNumber(), 42, 'System::SS58Prefix constant');
    assert.equal(api.runtimeVersion.specName.toString(), 'fxchain', 'runtime spec_name');
  }),
);
