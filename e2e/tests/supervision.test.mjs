// Capital-flow supervision through a real client: the council lowers the individual FX purchase
// quota by motion; Alice (an individual) buys USD within it, then beyond it and is refused with
// the named reason, nothing moving; a wallet's dry run lists every rule a large cross-border
// payment would trigger; Alice pays it with travel-rule data, and the regulator lists the
// resulting large-value report over JSON-RPC.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { councilMotion, devAccounts, eventsNamed, payWithTravelRule, sendOk, signSendFinalized, waitUntil } from '../lib/chain.mjs';
import { rpcHttp, startNode, withNodeLog } from '../lib/node.mjs';

const USD = 840;
const CNY = 156;
/** 7.1 fen per US cent, as a FixedU128. */
const CNY_PER_CENT = 7_100_000_000_000_000_000n;

let node;
let accounts;

before(async () => {
  accounts = await devAccounts();
  node = await startNode({ name: 'supervision', chainArgs: ['--dev', '--tmp'] });
});
after(async () => {
  await node?.stop();
});

const rpc = (method, params) => rpcHttp(node.ports.rpc, method, params);

const usdOf = async (api, who) => {
  const account = await api.query.assets.account(USD, who);
  return account.isSome ? account.unwrap().balance.toBigInt() : 0n;
};

test(
  'the council lowers the purchase quota and a purchase beyond it is refused with its reason',
  withNodeLog(() => node, async (t) => {
    const { api } = node;
    const { alice, bob, dave } = accounts;

    // Two of the three council members pass the motion: USD 1,000.00 a year.
    const closed = await councilMotion(api, api.tx.supervision.setRule({ PurchaseQuota: 100_000 }), [
      alice,
      bob,
    ]);
    const [changed] = eventsNamed(closed, 'supervision.RuleChanged');
    assert.ok(changed, 'the motion did not change the rule');
    // RuleChanged { old, new }, in field order.
    const [oldRule, newRule] = changed.event.data;
    assert.deepEqual(oldRule.toJSON(), { purchaseQuota: 5_000_000 });
    assert.deepEqual(newRule.toJSON(), { purchaseQuota: 100_000 });
    assert.equal((await api.query.supervision.rules()).purchaseQuota.toBigInt(), 100_000n);

    // Dave credits Alice CNY 10,000.00 and quotes USD at 7.1.
    await sendOk(api, api.tx.forex.deposit(CNY, alice.address, 1_000_000, '0x' + 'cd'.repeat(32)), dave, 'forex.Deposited');
    const now = await waitUntil(async () => (await api.query.timestamp.now()).toBigInt(), { label: 'a block' });
    const { data: posted } = await sendOk(
      api,
      api.tx.forex.postQuote(USD, CNY, CNY_PER_CENT, 10_000_000, now + 3_600_000n),
      dave,
      'forex.QuotePosted',
    );
    const quote = posted.quote.toNumber();

    // USD 600.00 is within the quota.
    const { data: bought } = await sendOk(api, api.tx.forex.exchange(quote, 60_000, 426_000, 'Domestic'), alice, 'forex.Exchanged');
    assert.equal(bought.status.type, 'Executed');
    const used = await rpc('fxchain_quota', [alice.address]);
    assert.deepEqual([used.purchaseUsed, used.purchaseLeft], ['60000', '40000']);

    // Another USD 500.00 would make 1,100.00: denied, recorded, nothing moves.
    const before = await usdOf(api, alice.address);
    const { data: refused, events } = await sendOk(
      api,
      api.tx.forex.exchange(quote, 50_000, 355_000, 'Domestic'),
      alice,
      'forex.Exchanged',
    );
    assert.equal(refused.status.type, 'Denied');
    const [denied] = eventsNamed(events, 'forex.Denied');
    const reasons = await rpc('fxchain_payment', [refused.reference.toHex()]);
    assert.deepEqual(reasons.reasons, ['PurchaseQuotaExceeded']);
    assert.ok(denied, 'no Denied event');
    assert.equal(await usdOf(api, alice.address), before);
    t.diagnostic(`refused with ${reasons.reasons.join(', ')}; Alice keeps ${before} US cents`);
  }),
);

test(
  'a large cross-border payment is reported and the regulator lists the report',
  withNodeLog(() => node, async (t) => {
    const { api } = node;
    const { alice, bob, dave } = accounts;

    // Dave credits Alice USD 15,000.00 (a large cash deposit, itself reported).
    await sendOk(api, api.tx.forex.deposit(USD, alice.address, 1_500_000, '0x' + 'ef'.repeat(32)), dave, 'forex.Deposited');

    // The wallet's dry run, before Alice signs: cross-border to Bob (non-resident), large, and
    // it would need travel-rule data.
    const dry = await rpc('fxchain_transferReport', [alice.address, bob.address, USD, '1200000', 'CurrentTransfer']);
    assert.equal(dry.crossBorder, true);
    assert.equal(dry.decision, 'Deny');
    assert.deepEqual(dry.reasons, ['TravelRuleDataRequired', 'LargeValueIndividualCrossBorder']);

    const { data: paid } = await sendOk(
      api,
      payWithTravelRule(api, bob.address, USD, 1_200_000),
      alice,
      'forex.Paid',
    );
    assert.equal(paid.status.type, 'Executed');
    const reference = paid.reference.toHex();

    // The regulator's view: reports on Alice under the individual cross-border rule.
    const page = await rpc('fxchain_reports', [{ rule: 'LargeValueIndividualCrossBorder', party: alice.address }]);
    assert.equal(page.reports.length, 1);
    const [report] = page.reports;
    assert.deepEqual(
      [report.reference, report.party, report.counterparty, report.amount, report.usd, report.status],
      [reference, alice.address, bob.address, '1200000', '1200000', 'Open'],
    );
    // Every open report, in order: the cash deposit, then both sides of the payment.
    const open = await rpc('fxchain_reports', [{ status: 'Open', limit: 10 }]);
    assert.deepEqual(
      open.reports.map((r) => [r.rule, r.party]),
      [
        ['LargeValueCash', alice.address],
        ['LargeValueIndividualCrossBorder', alice.address],
        ['LargeValueIndividualCrossBorder', bob.address],
      ],
    );
    t.diagnostic(`report ${report.id} on ${reference}: ${report.rule}`);
  }),
);
