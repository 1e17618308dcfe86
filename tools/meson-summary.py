#!/usr/bin/env python3
# Prints "N passed, N failed, N skipped" from meson's testlog.json files.
# A TAP test counts its subtests ("ok"/"not ok" lines); a test without
# TAP lines counts as one.  A test that crashed or timed out after its
# last "ok" adds one failure.  Exit status 1 when anything failed or no
# log could be read.
import json
import re
import sys

PASS = {'OK', 'EXPECTEDFAIL'}
FAIL = {'FAIL', 'ERROR', 'TIMEOUT', 'UNEXPECTEDPASS', 'INTERRUPT'}

passed = failed = skipped = 0
read_any = False
for path in sys.argv[1:]:
    try:
        lines = open(path, encoding='utf-8').read().splitlines()
    except OSError:
        continue
    for line in lines:
        if not line.strip():
            continue
        read_any = True
        test = json.loads(line)
        result = test.get('result')
        out = test.get('stdout') or ''
        oks = len(re.findall(r'^ok \d+', out, re.M))
        not_oks = len(re.findall(r'^not ok \d+', out, re.M))
        skips = len(re.findall(r'^ok \d+ .*# SKIP', out, re.M))
        if oks + not_oks == 0:
            if result in PASS:
                passed += 1
            elif result == 'SKIP':
                skipped += 1
            else:
                failed += 1
            continue
        passed += oks - skips
        skipped += skips
        failed += not_oks
        if result in FAIL and not_oks == 0:
            failed += 1

print(f'{passed} passed, {failed} failed, {skipped} skipped')
sys.exit(0 if read_any and failed == 0 else 1)
