// Trade finance and securitisation through a real client.
//
// 1. Eve, licensed as a data provider (customs), registers Charlie's export customs declaration;
//    Dave's bank finances its whole face value; Eve's bank then tries to finance the same
//    declaration and is refused with `receivables.ExceedsFaceValue`, and `fxchain_document` shows
//    every bank the financing and its priority.
// 2. Dave, a lessor, leases a machine to Charlie and pools the lease's future rent: the lease is
//    assigned to the pool's own account, the pool issues senior and junior units, Bob (a
//    non-resident) buys senior units across the border, Charlie's rent reaches the pool, and on the
//    payment date the pool pays its holders by the waterfall.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { devAccounts, eventsNamed, sendOk, signSendFinalized, waitUntil } from '../lib/chain.mjs';
import { rpcHttp, startNode, withNodeLog } from '../lib/node.mjs';

const CNY = 156;
const DAY = 86_400_000;
const DECLARATION = '0x' + 'c5'.repeat(32);
const IMPORTER = '0x' + '1f'.repeat(32);
const MACHINE = '0x' + 'a7'.repeat(32);

let node;
let accounts;

before(async () => {
  accounts = await devAccounts();
  node = await startNode({ name: 'receivables', chainArgs: ['--dev', '--tmp'] });
});
after(async () => {
  await node?.stop();
});

const rpc = (method, params) => rpcHttp(node.ports.rpc, method, params);

const cnyFree = async (who) => {
  const [holding] = (await rpc('fxchain_balances', [who])).filter((h) => h.currency === CNY);
  return BigInt(holding.free);
};

/** The chain's time; zero until the first block, so wait for one. */
const now = (api) =>
  waitUntil(async () => (await api.query.timestamp.now()).toNumber() || null, { label: 'the first block' });

test(
  'a customs declaration is financed once: the second bank is refused at the face value',
  withNodeLog(() => node, async () => {
    const { api } = node;
    const { charlie, dave, eve } = accounts;
    const face = 5_000_000; // CNY 50,000.00

    const due = (await now(api)) + 90 * DAY;
    await sendOk(
      api,
      api.tx.receivables.registerDocument(DECLARATION, 'CustomsDeclaration', charlie.address, IMPORTER, CNY, face, due),
      eve,
      'receivables.DocumentRegistered',
    );
    // The same declaration cannot be registered twice.
    const again = await signSendFinalized(
      api,
      api.tx.receivables.registerDocument(DECLARATION, 'CustomsDeclaration', charlie.address, IMPORTER, CNY, face, due),
      eve,
    );
    assert.equal(again.error, 'receivables.AlreadyRegistered');

    // Dave's bank finances the whole face value and disburses it to Charlie.
    const charlieBefore = await cnyFree(charlie.address);
    const { data: financed } = await sendOk(api, api.tx.receivables.finance([[DECLARATION, face]]), dave, 'receivables.Financed');
    assert.equal(financed.principal.toBigInt(), BigInt(face));
    assert.equal((await cnyFree(charlie.address)) - charlieBefore, BigInt(face));
    const payment = await rpc('fxchain_payment', [financed.reference.toHex()]);
    assert.deepEqual([payment.kind, payment.status], ['Ledger', 'Executed']);

    // Eve's bank sees the endorsement and still tries one unit more: refused by name.
    const doc = await rpc('fxchain_document', [DECLARATION]);
    assert.deepEqual(
      [doc.kind, doc.faceValue, doc.financed, doc.available, doc.holder],
      ['CustomsDeclaration', String(face), String(face), '0', charlie.address],
    );
    assert.deepEqual(
      doc.endorsements.map((e) => [e.financing, e.bank, e.outstanding]),
      [[financed.financing.toNumber(), dave.address, String(face)]],
    );
    const second = await signSendFinalized(api, api.tx.receivables.finance([[DECLARATION, 1]]), eve);
    assert.equal(second.error, 'receivables.ExceedsFaceValue');
    assert.equal((await rpc('fxchain_document', [DECLARATION])).endorsements.length, 1);

    const [listed] = await rpc('fxchain_financings', [dave.address]);
    assert.deepEqual(
      [listed.id, listed.borrower, listed.status, listed.outstanding, listed.lines],
      [financed.financing.toNumber(), charlie.address, 'Open', String(face), [{ document: DECLARATION, amount: String(face) }]],
    );
  }),
);

test(
  "a pool of lease receivables is issued, sold across the border, collects rent and pays out",
  withNodeLog(() => node, async (t) => {
    const { api } = node;
    const { bob, charlie, dave } = accounts;

    // Dave leases a machine to Charlie: CNY 1,200.00 at 1% over 2 one-minute periods (rent
    // 60,901 fen each, 121,802 in all), CNY 100.00 deposit.
    await sendOk(api, api.tx.forex.deposit(CNY, charlie.address, 200_000, '0x' + '5d'.repeat(32)), dave, 'forex.Deposited');
    await sendOk(api, api.tx.leasing.registerAsset(MACHINE, '0x' + 'd6'.repeat(32)), dave, 'leasing.AssetRegistered');
    const terms = {
      currency: CNY,
      principal: 120_000,
      rate: 10_000_000,
      instalments: 2,
      period: 60_000,
      method: 'EqualInstalment',
      deposit: 10_000,
      lateFee: 500_000,
      lateFeeCap: 100_000_000,
      grace: 60_000,
      trigger: { instalments: 2, share: 150_000_000 },
      earlyFee: 20_000_000,
      end: { Purchase: { price: 100 } },
    };
    const { data: drafted } = await sendOk(api, api.tx.leasing.draft(charlie.address, MACHINE, terms), dave, 'leasing.LeaseDrafted');
    const lease = drafted.lease.toNumber();
    await sendOk(api, api.tx.leasing.sign(lease, drafted.scheduleHash), charlie, 'leasing.LeaseSigned');

    // Dave opens a pool: 10 senior units of CNY 100.00 at 1% a period, 2 junior units of CNY
    // 100.00, paid every minute from three minutes on (time for the sale and the rent).
    const firstPayment = (await now(api)) + 180_000;
    const { data: created } = await sendOk(
      api,
      api.tx.securitisation.createPool(CNY, [10, 10_000, 100], [2, 10_000], 60_000, firstPayment),
      dave,
      'securitisation.PoolCreated',
    );
    const pool = created.pool.toNumber();
    const poolAccount = created.account.toString();

    // The lease's rent is assigned to the pool's account, registered at once.
    const { events: added } = await sendOk(
      api,
      api.tx.securitisation.addReceivable(pool, { Lease: lease }),
      dave,
      'securitisation.ReceivableAdded',
    );
    assert.equal(eventsNamed(added, 'receivables.AssignmentRegistered').length, 1);
    assert.equal(await rpc('fxchain_assignee', [{ Lease: lease }]), poolAccount);

    const { data: issued } = await sendOk(api, api.tx.securitisation.issue(pool), dave, 'securitisation.PoolIssued');
    assert.equal(issued.pooled.toBigInt(), 121_802n);

    // Bob, a non-resident, buys half the senior units from Dave: a cross-border purchase that
    // supervision sees as a financial-account flow.
    await sendOk(api, api.tx.forex.deposit(CNY, bob.address, 60_000, '0x' + '5e'.repeat(32)), dave, 'forex.Deposited');
    const { data: bought } = await sendOk(api, api.tx.securitisation.buy(pool, 'Senior', 5), bob, 'securitisation.UnitsBought');
    assert.equal(bought.price.toBigInt(), 50_000n);
    const purchase = await rpc('fxchain_payment', [bought.reference.toHex()]);
    assert.deepEqual(
      [purchase.status, purchase.crossBorder, purchase.purpose, purchase.legs[0].from, purchase.legs[0].to],
      ['Executed', true, 'FinancialAccount', bob.address, dave.address],
    );

    // Charlie pays the first instalment: it goes to the pool, not to Dave.
    const { events: paid } = await sendOk(api, api.tx.leasing.pay(lease), charlie, 'leasing.RentPaid');
    const [routed] = eventsNamed(paid, 'leasing.PaymentRouted');
    assert.equal(routed.event.data.payee.toString(), poolAccount);
    assert.equal(eventsNamed(paid, 'securitisation.Collected').length, 1);
    assert.equal(await cnyFree(poolAccount), 60_901n);

    // On the payment date: senior interest 1% of 100,000 = 1,000, senior principal the rest,
    // 59,901; each senior holder (Dave 5, Bob 5 units) gets ⌊60,901 / 2⌋ = 30,450, and 1 fen of
    // rounding dust stays in the pool for the next date.
    const bobBefore = await cnyFree(bob.address);
    const settled = await waitUntil(
      async () => {
        const view = await rpc('fxchain_pool', [pool]);
        return BigInt(view.paidOut) > 0n && view.distribution === null ? view : null;
      },
      { timeoutMs: 300_000, label: 'the first payment date paid out' },
    );
    assert.deepEqual(
      [settled.status, settled.collected, settled.paidOut, settled.cash, settled.owed],
      ['Issued', '60901', '60900', '1', '0'],
    );
    assert.deepEqual([settled.senior.principal, settled.junior.principal], ['40099', '20000']);
    assert.equal((await cnyFree(bob.address)) - bobBefore, 30_450n);
    const bobHolding = settled.holders.find((h) => h.account === bob.address);
    assert.deepEqual([bobHolding.seniorUnits, bobHolding.juniorUnits], ['5', '0']);
    assert.deepEqual(
      settled.receivables.map((r) => [r.receivable, r.collected, r.outstanding, r.holder]),
      [[{ Lease: lease }, '60901', '60901', poolAccount]],
    );
    // Units are a ledger of their own, which Polkadot.js Apps shows: Bob holds 5 senior units.
    const units = await api.query.poolUnits.account(settled.senior.unitId, bob.address);
    assert.equal(units.unwrap().balance.toBigInt(), 5n);
    t.diagnostic(`pool ${pool}: rent 60901 fen collected, 60900 paid out, Bob's share 30450`);
  }),
);
