"""Draw the program's icon: resources/icons/planner-desktop.{svg,png,ico}.

    .venv/bin/python packaging/make_icons.py

A rounded square with three rising bars (the plan's years) under three heads (the
communities that draw it up). The shapes are written once, in a 64-unit grid, and drawn
both as SVG and, with Pillow, as PNG (256 px) and ICO (16 to 256 px); run it again after
changing them and commit the outputs.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"
NAME = "planner-desktop"
GRID = 64
BACKGROUND = "#1d6f5f"
FOREGROUND = "#ffffff"
ACCENT = "#f2b33d"

CORNER = 12
BARS = [(14, 38, 22, 50), (28, 30, 36, 50), (42, 22, 50, 50)]  # x0, y0, x1, y1
HEADS = [(18, 31, 3.2), (32, 23, 3.2), (46, 15, 3.2)]  # centre x, centre y, radius
BASE = (12, 50, 52, 53)


def svg() -> str:
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" '
        f'viewBox="0 0 {GRID} {GRID}">',
        f'  <rect x="0" y="0" width="{GRID}" height="{GRID}" rx="{CORNER}" '
        f'fill="{BACKGROUND}"/>',
    ]
    for x0, y0, x1, y1 in BARS:
        parts.append(f'  <rect x="{x0}" y="{y0}" width="{x1 - x0}" height="{y1 - y0}" '
                     f'rx="1.5" fill="{FOREGROUND}"/>')
    for cx, cy, r in HEADS:
        parts.append(f'  <circle cx="{cx}" cy="{cy}" r="{r}" fill="{ACCENT}"/>')
    x0, y0, x1, y1 = BASE
    parts.append(f'  <rect x="{x0}" y="{y0}" width="{x1 - x0}" height="{y1 - y0}" '
                 f'rx="1.5" fill="{FOREGROUND}"/>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def bitmap(size: int) -> Image.Image:
    """The icon at *size* pixels, drawn four times larger and scaled down (anti-aliased)."""
    big = size * 4
    scale = big / GRID
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=CORNER * scale, fill=BACKGROUND)
    for box in [*BARS, BASE]:
        draw.rounded_rectangle([v * scale for v in box], radius=1.5 * scale, fill=FOREGROUND)
    for cx, cy, r in HEADS:
        draw.ellipse([(cx - r) * scale, (cy - r) * scale, (cx + r) * scale, (cy + r) * scale],
                     fill=ACCENT)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{NAME}.svg").write_text(svg(), encoding="utf-8")
    large = bitmap(256)
    large.save(OUT / f"{NAME}.png", optimize=True)
    sizes = [(n, n) for n in (16, 24, 32, 48, 64, 128, 256)]
    large.save(OUT / f"{NAME}.ico", sizes=sizes)
    for path in sorted(OUT.iterdir()):
        print(f"{path.stat().st_size:8d}  {path.relative_to(OUT.parent.parent)}")


if __name__ == "__main__":
    main()
