#!/usr/bin/env python3
"""Draws the 16x16 node icons of the KNIME plugin (pure Python, no imaging library).

Each icon is a rounded square in the node's colour with a small white motif; the motifs are drawn from
simple pixel masks below. Run from the repository root; it rewrites the PNGs under plugin/src/main/resources.
Why generated: the icons stay reproducible and reviewable as text, and no third-party artwork enters the project.
"""
import struct
import zlib
from pathlib import Path

RES = Path("plugin/src/main/resources")

# 7x7 motifs ('#' = white pixel), centred in the 16x16 square
MOTIFS = {
    "load": ["...#...", "...#...", "...#...", "#..#..#", ".#.#.#.", "..###..", "#######"],
    "token": ["###.###", "#.#.#.#", "###.###", ".......", "###.###", "#.#.#.#", "###.###"],
    "attention": ["#.....#", ".#...#.", "..#.#..", "...#...", "..#.#..", ".#...#.", "#.....#"],
    "direction": ["......#", ".....##", "....#.#", "...#...", "..#....", ".#.....", "#......"],
    "pattern": ["#.#.#.#", ".......", "#.#.#.#", ".......", "#.#.#.#", ".......", "#.#.#.#"],
    "cone": ["...#...", "..#.#..", "..#.#..", ".#...#.", ".#...#.", "#.....#", "#######"],
    "variant": ["###....", "#..#...", "###....", "#..#.##", "###.#..", "....#..", ".....##"],
    "fasta": ["#######", ".......", "#.##.##", ".......", "##.###.", ".......", "###.#.#"],
    "text": ["#######", ".......", "#####..", ".......", "######.", ".......", "####..."],
    "category": ["#######", "#.....#", "#.###.#", "#.#.#.#", "#.###.#", "#.....#", "#######"],
}

ICONS = {
    "icons/category.png": ("category", (0x8E, 0x44, 0xAD)),
    "org/bertgeometry/knime/nodes/loader/bert-loader.png": ("load", (0x8E, 0x44, 0xAD)),
    "org/bertgeometry/knime/nodes/directionality/directionality.png": ("direction", (0x2E, 0x86, 0xC1)),
    "org/bertgeometry/knime/nodes/tokenize/tokenize.png": ("token", (0x17, 0xA5, 0x89)),
    "org/bertgeometry/knime/nodes/infer/infer.png": ("attention", (0xD3, 0x54, 0x00)),
    "org/bertgeometry/knime/nodes/cone/cone.png": ("cone", (0x2E, 0x86, 0xC1)),
    "org/bertgeometry/knime/nodes/pattern/pattern.png": ("pattern", (0x2E, 0x86, 0xC1)),
    "org/bertgeometry/knime/nodes/variant/variant.png": ("variant", (0x8E, 0x44, 0xAD)),
    "org/bertgeometry/knime/nodes/fasta/fasta.png": ("fasta", (0x17, 0xA5, 0x89)),
    "org/bertgeometry/knime/nodes/textreader/text.png": ("text", (0x17, 0xA5, 0x89)),
}


def png(pixels):
    raw = b"".join(b"\x00" + bytes(v for px in row for v in px) for row in pixels)

    def chunk(tag, data):
        c = struct.pack(">I", len(data)) + tag + data
        return c + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    head = struct.pack(">IIBBBBB", 16, 16, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", head) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def icon(motif, colour):
    rows = []
    for y in range(16):
        row = []
        for x in range(16):
            corner = (x in (0, 15)) and (y in (0, 15))
            if corner:
                row.append((0, 0, 0, 0))
                continue
            mx, my = x - 4, y - 4
            white = 0 <= mx < 7 and 0 <= my < 7 and MOTIFS[motif][my][mx] == "#"
            row.append((255, 255, 255, 255) if white else (*colour, 255))
        rows.append(row)
    return png(rows)


if __name__ == "__main__":
    for path, (motif, colour) in ICONS.items():
        out = RES / path
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(icon(motif, colour))
        print("wrote", out)
