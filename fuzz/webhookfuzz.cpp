// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the POS adapters' webhook checks (Square's and Toast's HMACs, Clover's auth
// code), fed webhooks as the listener hands them over. An input is
//     vendor byte, mode byte, headers "\n--\n" body "\n--\n" signature
// - vendor: 0 Square, 1 Clover, 2 Toast (any byte, modulo 3: '0', '1', '2' in a text seed);
// - mode (modulo 8: '0'..'7'): which signature the vendor's header carries: 0 the signature piece
//   as it is (a forgery, unless it happens to be right), 1 the right one, 2 the right one with a
//   byte changed, 3 the right one with the piece appended; 4-7 the same, with the store's secret
//   left empty;
// - headers: "name: value" lines, names folded to lower case as the listener does.
// What must hold: nothing crashes; a webhook passes the check exactly when its signature is the
// one computed here from the secret (never with no secret), so a forged, altered or extended
// signature never passes and a rightly signed one always does; and no webhook is read unless it
// passes the check.
#include "pos/clover/clovervendor.h"
#include "pos/square/squarevendor.h"
#include "pos/toast/toastvendor.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMessageAuthenticationCode>

#include <cstddef>
#include <cstdint>
#include <cstdio>

namespace {
const QByteArray secret = QByteArrayLiteral("fuzz-secret");
const QUrl hookUrl(QStringLiteral("https://console.example/pos/webhook"));
const QByteArray separator = QByteArrayLiteral("\n--\n");
const char *const signatureHeaders[] = {"x-square-hmacsha256-signature", "x-clover-auth",
                                        "toast-signature"};

const PosVendor &vendorAt(int index, bool withSecret)
{
    static const SquareVendor square({QStringLiteral("L1"), QStringLiteral("USD"), secret});
    static const CloverVendor clover({QStringLiteral("M1"), QStringLiteral("app-1"), secret});
    static const ToastVendor toast({QStringLiteral("r-1"), secret, QStringLiteral("dining-1"), {},
                                    QStringLiteral("item-1"), {}});
    static const SquareVendor squareBare({QStringLiteral("L1"), QStringLiteral("USD"), {}});
    static const CloverVendor cloverBare({QStringLiteral("M1"), QStringLiteral("app-1"), {}});
    static const ToastVendor toastBare({QStringLiteral("r-1"), {}, QStringLiteral("dining-1"), {},
                                        QStringLiteral("item-1"), {}});
    const PosVendor *const vendors[2][3] = {{&squareBare, &cloverBare, &toastBare},
                                            {&square, &clover, &toast}};
    return *vendors[withSecret ? 1 : 0][index];
}

// The signature the vendor would send for this body, worked out here from the vendors' documents
// (docs/pos.md), not by the adapters' code. Empty: no signature can be right (Toast's body has no
// timestamp to sign).
QByteArray rightSignature(int vendor, const QByteArray &body)
{
    const auto hmac = [](const QByteArray &message) {
        return QMessageAuthenticationCode::hash(message, secret, QCryptographicHash::Sha256)
                .toBase64();
    };
    if (vendor == 0)
        return hmac(hookUrl.toString().toUtf8() + body);
    if (vendor == 1)
        return secret;
    const QJsonValue timestamp = QJsonDocument::fromJson(body).object().value(u"timestamp");
    if (!timestamp.isString() || timestamp.toString().isEmpty())
        return {};
    return hmac(body + timestamp.toString().toUtf8());
}

[[noreturn]] void fail(const char *what, int vendor, int mode)
{
    std::fprintf(stderr, "webhook check broken (vendor %d, mode %d): %s\n", vendor, mode, what);
    __builtin_trap();
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    // Refusals are logged at every input; the log would be most of the time spent.
    QLoggingCategory::setFilterRules(QStringLiteral("kc.*=false"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 2)
        return 0;
    const int vendor = data[0] % 3;
    const int mode = data[1] % 8;
    const bool withSecret = mode < 4;
    const QByteArray rest(reinterpret_cast<const char *>(data) + 2, qsizetype(size - 2));
    const qsizetype bodyStart = rest.indexOf(separator);
    const qsizetype bodyEnd =
            bodyStart < 0 ? -1 : rest.indexOf(separator, bodyStart + separator.size());
    const QByteArray headers = bodyStart < 0 ? rest : rest.left(bodyStart);
    const QByteArray body = bodyStart < 0 ? QByteArray()
            : bodyEnd < 0 ? rest.mid(bodyStart + separator.size())
                          : rest.mid(bodyStart + separator.size(),
                                     bodyEnd - bodyStart - separator.size());
    const QByteArray piece = bodyEnd < 0 ? QByteArray() : rest.mid(bodyEnd + separator.size());

    PosWebhook hook {hookUrl, {}, body};
    for (const QByteArray &line : headers.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            hook.headers.insert(line.left(colon).trimmed().toLower(),
                                line.mid(colon + 1).trimmed());
    }
    const QByteArray right = rightSignature(vendor, body);
    QByteArray sent = piece;
    if (mode % 4 == 1) {
        sent = right;
    } else if (mode % 4 == 2 && !right.isEmpty()) {
        sent = right;
        const qsizetype at = piece.isEmpty() ? 0 : std::uint8_t(piece.at(0)) % sent.size();
        sent[at] = char(sent.at(at) ^ (piece.size() > 1 && piece.at(1) ? piece.at(1) : 1));
    } else if (mode % 4 == 3) {
        sent = right + (piece.isEmpty() ? QByteArrayLiteral(" ") : piece);
    }
    if (!sent.isEmpty() || mode % 4 != 0)
        hook.headers.insert(signatureHeaders[vendor], sent);

    const PosVendor &adapter = vendorAt(vendor, withSecret);
    const bool passed = adapter.checkSignature(hook).ok();
    const bool shouldPass =
            withSecret && !right.isEmpty() && hook.header(signatureHeaders[vendor]) == right;
    if (passed && !shouldPass)
        fail("a webhook without the right signature passed", vendor, mode);
    if (!passed && shouldPass)
        fail("a rightly signed webhook was refused", vendor, mode);
    if (adapter.readWebhook(hook) && !passed)
        fail("a webhook that failed the check was read", vendor, mode);
    return 0;
}
