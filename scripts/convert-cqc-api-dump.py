#!/usr/bin/env python3
"""Converts a CSV dump of CQC public API location records (one record per row, nested fields written as Python
literals, as pandas writes them) back to the API's JSON: a list of location records.

Used once to make data/examples/plymouth/cqc-locations-plymouth-2021.json from PhilPearson83's
cqc_care_homes.csv (the CQC API's /locations/{id} records for Devon, Somerset, Torbay and Plymouth care homes,
2021). Usage:

    python3 scripts/convert-cqc-api-dump.py <dump.csv> <localAuthority> > out.json

Rules (the same as for the Torbay fixture in src/importers/fixtures/cqc-api/):
- nested fields (lists and objects written as Python literals) are read with ast.literal_eval, unchanged;
- `numberOfBeds` becomes an integer and `onspdLatitude`/`onspdLongitude` numbers, as the API returns them;
- top-level dates written dd/mm/yyyy in the dump (registrationDate, deregistrationDate, dormancyStartDate,
  registeredManagerAbsentDate) go back to the API's YYYY-MM-DD;
- empty cells are left out (the API omits absent fields);
- the registered managers' names (`regulatedActivities[].contacts`) are left out: Steward does not store them.
Every other value is kept as the dump has it (e.g. `mainPhoneNumber` without its leading zero).
"""
import ast
import csv
import json
import re
import sys

DATES = {"registrationDate", "deregistrationDate", "dormancyStartDate", "registeredManagerAbsentDate"}


def convert(row):
    out = {}
    for key, raw in row.items():
        if raw == "":
            continue
        value = raw
        if raw[:1] in "[{":
            value = ast.literal_eval(raw)
        elif key == "numberOfBeds":
            value = int(raw)
        elif key in ("onspdLatitude", "onspdLongitude"):
            value = float(raw)
        elif key in DATES:
            m = re.fullmatch(r"(\d{2})/(\d{2})/(\d{4})", raw)
            if not m:
                raise ValueError(f"{row['locationId']} {key}: {raw!r} is not dd/mm/yyyy")
            value = f"{m.group(3)}-{m.group(2)}-{m.group(1)}"
        out[key] = value
    for activity in out.get("regulatedActivities", []):
        activity.pop("contacts", None)
    return out


def main():
    path, authority = sys.argv[1], sys.argv[2]
    with open(path, newline="", encoding="utf-8") as f:
        records = [convert(r) for r in csv.DictReader(f) if r["localAuthority"] == authority]
    json.dump(records, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
