#!/usr/bin/env python3
"""Writes Samples/club-members-workbook.xlsx: the club list of club-members.csv as an officer keeps it in Excel —
Vietnamese headers and level names, land and capital as numbers (grouped), a column of names and one of
notes with line breaks (neither read), a blank row, and a second sheet of instructions.
Needs openpyxl (pip install openpyxl); run from the repository root. The workbook is committed: the
tests read it, they do not run this script."""
import csv
import openpyxl
from openpyxl.styles import Font

FLOOD = {'none': 'không ngập', 'occasional': 'thỉnh thoảng', 'frequent': 'thường xuyên'}
SALINITY = {'low': 'thấp', 'medium': 'trung bình', 'high': 'cao'}
USE = {'coconut': 'vườn dừa', 'mixed-garden': 'vườn tạp', 'bare': 'đất trống', 'rice': 'ruộng lúa',
       'neglected-coconut': 'vườn dừa bỏ hoang'}
LOAN = {'none': 'không thuộc diện', 'poor': 'hộ nghèo', 'near-poor': 'hộ cận nghèo', 'newly-escaped': 'hộ mới thoát nghèo'}
NAMES = ['Nguyễn Văn Thành', 'Trần Thị Oanh', 'Lê Văn Nam', 'Phạm Thị Hoa', 'Võ Văn Đức', 'Huỳnh Thị Lan',
         'Đặng Văn Tâm', 'Bùi Thị Mai', 'Đỗ Văn Hùng', 'Hồ Thị Thu', 'Ngô Văn Phúc', 'Dương Thị Hạnh', 'Lý Văn Sơn',
         'Trương Thị Ngọc', 'Mai Văn Lộc']


def number(text, units):
    """A plain number as a number; a value with a unit (or the ambiguous '7.000') stays text."""
    for suffix, factor in units.items():
        if text.endswith(suffix) and text[:-len(suffix)].replace('.', '', 1).isdigit() and text.count('.') <= 1:
            value = float(text[:-len(suffix)]) * factor
            return int(value) if value == int(value) else value
    return int(text) if text.isdigit() else text


rows = list(csv.reader(open('Samples/club-members.csv', encoding='utf-8')))[1:]
book = openpyxl.Workbook()
sheet = book.active
sheet.title = 'Danh sách hộ'
sheet.append(['Mã hộ', 'Họ tên chủ hộ', 'Diện tích', 'Vốn', 'Ngập', 'Độ mặn', 'Nhân khẩu', 'Lao động', 'Hiện trạng',
              'Diện vay', 'Ghi chú'])
for cell in sheet[1]:
    cell.font = Font(bold=True)
for i, (r, name) in enumerate(zip(rows, NAMES)):
    land = r[1] if r[1] in ('7.000', '2cong', '15cong', '1.1ha') else number(r[1], {'ha': 10000, '': 1})
    capital = number(r[2], {'tr': 1_000_000, 'ty': 1_000_000_000, '': 1})
    note = 'Đất bãi bồi\nngoài đê' if r[3] == 'frequent' else None
    sheet.append([r[0], name, land, capital, FLOOD[r[3]], SALINITY[r[4]], int(r[5]), int(r[6]), USE[r[7]], LOAN[r[8]], note])
    sheet.cell(row=sheet.max_row, column=4).number_format = '#,##0'
    if i == 6:
        sheet.append([])  # a blank row between two groups of the club
help_sheet = book.create_sheet('Hướng dẫn')
help_sheet.append(['Diện tích: m², hoặc ghi đơn vị (2 công, 1,1 ha).'])
help_sheet.append(['Vốn: đồng, hoặc 50tr, 1,5 tỷ.'])
book.save('Samples/club-members-workbook.xlsx')

# Excel keeps text in a shared-strings part (openpyxl writes it inline): rewrite the first sheet that way,
# with one name as rich text in two runs, as Excel stores a cell with two fonts.
import re
import zipfile

path = 'Samples/club-members-workbook.xlsx'
parts = {}
with zipfile.ZipFile(path) as z:
    for info in z.infolist():
        parts[info.filename] = z.read(info.filename).decode('utf-8')
strings = []


def shared(match):
    text = match.group(2)
    if text not in strings:
        strings.append(text)
    return f'{match.group(1)} t="s"><v>{strings.index(text)}</v></c>'


parts['xl/worksheets/sheet1.xml'] = re.sub(r'(<c r="[A-Z]+[0-9]+"(?: s="[0-9]+")?) t="inlineStr"><is><t(?: [^>]*)?>(.*?)</t></is></c>',
                                           shared, parts['xl/worksheets/sheet1.xml'], flags=re.S)
items = []
for text in strings:
    if text == 'Trần Thị Oanh':
        items.append('<si><r><rPr><b/></rPr><t xml:space="preserve">Trần </t></r><r><t>Thị Oanh</t></r></si>')
    else:
        items.append(f'<si><t xml:space="preserve">{text}</t></si>')
parts['xl/sharedStrings.xml'] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                                 f'count="{len(strings)}" uniqueCount="{len(strings)}">' + ''.join(items) + '</sst>')
parts['[Content_Types].xml'] = parts['[Content_Types].xml'].replace(
    '</Types>', '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
parts['xl/_rels/workbook.xml.rels'] = parts['xl/_rels/workbook.xml.rels'].replace(
    '</Relationships>', '<Relationship Id="rIdSST" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
    for name, text in parts.items():
        info = zipfile.ZipInfo(name, date_time=(2026, 11, 29, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, text.encode('utf-8'))
