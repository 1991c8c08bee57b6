#!/usr/bin/env python3
"""Writes Samples/club-register-libreoffice.xlsx: a club's register as LibreOffice Calc saves it — a title and a
date above the table in merged cells, a group heading merged across each group ("Tổ 1"), a flood level merged
down a group's households, survey dates, Vietnamese names and values, an amount with grouping — for the round
trip through `advise batch` and `advise ward` (Tests/AdviseKitTests/Spreadsheet/LibreOfficeRoundTripTests.swift).

The sheet is written as flat ODF (the text form of a LibreOffice spreadsheet) and converted by LibreOffice
itself, so the .xlsx is LibreOffice's own — its shared strings, styles, date formats and merge records:

    apt-get install libreoffice-calc-nogui      # Debian
    python3 scripts/make-libreoffice-register.py

The workbook is committed: the tests read it, they do not need LibreOffice. Not real households."""
import os
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

COLUMNS = ["STT", "Mã hộ", "Chủ hộ", "Diện tích", "Vốn", "Ngập", "Nhân khẩu", "Thu nhập", "Thiếu hụt", "Ngày khảo sát"]
# (id, name, land, capital, members, income a year, deprivations, survey date); flood is merged per group.
GROUPS = [
    ("Tổ 1 — ấp Mỹ Thạnh", "thỉnh thoảng", [
        ("MT-01", "Nguyễn Văn Thành", 7000, 150_000_000, 4, 96_000_000, 0, "2026-11-02"),
        ("MT-02", "Trần Thị Oanh", "3 công", 20_000_000, 5, 90_000_000, 3, "2026-11-02"),
        ("MT-03", "Lê Văn Nam", 5500, 60_000_000, 3, 70_000_000, 1, "2026-11-03"),
    ]),
    ("Tổ 2 — ấp Phú Hưng", "không ngập", [
        ("PH-01", "Phạm Thị Hoa", 1000, 5_000_000, 4, 72_000_000, 2, "2026-11-09"),
        ("PH-02", "Võ Văn Đức", 0, 10_000_000, 3, 66_000_000, 4, "2026-11-09"),
        ("PH-03", "Huỳnh Thị Lan", "0,8ha", 200_000_000, 4, 240_000_000, 0, "2026-11-10"),
    ]),
]


def cell(value, style=None, span=None, rows=None):
    attrs = ""
    if style:
        attrs += f' table:style-name="{style}"'
    if span:
        attrs += f' table:number-columns-spanned="{span}" table:number-rows-spanned="1"'
    if rows:
        attrs += f' table:number-columns-spanned="1" table:number-rows-spanned="{rows}"'
    if isinstance(value, tuple):  # a date
        return f'<table:table-cell{attrs} office:value-type="date" office:date-value="{value[0]}"><text:p>{value[0]}</text:p></table:table-cell>'
    if isinstance(value, (int, float)):
        return f'<table:table-cell{attrs} office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'
    return f'<table:table-cell{attrs} office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'


def covered(n=1):
    return f'<table:covered-table-cell table:number-columns-repeated="{n}"/>' if n > 1 else "<table:covered-table-cell/>"


def row(cells):
    return "<table:table-row>" + "".join(cells) + "</table:table-row>"


width = len(COLUMNS)
rows = [
    row([cell("DANH SÁCH HỘ ĐĂNG KÝ CHUYỂN ĐỔI MÔ HÌNH — CÂU LẠC BỘ NÔNG DÂN PHƯỜNG BẾN TRE", span=width), covered(width - 1)]),
    row([cell("Ngày lập:"), cell(("2026-12-01",), style="ce1"), cell("Người lập: Nguyễn Thị Bảo", span=3), covered(2)]),
    row([]),
    row([cell(c) for c in COLUMNS]),
]
number = 0
for heading, flood, households in GROUPS:
    rows.append(row([cell(heading, span=width), covered(width - 1)]))
    for i, (hid, name, land, capital, members, income, deprivations, date) in enumerate(households):
        number += 1
        flood_cell = cell(flood, rows=len(households)) if i == 0 else covered()
        rows.append(row([cell(number), cell(hid), cell(name), cell(land, style="ce2" if isinstance(land, int) else None),
                         cell(capital, style="ce2"), flood_cell, cell(members), cell(income, style="ce2"), cell(deprivations),
                         cell((date,), style="ce1")]))

document = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
 <number:date-style style:name="N1"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
 <number:number-style style:name="N2"><number:number number:decimal-places="0" number:min-integer-digits="1" number:grouping="true"/></number:number-style>
 <style:style style:name="ce1" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N1"/>
 <style:style style:name="ce2" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N2"/>
</office:automatic-styles>
<office:body><office:spreadsheet>
<table:table table:name="Danh sách">
<table:table-column table:number-columns-repeated="{width}"/>
{chr(10).join(rows)}
</table:table>
<table:table table:name="Hướng dẫn">
<table:table-column/>
{row([cell("Ghi diện tích bằng m², công hoặc ha; vốn và thu nhập bằng đồng.")])}
</table:table>
</office:spreadsheet></office:body>
</office:document>
"""

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
target = os.path.join(root, "Samples", "club-register-libreoffice.xlsx")
soffice = shutil.which("soffice") or shutil.which("libreoffice")
if not soffice:
    sys.exit("needs LibreOffice: apt-get install libreoffice-calc-nogui")
with tempfile.TemporaryDirectory() as work:
    source = os.path.join(work, "club-register-libreoffice.fods")
    with open(source, "w", encoding="utf-8") as f:
        f.write(document)
    subprocess.run([soffice, f"-env:UserInstallation=file://{work}/profile", "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
                    "--outdir", work, source], check=True, stdout=subprocess.DEVNULL)
    shutil.copyfile(os.path.join(work, "club-register-libreoffice.xlsx"), target)
print(target)
