"""Build the bundled Chinese UI/PDF font from Debian's fonts-noto-cjk.

Run from anywhere after ``apt-get install fonts-noto-cjk``::

    python resources/fonts/make_subset.py

Output (next to this script): ``IDGuideSansSC-Regular.ttf`` and ``IDGuideSansSC-Bold.ttf``,
TrueType-flavoured subsets of Noto Sans CJK SC. The output is deterministic: the same
source fonts and project text give byte-identical files.
"""

from copy import deepcopy
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable
from fontTools.ttLib.tables import ttProgram

HERE = Path(__file__).resolve().parent
RESOURCES = HERE.parent
NOTO_DIR = Path("/usr/share/fonts/opentype/noto")
SOURCE_FAMILY = "Noto Sans CJK SC"  # name ID 1 of the Simplified Chinese face in the .ttc

# Our name for the derived font. Noto Sans CJK is Adobe's Source Han Sans under the SIL OFL 1.1
# with Reserved Font Name "Source", and "Noto" is a Google trademark (name ID 7). A Modified
# Version must not use a Reserved Font Name as its primary name; a name of our own satisfies
# that and also keeps Qt/fontconfig from confusing this subset with a system-installed Noto.
FAMILY = "ID Guide Sans SC"
PS_FAMILY = "IDGuideSansSC"
WEIGHTS = ("Regular", "Bold")
SIZE_BUDGET = 6 * 1024 * 1024  # both weights together; ship Regular only if they outgrow it

MAX_ERR = 1.0  # cu2qu tolerance in font units (UPM 1000), as in fontTools' otf2ttf snippet

# GB 2312 row 0xA1 holds the common punctuation and symbols (、。「」《》【】…“”‘’→←↑↓○●※℃ and
# the tone marks ˇˉ that fontconfig requires before it calls a font "zh-cn"); rows 0xB0-0xF7
# are its 6,763 hanzi, which keep the font useful when the app's wording changes.
GB2312_ROWS = (0xA1, *range(0xB0, 0xF8))
# Symbols the UI uses that neither GB 2312 nor the ranges in wanted_chars() cover.
EXTRA = "‐–—•▶◀✓✔☐⚠✕"


def gb2312_chars() -> set[int]:
    chars = set()
    for row in GB2312_ROWS:
        for cell in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes((row, cell)).decode("gb2312")))
            except UnicodeDecodeError:  # unassigned cell, e.g. row 0xD7 ends at 0xF9
                continue
    return chars


def project_chars() -> set[int]:
    """Every character of the app's content and translations (either folder may be missing)."""
    files = [*RESOURCES.glob("content/**/*.toml"), *RESOURCES.glob("translations/*.ts")]
    return {ord(c) for f in files for c in f.read_text(encoding="utf-8") if c >= " "}


def wanted_chars() -> set[int]:
    chars = set(range(0x20, 0x7F))  # printable ASCII
    chars |= set(range(0xA0, 0x100))  # Latin-1: · × ÷ ° ¥ § and accented letters
    chars |= set(range(0x3000, 0x3040))  # CJK symbols and punctuation, incl. U+3000
    chars |= set(range(0xFF01, 0xFF5F)) | set(range(0xFFE0, 0xFFE7))  # full-width forms, ￥
    chars |= {ord(c) for c in EXTRA}
    return chars | gb2312_chars() | project_chars()


def find_face(ttc: Path) -> int:
    """Index of the Simplified Chinese face, found by its family name rather than assumed."""
    collection = TTCollection(ttc, lazy=True)
    try:
        for index, face in enumerate(collection.fonts):
            if face["name"].getDebugName(1) == SOURCE_FAMILY:
                return index
    finally:
        collection.close()
    raise SystemExit(f"{SOURCE_FAMILY!r} not found in {ttc}")


def subset_font(font: TTFont, chars: set[int]) -> None:
    options = subset.Options()
    options.layout_features = ["kern"]  # Latin kerning only; GSUB (vert, locl, ...) is dropped
    options.hinting = False  # CFF hints are meaningless once the outlines are TrueType
    options.glyph_names = False
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.drop_tables += ["BASE", "GSUB", "VORG", "vhea", "vmtx"]  # no vertical layout
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=chars)
    subsetter.subset(font)
    # fontTools re-derives the OS/2 code-page bits from sample characters and loses bit 18
    # (GB 2312, Simplified Chinese); Windows and Qt read it to pick a font for Chinese text.
    font["OS/2"].ulCodePageRange1 |= 1 << 18


def cff_to_glyf(font: TTFont) -> None:
    """Replace the cubic CFF outlines by quadratic TrueType ones (fontTools' otf2ttf recipe).

    Qt's PDF engine embeds TrueType fonts as real glyph subsets (CIDFontType2).
    """
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = font["glyf"] = newTable("glyf")
    font["loca"] = newTable("loca")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(None)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    del font["CFF "]
    glyf.compile(font)  # computes each glyph's bounding box

    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():  # TrueType wants left side bearing == xMin
        hmtx[name] = (hmtx[name][0], getattr(glyph, "xMin", 0))

    # Unhinted TrueType: smooth at all sizes, and a tiny 'prep' that turns on dropout control
    # so thin strokes do not vanish at small sizes on Windows (the Google Fonts recipe).
    font["gasp"] = gasp = newTable("gasp")
    gasp.gaspRange = {0xFFFF: 0x000F}
    font["prep"] = prep = newTable("prep")
    prep.program = ttProgram.Program()
    prep.program.fromAssembly(["PUSHW[]", "511", "SCANCTRL[]", "PUSHB[]", "4", "SCANTYPE[]"])

    # maxp 1.0 (0.5 is CFF-only); points, contours and components are recomputed on save.
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    maxp.maxTwilightPoints = maxp.maxStorage = 0
    maxp.maxFunctionDefs = maxp.maxInstructionDefs = maxp.maxSizeOfInstructions = 0
    maxp.maxStackElements = 1  # 'prep' pushes one value at a time

    font["post"].formatType = 3.0  # no glyph names: smaller, and nothing reads them
    font.sfntVersion = "\x00\x01\x00\x00"


def split_shared_glyphs(font: TTFont) -> None:
    """Give every character its own glyph.

    Qt's PDF writer maps each embedded glyph back to the lowest code point that uses it, so with
    shared glyphs a PDF would copy out ～ (U+FF5E) as 〜 (U+301C) and • or ・ as ·.
    """
    glyf, hmtx = font["glyf"], font["hmtx"]
    order = list(font.getGlyphOrder())
    used = set()
    for code, name in sorted(font.getBestCmap().items()):
        if name in used:
            copy = f"{name}.u{code:04X}"
            glyf.glyphs[copy] = deepcopy(glyf[name])
            hmtx[copy] = hmtx[name]
            order.insert(order.index(name) + 1, copy)  # beside the original keeps hmtx compact
            for table in font["cmap"].tables:
                if code in table.cmap:
                    table.cmap[code] = copy
        used.add(name)
    font.setGlyphOrder(order)


def rename(font: TTFont, weight: str) -> None:
    name = font["name"]
    for name_id in (1, 2, 3, 4, 6, 16, 17):  # drop Noto family names in every language
        name.removeNames(nameID=name_id)
    version = font["head"].fontRevision
    for name_id, value in {
        1: FAMILY,
        2: weight,
        3: f"{version:.3f};{PS_FAMILY}-{weight}",
        4: f"{FAMILY} {weight}",
        6: f"{PS_FAMILY}-{weight}",
    }.items():
        name.setName(value, name_id, 3, 1, 0x409)


def build(weight: str, chars: set[int]) -> Path:
    ttc = NOTO_DIR / f"NotoSansCJK-{weight}.ttc"
    # recalcTimestamp=False keeps the source's head.modified, so rebuilds are byte-identical.
    font = TTFont(ttc, fontNumber=find_face(ttc), recalcTimestamp=False)
    subset_font(font, chars)
    cff_to_glyf(font)
    split_shared_glyphs(font)
    rename(font, weight)
    out = HERE / f"{PS_FAMILY}-{weight}.ttf"
    font.save(out)
    cmap = font.getBestCmap()
    print(
        f"{out.name}: {len(cmap)} characters, {font['maxp'].numGlyphs} glyphs, "
        f"{out.stat().st_size:,} bytes"
    )
    if missing := "".join(chr(c) for c in sorted(chars - cmap.keys())):
        print(f"  not in {SOURCE_FAMILY}, left out: {missing}")
    return out


def main() -> None:
    chars = wanted_chars()
    total = sum(build(weight, chars).stat().st_size for weight in WEIGHTS)
    print(f"total {total:,} bytes (budget {SIZE_BUDGET:,})")
    if total > SIZE_BUDGET:
        raise SystemExit("over budget: drop Bold from WEIGHTS and delete its .ttf")


if __name__ == "__main__":
    main()
