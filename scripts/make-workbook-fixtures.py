#!/usr/bin/env python3
"""Writes the spreadsheet upload fixtures in tests/fixtures/upload/workbooks/.

Usage (from anywhere):
    python3 scripts/make-workbook-fixtures.py              # writes every fixture
    python3 scripts/make-workbook-fixtures.py --no-soffice # skips the LibreOffice conversions
    python3 scripts/make-workbook-fixtures.py --big OUT    # writes only the 100,000-row benchmark workbook to OUT

The fixtures are COMMITTED; CI never runs this script. It exists so that every file can be remade and so that it
says exactly how each was made. Needs python3 with openpyxl (Debian: python3-openpyxl); the .xls/.ods copies and
formulas.xlsx also need LibreOffice (`soffice` on PATH). Without soffice those files are skipped with a message and
the committed copies are left as they are.

Determinism: workbook properties carry a fixed date (FIXED, below) and every zip entry is rewritten with a fixed
timestamp and pinned document dates, so re-running gives byte-identical files with the same openpyxl, zlib and
LibreOffice versions (checked with sha256sum over two runs). LibreOffice copies the source's fixed dates into the
BIFF8 summary streams of long-basic.xls; another LibreOffice version may still write other bytes (generator
strings, styles), with the same cell content.

Strings: openpyxl 3.1 writes inline strings (t="inlineStr"); Excel and WPS write a shared-string table. Every
openpyxl-written .xlsx here is rewritten to use xl/sharedStrings.xml (shared_strings below), except
formulas-nocache.xlsx (kept exactly as openpyxl writes it) and zip-bomb.xlsx (hand-written, inline strings), so both
string forms are covered.

Fixtures (see tests/fixtures/upload/workbooks/README.md for what each pins):
  long-basic.xlsx                 one sheet '数据', long layout (城市, 指标, 年份, 数值, 单位), 6 numeric rows, 2023
  long-basic.xlsm                 the same workbook with the macro-enabled content type (no VBA project)
  long-basic.xls / .ods           LibreOffice conversions of long-basic.xlsx (BIFF8 "MS Excel 97", ODF)
  cover-sheet.xlsx                sheet '封面' holds only a title block; sheet '指标' holds the long table
  two-tables.xlsx                 sheets '2022年' and '2023年', both long tables: the user must pick
  titles-and-notes.xlsx           merged title, merged '单位：亿元' row, blank row, wide table, blank row, merged note
  two-row-header.xlsx             wide; row 1 '城市','指标','2022年','2023年', row 2 a unit row ('', '', '亿元', '亿元')
  numeric-years-text-numbers.xlsx wide; year headers are NUMBER cells; some values are TEXT ('1,796', '2210');
                                  sheet 'date-header' has one year header stored as a date (2023-01-01, format yyyy)
  percent-cells.xlsx              long; 0.0376 / 0.0391 formatted '0.00%', blank unit; a date in 数值; an empty 数值;
                                  a 数值 cell merged over two rows
  formulas-nocache.xlsx           long; 数值 are formulas written by openpyxl, with no cached values
  formulas.xlsx                   formulas-nocache.xlsx recalculated and saved by LibreOffice (cached values present)
  yearbook.xlsx                   statistical-yearbook layout: 城市, 年份, one column per indicator with its unit
                                  in (ASCII) or （full-width） brackets
  yearbook-unit-row.xlsx          the same table with the units in a second header row, contract value in 万元
  single-city.xlsx                title '芜湖市2021-2023年科技指标', no city column
  wuhu-conflict.xlsx              a Wuhu R&D-intensity figure that disagrees with the curated one; a Hefei row
  wps-style.xlsx                  '说明' (text paragraph), 'Sheet2' (yearbook table), empty 'Sheet3'
  html-table.xls                  an HTML table saved as .xls, with an escaped <img onerror> and a =cmd| formula text
  damaged.xlsx                    the first half of long-basic.xlsx
  zip-bomb.xlsx                   complete xlsx whose sheet1.xml inflates to 400 MiB (file about 0.4 MB)
  protected.xlsx                  OLE compound file with EncryptionInfo + EncryptedPackage, as Excel writes for a
                                  password-protected .xlsx (hand-built CFB v3; not decryptable with any password)
  (not committed) --big OUT       100,000-row long sheet for the benchmark, written in write_only mode

Values: wherever a fixture carries a (city, indicator, year) that the curated data in data/indicators.csv also has,
it uses the curated figure (芜湖 研发经费投入强度 2021 3.48 and 2022 3.76 %, 芜湖 高新技术企业数 2023 2000), except
wuhu-conflict.xlsx, which disagrees on purpose. Other figures are plausible but invented.
"""

import argparse
import datetime
import io
import os
import random
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'tests', 'fixtures', 'upload', 'workbooks')

FIXED = datetime.datetime(2024, 1, 1, 0, 0, 0)
FIXED_ISO = '2024-01-01T00:00:00Z'
ZIP_TIME = (2024, 1, 1, 0, 0, 0)

LONG_HEADER = ['城市', '指标', '年份', '数值', '单位']
RD, HTE, TCV = '研发经费投入强度', '高新技术企业数', '技术合同成交额'
UNIT = {RD: '%', HTE: '家', TCV: '亿元'}
NUM_FMT = {RD: '0.00', HTE: '0', TCV: '0.00'}

# One consistent invented dataset (curated figures where the curated data has them, see the docstring).
#            city    year  R&D %  high-tech  contract 亿元
YEARBOOK = [
    ('芜湖', 2021, 3.48, 1377, 234.56),
    ('芜湖', 2022, 3.76, 1796, 298.40),
    ('芜湖', 2023, 3.85, 2000, 345.67),
    ('合肥', 2021, 3.52, 1650, 265.10),
    ('合肥', 2022, 3.64, 2210, 331.50),
    ('合肥', 2023, 3.91, 2480, 386.20),
]
# 技术合同成交额 (亿元) 2021-2023 for the wide fixtures.
TCV_WIDE = [
    ('芜湖', [234.56, 298.40, 345.67]),
    ('合肥', [265.10, 331.50, 386.20]),
    ('武汉', [302.80, 356.90, 398.15]),
]


def long_rows(year):
    return [
        (city, ind, y, val, UNIT[ind])
        for city, y, rd, hte, tcv in YEARBOOK
        if y == year
        for ind, val in ((RD, rd), (HTE, hte), (TCV, tcv))
    ]


LONG_2023 = long_rows(2023)  # 芜湖/合肥 x 3 indicators
LONG_2022 = long_rows(2022)


# --- Writing and normalising ------------------------------------------------------------------------------------


def new_workbook(first_title):
    wb = Workbook()
    wb.active.title = first_title
    wb.properties.creator = 'make-workbook-fixtures.py'
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    return wb


def pin_dates(name, data):
    """Replaces document dates that writers stamp with 'now' by FIXED."""
    if name == 'docProps/core.xml':
        s = data.decode('utf-8')
        for tag in ('dcterms:created', 'dcterms:modified'):
            s = re.sub(r'(<%s\b[^>]*>)[^<]*(</%s>)' % (tag, tag), r'\g<1>%s\g<2>' % FIXED_ISO, s)
        s = re.sub(r'(<cp:revision>)[^<]*(</cp:revision>)', r'\g<1>1\g<2>', s)
        return s.encode('utf-8')
    if name == 'docProps/app.xml':
        s = data.decode('utf-8')
        s = re.sub(r'(<TotalTime>)[^<]*(</TotalTime>)', r'\g<1>0\g<2>', s)
        return s.encode('utf-8')
    if name == 'meta.xml':  # ODF
        s = data.decode('utf-8')
        for tag in ('meta:creation-date', 'dc:date'):
            s = re.sub(r'(<%s>)[^<]*(</%s>)' % (tag, tag), r'\g<1>2024-01-01T00:00:00\g<2>', s)
        s = re.sub(r'(<meta:editing-duration>)[^<]*(</meta:editing-duration>)', r'\g<1>PT0S\g<2>', s)
        s = re.sub(r'(<meta:editing-cycles>)[^<]*(</meta:editing-cycles>)', r'\g<1>1\g<2>', s)
        return s.encode('utf-8')
    return data


def normalise_zip(data, rewrite=None):
    """Rewrites a zip with fixed entry timestamps and pinned document dates, keeping entry order and each entry's
    compression (ODF's 'mimetype' must stay first and stored). rewrite([(name, bytes)]) -> [(name, bytes)] may
    edit, add or drop entries."""
    src = zipfile.ZipFile(io.BytesIO(data))
    kinds = {info.filename: info.compress_type for info in src.infolist()}
    entries = [(info.filename, pin_dates(info.filename, src.read(info.filename))) for info in src.infolist()]
    if rewrite:
        entries = rewrite(entries)
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w') as dst:
        for name, body in entries:
            zi = zipfile.ZipInfo(name, ZIP_TIME)
            zi.compress_type = kinds.get(name, zipfile.ZIP_DEFLATED)
            zi.external_attr = 0o644 << 16
            zi.create_system = 3
            dst.writestr(zi, body, compresslevel=9 if zi.compress_type == zipfile.ZIP_DEFLATED else None)
    return out.getvalue()


SST_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml'
SST_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings'
INLINE_CELL = re.compile(r'<c ([^>]*?)t="inlineStr"([^>]*)><is>(<t(?: [^>]*)?>.*?</t>)</is></c>')


def shared_strings(entries):
    """openpyxl 3.1 writes every string as an inline string (t="inlineStr"); Excel and WPS write a shared-string
    table (xl/sharedStrings.xml, cells t="s" holding an index). This moves the strings into such a table, so the
    fixtures look like what users upload. The text stays exactly as openpyxl escaped it."""
    table, index, count, out = [], {}, 0, []

    def cell(m):
        nonlocal count
        t = m.group(3)
        if t not in index:
            index[t] = len(table)
            table.append(t)
        count += 1
        return '<c %st="s"%s><v>%d</v></c>' % (m.group(1), m.group(2), index[t])

    for name, body in entries:
        if name.startswith('xl/worksheets/sheet') and name.endswith('.xml'):
            body = INLINE_CELL.sub(cell, body.decode('utf-8')).encode('utf-8')
        out.append((name, body))
    if not table:
        return out
    sst = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">%s</sst>'
        % (count, len(table), ''.join('<si>%s</si>' % t for t in table))
    ).encode('utf-8')
    result = []
    for name, body in out:
        if name == '[Content_Types].xml':
            body = body.replace(
                b'</Types>', b'<Override PartName="/xl/sharedStrings.xml" ContentType="%s" /></Types>' % SST_CT.encode()
            )
        elif name == 'xl/_rels/workbook.xml.rels':
            body = body.replace(
                b'</Relationships>',
                b'<Relationship Id="rIdSst" Type="%s" Target="sharedStrings.xml" /></Relationships>' % SST_REL.encode(),
            )
        elif name == 'xl/styles.xml':
            result.append(('xl/sharedStrings.xml', sst))
        result.append((name, body))
    assert any(n == 'xl/sharedStrings.xml' for n, _ in result)
    return result


def write_bytes(name, data):
    with open(os.path.join(OUT, name), 'wb') as f:
        f.write(data)


def workbook_bytes(wb):
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def save(wb, name, rewrite=shared_strings):
    write_bytes(name, normalise_zip(workbook_bytes(wb), rewrite))


def put_rows(ws, rows, start=1):
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            if v is not None:
                ws.cell(row=start + i, column=1 + j, value=v)


def widths(ws, *w):
    for i, x in enumerate(w):
        ws.column_dimensions[chr(ord('A') + i)].width = x


def long_sheet(ws, rows, start=1):
    put_rows(ws, [LONG_HEADER] + rows, start)
    for r, row in enumerate(rows, start + 1):
        ws.cell(row=r, column=4).number_format = NUM_FMT[row[1]]
    widths(ws, 8, 18, 8, 10, 8)


# --- The openpyxl fixtures --------------------------------------------------------------------------------------


def long_basic():
    wb = new_workbook('数据')
    long_sheet(wb.active, LONG_2023)
    save(wb, 'long-basic.xlsx')
    return wb


def long_basic_xlsm(wb):
    # An .xlsm is an .xlsx whose workbook part has the macro-enabled content type; a vbaProject.bin is optional
    # (Excel itself writes none when a macro-free workbook is saved as .xlsm).
    def macro_enabled(entries):
        return [
            (
                name,
                body.replace(
                    b'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
                    b'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
                )
                if name == '[Content_Types].xml'
                else body,
            )
            for name, body in shared_strings(entries)
        ]

    save(wb, 'long-basic.xlsm', macro_enabled)


def cover_sheet():
    wb = new_workbook('封面')
    ws = wb.active
    ws['A1'] = '芜湖市科技统计资料'
    ws['A1'].font = Font(size=18, bold=True)
    ws['A3'] = '编制单位：芜湖市科技局'
    ws['A4'] = datetime.datetime(2024, 3, 1)
    ws['A4'].number_format = 'yyyy"年"m"月"d"日"'
    ws['A4'].alignment = Alignment(horizontal='left')
    widths(ws, 30)
    long_sheet(wb.create_sheet('指标'), LONG_2023)
    save(wb, 'cover-sheet.xlsx')


def two_tables():
    wb = new_workbook('2022年')
    long_sheet(wb.active, LONG_2022)
    long_sheet(wb.create_sheet('2023年'), LONG_2023)
    save(wb, 'two-tables.xlsx')


def titles_and_notes():
    wb = new_workbook('Sheet1')
    ws = wb.active
    ws['A1'] = '2023年芜湖市主要科技指标'
    ws['A1'].font = Font(size=14, bold=True)
    ws['A1'].alignment = Alignment(horizontal='center')
    ws.merge_cells('A1:E1')
    ws['A2'] = '单位：亿元'
    ws['A2'].alignment = Alignment(horizontal='right')
    ws.merge_cells('A2:E2')
    # row 3 blank; row 4 header with the years as text
    put_rows(ws, [['城市', '指标', '2021', '2022', '2023']], 4)
    put_rows(ws, [[city, TCV] + vals for city, vals in TCV_WIDE], 5)
    for r in range(5, 8):
        for c in range(3, 6):
            ws.cell(row=r, column=c).number_format = '0.00'
    # row 8 blank; row 9 the note
    ws['A9'] = '注：2023年为快报数。'
    ws.merge_cells('A9:E9')
    widths(ws, 8, 16, 10, 10, 10)
    save(wb, 'titles-and-notes.xlsx')


def two_row_header():
    wb = new_workbook('Sheet1')
    ws = wb.active
    put_rows(ws, [['城市', '指标', '2022年', '2023年'], [None, None, '亿元', '亿元']])
    put_rows(ws, [[city, TCV, vals[1], vals[2]] for city, vals in TCV_WIDE], 3)
    for r in range(3, 6):
        for c in (3, 4):
            ws.cell(row=r, column=c).number_format = '0.00'
    widths(ws, 8, 16, 10, 10)
    save(wb, 'two-row-header.xlsx')


# 高新技术企业数 2021-2023; strings are numbers stored as TEXT cells (as pasted from a web page or a Word table).
HTE_WIDE = [
    ('芜湖', [1377, '1,796', 2000]),
    ('合肥', ['1,650', '2210', 2480]),
    ('武汉', ['4,012', 4355, '1,250']),
]


def numeric_years_text_numbers():
    wb = new_workbook('Sheet1')
    for ws, last_year in ((wb.active, 2023), (wb.create_sheet('date-header'), datetime.datetime(2023, 1, 1))):
        put_rows(ws, [['城市', '指标', 2021, 2022, last_year]])
        if isinstance(last_year, datetime.datetime):
            ws['E1'].number_format = 'yyyy'  # Excel shows "2023"; the cell holds the serial 44927
        put_rows(ws, [[city, HTE] + vals for city, vals in HTE_WIDE], 2)
        for r in range(2, 5):
            for c in range(3, 6):
                cell = ws.cell(row=r, column=c)
                if isinstance(cell.value, str):
                    cell.number_format = '@'  # "Text" format, as Excel marks cells typed into a text column
        widths(ws, 8, 16, 10, 10, 10)
    save(wb, 'numeric-years-text-numbers.xlsx')


def percent_cells():
    wb = new_workbook('数据')
    ws = wb.active
    rows = [
        ['芜湖', RD, 2022, 0.0376, None],  # shown 3.76%
        ['合肥', RD, 2022, 0.0391, None],  # shown 3.91%
        ['芜湖', HTE, 2023, datetime.datetime(2023, 5, 1), '家'],  # a date in 数值: refused
        ['合肥', HTE, 2023, None, '家'],  # empty 数值
        ['芜湖', TCV, 2023, 345.67, '亿元'],  # D6, merged D6:D7
        ['合肥', TCV, 2023, None, '亿元'],  # D7, covered by the merge: no value of its own
    ]
    put_rows(ws, [LONG_HEADER] + rows)
    ws['D2'].number_format = '0.00%'
    ws['D3'].number_format = '0.00%'
    ws['D4'].number_format = 'yyyy-mm-dd'
    ws['D6'].number_format = '0.00'
    ws['D6'].alignment = Alignment(vertical='center')
    ws.merge_cells('D6:D7')
    widths(ws, 8, 18, 8, 12, 8)
    save(wb, 'percent-cells.xlsx')


def formulas_nocache():
    wb = new_workbook('数据')
    ws = wb.active
    rows = [
        ['芜湖', RD, 2023, '=2+1.5', '%'],  # D2 = 3.5
        ['芜湖', HTE, 2023, '=1000*2', '家'],  # D3 = 2000
        ['芜湖', TCV, 2023, '=D2*100', '亿元'],  # D4 = 350
        ['合肥', RD, 2023, '=ROUND(3.914,2)', '%'],  # D5 = 3.91
        ['合肥', HTE, 2023, '=D3+480', '家'],  # D6 = 2480
        ['合肥', TCV, 2023, '=SUM(D4,36.2)', '亿元'],  # D7 = 386.2
        ['武汉', RD, '=2020+3', 3.2, '%'],  # a formula year: C8 = 2023
        ['武汉', HTE, 2023, '=1/0', '家'],  # D9 = #DIV/0!: an error value, refused
        ['=CONCATENATE("苏","州")', TCV, 2023, 120.5, '亿元'],  # a formula city: A10 = 苏州 (a string result)
    ]
    put_rows(ws, [LONG_HEADER] + rows)
    widths(ws, 8, 18, 8, 10, 8)
    save(wb, 'formulas-nocache.xlsx', rewrite=None)  # as openpyxl writes it: inline strings, empty <v/>


def yearbook_header(unit_row):
    if unit_row:
        return [['城市', '年份', RD, HTE, TCV], [None, None, '%', '家', '万元']]
    return [['城市', '年份', '研发经费投入强度(%)', '高新技术企业数（家）', '技术合同成交额（亿元）']]


def yearbook_sheet(ws, unit_row=False):
    head = yearbook_header(unit_row)
    data = [
        [city, year, rd, hte, round(tcv * 10000) if unit_row else tcv] for city, year, rd, hte, tcv in YEARBOOK
    ]
    put_rows(ws, head + data)
    for r in range(len(head) + 1, len(head) + 1 + len(data)):
        ws.cell(row=r, column=3).number_format = '0.00'
        ws.cell(row=r, column=5).number_format = '#,##0' if unit_row else '0.00'
    widths(ws, 8, 8, 20, 20, 22)


def yearbook():
    wb = new_workbook('Sheet1')
    yearbook_sheet(wb.active)
    save(wb, 'yearbook.xlsx')
    wb = new_workbook('Sheet1')
    yearbook_sheet(wb.active, unit_row=True)
    save(wb, 'yearbook-unit-row.xlsx')


def single_city():
    wb = new_workbook('Sheet1')
    ws = wb.active
    ws['A1'] = '芜湖市2021-2023年科技指标'  # a plain (unmerged) title cell
    put_rows(ws, [['年份', '研发经费投入强度(%)', '高新技术企业数（家）']], 2)
    put_rows(ws, [[y, rd, hte] for city, y, rd, hte, _ in YEARBOOK if city == '芜湖'], 3)
    for r in range(3, 6):
        ws.cell(row=r, column=2).number_format = '0.00'
    widths(ws, 8, 20, 20)
    save(wb, 'single-city.xlsx')


def wuhu_conflict():
    # The curated data (data/indicators.csv) has wuhu,rd_intensity,2022 = 3.76 % (source 001_bf8fc6d553621b5e,
    # 全社会研发经费投入占GDP比重达3.76%); 3.80 disagrees with it. Hefei is not a curated place: no conflict.
    wb = new_workbook('数据')
    long_sheet(wb.active, [['芜湖', RD, 2022, 3.80, '%'], ['合肥', RD, 2022, 3.64, '%']])
    save(wb, 'wuhu-conflict.xlsx')


def wps_style():
    wb = new_workbook('说明')
    ws = wb.active
    for i, line in enumerate(
        [
            '填表说明',
            '一、本表由各市科技局填报，数据截至2023年12月31日。',
            '二、研发经费投入强度为全社会研发经费投入占地区生产总值的比重，以百分数表示。',
            '三、高新技术企业数为当年有效期内的国家高新技术企业数量。',
            '四、技术合同成交额以技术合同登记机构登记数为准，单位为亿元。',
        ]
    ):
        ws.cell(row=1 + i, column=1, value=line)
    widths(ws, 80)
    yearbook_sheet(wb.create_sheet('Sheet2'))
    wb.create_sheet('Sheet3')  # empty, as WPS and Excel add them
    save(wb, 'wps-style.xlsx')


# --- Byte-level fixtures ----------------------------------------------------------------------------------------


def html_table():
    def esc(s):
        return (
            str(s).replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace('"', '&quot;')
            .replace("'", '&#39;')
        )

    rows = [list(r) + [''] for r in LONG_2023]
    rows[0][5] = '<img src=x onerror=alert(1)>'
    rows.append(["=cmd|' /C calc'!A0", RD, 2023, 3.2, '%', '公式注入'])
    head = LONG_HEADER + ['备注']
    out = [
        '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"'
        ' xmlns="http://www.w3.org/TR/REC-html40">',
        '<head>',
        '<meta charset="utf-8">',
        '<!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet><x:Name>数据</x:Name>'
        '<x:WorksheetOptions><x:DisplayGridlines/></x:WorksheetOptions></x:ExcelWorksheet></x:ExcelWorksheets>'
        '</x:ExcelWorkbook></xml><![endif]-->',
        '<title>科技指标导出</title>',
        '</head>',
        '<body>',
        '<table border="1">',
        '<tr>' + ''.join('<th>%s</th>' % esc(h) for h in head) + '</tr>',
    ]
    for r in rows:
        out.append('<tr>' + ''.join('<td>%s</td>' % esc(v) for v in r) + '</tr>')
    out += ['</table>', '</body>', '</html>', '']
    write_bytes('html-table.xls', '\r\n'.join(out).encode('utf-8'))


def damaged():
    with open(os.path.join(OUT, 'long-basic.xlsx'), 'rb') as f:
        data = f.read()
    write_bytes('damaged.xlsx', data[: len(data) // 2])


ZIP_BOMB_INFLATED = 400 * 1024 * 1024  # bytes of padding whitespace inside sheet1.xml


def zip_bomb():
    ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
    rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
    parts = [
        (
            '[Content_Types].xml',
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '</Types>',
        ),
        (
            '_rels/.rels',
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>' % rel,
        ),
        (
            'xl/workbook.xml',
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets>'
            '</workbook>' % (ns, rel),
        ),
        (
            'xl/_rels/workbook.xml.rels',
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/>'
            '</Relationships>' % rel,
        ),
    ]

    def inline(v):
        if isinstance(v, str):
            return '<c t="inlineStr"><is><t>%s</t></is></c>' % v
        return '<c><v>%s</v></c>' % v

    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="%s"><sheetData>' % ns
    for i, row in enumerate([LONG_HEADER] + LONG_2023):
        head += '<row r="%d">%s</row>' % (i + 1, ''.join(inline(v) for v in row))
    tail = '</sheetData></worksheet>'

    path = os.path.join(OUT, 'zip-bomb.xlsx')
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, body in parts:
            zi = zipfile.ZipInfo(name, ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, body, compresslevel=9)
        zi = zipfile.ZipInfo('xl/worksheets/sheet1.xml', ZIP_TIME)
        zi.compress_type = zipfile.ZIP_DEFLATED
        zi.external_attr = 0o644 << 16
        # open(zinfo, 'w') takes the level from the ZipInfo: compress_level on Python >= 3.13, _compresslevel before
        setattr(zi, 'compress_level' if hasattr(zi, 'compress_level') else '_compresslevel', 9)
        chunk = b' ' * (1 << 20)
        with z.open(zi, 'w') as f:  # streamed: memory stays at one chunk
            f.write(head.encode('utf-8'))
            for _ in range(ZIP_BOMB_INFLATED // len(chunk)):
                f.write(chunk)
            f.write(tail.encode('utf-8'))


# A hand-built OLE compound file (MS-CFB, version 3, 512-byte sectors) like Excel's encrypted .xlsx: Root Entry,
# 'EncryptionInfo' (agile, version 4.4, about 1 KB, so in the mini stream as Excel stores it) and
# 'EncryptedPackage' (8-byte plaintext size + ciphertext, >= 4096 bytes, so in regular sectors). Every byte that
# would be key material or ciphertext is seeded pseudo-random, so no password decrypts it. Excel also writes a
# '\x06DataSpaces' storage; it is left out (readers identify the format by the two streams).

FREESECT, ENDOFCHAIN, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def encryption_info(rnd):
    import base64

    def b64(n):
        return base64.b64encode(bytes(rnd.getrandbits(8) for _ in range(n))).decode('ascii')

    algo = (
        'saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" '
        'cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"'
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" '
        'xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password" '
        'xmlns:c="http://schemas.microsoft.com/office/2006/keyEncryptor/certificate">'
        '<keyData %s saltValue="%s"/>'
        '<dataIntegrity encryptedHmacKey="%s" encryptedHmacValue="%s"/>'
        '<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">'
        '<p:encryptedKey spinCount="100000" %s saltValue="%s" encryptedVerifierHashInput="%s" '
        'encryptedVerifierHashValue="%s" encryptedKeyValue="%s"/>'
        '</keyEncryptor></keyEncryptors></encryption>'
    ) % (algo, b64(16), b64(64), b64(64), algo, b64(16), b64(16), b64(64), b64(32))
    # EncryptionVersionInfo 4.4 (agile), reserved flags 0x40, then the XML descriptor
    return struct.pack('<HHI', 4, 4, 0x40) + xml.encode('utf-8')


def dir_entry(name, kind, color, left, right, child, start, size):
    n = (name + '\0').encode('utf-16-le') if name else b''
    return (
        n.ljust(64, b'\0')
        + struct.pack('<HBB', len(n), kind, color)
        + struct.pack('<III', left, right, child)
        + b'\0' * 16  # CLSID
        + struct.pack('<I', 0)  # state bits
        + b'\0' * 16  # creation and modification FILETIMEs
        + struct.pack('<IQ', start, size)
    )


def protected():
    rnd = random.Random(20240101)
    info = encryption_info(rnd)
    plain_size = 6144  # the size the "decrypted" package claims
    package = struct.pack('<Q', plain_size) + bytes(rnd.getrandbits(8) for _ in range(plain_size))
    assert len(info) < 4096 <= len(package)

    SECTOR, MINI = 512, 64
    mini_sectors = -(-len(info) // MINI)
    mini_stream = info.ljust(mini_sectors * MINI, b'\0')
    container_sectors = -(-len(mini_stream) // SECTOR)
    package_sectors = -(-len(package) // SECTOR)
    # sector 0 FAT, 1 directory, 2 mini FAT, then the mini stream container, then EncryptedPackage
    first_container = 3
    first_package = first_container + container_sectors
    total = first_package + package_sectors
    assert total <= 128 and mini_sectors <= 128  # one FAT sector, one mini FAT sector

    fat = [FATSECT, ENDOFCHAIN, ENDOFCHAIN]
    for start, count in ((first_container, container_sectors), (first_package, package_sectors)):
        fat += [start + i + 1 for i in range(count - 1)] + [ENDOFCHAIN]
    fat += [FREESECT] * (128 - len(fat))
    minifat = [i + 1 for i in range(mini_sectors - 1)] + [ENDOFCHAIN]
    minifat += [FREESECT] * (128 - len(minifat))

    # Directory: 0 Root Entry (its stream is the mini stream container), 1 EncryptionInfo, 2 EncryptedPackage.
    # Siblings form a red-black tree ordered by name length, then name: EncryptionInfo (14) < EncryptedPackage (16),
    # so the root's child is EncryptionInfo (black) with EncryptedPackage (red) as its right sibling.
    directory = (
        dir_entry('Root Entry', 5, 1, NOSTREAM, NOSTREAM, 1, first_container, len(mini_stream))
        + dir_entry('EncryptionInfo', 2, 1, NOSTREAM, 2, NOSTREAM, 0, len(info))
        + dir_entry('EncryptedPackage', 2, 0, NOSTREAM, NOSTREAM, NOSTREAM, first_package, len(package))
        + dir_entry('', 0, 0, NOSTREAM, NOSTREAM, NOSTREAM, 0, 0)
    )

    header = (
        b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1'
        + b'\0' * 16  # CLSID
        + struct.pack('<HHHHH', 0x003E, 0x0003, 0xFFFE, 9, 6)  # minor, major 3, byte order, 2^9, 2^6
        + b'\0' * 6
        + struct.pack('<IIIIIIIII', 0, 1, 1, 0, 4096, 2, 1, ENDOFCHAIN, 0)
        # directory sectors (0 in v3), FAT sectors, first directory sector, transaction, mini cutoff,
        # first mini FAT sector, mini FAT sectors, first DIFAT sector, DIFAT sectors
        + struct.pack('<109I', 0, *([FREESECT] * 108))
    )
    assert len(header) == SECTOR

    def pad(b):
        return b.ljust(-(-len(b) // SECTOR) * SECTOR, b'\0')

    body = (
        header
        + struct.pack('<128I', *fat)
        + directory
        + struct.pack('<128I', *minifat)
        + pad(mini_stream)
        + pad(package)
    )
    assert len(body) == SECTOR * (1 + total)
    write_bytes('protected.xlsx', body)


# --- LibreOffice conversions ------------------------------------------------------------------------------------

# Forces "recalculate on load" for OOXML and ODF, so formulas without cached values get computed and saved.
RECALC_XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def soffice_convert(src, target, out_name, tmp):
    """Converts OUT/src with LibreOffice to the filter `target` and stores the result as OUT/out_name."""
    profile = os.path.join(tmp, 'profile')
    user = os.path.join(profile, 'user')
    os.makedirs(user, exist_ok=True)
    with open(os.path.join(user, 'registrymodifications.xcu'), 'w', encoding='utf-8') as f:
        f.write(RECALC_XCU)
    outdir = os.path.join(tmp, 'out')
    os.makedirs(outdir, exist_ok=True)
    cmd = [
        'soffice',
        '-env:UserInstallation=file://' + profile,
        '--headless',
        '--norestore',
        '--convert-to',
        target,
        '--outdir',
        outdir,
        os.path.join(OUT, src),
    ]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    produced = os.path.join(outdir, os.path.splitext(src)[0] + '.' + target.split(':')[0])
    with open(produced, 'rb') as f:
        data = f.read()
    os.remove(produced)
    if zipfile.is_zipfile(io.BytesIO(data)):
        data = normalise_zip(data)
    write_bytes(out_name, data)


def soffice_fixtures():
    if shutil.which('soffice') is None:
        print(
            'SKIPPED: soffice (LibreOffice) is not on PATH, so long-basic.xls, long-basic.ods and formulas.xlsx '
            'were not written; the committed copies are unchanged.',
            file=sys.stderr,
        )
        return
    with tempfile.TemporaryDirectory() as tmp:
        soffice_convert('long-basic.xlsx', 'xls:MS Excel 97', 'long-basic.xls', tmp)
        soffice_convert('long-basic.xlsx', 'ods', 'long-basic.ods', tmp)
        soffice_convert('formulas-nocache.xlsx', 'xlsx:Calc MS Excel 2007 XML', 'formulas.xlsx', tmp)


# --- The benchmark workbook (not committed) ---------------------------------------------------------------------

BIG_CITIES = ['芜湖', '合肥', '武汉', '杭州', '苏州']
BIG_RANGES = {RD: (2.0, 4.5, 2), HTE: (300, 15000, 0), TCV: (20.0, 2000.0, 2)}


def big(path, rows=100_000):
    t0 = time.time()
    rnd = random.Random(42)
    wb = Workbook(write_only=True)
    wb.properties.created = FIXED
    ws = wb.create_sheet('数据')
    ws.append(LONG_HEADER)
    inds = [RD, HTE, TCV]
    for i in range(rows):
        # year fastest, then indicator, then city: the 5 x 3 x 24 = 360 keys come round evenly
        year = 2000 + i % 24
        ind = inds[(i // 24) % 3]
        city = BIG_CITIES[(i // 72) % 5]
        lo, hi, nd = BIG_RANGES[ind]
        v = round(rnd.uniform(lo, hi), nd)
        ws.append([city, ind, year, int(v) if nd == 0 else v, UNIT[ind]])
    data = normalise_zip(workbook_bytes(wb), shared_strings)
    with open(path, 'wb') as f:
        f.write(data)
    print('%s: %d rows, %d bytes (%.1f MB), %.1f s' % (path, rows, len(data), len(data) / 1e6, time.time() - t0))


# --- Main -------------------------------------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--big', metavar='OUT', help='write only the 100,000-row benchmark workbook to OUT')
    ap.add_argument('--no-soffice', action='store_true', help='skip the LibreOffice conversions')
    args = ap.parse_args()
    if args.big:
        big(args.big)
        return
    os.makedirs(OUT, exist_ok=True)
    wb = long_basic()
    long_basic_xlsm(wb)
    cover_sheet()
    two_tables()
    titles_and_notes()
    two_row_header()
    numeric_years_text_numbers()
    percent_cells()
    formulas_nocache()
    yearbook()
    single_city()
    wuhu_conflict()
    wps_style()
    html_table()
    damaged()
    zip_bomb()
    protected()
    if args.no_soffice:
        print('SKIPPED (--no-soffice): long-basic.xls, long-basic.ods, formulas.xlsx', file=sys.stderr)
    else:
        soffice_fixtures()
    for name in sorted(os.listdir(OUT)):
        print('%10d  %s' % (os.path.getsize(os.path.join(OUT, name)), name))


if __name__ == '__main__':
    main()
