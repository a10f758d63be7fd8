"""Draws the PNG and ICO fallbacks of site/static/img/favicon.svg and the default link-preview card.

Run from the repository root: `.venv/bin/python site/tools/draw_icons.py`. The icon is Guild's own (a "G" and
a gold dot on the header's dark blue), drawn here; the card is a crop of the demo's "network" illustration.
"""

from PIL import Image, ImageDraw

SUPERSAMPLE = 8
NAVY, WHITE, GOLD = "#123047", "#ffffff", "#f2a900"
OUT = "site/static/img/"


def icon(size, padding=0.0):
    """The favicon at `size` px; `padding` > 0 gives a full-bleed square with a safe zone (maskable, Apple)."""
    big = size * SUPERSAMPLE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    unit = big / 64  # the SVG's 64x64 design grid
    if padding:
        draw.rectangle((0, 0, big, big), fill=NAVY)
    else:
        draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=14 * unit, fill=NAVY)
    inner = 1 - padding

    def point(x, y):
        centre = 32 * unit
        return centre + (x * unit - centre) * inner, centre + (y * unit - centre) * inner

    radius, stroke = 16 * unit * inner, int(7 * unit * inner)
    cx, cy = point(32, 32)
    draw.arc((cx - radius, cy - radius, cx + radius, cy + radius), start=0, end=315, fill=WHITE, width=stroke)
    bar_x, bar_y = point(33, 32)
    draw.line((bar_x, bar_y, cx + radius, cy), fill=WHITE, width=stroke)
    dot_x, dot_y = point(48, 16)
    dot = 5 * unit * inner
    draw.ellipse((dot_x - dot, dot_y - dot, dot_x + dot, dot_y + dot), fill=GOLD)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main():
    icon(32).save(OUT + "favicon-32.png", optimize=True)
    icon(180, padding=0.2).convert("RGB").save(OUT + "apple-touch-icon.png", optimize=True)
    icon(192).save(OUT + "icon-192.png", optimize=True)
    icon(512).save(OUT + "icon-512.png", optimize=True)
    icon(512, padding=0.2).save(OUT + "icon-maskable-512.png", optimize=True)
    icon(48).save(OUT + "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
    card = Image.open("demo/media/network.jpg").resize((1200, 675)).crop((0, 22, 1200, 652))
    card.save(OUT + "social-card.jpg", quality=70, optimize=True, progressive=True)


if __name__ == "__main__":
    main()
