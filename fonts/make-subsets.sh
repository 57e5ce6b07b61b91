#!/bin/sh
# Rebuilds the pre-subset fonts in this folder from Debian's fonts-dejavu-core.
# Requirements: fonts-dejavu-core, python3-fonttools (Debian's /usr/bin/python3).
# Usage: fonts/make-subsets.sh [SRC_DIR]   (default /usr/share/fonts/truetype/dejavu)
#
# Why pre-subset: libharu 2.3.0 only blanks unused glyf entries and keeps every other
# table whole, so a full DejaVu costs ~10 ms and ~87 KB per document (see
# shared/docs/libharu-notes.md §3/§4). These subsets keep Latin for Dutch (and most
# West/Central European languages), typographic punctuation, €, math signs used in
# reports and a few geometric shapes for legends/markers. Hinting and OpenType layout
# tables (and MATH) are dropped: libharu uses neither, and PDF viewers rasterise unhinted
# text fine. The licence notice (name ID 13) stays in every file.
#
# Output names keep "DejaVu" (the Bitstream Vera licence only forbids "Bitstream" and
# "Vera" in the names of modified fonts; see LICENSE).
set -eu
SRC=${1:-/usr/share/fonts/truetype/dejavu}
OUT=$(cd "$(dirname "$0")" && pwd)
PY=/usr/bin/python3
# Basic Latin, Latin-1, Latin Extended-A (ĳ, ł, ő ...), general punctuation
# (dashes, quotes ‘’“”„, bullet •, ellipsis …, per mille ‰, ‹ ›), €, ™, arrows ←↑→↓,
# − (U+2212), ≈ ≠ ≤ ≥, geometric shapes ■□▪▲△▼▽●○ (U+25A0-25CF), and U+FFFD, the visible
# replacement for characters the fonts lack.
UNICODES="U+0020-007E,U+00A0-017F,U+0192,U+02C6,U+02C7,U+02D8-02DD,U+2010-2027,U+2030,U+2032,U+2033,U+2039,U+203A,U+2044,U+20AC,U+2122,U+2190-2193,U+2212,U+2248,U+2260,U+2264,U+2265,U+25A0-25CF,U+FFFD"
for f in DejaVuSans DejaVuSans-Bold DejaVuSans-Oblique DejaVuSans-BoldOblique; do
  "$PY" -m fontTools.subset "$SRC/$f.ttf" \
    --output-file="$OUT/povo-$f.ttf" \
    --unicodes="$UNICODES" \
    --layout-features='' --no-hinting --notdef-outline --drop-tables+=MATH,GDEF,GPOS,GSUB \
    --name-IDs='0,1,2,3,4,5,6,13,14' --glyph-names
  # Coverage list (one hex code point a line), read by the C++ side as a cross-check
  # of its own cmap parser and by humans reviewing what the subset contains.
  "$PY" - "$OUT/povo-$f.ttf" > "$OUT/povo-$f.coverage.txt" <<'PYEOF'
import sys
from fontTools.ttLib import TTFont
cmap = TTFont(sys.argv[1]).getBestCmap()
for cp in sorted(cmap):
    print("%04X" % cp)
PYEOF
done

# "Core" subsets: exactly the single-byte repertoire the renderer draws with its cheap
# CP1252-encoded fonts (CP1252 plus − ĳ Ĳ ≤ ≥ in CP1252's five unused slots). About half the
# size of the full subsets, so embedding them costs half. They are renamed ("DejaVu Sans
# Core") because libharu shares font programs between fonts of the same PostScript name, and
# the full subsets are still needed for the rare characters outside this set.
CORE="U+0020-007E,U+00A0-00FF,U+0152,U+0153,U+0160,U+0161,U+0178,U+017D,U+017E,U+0192,U+02C6,U+02DC,U+2013,U+2014,U+2018-201A,U+201C-201E,U+2020-2022,U+2026,U+2030,U+2039,U+203A,U+20AC,U+2122,U+2212,U+0132,U+0133,U+2264,U+2265"
for f in DejaVuSans DejaVuSans-Bold DejaVuSans-Oblique DejaVuSans-BoldOblique; do
  core=$(echo "$f" | sed 's/^DejaVuSans/DejaVuSansCore/')
  "$PY" -m fontTools.subset "$SRC/$f.ttf" \
    --output-file="$OUT/povo-$core.ttf" \
    --unicodes="$CORE" \
    --layout-features='' --no-hinting --notdef-outline --drop-tables+=MATH,GDEF,GPOS,GSUB \
    --name-IDs='0,1,2,3,4,5,6,13,14' --glyph-names
  "$PY" - "$OUT/povo-$core.ttf" > "$OUT/povo-$core.coverage.txt" <<'PYEOF'
import sys
from fontTools.ttLib import TTFont
path = sys.argv[1]
font = TTFont(path)
for rec in font["name"].names:
    if rec.nameID in (1, 3, 4, 6, 16):
        s = rec.toUnicode()
        s = s.replace("DejaVu Sans", "DejaVu Sans Core").replace("DejaVuSans", "DejaVuSansCore")
        rec.string = s
font.save(path)
cmap = TTFont(path).getBestCmap()
for cp in sorted(cmap):
    print("%04X" % cp)
PYEOF
done
ls -l "$OUT"/povo-*.ttf
