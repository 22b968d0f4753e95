"""Draws tests/data/wasm-page.png, the page the WebAssembly OCR test reads,
and tests/data/wasm-page.txt, its lines in reading order.

A half-A4 certificate extract at 150 dpi in DejaVu fonts (Debian package
fonts-dejavu-core); the text is made up for this project. Needs Pillow, which
only this one-off generator uses: the PNG is committed, tests never run this.

    python3 tests/data/wasm-page.py
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONTS = Path("/usr/share/fonts/truetype/dejavu")
HERE = Path(__file__).resolve().parent

# (text, font file, size in pixels); 28 px at 150 dpi is about 13.5 pt.
LINES = [
    ("CERTIFICATE No. 0001/4507/26", "DejaVuSans-Bold.ttf", 40),
    ("Phytosanitary Certificate for Export", "DejaVuSerif.ttf", 30),
    ("Exporter: Frigorífico São João Ltda", "DejaVuSans.ttf", 28),
    ("Container: CSQU3054383", "DejaVuSans.ttf", 28),
    ("Seal: BR 2204417", "DejaVuSans.ttf", 28),
    ("Net weight: 24.560,00 kg", "DejaVuSans.ttf", 28),
    ("Gross weight: 25.112,50 kg", "DejaVuSans.ttf", 28),
    ("Date of issue: 14/03/2026", "DejaVuSans.ttf", 28),
]

# Half an A4 sheet at 150 dpi, portrait width.
WIDTH, HEIGHT = 1240, 877
LEFT, TOP, GAP = 120, 110, 30


def main() -> None:
    page = Image.new("L", (WIDTH, HEIGHT), 255)
    draw = ImageDraw.Draw(page)

    # A thin frame, as certificates have, well clear of the text.
    draw.rectangle((40, 40, WIDTH - 41, HEIGHT - 41), outline=0, width=3)

    # One line under the other, left-aligned.
    y = TOP
    for text, font_file, size in LINES:
        font = ImageFont.truetype(str(FONTS / font_file), size)
        draw.text((LEFT, y), text, font=font, fill=20)
        y += size + GAP

    page.save(HERE / "wasm-page.png", optimize=True, dpi=(150, 150))
    text = "".join(line + "\n" for line, _, _ in LINES)
    (HERE / "wasm-page.txt").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
