// Forex accounts through a real client: a bank (Dave) deposits USD for an enterprise (Charlie);
// Charlie pays a non-resident (Bob), which the chain finds cross-border from their credentials;
// Charlie converts USD to CNY at Dave's quote, both legs in one extrinsic. The history RPC then
// lists all three, newest first and paged, with their references, and still does after the node
// restarts on the same database, and on a database rebuilt from the exported blocks.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { devAccounts, payWithTravelRule, sendOk, waitUntil } from '../lib/chain.mjs';
import { nodeBinary, rpcHttp, startNode, withNodeLog } from '../lib/node.mjs';

const USD = 840;
const CNY = 156;

let node;
let accounts;
let tmpRoot;
let basePath;
const chainArgs = () => ['--dev', '--base-path', basePath];
/** What the test did, in order: { kind, reference }. */
const done = [];

before(async () => {
  accounts = await devAccounts();
  tmpRoot = mkdtempSync(join(tmpdir(), 'fxchain-forex-'));
  basePath = join(tmpRoot, 'node');
  node = await startNode({ name: 'forex', chainArgs: chainArgs() });
});
after(async () => {
  await node?.stop();
  rmSync(tmpRoot, { recursive: true, force: true });
});

/** An fxchain_* method, which @polkadot/api does not know, over plain JSON-RPC. */
const rpc = (method, params) => rpcHttp(node.ports.rpc, method, params);

test(
  'a deposit, a cross-border payment and a conversion settle with end-to-end references',
  withNodeLog(() => node, async (t) => {
    const { api } = node;
    const { bob, charlie, dave } = accounts;

    const { data: deposit } = await sendOk(
      api,
      api.tx.forex.deposit(USD, charlie.address, 500_000, '0x' + 'ab'.repeat(32)),
      dave,
      'forex.Deposited',
    );
    assert.equal(deposit.status.type, 'Executed');
    done.push({ kind: 'Deposit', reference: deposit.reference.toHex() });
    // Polkadot.js Apps reads the same balance from pallet-assets.
    const asset = await api.query.assets.account(USD, charlie.address);
    assert.equal(asset.unwrap().balance.toBigInt(), 500_000n);

    // Charlie (resident, CN) pays Bob (non-resident, HK): nobody says it is cross-border.
    const { data: paid } = await sendOk(
      api,
      payWithTravelRule(api, bob.address, USD, 100_000, { purpose: 'ServicesTrade', tradeDocument: '0x' + '03'.repeat(32) }),
      charlie,
      'forex.Paid',
    );
    assert.equal(paid.crossBorder.isTrue, true, 'the payment is not cross-border');
    assert.equal(paid.status.type, 'Executed');
    done.push({ kind: 'Payment', reference: paid.reference.toHex() });

    // Dave sells CNY at 1/7 US cent per fen; Charlie buys 7,000.00 CNY for 1,000.00 USD.
    const now = await waitUntil(async () => (await api.query.timestamp.now()).toBigInt(), { label: 'a block' });
    const { data: posted } = await sendOk(
      api,
      api.tx.forex.postQuote(CNY, USD, 142_857_142_857_142_857n, 100_000_000, now + 3_600_000n),
      dave,
      'forex.QuotePosted',
    );
    const quote = posted.quote.toNumber();
    const open = await api.call.forexApi.quotes(dave.address);
    assert.ok(open.some(([id]) => id.toNumber() === quote), 'the quote is not listed');
    const { data: exchanged } = await sendOk(api, api.tx.forex.exchange(quote, 700_000, 100_000, 'Domestic'), charlie, 'forex.Exchanged');
    // 700,000 fen × 0.142857142857142857 = 99,999.99…: Charlie pays 99,999 cents (rounded down).
    assert.deepEqual(exchanged.paid.toJSON(), [USD, 99_999]);
    assert.deepEqual(exchanged.received.toJSON(), [CNY, 700_000]);
    done.push({ kind: 'Conversion', reference: exchanged.reference.toHex() });

    const balances = await rpc('fxchain_balances', [charlie.address]);
    const holding = (code) => balances.find((b) => b.code === code);
    assert.equal(holding('USD').free, String(500_000 - 100_000 - 99_999));
    assert.equal(holding('CNY').free, '700000');
    t.diagnostic(`Charlie holds ${holding('USD').free} USD cents and ${holding('CNY').free} fen`);

    const payment = await rpc('fxchain_payment', [done[1].reference]);
    assert.equal(payment.status, 'Executed');
    assert.equal(payment.crossBorder, true);
    assert.equal(payment.purpose, 'ServicesTrade');
    assert.equal(payment.travelRule, true);
    assert.equal(payment.legs[0].to, bob.address);
  }),
);

/** Charlie's whole history, page by page of `limit`. */
async function history(limit) {
  const pages = [];
  let cursor = null;
  do {
    const page = await rpc('fxchain_history', [accounts.charlie.address, limit, cursor]);
    pages.push(page.entries);
    cursor = page.next;
  } while (cursor);
  return pages;
}

test(
  'the history RPC lists all three newest first with their references, in pages',
  withNodeLog(() => node, async () => {
    assert.equal(done.length, 3, 'the first test did not finish');
    const pages = await history(2);
    assert.deepEqual(pages.map((p) => p.length), [2, 1]);
    const first = await rpc('fxchain_history', [accounts.charlie.address, 1, null]);
    assert.equal(first.total, 3);
    const entries = pages.flat();
    assert.deepEqual(
      entries.map((e) => [e.kind, e.reference]),
      [...done].reverse().map((d) => [d.kind, d.reference]),
    );
    const [conversion, payment, deposit] = entries;
    assert.deepEqual([conversion.currency, conversion.amount, conversion.outgoing], [USD, '99999', true]);
    assert.deepEqual(conversion.counterLeg, { currency: CNY, amount: '700000' });
    assert.equal(payment.counterparty, accounts.bob.address);
    assert.equal(payment.status, 'Executed');
    assert.deepEqual([deposit.outgoing, deposit.amount], [false, '500000']);
  }),
);

test(
  'the history survives a node restart on the same database',
  withNodeLog(() => node, async () => {
    const before = await history(100);
    await node.stop();
    node = await startNode({ name: 'forex-restarted', chainArgs: chainArgs() });
    const after = await history(100);
    assert.deepEqual(after, before);
  }),
);

test(
  'a database rebuilt with import-blocks serves the same history',
  withNodeLog(() => node, async () => {
    const before = await history(100);
    const best = (await node.api.rpc.chain.getHeader()).number.toNumber();
    await node.stop();
    const run = (...args) => execFileSync(nodeBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const exported = join(tmpRoot, 'blocks.bin');
    run('export-blocks', '--dev', '--base-path', basePath, '--from', '1', '--to', String(best), '--binary', exported);
    basePath = join(tmpRoot, 'imported');
    run('import-blocks', '--dev', '--base-path', basePath, '--binary', exported);
    node = await startNode({ name: 'forex-imported', chainArgs: chainArgs() });
    assert.deepEqual(await history(100), before);
  }),
);
