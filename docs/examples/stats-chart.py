#!/usr/bin/env python3
"""Draws `bread-bot-replay stats --by day,user --format csv` as an SVG of two bar charts.

    java -jar replay/target/bread-bot-replay.jar stats --topic telegram.imports --by day,user \
        --zone Europe/Moscow --format csv | python3 docs/examples/stats-chart.py "Пекарня на Лесной" > chart.svg
"""
import csv
import sys
from html import escape

title = sys.argv[1] if len(sys.argv) > 1 else "bread-bot-replay stats"
rows = [row for row in csv.DictReader(sys.stdin)]
days = [(r["key"], int(r["count"])) for r in rows if r["dimension"] == "day"]
users = [(r["key"], int(r["count"])) for r in rows if r["dimension"] == "user"]

BAR, GAP, LEFT, WIDTH = 22, 8, 170, 640
out = []


def chart(top, heading, items, colour):
    out.append(f'<text x="16" y="{top}" font-size="15" font-weight="bold">{escape(heading)}</text>')
    most = max((count for _, count in items), default=1)
    y = top + 14
    for label, count in items:
        length = (WIDTH - LEFT - 60) * count / most
        out.append(f'<text x="{LEFT - 8}" y="{y + BAR - 7}" font-size="13" text-anchor="end">{escape(label)}</text>')
        out.append(f'<rect x="{LEFT}" y="{y}" width="{length:.1f}" height="{BAR}" fill="{colour}"/>')
        out.append(f'<text x="{LEFT + length + 6:.1f}" y="{y + BAR - 7}" font-size="13">{count}</text>')
        y += BAR + GAP
    return y + 24


y = chart(56, "Messages per day", days, "#c98b3c")
y = chart(y, "Messages per member", users, "#7a5230")
header = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{y}" font-family="sans-serif">'
          f'<rect width="100%" height="100%" fill="#fffaf2"/>'
          f'<text x="16" y="28" font-size="18" font-weight="bold">{escape(title)}</text>')
print(header + "".join(out) + "</svg>")
