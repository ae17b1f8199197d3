// A consent's life through a real client: Charlie (an enterprise) authorises Dave (a bank, a
// licensed data consumer) to read its regulatory-credit data for credit approval. Eve (a licensed
// data provider) holds that data: Dave names her in each query, she checks the logged query over
// JSON-RPC before serving and records the hash of what she served. Dave queries twice; Charlie revokes; the third query is refused
// and logged nowhere; Charlie reads the two entries of its log. A supervisor's statutory query
// (sudo on the dev chain) is logged too, visible to Charlie.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { devAccounts, eventsNamed, sendOk, signSendFinalized, waitUntil } from '../lib/chain.mjs';
import { rpcHttp, startNode, withNodeLog } from '../lib/node.mjs';

const DAY = 86_400_000n;
const EVIDENCE = '0x' + 'e1'.repeat(32);
const CONTENT = '0x' + 'c0'.repeat(32);
const SERVED = '0x' + '5e'.repeat(32);
const CASE = '0x' + 'ca'.repeat(32);

let node;
let accounts;

before(async () => {
  accounts = await devAccounts();
  node = await startNode({ name: 'data-sharing', chainArgs: ['--dev', '--tmp'] });
});
after(async () => {
  await node?.stop();
});

const rpc = (method, params) => rpcHttp(node.ports.rpc, method, params);

test(
  'an enterprise authorises a bank, the bank queries twice, the enterprise revokes and reads its log',
  withNodeLog(() => node, async (t) => {
    const { api } = node;
    const { alice, charlie, dave, eve } = accounts;

    // Eve catalogues Charlie's regulatory-credit record: a hash and where she holds it.
    const { data: item } = await sendOk(
      api,
      api.tx.dataSharing.registerItem(charlie.address, 'RegulatoryCredit', CONTENT, 'https://eve.example/credit/charlie'),
      eve,
      'dataSharing.ItemRegistered',
    );
    const listed = await rpc('fxchain_dataItems', [charlie.address, null, null]);
    assert.equal(listed.length, 1);
    assert.equal(listed[0][0], item.item.toNumber());
    assert.equal(listed[0][1].contentHash, CONTENT);
    assert.equal(Buffer.from(listed[0][1].locator.slice(2), 'hex').toString(), 'https://eve.example/credit/charlie');

    // Charlie consents: regulatory credit, for credit approval, 30 days, at most 5 queries.
    const now = await waitUntil(async () => (await api.query.timestamp.now()).toBigInt(), { label: 'a block' });
    const { data: granted } = await sendOk(
      api,
      api.tx.dataSharing.grant(dave.address, ['RegulatoryCredit'], 'CreditApproval', 'Consent', now + 30n * DAY, 5, EVIDENCE),
      charlie,
      'dataSharing.ConsentGranted',
    );
    const consent = granted.consent.toNumber();
    assert.deepEqual((await rpc('fxchain_consentsGiven', [charlie.address, null, null])).map((c) => c.id), [consent]);
    assert.deepEqual((await rpc('fxchain_consentsReceived', [dave.address, null, null])).map((c) => c.id), [consent]);
    assert.equal(await rpc('fxchain_canAccess', [dave.address, charlie.address, 'RegulatoryCredit', 'CreditApproval']), consent);
    assert.equal(await rpc('fxchain_canAccess', [dave.address, charlie.address, 'Tax', 'CreditApproval']), null);
    assert.equal(await rpc('fxchain_canAccess', [dave.address, charlie.address, 'RegulatoryCredit', 'Insurance']), null);

    // Two queries on the record; Eve checks the grant before serving the first and records what
    // she served.
    const { data: first } = await sendOk(api, api.tx.dataSharing.query(consent, 'RegulatoryCredit', 'CreditApproval', eve.address), dave, 'dataSharing.AccessLogged');
    assert.equal(first.subject.toString(), charlie.address);
    assert.equal(first.accessor.unwrap().toString(), dave.address);
    assert.equal(first.holder.toString(), eve.address);
    const entry = first.entry.toNumber();
    const servable = await rpc('fxchain_canServe', [eve.address, entry]);
    assert.equal(servable.subject, charlie.address);
    assert.equal(servable.category, 'RegulatoryCredit');
    assert.equal(await rpc('fxchain_canServe', [dave.address, entry]), null, 'only the named holder serves');
    await sendOk(api, api.tx.dataSharing.recordResult(entry, SERVED), eve, 'dataSharing.ResultRecorded');
    assert.equal(await rpc('fxchain_canServe', [eve.address, entry]), null, 'served once');
    await sendOk(api, api.tx.dataSharing.query(consent, 'RegulatoryCredit', 'CreditApproval', eve.address), dave, 'dataSharing.AccessLogged');

    const live = await rpc('fxchain_consent', [consent]);
    assert.equal(live.status, 'Live');
    assert.equal(live.consent.queries, 2);

    // Charlie revokes: effective at once.
    await sendOk(api, api.tx.dataSharing.revoke(consent), charlie, 'dataSharing.ConsentRevoked');
    assert.equal((await rpc('fxchain_consent', [consent])).status, 'Revoked');
    assert.equal(await rpc('fxchain_canAccess', [dave.address, charlie.address, 'RegulatoryCredit', 'CreditApproval']), null);

    const entriesBefore = (await api.query.dataSharing.nextEntryId()).toNumber();
    const third = await signSendFinalized(api, api.tx.dataSharing.query(consent, 'RegulatoryCredit', 'CreditApproval', eve.address), dave);
    assert.equal(third.error, 'dataSharing.ConsentRevoked');
    assert.equal((await api.query.dataSharing.nextEntryId()).toNumber(), entriesBefore, 'a refused query is logged nowhere');
    assert.equal((await rpc('fxchain_consent', [consent])).consent.queries, 2);

    // Charlie reads its log: the two queries, the first with Eve's result.
    const log = await rpc('fxchain_accessLog', [charlie.address, null, null]);
    assert.equal(log.length, 2);
    for (const [, entry] of log) {
      assert.equal(entry.accessor, dave.address);
      assert.equal(entry.category, 'RegulatoryCredit');
      assert.deepEqual(entry.access, { Consent: { consent, purpose: 'CreditApproval' } });
    }
    assert.equal(log[0][1].holder, eve.address);
    assert.equal(log[0][1].result, SERVED);
    assert.equal(log[1][1].result, null);
    t.diagnostic(`consent #${consent}: 2 entries logged, the third query refused with ConsentRevoked`);

    // A statutory query by governance (sudo on the dev chain): logged, no consent, visible to
    // Charlie.
    const sudo = await signSendFinalized(
      api,
      api.tx.sudo.sudo(api.tx.dataSharing.statutoryQuery(charlie.address, 'Payments', 'AntiMoneyLaundering', CASE, eve.address)),
      alice,
    );
    assert.equal(sudo.error, null, `sudo failed: ${sudo.error}`);
    const [sudid] = eventsNamed(sudo.events, 'sudo.Sudid');
    assert.ok(sudid.event.data.sudoResult.isOk, 'the statutory query dispatched');
    assert.equal(eventsNamed(sudo.events, 'dataSharing.AccessLogged').length, 1);
    const withStatutory = await rpc('fxchain_accessLog', [charlie.address, log[1][0], null]);
    assert.equal(withStatutory.length, 1);
    assert.equal(withStatutory[0][1].accessor, null);
    assert.deepEqual(withStatutory[0][1].access, { Statutory: { basis: 'AntiMoneyLaundering', case: CASE } });
  }),
);
