// Runtime upgrade of a live four-validator `local` network by its council.
//
// The new code is the upgrade-rehearsal runtime (runtime/rehearsal, built by
// `build_rehearsal_wasm` in scripts/env.sh; $FXCHAIN_UPGRADE_WASM): fxchain-runtime one
// `spec_version` higher, whose migrations run supervision's `migrations::v1` (the report indexes
// rebuilt from the reports, storage version 0 -> 1). The test:
//   1. starts Alice, Bob, Charlie and Dave and waits for finality;
//   2. gives the chain something to lose: Dave credits Alice USD and CNY, Alice pays Bob (a
//      non-resident) USD 12,000 across the border (reported), Dave leases a machine to Charlie,
//      Charlie consents to Dave reading her regulatory credit;
//   3. reads balances, leases, assets, consents and reports, in storage and as the RPC serves
//      them, and supervision's storage version (0);
//   4. two of the three council members pass `governance.enact(system.setCode(wasm))`;
//   5. checks: every node runs the new spec_version; blocks and finality go on past the upgrade;
//      the migration ran in the block after the code changed, once (storage version 1, and the
//      rehearsal's migration does nothing at version 1); and every read of step 3 is the same.
//
// Run: node --test zombienet/upgrade.test.mjs   (FXCHAIN_NODE and FXCHAIN_UPGRADE_WASM override
// the binary and the wasm)

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { councilMotion, devAccounts, payWithTravelRule, sendOk } from '../e2e/lib/chain.mjs';
import { rpcHttp } from '../e2e/lib/node.mjs';
import { assertSameBlocks, blockHash, heights, lowestFinalized, NAMES, startNetwork, waitUntil } from './network.mjs';

const WASM =
  process.env.FXCHAIN_UPGRADE_WASM ||
  `${process.env.CARGO_TARGET_DIR || `${process.env.HOME}/.cache/fxchain/target`}/release/wbuild/fxchain-runtime-rehearsal/fxchain_runtime_rehearsal.compact.compressed.wasm`;
const USD = 840;
const CNY = 156;
const MACHINE = '0x' + '4d'.repeat(32);
const DAY = 86_400_000n;
// The storage key of supervision's storage version: twox128("Supervision") ++
// twox128(":__STORAGE_VERSION__:") (`xxhashAsHex(s, 128)` of @polkadot/util-crypto).
const SUPERVISION_VERSION_KEY = '0xbf8ab60987e60e8a5b984f6375463282' + '4e7b9012096b41c4eb3aaf947f6ea429';

describe('the council upgrades the runtime of a live four-validator network', { timeout: 900_000 }, () => {
  let net;
  let api;
  let accounts;
  const rpc = (method, params = []) => rpcHttp(net.nodes.alice.ports.rpc, method, params, 20_000);

  before(async () => {
    assert.ok(existsSync(WASM), `no upgrade wasm at ${WASM}: run build_rehearsal_wasm (scripts/env.sh)`);
    accounts = await devAccounts();
    net = await startNetwork({ prefix: 'upgrade', connect: ['alice'] });
    api = net.nodes.alice.api;
  });

  after(async () => {
    if (net) await net.stop();
  });

  /** Everything the upgrade must keep, read in storage at `hash` and through the RPC now. */
  async function snapshot(hash) {
    const at = await api.at(hash);
    const entries = async (query) =>
      JSON.stringify((await query.entries()).map(([k, v]) => [k.toHex(), v.toHex()]).sort());
    const { alice, bob, charlie, dave, eve, ferdie } = accounts;
    const everyone = [alice, bob, charlie, dave, eve, ferdie].map((a) => a.address);
    return {
      // Alice and Bob pay the motion's fees in FXC; the others' native balances stay put.
      native: await Promise.all([charlie, dave, eve, ferdie].map(async (a) => (await at.query.system.account(a.address)).data.toJSON())),
      currencies: await Promise.all(everyone.map((who) => rpc('fxchain_balances', [who]))),
      leases: await entries(at.query.leasing.leases),
      assets: await entries(at.query.leasing.assets),
      consents: await entries(at.query.dataSharing.consents),
      reports: await entries(at.query.supervision.reports),
      // The listings walk the indexes the migration rebuilds.
      listings: await Promise.all(
        [{}, { party: alice.address }, { rule: 'LargeValueIndividualCrossBorder' }, { status: 'Open' }].map((q) =>
          rpc('fxchain_reports', [{ limit: 100, ...q }]),
        ),
      ),
      leasesOfCharlie: await rpc('fxchain_leases', [charlie.address]),
      consentsGiven: await rpc('fxchain_consentsGiven', [charlie.address, null, null]),
    };
  }

  const storageVersion = async (hash) => api.rpc.state.getStorage(SUPERVISION_VERSION_KEY, hash);
  const specVersion = async (node) => (await rpcHttp(node.ports.rpc, 'state_getRuntimeVersion')).specVersion;

  let kept;
  let parentHash;
  let upgradeHash;
  let oldSpec;

  test('the four validators finalise, and the chain holds payments, a report, a lease and a consent', async () => {
    try {
      await waitUntil(async () => (await heights(net.nodes.alice)).finalized >= 3, 180_000, 'finality on Alice');
      const { alice, bob, charlie, dave } = accounts;
      await sendOk(api, api.tx.forex.deposit(USD, alice.address, 1_500_000, '0x' + 'e1'.repeat(32)), dave, 'forex.Deposited');
      await sendOk(api, api.tx.forex.deposit(CNY, charlie.address, 200_000, '0x' + 'e2'.repeat(32)), dave, 'forex.Deposited');
      await sendOk(
        api,
        payWithTravelRule(api, bob.address, USD, 1_200_000),
        alice,
        'forex.Paid',
      );
      await sendOk(api, api.tx.leasing.registerAsset(MACHINE, '0x' + '6d'.repeat(32)), dave, 'leasing.AssetRegistered');
      const terms = {
        currency: CNY,
        principal: 120_000,
        rate: 10_000_000,
        instalments: 12,
        period: 30n * DAY,
        method: 'EqualInstalment',
        deposit: 10_000,
        lateFee: 500_000,
        lateFeeCap: 100_000_000,
        grace: DAY,
        trigger: { instalments: 2, share: 150_000_000 },
        earlyFee: 20_000_000,
        end: { Purchase: { price: 100 } },
      };
      const { data: drafted } = await sendOk(api, api.tx.leasing.draft(charlie.address, MACHINE, terms), dave, 'leasing.LeaseDrafted');
      const lease = await rpc('fxchain_lease', [drafted.lease.toNumber()]);
      await sendOk(api, api.tx.leasing.sign(drafted.lease, lease.scheduleHash), charlie, 'leasing.LeaseSigned');
      const now = (await api.query.timestamp.now()).toBigInt();
      await sendOk(
        api,
        api.tx.dataSharing.grant(dave.address, ['RegulatoryCredit'], 'CreditApproval', 'Consent', now + 30n * DAY, 5, '0x' + 'c0'.repeat(32)),
        charlie,
        'dataSharing.ConsentGranted',
      );
      const reports = await rpc('fxchain_reports', [{ limit: 100 }]);
      assert.ok(reports.reports.length >= 3, `expected the deposit's and the payment's reports, got ${reports.reports.length}`);
    } catch (err) {
      net.report(err);
    }
  });

  test('two thirds of the council set the new code; every node runs it and blocks and finality go on', async () => {
    try {
      parentHash = (await api.rpc.chain.getBlockHash()).toHex();
      kept = await snapshot(parentHash);
      oldSpec = await specVersion(net.nodes.alice);
      assert.equal((await storageVersion(parentHash)).toHex(), '0x0000', 'supervision starts at storage version 0');

      const code = '0x' + readFileSync(WASM).toString('hex');
      const call = api.tx.governance.enact(api.tx.system.setCode(code));
      const { alice, bob } = accounts;
      await councilMotion(api, call, [alice, bob]);

      // The block that set the code is the first whose state carries the new version. Its events
      // were emitted by the old runtime: decode them with the old metadata (@polkadot/api reads
      // a block's events with the metadata of the code in its state, which here is the new one).
      const parentNumber = (await api.rpc.chain.getHeader(parentHash)).number.toNumber();
      upgradeHash = await waitUntil(
        async () => {
          const best = (await heights(net.nodes.alice)).best;
          for (let n = parentNumber + 1; n <= best; n++) {
            const hash = await blockHash(net.nodes.alice, n);
            if ((await rpc('state_getRuntimeVersion', [hash])).specVersion === oldSpec + 1) return hash;
          }
          return null;
        },
        60_000,
        'the block that set the new code',
      );
      const header = await api.rpc.chain.getHeader(upgradeHash);
      const older = await api.at(header.parentHash);
      const raw = await rpc('state_getStorage', [older.query.system.events.key(), upgradeHash]);
      const events = older.registry.createType('Vec<FrameSystemEventRecord>', raw);
      const names = events.map(({ event }) => `${event.section}.${event.method}`);
      const executed = events.find(({ event }) => event.section === 'council' && event.method === 'Executed');
      assert.ok(executed, `the motion was not executed; the events: ${names.join(', ')}`);
      assert.ok(executed.event.data.result.isOk, `the motion's call failed: ${executed.event.data.result.toString()}`);
      assert.ok(names.includes('system.CodeUpdated'), `no system.CodeUpdated: ${names.join(', ')}`);

      for (const name of NAMES) {
        await waitUntil(async () => (await specVersion(net.nodes[name])) === oldSpec + 1, 120_000, `${name} runs spec ${oldSpec + 1}`);
      }
      const upgraded = await heights(net.nodes.alice);
      await waitUntil(
        async () => {
          const h = await heights(net.nodes.alice);
          return { ok: h.best >= upgraded.best + 5 && h.finalized >= upgraded.best + 3, h };
        },
        180_000,
        'five more blocks, three of them finalised, after the upgrade',
      );
      const agreed = await lowestFinalized(net.nodes, NAMES);
      await assertSameBlocks(net.nodes, NAMES, 1, agreed);
      console.log(`upgrade: spec ${oldSpec} -> ${oldSpec + 1} in #${header.number}; four nodes agree up to #${agreed}`);
    } catch (err) {
      net.report(err);
    }
  });

  test('the migration ran once and balances, leases, consents and reports read the same', async () => {
    try {
      // The executive runs migrations at the start of the first block under the new code.
      const upgradeNumber = (await api.rpc.chain.getHeader(upgradeHash)).number.toNumber();
      const nextHash = await blockHash(net.nodes.alice, upgradeNumber + 1);
      assert.equal((await storageVersion(upgradeHash)).toHex(), '0x0000', 'migrated in the block that set the code');
      assert.equal((await storageVersion(nextHash)).toHex(), '0x0100', 'supervision is at storage version 1 in the next block');
      const finalized = (await api.rpc.chain.getFinalizedHead()).toHex();
      assert.equal((await storageVersion(finalized)).toHex(), '0x0100', 'supervision stays at storage version 1');
      assert.deepEqual(await snapshot(finalized), kept);
      // Every execution of the migration logged how many reports it re-indexed: once per block
      // built on the upgrade block (a competing block of the same height runs it too, on its
      // own fork); each saw every report.
      const lines = net.nodes.alice.tail(100_000).split('\n').filter((l) => l.includes('v1: report indexes rebuilt'));
      assert.ok(lines.length >= 1, 'the migration left no log line on Alice');
      const counts = new Set(lines.map((l) => /from (\d+) reports/.exec(l)?.[1]));
      assert.deepEqual([...counts], [String(kept.listings[0].reports.length)], `migration log: ${lines.join(' | ')}`);
      console.log(`upgrade: the migration re-indexed ${[...counts][0]} reports (${lines.length} execution(s) logged on Alice)`);
    } catch (err) {
      net.report(err);
    }
  });
});
