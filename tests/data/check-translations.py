#!/usr/bin/env python3
# po/zh_CN.po must translate every string the sources mark, at every
# commit: extract a fresh template from POTFILES, merge, and count.
import pathlib
import subprocess
import sys
import tempfile

root = pathlib.Path(sys.argv[1])
po = root / 'po' / 'zh_CN.po'
with tempfile.TemporaryDirectory() as tmp:
    pot = pathlib.Path(tmp) / 'zhicheng.pot'
    files = [l.strip() for l in (root / 'po' / 'POTFILES.in').read_text().splitlines()
             if l.strip() and not l.startswith('#')]
    missing = [f for f in files if not (root / f).exists()]
    if missing:
        print('POTFILES.in names missing files:', ' '.join(missing))
        sys.exit(1)
    subprocess.run(['xgettext', '--from-code=UTF-8', '--add-comments', '--package-name=zhicheng',
                    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
                    '--keyword=g_dngettext:2,3', '--keyword=zc_translate:2',
                    '--keyword=zc_translate_printf:2', '--keyword=zc_translate_with_context:2c,3',
                    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format',
                    '--flag=NC_:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
                    '--flag=zc_translate_printf:2:c-format',
                    '-o', str(pot), '-D', str(root)] + files, check=True)
    merged = pathlib.Path(tmp) / 'merged.po'
    subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', str(merged), str(po), str(pot)],
                   check=True)
    stats = subprocess.run(['msgfmt', '--check', '--statistics', '-o', '/dev/null', str(merged)],
                           capture_output=True, text=True)
    print(stats.stderr.strip())
    if stats.returncode != 0:
        sys.exit(1)
    untranslated = subprocess.run(['msgattrib', '--untranslated', '--no-obsolete', str(merged)],
                                  capture_output=True, text=True, check=True).stdout
    fuzzy = subprocess.run(['msgattrib', '--only-fuzzy', '--no-obsolete', str(merged)],
                           capture_output=True, text=True, check=True).stdout
    if untranslated.strip() or fuzzy.strip():
        print('Untranslated or fuzzy in po/zh_CN.po:')
        print(untranslated)
        print(fuzzy)
        sys.exit(1)
print('po/zh_CN.po is complete')
