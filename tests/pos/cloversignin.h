// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The Clover fake's issued tokens as the adapter keeps them, for tests that sign in to it.
#include "fakes/clover/cloverfake.h"
#include "pos/clover/cloveroauth.h"

namespace CloverSignIn {
/** issued (seconds) as CloverOAuth's pair (milliseconds), as "connect Clover" leaves it. */
inline CloverOAuth::Pair pairOf(const CloverTokenPair &issued)
{
    return {issued.accessToken.toUtf8(), issued.accessTokenExpiration * 1000,
            issued.refreshToken.toUtf8(), issued.refreshTokenExpiration * 1000};
}
} // namespace CloverSignIn
