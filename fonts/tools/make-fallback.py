#!/usr/bin/env python3
"""Builds fonts/DocketFallback-Regular.ttf: docket's last-resort font.

One visible glyph (an outlined box, like a missing-glyph box) mapped, through a single
cmap format 13 group, from every Unicode scalar value. Typst falls back to it for any
character the shipped fonts (Liberation, Noto) lack, so no character is ever drawn
with glyph 0 (.notdef). That matters for the PDF's text layer: krilla, Typst's PDF writer,
records the text of a .notdef glyph only through /ActualText spans and drops the first one
(seen with typst 0.15.1: the first CJK character of a document was missing from the
extracted text). A real glyph gets a ToUnicode entry, or an /ActualText span when several
characters share it, so copying, searching and extracting the PDF's text give the literal
characters, whatever the script. Visually the box says honestly "no glyph in docket's fonts".

Run:  pip install fonttools && python3 fonts/tools/make-fallback.py
The output is deterministic (fixed timestamps), about 2 KB.
"""
import os
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib.tables._c_m_a_p import cmap_classes
from fontTools.ttLib import newTable

UPM = 1000
WIDTH = 600


def box(outer=True):
    pen = TTGlyphPen(None)
    x0, y0, x1, y1 = 60, -50, 540, 700
    t = 50
    pen.moveTo((x0, y0)); pen.lineTo((x0, y1)); pen.lineTo((x1, y1)); pen.lineTo((x1, y0)); pen.closePath()
    pen.moveTo((x0 + t, y0 + t)); pen.lineTo((x1 - t, y0 + t)); pen.lineTo((x1 - t, y1 - t)); pen.lineTo((x0 + t, y1 - t)); pen.closePath()
    return pen.glyph()


fb = FontBuilder(UPM, isTTF=True)
fb.setupGlyphOrder([".notdef", "box"])
fb.setupCharacterMap({0x41: "box"})  # replaced below by a format 13 subtable
fb.setupGlyf({".notdef": box(), "box": box()})
fb.setupHorizontalMetrics({".notdef": (WIDTH, 60), "box": (WIDTH, 60)})
fb.setupHorizontalHeader(ascent=800, descent=-200)
# The family name is long on purpose: when several served fonts have a character, Typst's
# fallback prefers the one with the shortest family name, and the box must lose to every
# real font ("Noto Sans Arabic", "Noto Sans CJK JP", ...).
fb.setupNameTable({
    "familyName": "Docket Fallback Last Resort Box",
    "styleName": "Regular",
    "uniqueFontIdentifier": "Docket Fallback Regular 1.0",
    "fullName": "Docket Fallback Last Resort Box Regular",
    "psName": "DocketFallback-Regular",
    "version": "Version 1.000",
    "licenseDescription": "Public domain (CC0 1.0): a generated box glyph, no design.",
})
fb.setupOS2(sTypoAscender=800, sTypoDescender=-200, usWinAscent=800, usWinDescent=200)
fb.setupPost()
fb.setupHead(unitsPerEm=UPM, created=0, modified=0)

# Every scalar value (no surrogates) -> "box", as two format 13 groups.
sub = cmap_classes[13](13)
sub.platformID, sub.platEncID, sub.language = 3, 10, 0
sub.cmap = {}
for cp in list(range(0x20, 0xD800)) + list(range(0xE000, 0x110000)):
    sub.cmap[cp] = "box"
cmap = newTable("cmap")
cmap.tableVersion = 0
cmap.tables = [sub]
fb.font["cmap"] = cmap
fb.font["head"].created = 0
fb.font["head"].modified = 0

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "DocketFallback-Regular.ttf")
fb.save(out)
print(out, os.path.getsize(out), "bytes")
