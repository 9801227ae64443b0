"""Draw the site's icons once (the PNGs and ICO under static/icons/ are committed).

Run again only to change them: ``.venv/bin/python tests/tools/draw_icons.py``.
The mark is a ladder in a rounded square, the same as static/icons/favicon.svg.
"""

from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parents[2] / "static" / "icons"
TEAL = "#1f4e5f"
WHITE = "#ffffff"


def mark(size, padding=0.0, background=TEAL):
    """The ladder mark, ``size`` pixels square, drawn 4x and scaled down (smooth edges)."""
    scale = 4
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    inset = round(big * padding)
    draw.rounded_rectangle(
        (inset, inset, big - inset - 1, big - inset - 1), radius=big // 6, fill=background
    )
    inner = big - 2 * inset
    left, right = inset + inner * 0.32, inset + inner * 0.68
    top, bottom = inset + inner * 0.18, inset + inner * 0.82
    width = max(scale, round(inner * 0.07))
    draw.line((left, top, left, bottom), fill=WHITE, width=width)
    draw.line((right, top, right, bottom), fill=WHITE, width=width)
    for step in range(4):
        y = top + (bottom - top) * (step + 0.5) / 4
        draw.line((left, y, right, y), fill=WHITE, width=width)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def share_card():
    """The default share image (1200x630): the mark on the site's colour."""
    card = Image.new("RGB", (1200, 630), TEAL)
    icon = mark(360, background="#163b48")
    card.paste(icon, ((1200 - 360) // 2, (630 - 360) // 2), icon)
    return card


def main():
    ICONS.mkdir(parents=True, exist_ok=True)
    opaque = mark(180).convert("RGBA")
    background = Image.new("RGBA", opaque.size, TEAL)
    Image.alpha_composite(background, opaque).convert("RGB").save(
        ICONS / "apple-touch-icon.png", optimize=True
    )
    mark(192).save(ICONS / "icon-192.png", optimize=True)
    mark(512).save(ICONS / "icon-512.png", optimize=True)
    # Maskable: the mark inside the safe zone (the middle 80%) on a full square.
    maskable = Image.new("RGBA", (512, 512), TEAL)
    inner = mark(410)
    maskable.paste(inner, (51, 51), inner)
    maskable.save(ICONS / "icon-maskable-512.png", optimize=True)
    mark(48).save(ICONS / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
    share_card().save(ICONS / "share.png", optimize=True)


if __name__ == "__main__":
    main()
