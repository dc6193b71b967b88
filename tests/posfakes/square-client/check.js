// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The official Square Node library (npm "square") judging Kitchen Console's Square fake: if the
// fake strays from Square's API, this library's calls or these checks fail.
//   node check.js PORT TOKEN SIGNATURE_KEY LOCATION_ID
// Exit code 0 when every check holds; otherwise each failure is printed and the code is 1.
"use strict";

const assert = require("node:assert/strict");
const http = require("node:http");
const { SquareClient, SquareError, WebhooksHelper } = require("square");

const RFC3339_MS_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const [port, token, signatureKey, locationId] = process.argv.slice(2);
const base = `http://127.0.0.1:${port}`;

async function control(method, path, body) {
    const response = await fetch(base + path, {
        method,
        headers: { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    assert.equal(response.status, 200, `control ${method} ${path} answered ${response.status}`);
    return response.json();
}

// A webhook receiver, as the console's listener would be.
function startReceiver() {
    const received = [];
    const server = http.createServer((request, response) => {
        let body = "";
        request.setEncoding("utf8");
        request.on("data", (chunk) => (body += chunk));
        request.on("end", () => {
            received.push({ headers: request.headers, body });
            response.writeHead(200);
            response.end();
        });
    });
    return new Promise((resolve) =>
        server.listen(0, "127.0.0.1", () => resolve({ server, received })));
}

async function waitFor(what, test) {
    const deadline = Date.now() + 5000;
    for (;;) {
        const found = test();
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
}

function burger(referenceId) {
    return {
        locationId,
        referenceId,
        lineItems: [{
            name: "Burger",
            quantity: "2",
            note: "no onions",
            basePriceMoney: { amount: BigInt(1250), currency: "USD" },
        }],
        fulfillments: [{
            type: "PICKUP",
            state: "PROPOSED",
            pickupDetails: { recipient: { displayName: "Ann" }, scheduleType: "ASAP" },
        }],
    };
}

async function main() {
    const { server, received } = await startReceiver();
    const notificationUrl = `http://127.0.0.1:${server.address().port}/square/webhooks`;
    await control("POST", "/__fake/square/webhooks", { url: notificationUrl, signature_key: signatureKey });
    // No retries of its own: a fake that fails must show here, not be retried past.
    const client = new SquareClient({ token, baseUrl: base, maxRetries: 0 });

    // Create, and the same key again: the first result, applied once.
    const created = (await client.orders.create({ idempotencyKey: "node-create-1", order: burger("kc-node-1") })).order;
    assert.ok(created.id, "the created order has an id");
    assert.equal(created.locationId, locationId);
    assert.equal(created.version, 1);
    assert.equal(created.state, "OPEN");
    assert.match(created.createdAt, RFC3339_MS_UTC);
    assert.match(created.updatedAt, RFC3339_MS_UTC);
    assert.equal(created.lineItems.length, 1);
    assert.ok(created.lineItems[0].uid, "line items get uids");
    assert.equal(created.lineItems[0].quantity, "2");
    assert.equal(created.lineItems[0].note, "no onions");
    assert.equal(BigInt(created.lineItems[0].basePriceMoney.amount), 1250n);
    assert.equal(BigInt(created.totalMoney.amount), 2500n);
    assert.equal(created.totalMoney.currency, "USD");
    assert.equal(created.fulfillments.length, 1);
    const fulfillment = created.fulfillments[0];
    assert.ok(fulfillment.uid, "fulfillments get uids");
    assert.equal(fulfillment.type, "PICKUP");
    assert.equal(fulfillment.state, "PROPOSED");
    assert.equal(fulfillment.pickupDetails.recipient.displayName, "Ann");
    const repeated = (await client.orders.create({ idempotencyKey: "node-create-1", order: burger("kc-node-1") })).order;
    assert.equal(repeated.id, created.id, "a repeated key returns the first order");
    const ledger = await control("GET", "/__fake/ledger?idempotency_key=node-create-1");
    assert.equal(ledger.count, 1, "a repeated key applies once");

    // Retrieve, one and a batch.
    const fetched = (await client.orders.get({ orderId: created.id })).order;
    assert.equal(fetched.id, created.id);
    assert.equal(fetched.version, 1);
    assert.equal(fetched.referenceId, "kc-node-1");
    const batch = await client.orders.batchGet({ orderIds: [created.id, "missing-order"] });
    assert.deepEqual(batch.orders.map((order) => order.id), [created.id]);

    // Search, a page at a time, following the cursor with the same query.
    const second = (await client.orders.create({ idempotencyKey: "node-create-2", order: burger("kc-node-2") })).order;
    const third = (await client.orders.create({ idempotencyKey: "node-create-3", order: burger("kc-node-3") })).order;
    const query = {
        filter: { stateFilter: { states: ["OPEN"] } },
        sort: { sortField: "CREATED_AT", sortOrder: "ASC" },
    };
    const seen = [];
    let cursor;
    let pages = 0;
    do {
        const page = await client.orders.search({ locationIds: [locationId], query, limit: 1, cursor });
        pages += 1;
        for (const order of page.orders ?? []) seen.push(order.id);
        cursor = page.cursor;
    } while (cursor && pages < 10);
    assert.equal(pages, 3, "three orders, one a page");
    assert.deepEqual([...seen].sort(), [created.id, second.id, third.id].sort());
    assert.equal(new Set(seen).size, 3, "no order twice");

    // Update the fulfillment, with the version; a stale version is VERSION_MISMATCH.
    const ready = (await client.orders.update({
        orderId: created.id,
        idempotencyKey: "node-ready-1",
        order: { locationId, version: created.version, fulfillments: [{ uid: fulfillment.uid, state: "PREPARED" }] },
    })).order;
    assert.equal(ready.version, 2);
    assert.equal(ready.fulfillments[0].state, "PREPARED");
    assert.match(ready.fulfillments[0].pickupDetails.readyAt, RFC3339_MS_UTC);
    try {
        await client.orders.update({
            orderId: created.id,
            idempotencyKey: "node-ready-2",
            order: { locationId, version: 1, fulfillments: [{ uid: fulfillment.uid, state: "COMPLETED" }] },
        });
        assert.fail("a stale version was accepted");
    } catch (error) {
        if (!(error instanceof SquareError)) throw error;
        assert.equal(error.statusCode, 400);
        assert.equal(error.errors[0].code, "VERSION_MISMATCH");
        assert.equal(error.errors[0].category, "INVALID_REQUEST_ERROR");
        assert.equal(error.errors[0].field, "order.version");
    }

    // The library sent the current Square-Version and the token on every call.
    const { requests } = await control("GET", "/__fake/requests");
    const api = requests.filter((request) => request.path.startsWith("/v2/"));
    assert.ok(api.length >= 8);
    for (const request of api) {
        assert.equal(request.headers["square-version"], "2026-09-16");
        assert.equal(request.headers["authorization"], `Bearer ${token}`);
    }

    // Webhooks: the library's helper accepts the fake's signatures, and only them.
    const createdHook = await waitFor("order.created", () =>
        received.find((hook) => JSON.parse(hook.body).type === "order.created"
            && JSON.parse(hook.body).data.id === created.id));
    const fulfillmentHook = await waitFor("order.fulfillment.updated", () =>
        received.find((hook) => JSON.parse(hook.body).type === "order.fulfillment.updated"));
    for (const hook of [createdHook, fulfillmentHook]) {
        const signatureHeader = hook.headers["x-square-hmacsha256-signature"];
        assert.ok(signatureHeader, "the webhook is signed");
        assert.equal(await WebhooksHelper.verifySignature({
            requestBody: hook.body, signatureHeader, signatureKey, notificationUrl }), true,
            "the library verifies the fake's signature");
        assert.equal(await WebhooksHelper.verifySignature({
            requestBody: hook.body, signatureHeader, signatureKey: signatureKey + "x", notificationUrl }), false,
            "another key does not verify");
    }
    const update = JSON.parse(fulfillmentHook.body).data.object.order_fulfillment_updated;
    assert.equal(update.order_id, created.id);
    assert.equal(update.version, 2);
    assert.deepEqual(update.fulfillment_update,
        [{ fulfillment_uid: fulfillment.uid, old_state: "PROPOSED", new_state: "PREPARED" }]);
    const { event_id: badEvent } = await control("POST", "/__fake/square/webhooks/send",
        { order_id: created.id, type: "order.updated", bad_signature: true });
    const badHook = await waitFor("the badly signed webhook", () =>
        received.find((hook) => JSON.parse(hook.body).event_id === badEvent));
    assert.equal(await WebhooksHelper.verifySignature({
        requestBody: badHook.body, signatureHeader: badHook.headers["x-square-hmacsha256-signature"],
        signatureKey, notificationUrl }), false, "a bad signature does not verify");

    server.close();
    console.log(`square client check: all held (${pages} search pages, ${received.length} webhooks)`);
}

main().catch((error) => {
    console.error("square client check FAILED:", error && error.stack ? error.stack : error);
    process.exit(1);
});
