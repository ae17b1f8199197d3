// A finance lease through a real client, from draft to title transfer: Dave (a licensed lessor)
// registers a machine and drafts a two-instalment lease to Charlie (an enterprise); the schedule
// comes back over JSON-RPC; Charlie signs its hash, the deposit is reserved and the registry shows
// the lease, so a pledge of the machine is refused; the chain collects the first instalment by
// itself, Charlie pays the second (a supervised ledger payment), pays the nominal price and takes
// title, and the deposit comes back.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { devAccounts, eventsNamed, sendOk, signSendFinalized, waitUntil } from '../lib/chain.mjs';
import { rpcHttp, startNode, withNodeLog } from '../lib/node.mjs';

const CNY = 156;
const MACHINE = '0x' + 'a1'.repeat(32);
const DESCRIPTION = '0x' + 'd5'.repeat(32);

let node;
let accounts;

before(async () => {
  accounts = await devAccounts();
  node = await startNode({ name: 'leasing', chainArgs: ['--dev', '--tmp'] });
});
after(async () => {
  await node?.stop();
});

const rpc = (method, params) => rpcHttp(node.ports.rpc, method, params);

const cny = async (who) => {
  const [holding] = (await rpc('fxchain_balances', [who])).filter((h) => h.currency === CNY);
  return { free: BigInt(holding.free), reserved: BigInt(holding.reserved) };
};

test(
  'a lease runs from draft to title transfer with its rent supervised',
  withNodeLog(() => node, async (t) => {
    const { api } = node;
    const { charlie, dave } = accounts;

    // Dave, the issuer, credits Charlie CNY 2,000.00 for deposit, rent and price.
    await sendOk(api, api.tx.forex.deposit(CNY, charlie.address, 200_000, '0x' + '5c'.repeat(32)), dave, 'forex.Deposited');
    await sendOk(api, api.tx.leasing.registerAsset(MACHINE, DESCRIPTION), dave, 'leasing.AssetRegistered');

    // CNY 1,200.00 at 1% per one-minute period, 2 equal instalments, CNY 100.00 deposit, title for
    // CNY 1.00.
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
    const { data: drafted } = await sendOk(
      api,
      api.tx.leasing.draft(charlie.address, MACHINE, terms),
      dave,
      'leasing.LeaseDrafted',
    );
    const id = drafted.lease.toNumber();

    // The schedule, as Charlie reads it before signing: rent ⌊120000 × 0.01 × 1.0201 / 0.0201⌋ =
    // 60901; interest 1200 then ⌊0.01 × 60299⌋ = 602; the last instalment repays the rest.
    const draft = await rpc('fxchain_lease', [id]);
    assert.equal(draft.status, 'Draft');
    assert.deepEqual(
      draft.schedule.map((row) => [row.number, row.due, row.principal, row.interest, row.rent]),
      [
        [1, null, '59701', '1200', '60901'],
        [2, null, '60299', '602', '60901'],
      ],
    );
    assert.equal(draft.totalRent, '121802');
    assert.equal(draft.scheduleHash, drafted.scheduleHash.toHex());
    assert.deepEqual(await rpc('fxchain_leases', [charlie.address]), [id]);

    // Charlie signs what it read: the deposit is reserved, the machine encumbered.
    const { data: signed } = await sendOk(api, api.tx.leasing.sign(id, draft.scheduleHash), charlie, 'leasing.LeaseSigned');
    assert.equal(signed.deposit.toBigInt(), 10_000n);
    assert.equal((await cny(charlie.address)).reserved, 10_000n);
    // Automatic payment: the chain is to collect each instalment when it falls due.
    const daveBefore = (await cny(dave.address)).free;
    await sendOk(api, api.tx.leasing.setAutoPay(id, true), charlie, 'leasing.AutoPaySet');

    const asset = await rpc('fxchain_asset', [MACHINE]);
    assert.deepEqual([asset.holder, asset.encumbrance, asset.lease, asset.party], [dave.address, 'Lease', id, charlie.address]);

    // Nobody can pledge the leased machine: not the lessor, who holds title, nor the lessee.
    const pledge = await signSendFinalized(api, api.tx.leasing.pledgeAsset(MACHINE, accounts.eve.address), dave);
    assert.equal(pledge.error, 'leasing.AssetEncumbered');
    const byLessee = await signSendFinalized(api, api.tx.leasing.pledgeAsset(MACHINE, accounts.eve.address), charlie);
    assert.equal(byLessee.error, 'leasing.NotHolder');

    // A minute after signing, the chain collects the first instalment by itself.
    const collected = await waitUntil(
      async () => {
        const lease = await rpc('fxchain_lease', [id]);
        return lease.paid === 1 ? lease : null;
      },
      { timeoutMs: 90_000, label: 'the first instalment collected' },
    );
    assert.equal(collected.schedule[0].paid, true);
    assert.equal((await cny(dave.address)).free - daveBefore, 60_901n);

    // Charlie turns automatic payment off and pays the second instalment itself, a minute before
    // it is due; it moves as a supervised ledger payment.
    await sendOk(api, api.tx.leasing.setAutoPay(id, false), charlie, 'leasing.AutoPaySet');
    const { data: rent, events } = await sendOk(api, api.tx.leasing.pay(id), charlie, 'leasing.RentPaid');
    assert.deepEqual([rent.instalment.toNumber(), rent.rent.toBigInt(), rent.lateFee.toBigInt()], [2, 60_901n, 0n]);
    assert.equal(eventsNamed(events, 'leasing.LeaseMatured').length, 1);
    const payment = await rpc('fxchain_payment', [rent.reference.toHex()]);
    assert.deepEqual(
      [payment.kind, payment.status, payment.legs[0].from, payment.legs[0].to, payment.legs[0].amount],
      ['Ledger', 'Executed', charlie.address, dave.address, '60901'],
    );

    // At maturity Charlie pays the nominal price and takes title; the deposit comes back.
    const { data: closed } = await sendOk(api, api.tx.leasing.complete(id), charlie, 'leasing.LeaseClosed');
    assert.equal(closed.closure.type, 'TitlePassed');
    const released = await rpc('fxchain_asset', [MACHINE]);
    assert.deepEqual([released.holder, released.encumbrance], [charlie.address, null]);
    assert.equal(await rpc('fxchain_lease', [id]), null);
    const charlieAfter = await cny(charlie.address);
    assert.equal(charlieAfter.reserved, 0n);
    assert.equal(charlieAfter.free, 200_000n - 121_802n - 100n);
    t.diagnostic(`lease ${id}: rent 121802 fen paid, title to Charlie`);
  }),
);
