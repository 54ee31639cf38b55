#!/usr/bin/env python3
"""Reads an .xlsx as Excel would and prints it as JSON, for the export tests (tests/unit/xlsx-export.test.ts).

usage: python3 scripts/read-xlsx.py FILE.xlsx
prints: {"sheets": [{"name": "来源", "freeze": "A2" | null, "widths": {"A": 12.8, ...},
                     "rows": [[{"value": 3.76, "data_type": "n", "number_format": "#,##0.00"}, ...], ...]}]}
A cell's data_type is openpyxl's: 'n' number (and empty), 's' string, 'f' formula, 'b' bool, 'd' date, 'e' error.
Formulas are read as written (not their cached values), so a formula cell shows as 'f'.
"""

import json
import sys

import openpyxl


def cell(c):
    value = c.value
    if value is not None and not isinstance(value, (int, float, str, bool)):
        value = str(value)
    return {"value": value, "data_type": c.data_type, "number_format": c.number_format}


def main(path):
    book = openpyxl.load_workbook(path, data_only=False)
    sheets = []
    for ws in book.worksheets:
        rows = [[cell(c) for c in row] for row in ws.iter_rows()]
        widths = {k: d.width for k, d in ws.column_dimensions.items() if d.customWidth}
        sheets.append({"name": ws.title, "freeze": ws.freeze_panes, "widths": widths, "rows": rows})
    json.dump({"sheets": sheets}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
