#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Kitchen Console contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Starts pos-fake --vendor square, runs the official Square client check (check.js) against it
and stops it. Exit code: node's, or 1 when the fake or the node packages are missing.

    run.py POS_FAKE [NODE]

The packages come from this folder's lockfile (`npm ci`, which scripts/test runs); tests never
fetch them, so a missing node_modules is a failure that names the fix."""

import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    pos_fake, node = argv[1], argv[2] if len(argv) > 2 else "node"
    if not os.path.isdir(os.path.join(HERE, "node_modules", "square")):
        print(f"square-client: no node_modules in {HERE}; run scripts/test, or `npm ci` there",
              file=sys.stderr)
        return 1
    fake = subprocess.Popen([pos_fake, "--vendor", "square", "--watch-stdin"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        ready = json.loads(fake.stdout.readline())
        check = subprocess.run([node, os.path.join(HERE, "check.js"), str(ready["port"]),
                                ready["token"], ready["signature_key"], ready["location_id"]],
                               cwd=HERE, timeout=120)
        return check.returncode
    except (ValueError, KeyError) as error:
        print(f"square-client: pos-fake did not say where it listens: {error}", file=sys.stderr)
        return 1
    finally:
        fake.stdin.close()  # --watch-stdin: the fake stops
        try:
            fake.wait(timeout=10)
        except subprocess.TimeoutExpired:
            fake.kill()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
