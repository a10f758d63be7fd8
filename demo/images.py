"""The demo's pictures: illustrations and logos drawn for Guild, their alt texts and focal points.

Every file in `demo/media/` was drawn by `draw_all()` below with Pillow (flat shapes and
gradients, nothing photographed, traced or downloaded) and is dedicated to the public domain (CC0 1.0):
made for Guild's demo, free for anyone to reuse. The member logos are initials on a coloured disc, so
they can never be mistaken for a real organisation's trademark.

`python -m demo.images` redraws the files (the loader only reads them); the demo loader (`demo/loader.py`)
turns them into Wagtail images in a "Demo images" collection, with the alt text as the image's description
and the focal point set. A page record in `demo/data/` picks its illustration by key (`image: skyline`);
every member gets its logo.
"""

import itertools
import math
import random
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

MEDIA_DIR = Path(__file__).resolve().parent / "media"
LICENCE = "CC0 1.0: drawn for Guild's demo content, no rights reserved."

WIDTH, HEIGHT = 1600, 900  # 16:9 sources; heroes crop 8:3 around the focal point
SCALE = 2  # drawn at twice the size, then reduced: smooth edges without an anti-aliasing library

NAVY, BLUE, SKY, PALE = "#123047", "#0b5394", "#5b9bd5", "#d8e6f3"
GOLD, GREEN, TEAL, CORAL, SAND, PLUM = "#f2a900", "#2e8b57", "#1a9e95", "#e76f51", "#f4e3c1", "#6d4c8d"


@dataclass(frozen=True)
class DemoImage:
    """One drawn illustration: its file, title, alt text and focal area (left, top, width, height in pixels)."""

    key: str
    title: str
    alt: str
    focal: tuple

    @property
    def filename(self):
        return f"{self.key}.jpg"


ILLUSTRATIONS = [
    DemoImage(
        "network",
        "Network of cities",
        "Illustration: coloured circles linked by lines into a network over a city skyline.",
        (450, 150, 700, 500),
    ),
    DemoImage(
        "solar",
        "Solar panels",
        "Illustration: rows of solar panels under a bright sun on a green field.",
        (300, 350, 1000, 450),
    ),
    DemoImage(
        "digital",
        "Digital skills",
        "Illustration: a laptop showing lines of code, surrounded by circuit connections.",
        (450, 200, 700, 550),
    ),
    DemoImage(
        "workshop",
        "Workshop tools",
        "Illustration: gears and a wrench above a workbench in a training workshop.",
        (400, 150, 800, 600),
    ),
    DemoImage(
        "skyline",
        "City skyline",
        "Illustration: a city skyline with lit windows against an evening sky.",
        (200, 300, 1200, 500),
    ),
    DemoImage(
        "classroom",
        "Classroom",
        "Illustration: a teacher at a board showing charts, with three learners at desks.",
        (300, 150, 1000, 650),
    ),
    DemoImage(
        "mobility",
        "Mobility across borders",
        "Illustration: a train on a dotted route between map pins across a stylised map of Europe.",
        (300, 200, 1000, 550),
    ),
    DemoImage(
        "circular",
        "Circular economy",
        "Illustration: three arrows chasing each other in a circle around a green leaf.",
        (500, 150, 600, 600),
    ),
    DemoImage(
        "heritage",
        "Heritage trades",
        "Illustration: the columns and pediment of a historic building with scaffolding.",
        (400, 150, 800, 650),
    ),
    DemoImage(
        "forum",
        "Forum",
        "Illustration: people seated in a semicircle with speech bubbles above them.",
        (250, 150, 1100, 650),
    ),
    DemoImage(
        "publication",
        "Publication",
        "Illustration: an open book with charts on its pages.",
        (400, 200, 800, 550),
    ),
    DemoImage(
        "mentoring",
        "Mentoring",
        "Illustration: an experienced worker and an apprentice looking at a plan together.",
        (400, 150, 800, 650),
    ),
    DemoImage(
        "green-building",
        "Green building",
        "Illustration: a house with a green roof, insulation layers and a heat pump.",
        (400, 150, 800, 650),
    ),
    DemoImage(
        "data",
        "Data literacy",
        "Illustration: bar charts and a rising line graph on a dashboard.",
        (300, 150, 1000, 600),
    ),
]
ILLUSTRATIONS_BY_KEY = {image.key: image for image in ILLUSTRATIONS}

# Disc colours of the demo logos, by member type (white initials stay above 4.5:1 on every one).
LOGO_COLOURS = {
    "city": BLUE,
    "regional_authority": NAVY,
    "vet_provider": "#1e6b35",
    "company": "#8a3b12",
    "chamber": PLUM,
    "social_partner": "#0e6e68",
    "non_profit": "#a3324a",
    "professional_body": "#4a5866",
    "research": "#5a4b00",
}
LOGO_SIZE = 256
_LOGO_SKIP_WORDS = {"city", "of", "the", "for", "and", "example", "de", "la", "metropole"}


def logo_initials(title):
    """Two letters for a demo logo: the first letters of the two first significant words ("VET School" → "VS")."""
    words = [word for word in title.replace("-", " ").split() if word.lower() not in _LOGO_SKIP_WORDS] or [title]
    if len(words) == 1:
        return words[0][:2].title()
    return (words[0][0] + words[1][0]).upper()


def logo_filename(slug):
    return f"logo-{slug}.png"


def logo_alt(title):
    return f"Demo logo of {title}: the initials {logo_initials(title)} on a coloured disc."


# ---- drawing ---------------------------------------------------------------------------------


def _canvas(top, bottom):
    """A vertical gradient from `top` to `bottom`, at the drawing scale."""
    width, height = WIDTH * SCALE, HEIGHT * SCALE
    top_rgb, bottom_rgb = _rgb(top), _rgb(bottom)
    gradient = Image.new("RGB", (1, height))
    for y in range(height):
        t = y / (height - 1)
        gradient.putpixel((0, y), tuple(round(a + (b - a) * t) for a, b in zip(top_rgb, bottom_rgb, strict=True)))
    image = gradient.resize((width, height))
    return image, ImageDraw.Draw(image)


def _rgb(colour):
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def _s(*values):
    """Coordinates of the 1600x900 design at the drawing scale."""
    return [value * SCALE for value in values]


def _person(draw, x, y, size, colour, head="#f0c9a0"):
    """A simple figure: a round head above a rounded torso, standing on (x, y)."""
    draw.rounded_rectangle(
        _s(x - size * 0.45, y - size * 1.1, x + size * 0.45, y), radius=size * 0.35 * SCALE, fill=colour
    )
    draw.ellipse(_s(x - size * 0.28, y - size * 1.7, x + size * 0.28, y - size * 1.14), fill=head)


def _gear(draw, cx, cy, radius, colour, teeth=10, hole=NAVY):
    points = []
    for i in range(teeth * 2):
        angle = math.pi * i / teeth
        r = radius if i % 2 == 0 else radius * 0.8
        for offset in (-0.12, 0.12):
            points.append((cx + r * math.cos(angle + offset), cy + r * math.sin(angle + offset)))
    draw.polygon([tuple(_s(x, y)) for x, y in points], fill=colour)
    draw.ellipse(_s(cx - radius * 0.3, cy - radius * 0.3, cx + radius * 0.3, cy + radius * 0.3), fill=hole)


def _buildings(draw, seed, base, colours, window="#ffd27a"):
    rng = random.Random(seed)  # noqa: S311 (a fixed seed, so the drawing never changes)
    x = 0
    while x < WIDTH:
        width = rng.randint(90, 170)
        height = rng.randint(180, 460)
        draw.rectangle(_s(x, base - height, x + width - 8, base), fill=rng.choice(colours))
        for wy in range(base - height + 30, base - 30, 46):
            for wx in range(x + 18, x + width - 30, 36):
                if rng.random() < 0.45:
                    draw.rectangle(_s(wx, wy, wx + 16, wy + 22), fill=window)
        x += width


def draw_network(draw):
    _buildings(draw, 1, 900, ["#1d4463", "#234f73", "#2a5b82"])
    rng = random.Random(7)  # noqa: S311 (a fixed seed, so the drawing never changes)
    nodes = [(rng.randint(480, 1120), rng.randint(170, 620)) for _ in range(11)]
    for i, (x1, y1) in enumerate(nodes):
        for x2, y2 in nodes[i + 1 : i + 3]:
            draw.line(_s(x1, y1, x2, y2), fill=PALE, width=6 * SCALE)
    for (x, y), colour in zip(nodes, [GOLD, CORAL, TEAL, GREEN, SKY] * 3, strict=False):
        draw.ellipse(_s(x - 34, y - 34, x + 34, y + 34), fill=colour, outline="#ffffff", width=6 * SCALE)


def draw_solar(draw):
    draw.ellipse(_s(1220, 90, 1420, 290), fill=GOLD)
    draw.rectangle(_s(0, 600, WIDTH, HEIGHT), fill="#6fb26b")
    for row, top in enumerate((420, 560, 700)):
        for col in range(5):
            left = 180 + col * 250 - row * 40
            corners = [(left, top), (left + 210, top), (left + 240, top + 110), (left + 30, top + 110)]
            draw.polygon([tuple(_s(x, y)) for x, y in corners], fill=NAVY)
            for k in range(1, 4):
                draw.line(_s(left + k * 52, top, left + 30 + k * 52, top + 110), fill=SKY, width=3 * SCALE)
            draw.line(_s(left + 15, top + 55, left + 225, top + 55), fill=SKY, width=3 * SCALE)


def draw_digital(draw):
    rng = random.Random(3)  # noqa: S311 (a fixed seed, so the drawing never changes)
    for _ in range(14):
        x, y = rng.randint(60, 1540), rng.randint(60, 840)
        draw.line(_s(x, y, x + rng.choice((-1, 1)) * 180, y), fill="#2a5b82", width=5 * SCALE)
        draw.ellipse(_s(x - 12, y - 12, x + 12, y + 12), fill=TEAL)
    draw.rounded_rectangle(_s(500, 220, 1100, 600), radius=24 * SCALE, fill="#1b2733")
    draw.rectangle(_s(530, 250, 1070, 570), fill="#0f1f2e")
    for i, (indent, length, colour) in enumerate(
        [(0, 300, GOLD), (40, 380, SKY), (40, 260, TEAL), (80, 320, CORAL), (40, 200, SKY), (0, 140, GOLD)]
    ):
        draw.rounded_rectangle(
            _s(570 + indent, 285 + i * 45, 570 + indent + length, 305 + i * 45), radius=10 * SCALE, fill=colour
        )
    draw.polygon([tuple(_s(x, y)) for x, y in [(440, 600), (1160, 600), (1220, 650), (380, 650)]], fill="#4a5866")


def draw_workshop(draw):
    draw.rectangle(_s(0, 680, WIDTH, HEIGHT), fill="#8a5a2b")
    draw.rectangle(_s(0, 660, WIDTH, 690), fill="#a8743f")
    _gear(draw, 640, 380, 170, GOLD)
    _gear(draw, 930, 300, 110, TEAL)
    _gear(draw, 900, 540, 90, CORAL)
    draw.rounded_rectangle(_s(1080, 200, 1130, 620), radius=25 * SCALE, fill="#c9d2db")
    draw.ellipse(_s(1040, 150, 1170, 280), fill="#c9d2db")
    draw.rectangle(_s(1085, 140, 1125, 215), fill="#8a5a2b")


def draw_skyline(draw):
    draw.ellipse(_s(1180, 120, 1330, 270), fill="#ffe8a3")
    _buildings(draw, 11, 760, ["#2a3f5f", "#33507a", "#3d5f8f", "#24364f"])
    draw.rectangle(_s(0, 760, WIDTH, HEIGHT), fill="#1b2733")


def draw_classroom(draw):
    draw.rectangle(_s(0, 700, WIDTH, HEIGHT), fill="#c9a36b")
    draw.rectangle(_s(300, 140, 1100, 520), fill="#1e6b35", outline="#8a5a2b", width=18 * SCALE)
    for i, height in enumerate((120, 200, 160, 260)):
        draw.rectangle(_s(380 + i * 90, 460 - height, 440 + i * 90, 460), fill=[GOLD, PALE, CORAL, SKY][i])
    draw.line(_s(800, 430, 880, 330, 960, 380, 1040, 230), fill="#ffffff", width=8 * SCALE)
    _person(draw, 1220, 700, 200, BLUE)
    for i, colour in enumerate((CORAL, TEAL, PLUM)):
        x = 380 + i * 300
        _person(draw, x, 800, 150, colour)
        draw.rectangle(_s(x - 130, 760, x + 130, 800), fill="#8a5a2b")


def draw_mobility(draw):
    rng = random.Random(5)  # noqa: S311 (a fixed seed, so the drawing never changes)
    for _ in range(9):
        x, y = rng.randint(0, 1400), rng.randint(0, 700)
        draw.ellipse(_s(x, y, x + rng.randint(200, 420), y + rng.randint(140, 260)), fill="#b7d7a8")
    route = [(240, 640), (520, 420), (820, 520), (1120, 300), (1380, 380)]
    for (x1, y1), (x2, y2) in itertools.pairwise(route):
        steps = int(math.dist((x1, y1), (x2, y2)) // 28)
        for k in range(steps):
            t = k / steps
            x, y = x1 + (x2 - x1) * t, y1 + (y2 - y1) * t
            draw.ellipse(_s(x - 6, y - 6, x + 6, y + 6), fill=NAVY)
    for x, y in route:
        draw.ellipse(_s(x - 30, y - 80, x + 30, y - 20), fill=CORAL)
        draw.polygon([tuple(_s(px, py)) for px, py in [(x - 26, y - 45), (x + 26, y - 45), (x, y)]], fill=CORAL)
        draw.ellipse(_s(x - 11, y - 61, x + 11, y - 39), fill="#ffffff")
    draw.rounded_rectangle(_s(600, 600, 1000, 720), radius=40 * SCALE, fill=BLUE)
    for i in range(4):
        draw.rectangle(_s(640 + i * 85, 625, 700 + i * 85, 665), fill=PALE)
    draw.rectangle(_s(560, 740, 1040, 752), fill=NAVY)


def draw_circular(draw):
    cx, cy, radius = 800, 450, 260
    for start, colour in ((-80, GREEN), (40, TEAL), (160, GOLD)):
        draw.arc(
            _s(cx - radius, cy - radius, cx + radius, cy + radius), start, start + 100, fill=colour, width=48 * SCALE
        )
        end = math.radians(start + 100)
        tip = (cx + radius * math.cos(end), cy + radius * math.sin(end))
        tangent = end + math.pi / 2
        points = [
            (tip[0] + 60 * math.cos(end), tip[1] + 60 * math.sin(end)),
            (tip[0] - 60 * math.cos(end), tip[1] - 60 * math.sin(end)),
            (tip[0] + 80 * math.cos(tangent), tip[1] + 80 * math.sin(tangent)),
        ]
        draw.polygon([tuple(_s(x, y)) for x, y in points], fill=colour)
    draw.ellipse(_s(cx - 110, cy - 70, cx + 110, cy + 70), fill=GREEN)
    draw.line(_s(cx - 110, cy, cx + 110, cy), fill="#e3f3e8", width=8 * SCALE)


def draw_heritage(draw):
    draw.rectangle(_s(0, 760, WIDTH, HEIGHT), fill="#c9b48a")
    draw.polygon([tuple(_s(x, y)) for x, y in [(380, 260), (800, 100), (1220, 260)]], fill="#e8dcc0")
    draw.rectangle(_s(380, 260, 1220, 300), fill="#d8c8a4")
    for i in range(6):
        x = 430 + i * 145
        draw.rectangle(_s(x, 300, x + 70, 700), fill="#efe6d2")
        draw.rectangle(_s(x - 12, 690, x + 82, 720), fill="#d8c8a4")
    draw.rectangle(_s(360, 720, 1240, 760), fill="#b8a47a")
    for x in (300, 1300):
        draw.rectangle(_s(x, 180, x + 14, 760), fill="#8a5a2b")
        for y in range(220, 760, 120):
            draw.rectangle(_s(x - 60, y, x + 74, y + 12), fill="#a8743f")


def draw_forum(draw):
    draw.rectangle(_s(0, 720, WIDTH, HEIGHT), fill="#2a5b82")
    for i, (colour, bubble) in enumerate(
        zip((CORAL, TEAL, GOLD, PLUM, GREEN, SKY), (PALE, "#ffffff") * 3, strict=True)
    ):
        angle = math.pi * (0.12 + 0.76 * i / 5)
        x = 800 - 560 * math.cos(angle)
        y = 760 - 240 * math.sin(angle)
        _person(draw, x, y, 150, colour)
        if i % 2 == 0:
            draw.rounded_rectangle(_s(x - 90, y - 420, x + 110, y - 300), radius=30 * SCALE, fill=bubble)
            draw.polygon(
                [tuple(_s(px, py)) for px, py in [(x - 20, y - 302), (x + 20, y - 302), (x - 30, y - 260)]],
                fill=bubble,
            )
            for k in range(3):
                draw.ellipse(_s(x - 50 + k * 55, y - 370, x - 30 + k * 55, y - 350), fill=NAVY)


def draw_publication(draw):
    draw.polygon([tuple(_s(x, y)) for x, y in [(300, 250), (800, 300), (800, 750), (300, 700)]], fill="#ffffff")
    draw.polygon([tuple(_s(x, y)) for x, y in [(800, 300), (1300, 250), (1300, 700), (800, 750)]], fill="#f4f6f8")
    draw.line(_s(800, 300, 800, 750), fill="#c9d2db", width=6 * SCALE)
    for i in range(6):
        draw.line(_s(360, 340 + i * 50, 740, 375 + i * 50), fill="#c9d2db", width=10 * SCALE)
    for i, height in enumerate((140, 220, 180, 300)):
        draw.rectangle(_s(880 + i * 95, 640 - height, 940 + i * 95, 640), fill=[BLUE, TEAL, GOLD, CORAL][i])
    draw.polygon(
        [tuple(_s(x, y)) for x, y in [(280, 700), (800, 760), (1320, 700), (1320, 720), (800, 780), (280, 720)]],
        fill=NAVY,
    )


def draw_mentoring(draw):
    draw.rectangle(_s(0, 760, WIDTH, HEIGHT), fill="#4a5866")
    draw.rectangle(_s(560, 430, 1040, 600), fill="#ffffff", outline=BLUE, width=6 * SCALE)
    for i in range(5):
        draw.line(_s(590, 460 + i * 28, 1010, 460 + i * 28), fill=PALE, width=4 * SCALE)
    draw.rectangle(_s(640, 480, 760, 580), outline=BLUE, width=6 * SCALE)
    draw.rectangle(_s(820, 470, 980, 560), outline=CORAL, width=6 * SCALE)
    _person(draw, 480, 760, 300, BLUE)
    _person(draw, 1130, 760, 230, CORAL, head="#c68c5a")
    draw.rectangle(_s(380, 250, 580, 290), fill=GOLD)  # a safety helmet's brim


def draw_green_building(draw):
    draw.rectangle(_s(0, 740, WIDTH, HEIGHT), fill="#6fb26b")
    draw.rectangle(_s(520, 400, 1080, 740), fill="#f4e3c1")
    for i, colour in enumerate((GOLD, "#e8c46a", "#f2d58f")):
        draw.rectangle(_s(520 - 16 - i * 14, 400, 520 - i * 14, 740), fill=colour)
    draw.polygon([tuple(_s(x, y)) for x, y in [(460, 410), (800, 170), (1140, 410)]], fill=GREEN)
    draw.polygon([tuple(_s(x, y)) for x, y in [(540, 380), (800, 200), (1060, 380)]], fill="#3fa46a")
    draw.rectangle(_s(740, 560, 860, 740), fill="#8a5a2b")
    for x in (580, 920):
        draw.rectangle(_s(x, 470, x + 100, 560), fill=SKY)
    draw.rounded_rectangle(_s(1140, 560, 1320, 740), radius=16 * SCALE, fill="#c9d2db")
    draw.ellipse(_s(1175, 595, 1285, 705), fill="#4a5866")
    draw.ellipse(_s(1215, 635, 1245, 665), fill="#c9d2db")


def draw_data(draw):
    draw.rounded_rectangle(_s(260, 140, 1340, 760), radius=30 * SCALE, fill="#ffffff")
    for i, height in enumerate((160, 240, 200, 320, 280, 400)):
        draw.rectangle(
            _s(340 + i * 110, 700 - height, 420 + i * 110, 700), fill=[SKY, BLUE, TEAL, BLUE, TEAL, NAVY][i]
        )
    line = [(1000, 620), (1080, 560), (1160, 590), (1240, 420), (1300, 300)]
    draw.line([tuple(_s(x, y)) for x, y in line], fill=CORAL, width=10 * SCALE, joint="curve")
    for x, y in line:
        draw.ellipse(_s(x - 14, y - 14, x + 14, y + 14), fill=CORAL)
    draw.line(_s(320, 700, 1300, 700), fill="#4a5866", width=4 * SCALE)


DRAWINGS = {
    "network": (NAVY, BLUE, draw_network),
    "solar": ("#87c3f0", "#d8e6f3", draw_solar),
    "digital": (NAVY, "#1d4463", draw_digital),
    "workshop": ("#fdf0dc", "#f4e3c1", draw_workshop),
    "skyline": ("#3d2c5a", CORAL, draw_skyline),
    "classroom": ("#f4f6f8", PALE, draw_classroom),
    "mobility": ("#d8e6f3", "#eef6fb", draw_mobility),
    "circular": ("#e3f3e8", "#f4f6f8", draw_circular),
    "heritage": ("#a7cbe8", "#f4e3c1", draw_heritage),
    "forum": ("#fdf0dc", "#f2d58f", draw_forum),
    "publication": (TEAL, "#0e6e68", draw_publication),
    "mentoring": ("#e9eef3", "#c9d2db", draw_mentoring),
    "green-building": ("#bfe0f5", "#e3f3e8", draw_green_building),
    "data": (PALE, "#a7cbe8", draw_data),
}


def draw_illustration(key):
    top, bottom, painter = DRAWINGS[key]
    image, draw = _canvas(top, bottom)
    painter(draw)
    return image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)


def draw_logo(title, member_type):
    size = LOGO_SIZE * SCALE
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((4, 4, size - 4, size - 4), fill=LOGO_COLOURS.get(member_type, BLUE))
    draw.arc((40, 40, size - 40, size - 40), 200, 340, fill="#ffffff", width=10)
    font = ImageFont.load_default(size=int(size * 0.36))
    draw.text((size / 2, size / 2 + 8), logo_initials(title), font=font, fill="#ffffff", anchor="mm")
    return image.resize((LOGO_SIZE, LOGO_SIZE), Image.Resampling.LANCZOS)


def draw_all(members):
    """Draw every illustration and one logo per `(slug, title, member_type)` into MEDIA_DIR."""
    MEDIA_DIR.mkdir(exist_ok=True)
    for image in ILLUSTRATIONS:
        draw_illustration(image.key).save(
            MEDIA_DIR / image.filename, "JPEG", quality=60, optimize=True, progressive=True
        )
    for slug, title, member_type in members:
        logo = draw_logo(title, member_type).quantize(colors=32, method=Image.Quantize.FASTOCTREE)
        logo.save(MEDIA_DIR / logo_filename(slug), "PNG", optimize=True)


if __name__ == "__main__":
    import django

    django.setup()
    from demo.content import read_content

    draw_all([(spec["slug"], spec["title"], spec.get("member_type", "")) for spec in read_content().members])
