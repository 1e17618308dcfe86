#!/usr/bin/env python3
# import-taxonomy.py
#
# Copyright 2026 The Zhicheng authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Derives data/taxonomy.json (the national title taxonomy the programs
# read) from the research data set taxonomy.json: keeps the levels, the
# 27 series with their categories, titles and specialties, and the
# evaluation methods; drops the verification notes, caveats and sources.
# See docs/taxonomy.md for the output format.
#
# Usage: tools/import-taxonomy.py REFERENCE.json [OUTPUT.json]
# (OUTPUT defaults to data/taxonomy.json beside this script; "-" is stdout)

import json
import os
import re
import sys

FORMAT = 1
LEVELS = ["员级", "助理级", "中级", "副高级", "正高级"]
SERIES_COUNT = 27

# English names of the series, for English-speaking users of the client.
SERIES_NAME_EN = {
    "01": "Higher education teachers",
    "02": "Philosophy and social science researchers",
    "03": "Natural science researchers",
    "04": "Health professionals",
    "05": "Engineering technicians",
    "06": "Agricultural technicians",
    "07": "Journalism professionals",
    "08": "Publishing professionals",
    "09": "Library and information professionals",
    "10": "Cultural heritage and museum professionals",
    "11": "Archives professionals",
    "12": "Arts and crafts professionals",
    "13": "Technician college teachers",
    "14": "Sports professionals",
    "15": "Translators and interpreters",
    "16": "Broadcasting announcers and presenters",
    "17": "Accountants",
    "18": "Statisticians",
    "19": "Economists",
    "20": "Laboratory technicians",
    "21": "Secondary vocational school teachers",
    "22": "Primary and secondary school teachers",
    "23": "Arts professionals",
    "24": "Public legal service professionals",
    "25": "Ship technical professionals",
    "26": "Civil aviation pilots",
    "27": "Auditors",
}

METHOD_NAME_EN = {
    "regular": "Regular application",
    "exceptional": "Exceptional promotion",
    "direct": "Direct application",
    "transfer": "Transfer between series",
    "initial_recognition": "Initial determination",
    "direct_recognition": "Direct recognition",
    "exam_only": "Examination instead of review",
    "exam_plus_review": "Examination and review",
    "peer_review": "Peer review",
    "targeted": "Targeted evaluation",
    "qualification_equivalence": "Professional qualification equivalence",
    "self_review": "Review by the employer",
}

# Names in use beside the combined official name, taken from the
# reference's own notes: the 中级 of 医疗类 is called 主治医师 in clinical
# and 主管医师 in public-health posts; 中药 pharmacists have their own names.
EXTRA_ALTERNATIVES = {
    ("04", "医疗类"): {"中级": ["主治医师", "主管医师"]},
    ("04", "药学类"): {"员级": ["中药士"], "助理级": ["中药师"], "中级": ["主管中药师"],
                      "副高级": ["副主任中药师"], "正高级": ["主任中药师"]},
}

# Specialty entries that carry a remark instead of (or besides) a name.
SPECIALTY_FIXES = {
    "中药学（中药士/中药师/主管中药师）": "中药学",
}
SPECIALTY_PLACEHOLDER = re.compile(r"同上|^按.*设置")

# Verification states under which the reference read the document number.
NUMBER_VERIFIED = {"verified_primary_mirror", "verified_secondary", "verified_official_site"}
# Issuers, 《title》 and an optional remark in parentheses.
REFORM_DOCUMENT = re.compile(r"([^；《》（）]*《[^》]+》)(?:（([^）]*)）)?")
DOCUMENT_NUMBER = re.compile(r"[^\s，；（）、]+〔\d{4}〕\d+号")


def fail(message):
    sys.exit("import-taxonomy: " + message)


def expect(condition, message):
    if not condition:
        fail(message)


def string(value, where):
    expect(isinstance(value, str) and value.strip() == value and value != "",
           "%s: expected a non-empty trimmed string, got %r" % (where, value))
    return value


def source_note(series):
    """The reform document(s): issuers and title, plus the number when the
    reference read it; the verification remarks are left out."""
    notes = []
    verified = series.get("reform_document_verification") in NUMBER_VERIFIED
    for match in REFORM_DOCUMENT.finditer(series.get("reform_document", "")):
        note = match.group(1).strip()
        numbers = DOCUMENT_NUMBER.findall(match.group(2) or "")
        if verified and numbers:
            note += "（%s）" % numbers[0]
        notes.append(note)
    return "；".join(notes) if notes else None


def split_name(name):
    """"正常申报（常规申报、逐级申报）" → ("正常申报", ["常规申报", "逐级申报"])."""
    match = re.match(r"^([^（]+)（([^）]+)）$", name)
    if match is None:
        return name, []
    return match.group(1), match.group(2).split("、")


def import_category(code, category, where):
    name = string(category["name"], where + ".name")
    titles = category["titles"]
    expect(sorted(titles, key=LEVELS.index) == LEVELS, where + ": titles must name the five levels")
    out_titles = {}
    for level in LEVELS:
        title = titles[level]
        out_titles[level] = None if title is None else string(title, "%s.titles.%s" % (where, level))
    expect(any(out_titles.values()), where + ": no title at any level")

    alternatives = {}
    sources = [category.get("alternative_titles", {}), EXTRA_ALTERNATIVES.get((code, name), {})]
    for source in sources:
        for level, names in source.items():
            expect(level in LEVELS, "%s: alternative titles at unknown level %r" % (where, level))
            expect(out_titles[level] is not None, "%s: alternative titles at unset level %s" % (where, level))
            for alt in names:
                alt = string(alt, where + ".alternative_titles")
                if alt not in alternatives.setdefault(level, []) and alt != out_titles[level]:
                    alternatives[level].append(alt)

    specialties = []
    for specialty in category.get("specialties", []):
        specialty = SPECIALTY_FIXES.get(specialty, specialty)
        if SPECIALTY_PLACEHOLDER.search(specialty):
            continue
        specialty = string(specialty, where + ".specialties")
        if specialty not in specialties:
            specialties.append(specialty)

    out = {"name": name, "titles": out_titles}
    if alternatives:
        out["alternative_titles"] = {level: alternatives[level] for level in LEVELS if level in alternatives}
    out["specialties"] = specialties
    out["specialties_complete"] = category.get("specialties_complete") is True
    return out


def import_series(series, index):
    where = "series[%d]" % index
    code = string(series["code"], where + ".code")
    expect(re.fullmatch(r"\d\d", code) is not None, where + ": code must be two digits")
    where = "series %s" % code
    out = {
        "code": code,
        "slug": string(series["slug"], where + ".slug"),
        "name": string(series["name"], where + ".name"),
    }
    if code in SERIES_NAME_EN:
        out["name_en"] = SERIES_NAME_EN[code]
    out["aliases"] = [string(a, where + ".aliases") for a in series.get("aliases", [])]
    out["source"] = source_note(series)
    out["categories"] = [import_category(code, c, "%s category %d" % (where, i))
                         for i, c in enumerate(series["categories"])]
    expect(out["categories"], where + ": no categories")
    names = [c["name"] for c in out["categories"]]
    expect(len(set(names)) == len(names), where + ": duplicate category names")

    # Within one series a title name must mean one level.
    seen = {}
    for category in out["categories"]:
        pairs = [(lv, t) for lv, t in category["titles"].items() if t is not None]
        pairs += [(lv, t) for lv, alts in category.get("alternative_titles", {}).items() for t in alts]
        for level, title in pairs:
            expect(seen.setdefault(title, level) == level,
                   "%s: title %s at two levels" % (where, title))
    return out


def import_methods(methods):
    out = []
    for index, method in enumerate(methods):
        key = string(method["key"], "methods[%d].key" % index)
        name, aliases = split_name(string(method["name"], "methods[%d].name" % index))
        entry = {"key": key, "name": name}
        if key in METHOD_NAME_EN:
            entry["name_en"] = METHOD_NAME_EN[key]
        entry["aliases"] = aliases
        out.append(entry)
    return out


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit("usage: import-taxonomy.py REFERENCE.json [OUTPUT.json]")
    with open(argv[1], encoding="utf-8") as f:
        reference = json.load(f)

    levels = reference["levels"]
    expect([lv["key"] for lv in sorted(levels, key=lambda lv: lv["order"])] == LEVELS,
           "levels: expected the keys %s" % "/".join(LEVELS))
    out_levels = [{"key": lv["key"], "order": lv["order"], "tier": string(lv["tier"], "levels.tier")}
                  for lv in sorted(levels, key=lambda lv: lv["order"])]

    series = [import_series(s, i) for i, s in enumerate(reference["series"])]
    expect(len(series) == SERIES_COUNT, "expected %d series, found %d" % (SERIES_COUNT, len(series)))
    codes = [s["code"] for s in series]
    expect(len(set(codes)) == len(codes), "duplicate series codes")
    expect(len({s["slug"] for s in series}) == len(series), "duplicate series slugs")
    series.sort(key=lambda s: s["code"])

    taxonomy = {"format": FORMAT, "levels": out_levels, "series": series}
    if reference.get("methods"):
        taxonomy["methods"] = import_methods(reference["methods"])

    text = json.dumps(taxonomy, ensure_ascii=False, indent=2) + "\n"
    output = argv[2] if len(argv) == 3 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "data", "taxonomy.json")
    if output == "-":
        sys.stdout.write(text)
    else:
        with open(output, "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    try:
        main(sys.argv)
    except (KeyError, TypeError, ValueError) as e:
        fail("unexpected reference data: %r" % e)
