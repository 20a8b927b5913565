#!/usr/bin/env python3
"""Draw docs/address-spaces.svg: the demo's two processes sharing physical frames.

The producer (pid 2) attaches its segment with shmat(id, NULL, 0) and gets 0x40000000; the
consumer (pid 3) asks for 0x40100000. Both virtual ranges lead to the same two frames.
The addresses are rvshm's defaults (kernel/memlayout.h, Makefile); the frame addresses are
an example from one boot with MEM=128M: the kernel's narration prints the real ones.

Usage: python3 scripts/draw-address-spaces.py [OUT]   (default docs/address-spaces.svg)
Python 3 standard library only.
"""
import os
import sys
from xml.sax.saxutils import escape

WIDTH, HEIGHT = 1250, 1010

# Columns: producer's virtual space, physical memory, consumer's virtual space.
LEFT_X, COL_W = 155, 230
PHYS_X, PHYS_W = 505, 240
RIGHT_X = 865

# Colours.
SHARED_MAP = "#d6e6ff"  # a shared-memory page in a process: PTE R W U
SHARED_FRAME = "#ffdca8"  # a frame of the segment
PRIVATE = "#d9f0d2"  # a process's own pages and frames
KERNEL = "#e7ddf6"  # mapped without PTE_U
DEVICE = "#eeeeee"
FIRMWARE = "#f4f4f4"
GUARD = "#fbe6e6"
FREE = "#ffffff"
PID1 = "#1f5fbf"
PID2 = "#c2661a"
GREY = "#777777"
PURPLE = "#7a4fb5"

out = []


def text(x, y, s, size=12, anchor="start", mono=False, weight="normal", fill="#000",
         style="normal"):
    family = "monospace" if mono else "sans-serif"
    out.append(
        f'<text x="{x}" y="{y}" font-family="{family}" font-size="{size}" '
        f'text-anchor="{anchor}" font-weight="{weight}" font-style="{style}" '
        f'fill="{fill}">{escape(s)}</text>')


def rect(x, y, w, h, fill, stroke="#333", dashed=False, width=1.0):
    dash = ' stroke-dasharray="5,4"' if dashed else ""
    out.append(f'<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{fill}" '
               f'stroke="{stroke}" stroke-width="{width}"{dash}/>')


def box(x, y, w, h, fill, lines, dashed=False, stroke="#333", size=12, mono_first=False):
    """A box with one or more centred lines of text."""
    rect(x, y, w, h, fill, stroke=stroke, dashed=dashed)
    step = size + 3
    top = y + h / 2 - (len(lines) - 1) * step / 2 + size * 0.35
    for i, s in enumerate(lines):
        text(x + w / 2, top + i * step, s, size=size, anchor="middle",
             mono=(mono_first and i == 0))


def arrow(x1, y1, x2, y2, colour, dashed=False, width=1.6):
    dash = ' stroke-dasharray="6,4"' if dashed else ""
    marker = {PID1: "a-pid1", PID2: "a-pid2", GREY: "a-grey", PURPLE: "a-purple"}[colour]
    out.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{colour}" '
               f'stroke-width="{width}"{dash} marker-end="url(#{marker})"/>')


def markers():
    out.append("<defs>")
    for name, colour in (("a-pid1", PID1), ("a-pid2", PID2), ("a-grey", GREY),
                         ("a-purple", PURPLE)):
        out.append(f'<marker id="{name}" viewBox="0 0 10 10" refX="9" refY="5" '
                   f'markerWidth="8" markerHeight="8" orient="auto">'
                   f'<path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>')
    out.append("</defs>")


# Rows of a process's virtual space, top (low addresses) to bottom (high addresses):
# (top, height, fill, lines, address label, dashed). Not to scale.
def private_rows():
    return [
        (120, 40, FREE, ["unmapped: NULL and small offsets fault"], "0x0000_0000", True),
        (160, 30, PRIVATE, ["text            R-X U"], "0x0001_0000", False),
        (190, 30, PRIVATE, ["rodata          R-- U"], "0x0001_1000", False),
        (220, 30, PRIVATE, ["data, bss       RW- U"], "0x0001_2000", False),
        (250, 30, PRIVATE, ["heap (brk)      RW- U"], "0x0001_3000", False),
        (280, 40, FREE, ["unmapped"], "", True),
        (320, 26, GUARD, ["guard gap: never mapped"], "0x1fe0_0000", True),
        (346, 40, PRIVATE, ["user stack, to 1 MiB   RW- U"], "0x1ff0_0000", False),
        (386, 54, FREE, ["unmapped"], "0x2000_0000", True),
    ]


def kernel_rows():
    return [
        (660, 40, FREE, ["unmapped", "up to USER_TOP = 0x8000_0000"], "0x4400_0000", True),
        (700, 60, KERNEL, ["kernel image and page pool, VA == PA",
                           "R-X / R-- / RW-, G, never U"], "0x8020_0000", False),
        (760, 30, FREE, ["unmapped"], "", True),
        (790, 44, KERNEL, ["devices at 0xffff_ffc0_0000_0000 + pa",
                           "UART, RTC, test device: RW-, G, never U"], "", False),
    ]


def process_column(x, label_side, title, subtitle, window_rows, colour):
    text(x + COL_W / 2, 78, title, size=15, anchor="middle", weight="bold", fill=colour)
    text(x + COL_W / 2, 96, subtitle, size=11, anchor="middle")
    text(x + COL_W / 2, 110, "virtual, Sv39 (own satp root)", size=11, anchor="middle",
         style="italic")
    rows = private_rows() + window_rows + kernel_rows()
    for top, h, fill, lines, addr, dashed in rows:
        box(x, top, COL_W, h, fill, lines, dashed=dashed, size=11)
        if addr:
            if label_side == "left":
                text(x - 7, top + 11, addr, size=11, anchor="end", mono=True)
            else:
                text(x + COL_W + 7, top + 11, addr, size=11, anchor="start", mono=True)
    # The window's outline and name.
    rect(x - 3, 440, COL_W + 6, 220, "none", stroke=colour, width=2.2)
    wx = x - 10 if label_side == "left" else x + COL_W + 10
    anchor = "end" if label_side == "left" else "start"
    text(wx, 600, "shm window", size=11, anchor=anchor, weight="bold", fill=colour)
    text(wx, 614, "64 MiB =", size=11, anchor=anchor, fill=colour)
    text(wx, 628, "64 x 256 pages", size=11, anchor=anchor, fill=colour)


def physical_column():
    x, w = PHYS_X, PHYS_W
    text(x + w / 2, 78, "physical memory", size=15, anchor="middle", weight="bold")
    text(x + w / 2, 96, "QEMU virt, MEM=128M", size=11, anchor="middle")
    text(x + w / 2, 110, "(pool contents drawn in no particular order)", size=11,
         anchor="middle", style="italic")
    box(x, 120, w, 55, DEVICE, ["0x0010_0000  test device", "0x0010_1000  RTC",
                                "0x1000_0000  UART"], size=11)
    box(x, 175, w, 25, FREE, ["..."], dashed=True, size=11)
    box(x, 200, w, 30, FIRMWARE, ["0x8000_0000  OpenSBI (firmware)"], size=11)
    box(x, 230, w, 40, KERNEL, ["0x8020_0000  kernel image",
                                "text R-X, rodata R--, data+bss RW-"], size=11)
    box(x, 270, w, 20, FIRMWARE, ["_end: page bitmap, 1 bit a page"], size=11)
    rect(x, 290, w, 560, "#fafafa")
    text(x + w / 2, 303, "free pool: mm_pgalloc() pages", size=11, anchor="middle",
         weight="bold")
    box(x + 8, 310, w - 16, 24, KERNEL, ["kernel_pagetable (built at boot)"], size=11)
    box(x + 8, 340, w - 16, 34, PRIVATE, ["pid 2: page tables, kernel stack,",
                                         "its text, data, heap, stack frames"], size=11)
    box(x + 8, 378, w - 16, 34, PRIVATE, ["pid 3: page tables, kernel stack,",
                                         "its text, data, heap, stack frames"], size=11)
    box(x + 8, 418, w - 16, 24, "#fff4e0", ["segment's pages[] list: 1 page"], size=11)
    rect(x + 8, 448, w - 16, 60, SHARED_FRAME, stroke="#a05a00", width=2)
    text(x + w / 2, 467, "frame 0 = pages[0]  0x8029_a000", size=11, anchor="middle",
         mono=True)
    out.append(f'<line x1="{x + 8}" y1="478" x2="{x + w - 8}" y2="478" stroke="#a05a00"/>')
    text(x + w / 2, 497, "frame 1 = pages[1]  0x8029_b000", size=11, anchor="middle",
         mono=True)
    text(x + w / 2, 524, "shmid 0: 8192 bytes, 2 frames", size=11, anchor="middle",
         weight="bold", fill="#a05a00")
    box(x + 8, 536, w - 16, 306, FREE, ["free pages"], dashed=True, size=11)
    text(x + w / 2, 870, "0x8800_0000  end of RAM (device tree)", size=11, anchor="middle",
         mono=True)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "docs", "address-spaces.svg")
    out.append('<?xml version="1.0" encoding="UTF-8"?>')
    out.append(f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
               f'viewBox="0 0 {WIDTH} {HEIGHT}">')
    out.append("<title>rvshm: two address spaces sharing two physical frames</title>")
    markers()
    rect(0, 0, WIDTH, HEIGHT, "#ffffff", stroke="none")
    text(WIDTH / 2, 30, "The demo (make qemu): one segment, two processes, two addresses, "
         "the same frames", size=17, anchor="middle", weight="bold")
    text(WIDTH / 2, 50, "Not to scale. Addresses grow downwards. Defaults: "
         "CONFIG_ARCH_SHM_VBASE=0x40000000, MAXREGIONS=64, NPAGES=256.",
         size=12, anchor="middle")

    producer_window = [
        (440, 30, SHARED_MAP, ["shm page 0     RW- U"], "0x4000_0000", False),
        (470, 30, SHARED_MAP, ["shm page 1     RW- U"], "0x4000_1000", False),
        (500, 160, FREE, ["free window pages"], "0x4000_2000", True),
    ]
    consumer_window = [
        (440, 30, FREE, ["free window pages"], "0x4000_0000", True),
        (470, 30, SHARED_MAP, ["shm page 0     RW- U"], "0x4010_0000", False),
        (500, 30, SHARED_MAP, ["shm page 1     RW- U"], "0x4010_1000", False),
        (530, 130, FREE, ["free window pages"], "0x4010_2000", True),
    ]
    process_column(LEFT_X, "left", "pid 2: producer", "shmat(id, NULL, 0) = 0x4000_0000",
                   producer_window, PID1)
    process_column(RIGHT_X, "right", "pid 3: consumer",
                   "shmat(id, 0x40100000, 0) = 0x4010_0000", consumer_window, PID2)
    physical_column()

    # Shared pages: both processes' PTEs hold the same frame numbers.
    L, R = LEFT_X + COL_W, RIGHT_X
    PL, PR = PHYS_X, PHYS_X + PHYS_W
    arrow(L, 455, PL + 8, 463, PID1, width=2.2)
    arrow(L, 485, PL + 8, 493, PID1, width=2.2)
    arrow(R, 485, PR - 8, 463, PID2, width=2.2)
    arrow(R, 515, PR - 8, 493, PID2, width=2.2)
    # Private pages: each process has frames of its own.
    arrow(L, 265, PL + 8, 357, GREY)
    arrow(R, 265, PR - 8, 395, GREY)
    text((L + PL) / 2, 300, "private", size=11, anchor="middle", fill=GREY)
    text((R + PR) / 2, 315, "private", size=11, anchor="middle", fill=GREY)
    # The kernel's mappings: every root holds them, none with PTE_U.
    arrow(L, 730, PL, 730, PURPLE, dashed=True)
    arrow(R, 730, PR, 730, PURPLE, dashed=True)
    for cx in ((L + PL) / 2, (R + PR) / 2):
        text(cx, 722, "VA == PA", size=11, anchor="middle", fill=PURPLE)
        text(cx, 746, "kernel only", size=11, anchor="middle", fill=PURPLE)

    # Legend and notes.
    y = 905
    items = [(SHARED_MAP, "shared page in a process (PTE_R|PTE_W|PTE_U, never X)"),
             (SHARED_FRAME, "frame of the segment (one copy in RAM)"),
             (PRIVATE, "a process's own pages and frames"),
             (KERNEL, "kernel mappings: in every page table, never PTE_U"),
             (GUARD, "guard gap: never mapped, a stack overflow faults")]
    for i, (fill, label) in enumerate(items):
        cx = 40 + (i % 3) * 400
        cy = y + (i // 3) * 24
        rect(cx, cy - 12, 22, 15, fill)
        text(cx + 30, cy, label, size=12)
    notes = [
        "pid 2 passed NULL: gran_alloc over its window found the lowest free range, the window "
        "start. pid 3 named 0x40100000: gran_reserve took exactly that range.",
        "Each process has its own root table (satp); vm_create copies the kernel's root entries "
        "into it, so a trap or system call never switches satp.",
        "The frame addresses are one boot's with MEM=128M; shmget's narration prints those of "
        "each run.",
    ]
    for i, s in enumerate(notes):
        text(40, y + 58 + i * 18, s, size=12)
    out.append("</svg>")

    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
