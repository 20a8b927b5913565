#!/usr/bin/env python3
"""Draw docs/address-spaces.svg: the demo's processes sharing physical frames.

The picture is drawn from what the demo prints (make docs boots it on QEMU's virtual clock,
so every boot prints the same): each process's "user half" table gives its private ranges,
and the shmat records ("shmat: pid P shmid S va 0x... -> pa 0x... (RW-U) ...") give which
virtual page reaches which frame. The layout's landmarks (the heap's limit, the stack's,
the devices) come from kernel/memlayout.h. So the picture follows the kernel: make test
checks that the committed SVG is what this script draws now.

Usage: python3 scripts/draw-address-spaces.py DEMO-OUTPUT [OUT [MEMLAYOUT]]
       (defaults: docs/address-spaces.svg, kernel/memlayout.h). Python 3 standard library only.
"""
import re
import sys
from xml.sax.saxutils import escape

WIDTH = 1250
LEFT_X, COL_W = 155, 230  # the first process's column
PHYS_X, PHYS_W = 505, 240
RIGHT_X = 865  # the second process's column
TOP = 120  # where the columns start
ROW_H, GAP_H = 30, 26  # a mapped range, and an unmapped one

SHARED_MAP = "#d6e6ff"  # a shared-memory page in a process
SHARED_FRAME = "#ffdca8"  # a frame of a segment
PRIVATE = "#d9f0d2"  # a process's own pages and frames
KERNEL = "#e7ddf6"  # mapped without PTE_U
DEVICE = "#eeeeee"
FIRMWARE = "#f4f4f4"
GUARD = "#fbe6e6"
FREE = "#ffffff"
PID_COLOURS = ("#1f5fbf", "#c2661a")
GREY = "#777777"
PURPLE = "#7a4fb5"
PGSIZE = 4096  # Sv39's, the only page size scripts/gen-config.sh accepts

out = []


def hexaddr(a):
    """0x4000_0000: the digits in groups of four, as kernel/memlayout.h writes them."""
    digits = f"{a:08x}"
    groups = [digits[max(0, i - 4):i] for i in range(len(digits), 0, -4)]
    return "0x" + "_".join(reversed(groups))


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


def box(x, y, w, h, fill, lines, dashed=False, stroke="#333", size=11, mono=False,
        width=1.0):
    """A box with one or more centred lines of text."""
    rect(x, y, w, h, fill, stroke=stroke, dashed=dashed, width=width)
    step = size + 3
    top = y + h / 2 - (len(lines) - 1) * step / 2 + size * 0.35
    for i, s in enumerate(lines):
        text(x + w / 2, top + i * step, s, size=size, anchor="middle", mono=mono)


def arrow(x1, y1, x2, y2, colour, dashed=False, width=1.6):
    dash = ' stroke-dasharray="6,4"' if dashed else ""
    out.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{colour}" '
               f'stroke-width="{width}"{dash} marker-end="url(#a{colour[1:]})"/>')


def markers():
    out.append("<defs>")
    for colour in PID_COLOURS + (GREY, PURPLE):
        out.append(f'<marker id="a{colour[1:]}" viewBox="0 0 10 10" refX="9" refY="5" '
                   f'markerWidth="8" markerHeight="8" orient="auto">'
                   f'<path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>')
    out.append("</defs>")


def layout(path):
    """The numbers #defined in kernel/memlayout.h whose values are plain arithmetic."""
    values = {"CONFIG_MM_PGSIZE": PGSIZE}
    for line in open(path, encoding="utf-8"):
        m = re.match(r"#define (\w+) (.+?)\s*(/\*.*)?$", line)
        if not m or "(" in m.group(1):
            continue
        expr = re.sub(r"\(uintptr_t\)", "", m.group(2))
        expr = re.sub(r"\b(0x[0-9a-fA-F]+|\d+)UL\b", r"\1", expr)
        expr = re.sub(r"\b[A-Z_][A-Z0-9_]*\b",
                      lambda n: str(values.get(n.group(0), n.group(0))), expr)
        if re.fullmatch(r"[0-9a-fx+\-*/<>() ]+", expr):
            values[m.group(1)] = eval(expr)  # digits and operators only, checked above
    return values


def demo(path):
    """What the demo printed: each process's user-half ranges, its shmat records, and the
    shared-memory window and RAM."""
    procs, records, window, ram = {}, [], None, None
    current = None
    for line in open(path, encoding="utf-8", errors="replace"):
        line = line.rstrip("\r\n")
        m = re.search(r"\bpid (\d+) \(([^)]*)\).*user half", line)
        if m:
            pid = int(m.group(1))
            current = None if pid in procs else pid  # a process's first table only
            if current:
                procs[pid] = {"name": m.group(2), "ranges": []}
            continue
        m = re.match(r"\s+0x([0-9a-f]+)-0x([0-9a-f]+)\s+(\d+) (huge )?pages?\s+"
                     r"((?:[-A-Z] ){4}[-A-Z])\s+(\S.*?)(?:\s{2,}.*)?$", line)
        if m and current:
            procs[current]["ranges"].append(
                (int(m.group(1), 16), int(m.group(2), 16) + 1, int(m.group(3)), m.group(5),
                 m.group(6)))
            continue
        if not line.startswith(" "):
            current = None
        m = re.search(r"shared-memory window 0x([0-9a-f]+)-0x([0-9a-f]+)", line)
        if m:
            window = (int(m.group(1), 16), int(m.group(2), 16) + 1)
        m = re.match(r"shmat: pid (\d+) shmid (\d+) va 0x([0-9a-f]+) -> pa 0x([0-9a-f]+) "
                     r"\(([^)]*)\)", line)
        if m:
            records.append((int(m.group(1)), int(m.group(2)), int(m.group(3), 16),
                            int(m.group(4), 16), m.group(5)))
        m = re.search(r"\bRAM 0x([0-9a-f]+)\.\.0x([0-9a-f]+) \((\d+) MiB\)", line)
        if m:
            ram = (int(m.group(1), 16), int(m.group(2), 16), int(m.group(3)))
    if not records or not window:
        sys.exit(f"draw-address-spaces: {path} has no shmat records or no "
                 "shared-memory window line: is it the demo's output, with V=1?")
    pids = sorted({r[0] for r in records})[:2]
    return [(pid, procs.get(pid, {"name": "?", "ranges": []})) for pid in pids], \
        records, window, ram


def bits(perm):
    """"V R W - U" as the old-style "RW- U" of a row's label."""
    f = perm.split()
    return f"{f[1]}{f[2]}{f[3]} {f[4]}"


def user_rows(procs, records, window, lay):
    """The user half as rows, top (low addresses) to bottom: (start, [label per process])
    where a label is (lines, fill, dashed). Each boundary of either process starts a row,
    so the two columns line up."""
    heap_limit, stack_limit = lay["HEAP_LIMIT"], lay["USTACK_LIMIT"]
    stack_top, user_top = lay["USTACK_TOP"], lay["USER_TOP"]
    points = {0, lay["USER_BASE"], heap_limit, stack_limit, stack_top, window[0], window[1],
              user_top}
    for _, p in procs:
        for start, end, *_ in p["ranges"]:
            if end <= window[0]:
                points |= {start, end}
    shared = {}  # (pid, va) -> (the record, the frame's index in its segment)
    frames = {}
    for r in records:
        frames.setdefault(r[1], [])
        if r[3] not in frames[r[1]]:
            frames[r[1]].append(r[3])
        shared[(r[0], r[2])] = (r, frames[r[1]].index(r[3]))
        points |= {r[2], r[2] + PGSIZE}
    points = sorted(a for a in points if a <= user_top)

    def what(pid, p, a):
        for start, end, count, perm, name in p["ranges"]:
            if start <= a < end and end <= window[0]:
                size = f"{count} page{'s' if count != 1 else ''}"
                return ([f"{name}   {bits(perm)}", size], PRIVATE, False)
        if (pid, a) in shared:
            r, index = shared[(pid, a)]
            return ([f"shmid {r[1]}, page {index}    {r[4]}"], SHARED_MAP, False)
        if a < lay["USER_BASE"]:
            return (["unmapped: NULL and small offsets fault"], FREE, True)
        if a < heap_limit:
            return (["unmapped: the heap grows here (brk)"], FREE, True)
        if a < stack_limit:
            return (["guard gap: never mapped"], GUARD, True)
        if a < stack_top:
            return (["the stack grows here on first touch"], FREE, True)
        if a < window[0]:
            return (["thread stacks: a 2 MiB slot for each", "thread but the first"], FREE,
                    True)
        if a < window[1]:
            return (["free pages of the shm window", f"({(window[1] - window[0]) >> 20} MiB "
                     f"from {hexaddr(window[0])})"], FREE, True)
        return (["unmapped", f"up to USER_TOP = {hexaddr(user_top)}"], FREE, True)

    rows = []
    for a in points[:-1]:
        labels = [what(pid, p, a) for pid, p in procs]
        if rows and labels == rows[-1][1] and all(dashed for _, _, dashed in labels):
            continue  # unmapped on both sides, as the row above: one row
        rows.append((a, labels))
    return rows


def process_columns(procs, records, rows, window, lay):
    """Draw each process's column; returns the y of the centre of each shared page, by
    (pid, va), and of its first private row, by pid, and where the window ends."""
    ys, y = [], TOP
    for a, labels in rows:
        h = ROW_H if any(not dashed for _, _, dashed in labels) else GAP_H
        if len(labels[0][0]) > 1 or any(len(lines) > 1 for lines, _, _ in labels):
            h = max(h, 36)
        ys.append((a, y, h, labels))
        y += h
    kernel_y = y + 16
    centres, private = {}, {}
    for i, (pid, p) in enumerate(procs):
        x = (LEFT_X, RIGHT_X)[i]
        colour = PID_COLOURS[i]
        first = min((r for r in records if r[0] == pid), key=lambda r: r[2])
        text(x + COL_W / 2, 78, f"pid {pid}: {p['name']}", size=15, anchor="middle",
             weight="bold", fill=colour)
        text(x + COL_W / 2, 96, f"shmat(...) = {hexaddr(first[2])}", size=11,
             anchor="middle")
        text(x + COL_W / 2, 110, "virtual, Sv39 (own satp root)", size=11, anchor="middle",
             style="italic")
        side = (x - 7, "end") if i == 0 else (x + COL_W + 7, "start")
        j = 0
        while j < len(ys):
            a, top, h, labels = ys[j]
            lines, fill, dashed = labels[i]
            while dashed and j + 1 < len(ys) and ys[j + 1][3][i] == labels[i]:
                j += 1  # the same unmapped range as the row above: one box
                h += ys[j][2]
            box(x, top, COL_W, h, fill, lines, dashed=dashed)
            text(side[0], top + 11, hexaddr(a), anchor=side[1], size=11, mono=True)
            if fill == SHARED_MAP:
                centres[(pid, a)] = top + h / 2
            if fill == PRIVATE and pid not in private:
                private[pid] = top + h / 2
            j += 1
        wtop = next(top for a, top, _, _ in ys if a == window[0])
        wend = next((top for a, top, _, _ in ys if a == window[1]), y)
        rect(x - 3, wtop, COL_W + 6, wend - wtop, "none", stroke=colour, width=2.2)
        box(x, kernel_y, COL_W, 40, KERNEL, ["kernel image and page pool, VA == PA",
                                             "R-X / R-- / RW-, G, never U"])
        box(x, kernel_y + 40, COL_W, GAP_H, FREE, ["unmapped"], dashed=True)
        box(x, kernel_y + 40 + GAP_H, COL_W, 40, KERNEL,
            [f"devices at {hexaddr(lay['KMMIO_BASE'])} + pa",
             "UART, RTC, test device: RW-, G, never U"])
        text(side[0], kernel_y + 11, hexaddr(lay["KERNEL_BASE"]), anchor=side[1], size=11,
             mono=True)
    return centres, private, kernel_y + 20, kernel_y + 40 + GAP_H + 40


def physical_column(procs, records, centres, ram, lay, bottom):
    """Draw physical memory; returns the y of each frame's centre, by address, and of each
    process's private frames, by pid."""
    x, w = PHYS_X, PHYS_W
    text(x + w / 2, 78, "physical memory", size=15, anchor="middle", weight="bold")
    text(x + w / 2, 96, f"QEMU virt, MEM={ram[2]}M" if ram else "QEMU virt", size=11,
         anchor="middle")
    text(x + w / 2, 110, "(the pool's contents in no particular order)", size=11,
         anchor="middle", style="italic")
    box(x, TOP, w, 55, DEVICE, [f"{hexaddr(lay['TEST_DEVICE_PA'])}  test device",
                                f"{hexaddr(lay['RTC_PA'])}  RTC",
                                f"{hexaddr(lay['UART_PA'])}  UART"])
    box(x, TOP + 55, w, 25, FREE, ["..."], dashed=True)
    ram_start = ram[0] if ram else lay["KERNEL_BASE"] & ~0xfffff
    box(x, TOP + 80, w, 30, FIRMWARE, [f"{hexaddr(ram_start)}  OpenSBI (firmware)"])
    box(x, TOP + 110, w, 40, KERNEL, [f"{hexaddr(lay['KERNEL_BASE'])}  kernel image",
                                      "text R-X, rodata R--, data+bss RW-"])
    box(x, TOP + 150, w, 20, FIRMWARE, ["_end: page bitmap, 1 bit a page"])
    pool_top = TOP + 170
    rect(x, pool_top, w, bottom - pool_top, "#fafafa")
    text(x + w / 2, pool_top + 13, "free pool: mm_pgalloc() pages", size=11, anchor="middle",
         weight="bold")
    y = pool_top + 20
    box(x + 8, y, w - 16, 24, KERNEL, ["the kernel's page table (built at boot)"])
    y += 30
    private = {}
    for pid, p in procs:
        box(x + 8, y, w - 16, 34, PRIVATE, [f"pid {pid}: page tables, kernel stack,",
                                            "its text, data and stack frames"])
        private[pid] = y + 17
        y += 38
    # The frames, in the order of the first process's pages; no higher than its arrows.
    frames = []
    for r in records:
        if r[3] not in [f[0] for f in frames]:
            frames.append((r[3], r[1], sum(f[1] == r[1] for f in frames)))
    y = max(y + 6, min(centres.values()) - 15)
    ys = {}
    by_shmid = {}
    for pa, shmid, index in frames:
        box(x + 8, y, w - 16, 30, SHARED_FRAME, [f"shmid {shmid} page {index}  {hexaddr(pa)}"],
            stroke="#a05a00", mono=True, width=2)
        ys[pa] = y + 15
        by_shmid[shmid] = by_shmid.get(shmid, 0) + 1
        y += 30
    for shmid, n in sorted(by_shmid.items()):
        text(x + w / 2, y + 16, f"shmid {shmid}: {n} frame{'s' if n != 1 else ''}, one copy "
             "in RAM", size=11, anchor="middle", weight="bold", fill="#a05a00")
        y += 16
    box(x + 8, y + 12, w - 16, bottom - y - 20, FREE, ["free pages"], dashed=True)
    end = f"{hexaddr(ram[1])}  end of RAM (device tree)" if ram else "end of RAM"
    text(x + w / 2, bottom + 18, end, size=11, anchor="middle", mono=True)
    return ys, private


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    path = sys.argv[2] if len(sys.argv) > 2 else "docs/address-spaces.svg"
    lay = layout(sys.argv[3] if len(sys.argv) > 3 else "kernel/memlayout.h")
    procs, records, window, ram = demo(sys.argv[1])
    rows = user_rows(procs, records, window, lay)

    body, out[:] = out[:], []
    centres, private_rows, kernel_mid, bottom = process_columns(procs, records, rows,
                                                                window, lay)
    frame_ys, private_frames = physical_column(procs, records, centres, ram, lay, bottom)
    L, R = LEFT_X + COL_W, RIGHT_X
    PL, PR = PHYS_X + 8, PHYS_X + PHYS_W - 8
    for i, (pid, _) in enumerate(procs):
        colour = PID_COLOURS[i]
        start, end = (L, PL) if i == 0 else (R, PR)
        for r in records:
            if r[0] == pid:
                arrow(start, centres[(pid, r[2])], end, frame_ys[r[3]], colour, width=2.2)
        if pid in private_rows:
            arrow(start, private_rows[pid], end, private_frames[pid], GREY)
            text((start + end) / 2, (private_rows[pid] + private_frames[pid]) / 2 - 6,
                 "private", size=11, anchor="middle", fill=GREY)
        arrow(start, kernel_mid, end - 8 if i == 0 else end + 8, kernel_mid, PURPLE,
              dashed=True)
        text((start + end) / 2, kernel_mid - 8, "VA == PA", size=11, anchor="middle",
             fill=PURPLE)
        text((start + end) / 2, kernel_mid + 16, "kernel only", size=11, anchor="middle",
             fill=PURPLE)
    drawing, out[:] = out[:], body

    y = bottom + 50
    height = y + 120
    out.append('<?xml version="1.0" encoding="UTF-8"?>')
    out.append(f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
               f'viewBox="0 0 {WIDTH} {height}">')
    out.append("<title>rvshm: two address spaces sharing physical frames</title>")
    markers()
    rect(0, 0, WIDTH, height, "#ffffff", stroke="none")
    text(WIDTH / 2, 30, "The demo (make qemu): one segment, two processes, two addresses, "
         "the same frames", size=17, anchor="middle", weight="bold")
    text(WIDTH / 2, 50, "Not to scale. Addresses grow downwards. Drawn by make docs from "
         "what the demo prints, on one hart.", size=12, anchor="middle")
    out.extend(drawing)
    items = [(SHARED_MAP, "shared page in a process (PTE_R|PTE_W|PTE_U, never X)"),
             (SHARED_FRAME, "frame of the segment (one copy in RAM)"),
             (PRIVATE, "a process's own pages and frames"),
             (KERNEL, "kernel mappings: in every page table, never PTE_U"),
             (GUARD, "guard gap: never mapped, a stack overflow faults")]
    for i, (fill, label) in enumerate(items):
        cx, cy = 40 + (i % 3) * 400, y + (i // 3) * 24
        rect(cx, cy - 12, 22, 15, fill)
        text(cx + 30, cy, label, size=12)
    notes = [
        "Both processes' PTEs hold the same frame numbers: a store through one address is "
        "read through the other.",
        "Each process has its own root table (satp); vm_create copies the kernel's root "
        "entries into it, so a trap or system call never switches satp.",
        "The addresses are those of one boot (make docs boots the demo on QEMU's virtual "
        "clock, so every boot prints the same); the narration prints each run's.",
    ]
    for i, s in enumerate(notes):
        text(40, y + 58 + i * 18, s, size=12)
    out.append("</svg>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
