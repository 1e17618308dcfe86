#!/usr/bin/env python3
# Fails when a JSON file under data/ is not compiled into the library,
# or when the resource list names a file that does not exist or is not
# valid JSON.
import json
import pathlib
import sys
import xml.etree.ElementTree as ET

data = pathlib.Path(sys.argv[1])
listed = {f.text for f in ET.parse(data / 'zhicheng-data.gresource.xml').iter('file')}
present = {str(p.relative_to(data)) for p in data.rglob('*.json')}
problems = []
for name in sorted(present - listed):
    problems.append(f'{name}: not listed in zhicheng-data.gresource.xml')
for name in sorted(listed - present):
    problems.append(f'{name}: listed but missing')
for name in sorted(listed & present):
    try:
        json.loads((data / name).read_text(encoding='utf-8'))
    except ValueError as e:
        problems.append(f'{name}: invalid JSON: {e}')
for p in problems:
    print(p)
print(f'{len(listed)} files listed, {len(problems)} problems')
sys.exit(1 if problems else 0)
