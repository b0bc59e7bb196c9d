"""Read a Dyad dyad-year panel with pandas and check it as an analyst would
before merging it: the columns and their types, one row per dyad-year, the
codes, and the rows EXPECTED.json lists (worked out by hand in panel_test.go).

Usage: panel.py PANEL.csv EXPECTED.json [PANEL.csv EXPECTED.json ...]

EXPECTED.json holds "directed" (bool), "codes" (ISO code to COW code) and
"rows" (dicts of column values). Prints a summary; exits 1 listing every
difference.
"""

import json
import sys

import pandas as pd

COLUMNS = [
    "ccode1", "ccode2", "iso1", "iso2", "year", "relations",
    "claims_strengthening", "claims_weakening", "balance",
    "events", "disputes", "stances1", "stances2",
]
INTEGER = ["ccode1", "ccode2", "year", "claims_strengthening", "claims_weakening",
           "events", "disputes", "stances1", "stances2"]


def check(df, want):
    problems = []
    if list(df.columns) != COLUMNS:
        problems.append(f"columns {list(df.columns)}, want {COLUMNS}")
        return problems
    for col in INTEGER:
        if not pd.api.types.is_integer_dtype(df[col]):
            problems.append(f"{col} is {df[col].dtype}, want an integer type")
    if not pd.api.types.is_float_dtype(df["balance"]) and not pd.api.types.is_integer_dtype(df["balance"]):
        problems.append(f"balance is {df['balance'].dtype}, want a number")
    dup = df.duplicated(["ccode1", "ccode2", "year"], keep=False)
    if dup.any():
        problems.append(f"{dup.sum()} rows share (ccode1, ccode2, year):\n{df[dup]}")
    if not want["directed"] and not (df["ccode1"] < df["ccode2"]).all():
        problems.append(f"undirected rows with ccode1 >= ccode2:\n{df[df['ccode1'] >= df['ccode2']]}")
    if want["directed"]:
        pairs = set(zip(df["ccode1"], df["ccode2"], df["year"]))
        lonely = [p for p in pairs if (p[1], p[0], p[2]) not in pairs]
        if lonely:
            problems.append(f"directed rows without their reverse: {sorted(lonely)[:5]}")
    for side in ("1", "2"):
        for iso, code in zip(df["iso" + side], df["ccode" + side]):
            if want["codes"].get(iso) != code:
                problems.append(f"iso{side} {iso} has ccode{side} {code}, want {want['codes'].get(iso)}")
                break
    for row in want["rows"]:
        got = df[(df["ccode1"] == row["ccode1"]) & (df["ccode2"] == row["ccode2"]) & (df["year"] == row["year"])]
        if len(got) != 1:
            problems.append(f"{len(got)} rows for {row['ccode1']}-{row['ccode2']} {row['year']}, want 1")
            continue
        got = got.iloc[0]
        for col, value in row.items():
            if got[col] != value:
                problems.append(f"{row['ccode1']}-{row['ccode2']} {row['year']}: {col} is {got[col]!r}, want {value!r}")
    return problems


def main():
    failed = False
    args = sys.argv[1:]
    for panel, expected in zip(args[::2], args[1::2]):
        df = pd.read_csv(panel)
        with open(expected) as f:
            want = json.load(f)
        problems = check(df, want)
        print(f"{panel}: pandas {pd.__version__}: {len(df)} dyad-years, "
              f"{df.groupby(['ccode1', 'ccode2']).ngroups} dyads, years {df['year'].min()}-{df['year'].max()}")
        if problems:
            print("\n".join(problems))
            failed = True
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
