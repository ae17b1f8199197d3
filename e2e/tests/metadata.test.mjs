// The runtime's metadata lists every pallet fxchain is built from.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { startNode, withNodeLog } from '../lib/node.mjs';

const EXPECTED_PALLETS = [
  'System',
  'Timestamp',
  'Babe',
  'Grandpa',
  'ValidatorSet',
  'Session',
  'Balances',
  'TransactionPayment',
  'Utility',
  'Identity',
  'Council',
  'CouncilMembership',
  'Governance',
  'Assets',
  'PoolUnits',
  'Sudo',
  'Kyc',
  'Forex',
  'Supervision',
  'Leasing',
  'DataSharing',
  'Receivables',
  'Securitisation',
];

let node;
before(async () => {
  node = await startNode({ name: 'metadata' });
});
after(async () => {
  await node?.stop();
});

test(
  'metadata lists every fxchain pallet (System … Sudo) with the index it is declared at',
  withNodeLog(() => node, async (t) => {
    const { api } = node;
    const metadata = api.runtimeMetadata;
    assert.ok(metadata.version >= 14, `metadata version ${metadata.version} < 14`);
    const pallets = metadata.asLatest.pallets.map((p) => ({ name: p.name.toString(), index: p.index.toNumber() }));
    t.diagnostic(`metadata v${metadata.version}: ${pallets.map((p) => `${p.name}(${p.index})`).join(', ')}`);
    const names = pallets.map((p) => p.name);
    const missing = EXPECTED_PALLETS.filter((name) => !names.includes(name));
    assert.deepEqual(missing, [], `pallets missing from metadata: ${missing.join(', ')}`);
    assert.equal(new Set(pallets.map((p) => p.index)).size, pallets.length, 'two pallets share an index');

    // Each of them is reachable through the API the way a client uses it.
    for (const name of EXPECTED_PALLETS) {
      const section = name.charAt(0).toLowerCase() + name.slice(1);
      const pallet = metadata.asLatest.pallets.find((p) => p.name.toString() === name);
      if (pallet.storage.isSome) assert.ok(api.query[section], `api.query.${section} missing`);
      if (pallet.calls.isSome) assert.ok(api.tx[section], `api.tx.${section} missing`);
    }
  }),
);

test(
  'every pallet except the ledgers exposes the calls users need; Assets and PoolUnits expose none',
  withNodeLog(() => node, async () => {
    const { api } = node;
    assert.equal(typeof api.tx.balances.transferKeepAlive, 'function');
    assert.equal(typeof api.tx.utility.batch, 'function');
    assert.equal(typeof api.tx.identity.setIdentity, 'function');
    assert.equal(typeof api.tx.council.propose, 'function');
    assert.equal(typeof api.tx.sudo.sudo, 'function');
    const assets = api.runtimeMetadata.asLatest.pallets.find((p) => p.name.toString() === 'Assets');
    assert.ok(assets.calls.isNone, 'Assets has calls in the metadata');
    assert.ok(assets.storage.isSome, 'Assets has no storage in the metadata');
    assert.equal(api.tx.assets, undefined);
    // Pool units change hands only by a supervised purchase.
    const units = api.runtimeMetadata.asLatest.pallets.find((p) => p.name.toString() === 'PoolUnits');
    assert.ok(units.calls.isNone, 'PoolUnits has calls in the metadata');
    assert.ok(units.storage.isSome, 'PoolUnits has no storage in the metadata');
    assert.equal(api.tx.poolUnits, undefined);
    assert.equal(typeof api.tx.receivables.finance, 'function');
    assert.equal(typeof api.tx.securitisation.buy, 'function');
  }),
);
