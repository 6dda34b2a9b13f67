#!/usr/bin/env python3
"""Builds fonts/NotoSansCJKjp-Regular-1.otf ... -5.otf: docket's Chinese, Japanese and Korean glyphs.

Source: the "Noto Sans CJK JP" face (face 0) of Debian's fonts-noto-cjk
(/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc, 1:20220127+repack1-1, font
version 2.004), SIL OFL 1.1 (fonts/OFL-NotoCJK.txt). That face alone is about 16 MB and a
committed file here must stay under 4 MB, so this script cuts it by Unicode range with
fontTools' subsetter into PARTS files, each under 3.9 MB (checked). Every part keeps the
family name "Noto Sans CJK JP" and style Regular: Typst, which falls back per run of
characters to a served font whose cmap has the character, sees one family spread over
several files and takes the part that has the glyph. The JP face is the usual pan-CJK
choice: it has every Hangul syllable and every ideograph of U+4E00-9FFF, but draws an
ideograph in its Japanese form (a Chinese name prints with Japanese glyph shapes).

What is kept of each part: the outlines (CFF, CID-keyed, with hints), horizontal metrics,
and the OpenType features Typst applies by default to horizontal text (ccmp, calt, clig,
liga, kern, mark, mkmk, rlig, dist, curs) plus the Hangul jamo features (ljmo, vjmo, tjmo)
that compose old Hangul from conjoining jamo. What is dropped: vertical writing (vert,
vrt2, vhea, vmtx, VORG), the optional alternates (aalt, jp78/jp83/jp90, nlck, hist,
ruby, fwid/hwid/pwid, palt/halt...) and `locl` (the Korean and Chinese regional glyph
forms; docket's documents are not set with a CJK language, and they would double the size).
Not covered: CJK Extension B and later (U+20000 and up), Kana Supplement, Yijing
hexagrams; those characters print as docket's box and `docket build` warns.

Run:  python3 fonts/tools/split-cjk.py            (writes fonts/NotoSansCJKjp-Regular-*.otf)
      python3 fonts/tools/split-cjk.py --out DIR  (elsewhere, e.g. to compare bytes)
      python3 fonts/tools/split-cjk.py --weights Regular,Bold   (also NotoSansCJK-Bold.ttc)
Needs fontTools (written with 4.68.0; `pip install fonttools`). The output is
deterministic: same source and fontTools version, same bytes (the head table keeps the
source's timestamps, nothing depends on the clock or on dict order). About 40 s.
"""
import argparse
import io
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-{weight}.ttc"
FACE = 0  # Noto Sans CJK JP
LIMIT = 3_900_000  # bytes per file (the repository refuses files over 4 MB)

# The parts, in order: (Unicode ranges, inclusive). Fixed boundaries rather than size
# packing, so a reader can tell from this table which file has a character.
PARTS = [
    # 1: symbols, punctuation, kana, Bopomofo, jamo, Hangul syllables, compatibility forms.
    [
        (0x1100, 0x11FF),  # Hangul Jamo
        (0x2000, 0x206F),  # General Punctuation (※ ‥ and the like)
        (0x2100, 0x218F),  # Letterlike Symbols, Number Forms (℃ № Ⅻ)
        (0x2190, 0x21FF),  # Arrows
        (0x2460, 0x24FF),  # Enclosed Alphanumerics (① ⑳)
        (0x2500, 0x257F),  # Box Drawing
        (0x25A0, 0x25FF),  # Geometric Shapes (○ ● △ ■)
        (0x2600, 0x26FF),  # Miscellaneous Symbols
        (0x2E80, 0x2FDF),  # CJK Radicals Supplement, Kangxi Radicals
        (0x2FF0, 0x2FFF),  # Ideographic Description Characters
        (0x3000, 0x303F),  # CJK Symbols and Punctuation
        (0x3040, 0x309F),  # Hiragana
        (0x30A0, 0x30FF),  # Katakana
        (0x3100, 0x312F),  # Bopomofo
        (0x3130, 0x318F),  # Hangul Compatibility Jamo
        (0x3190, 0x319F),  # Kanbun
        (0x31A0, 0x31BF),  # Bopomofo Extended
        (0x31C0, 0x31EF),  # CJK Strokes
        (0x31F0, 0x31FF),  # Katakana Phonetic Extensions
        (0x3200, 0x32FF),  # Enclosed CJK Letters and Months
        (0x3300, 0x33FF),  # CJK Compatibility
        (0xA960, 0xA97F),  # Hangul Jamo Extended-A
        (0xAC00, 0xD7AF),  # Hangul Syllables
        (0xD7B0, 0xD7FF),  # Hangul Jamo Extended-B
        (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
        (0xFE10, 0xFE1F),  # Vertical Forms
        (0xFE30, 0xFE4F),  # CJK Compatibility Forms
        (0xFE50, 0xFE6F),  # Small Form Variants
        (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
        (0x1F100, 0x1F1FF),  # Enclosed Alphanumeric Supplement
        (0x1F200, 0x1F2FF),  # Enclosed Ideographic Supplement
    ],
    [(0x3400, 0x4DBF)],  # 2: CJK Unified Ideographs Extension A
    [(0x4E00, 0x68FF)],  # 3-5: CJK Unified Ideographs
    [(0x6900, 0x83FF)],
    [(0x8400, 0x9FFF)],
]

FEATURES = [
    "ccmp", "calt", "clig", "liga", "kern", "mark", "mkmk", "rlig", "dist", "curs",
    "ljmo", "vjmo", "tjmo",
]


def build_part(weight, number, ranges):
    font = TTFont(SOURCE.format(weight=weight), fontNumber=FACE, recalcTimestamp=False)
    options = subset.Options()
    options.layout_features = FEATURES
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.drop_tables += ["vhea", "vmtx", "VORG"]
    options.hinting = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[u for first, last in ranges for u in range(first, last + 1)])
    subsetter.subset(font)
    # Family (1), subfamily (2) and full name (4) stay the source's, so Typst groups the
    # parts as one family and style; the unique id (3), PostScript name (6) and version
    # (5) say which part this is.
    ps_name = f"NotoSansCJKjp-{weight}-{number}"
    name = font["name"]
    version = name.getDebugName(5)
    for record in name.names:
        if record.nameID == 3:
            record.string = f"{ps_name};docket split-cjk.py of {version}"
        elif record.nameID == 5:
            record.string = f"{version}; docket split-cjk.py part {number} of {len(PARTS)}"
        elif record.nameID == 6:
            record.string = ps_name
    font["CFF "].cff.fontNames = [ps_name]
    out = io.BytesIO()
    font.save(out)
    return ps_name, out.getvalue()


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join(here, ".."))
    parser.add_argument("--weights", default="Regular")
    args = parser.parse_args()
    total = 0
    for weight in args.weights.split(","):
        for number, ranges in enumerate(PARTS, start=1):
            ps_name, data = build_part(weight, number, ranges)
            if len(data) > LIMIT:
                sys.exit(f"{ps_name}: {len(data)} bytes, over {LIMIT}: split PARTS further")
            path = os.path.join(args.out, ps_name + ".otf")
            with open(path, "wb") as f:
                f.write(data)
            total += len(data)
            print(f"{path} {len(data)} bytes", flush=True)
    print(f"total {total} bytes")


if __name__ == "__main__":
    main()
