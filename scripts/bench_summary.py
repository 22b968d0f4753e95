#!/usr/bin/env python3
"""The final summary of scripts/bench.sh, from the figures its three parts
wrote in the same run: `sdr bench --json` (native, tract), the JSON of
scripts/bench_onnxruntime.py, and the `BENCH` lines of the WebAssembly
benchmark in headless Chromium.

Prints the machine and its load, a table per page and the medians over the
pages, and writes the same figures as JSON with --json FILE.
Usage: bench_summary.py NATIVE.json ONNXRUNTIME.json WASM.log
       [--load-before "1.0 2.0 3.0"] [--load-after ...] [--json FILE]
"""

import argparse
import json
import os
import platform
import statistics
import sys
from pathlib import Path

MIB = 1024 * 1024


def wasm_events(log: Path) -> list:
    """The JSON objects of the `BENCH ` lines of the browser run's log."""
    events = []
    for line in log.read_text(errors="replace").splitlines():
        start = line.find("BENCH {")
        if start >= 0:
            events.append(json.loads(line[start + len("BENCH "):]))
    return events


def cpu_model() -> str:
    """The CPU's model name from /proc/cpuinfo, or the platform's."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def ratio(a, b):
    """a / b, or None when either is missing or b is 0."""
    if a is None or b is None or b == 0:
        return None
    return a / b


def median(values):
    """The median of the values that are not None, or None."""
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def show(value, digits=1, suffix=""):
    """A figure for the table, or a dash when missing."""
    return "-" if value is None else f"{value:.{digits}f}{suffix}"


def per_page(native: dict, ours: dict, wasm: list) -> list:
    """One row per page: native steps, tract and onnxruntime on the dumped
    inputs, the browser's time, and the ratios."""
    ort_pages = {(p["file"], p["page"]): p for p in ours.get("pages", [])}
    wasm_pages = {(e["file"], e["page"]): e for e in wasm if e.get("event") == "page"}
    rows = []
    for p in native["pages"]:
        key = (p["file"], p["page"])
        o, w = ort_pages.get(key), wasm_pages.get(key)
        one = o["threads"].get("1") if o else None
        two = o["threads"].get("2") if o else None
        rows.append({
            "file": p["file"], "page": p["page"], "width": p["width"], "height": p["height"],
            "lines": p["lines"], "wasm_lines": w["lines"] if w else None,
            "detect_ms": p["detect_ms"], "recognise_ms": p["recognise_ms"],
            "orient_ms": p["orient_ms"], "total_ms": p["total_ms"],
            "tract_detect_ms": p.get("tract_detect_ms"),
            "tract_recognise_ms": p.get("tract_recognise_ms"),
            "ort_detect_ms": one["detect_ms"] if one else None,
            "ort_recognise_ms": one["recognise_ms"] if one else None,
            "ort2_detect_ms": two["detect_ms"] if two else None,
            "ort2_recognise_ms": two["recognise_ms"] if two else None,
            "tract_ort_detect": ratio(p.get("tract_detect_ms"), one and one["detect_ms"]),
            "tract_ort_recognise": ratio(p.get("tract_recognise_ms"),
                                         one and one["recognise_ms"]),
            "wasm_total_ms": w["total_ms"] if w else None,
            "wasm_native": ratio(w and w["total_ms"], p["total_ms"]),
            "detector_max_abs_diff": o["detector_max_abs_diff"] if o else None,
            "recogniser_max_abs_diff": o["recogniser_max_abs_diff"] if o else None,
            "recogniser_same_class": ratio(o and o["recogniser_steps_same_class"],
                                           o and o["recogniser_steps"]),
        })
    return rows


def print_rows(rows: list) -> None:
    """The per-page table."""
    print(f"{'file':<24} {'pixels':>9} {'lines':>5} {'det ms':>7} {'rec ms':>8} "
          f"{'total ms':>8} | {'tract det':>9} {'ort det':>7} {'ratio':>5} "
          f"{'tract rec':>9} {'ort rec':>7} {'ratio':>5} | {'wasm ms':>8} {'w/n':>5}")
    for r in rows:
        lines = str(r["lines"])
        if r["wasm_lines"] is not None and r["wasm_lines"] != r["lines"]:
            lines += f"/{r['wasm_lines']}"
        print(f"{r['file']:<24} {r['width']:>4}x{r['height']:<4} {lines:>5} "
              f"{r['detect_ms']:>7.0f} {r['recognise_ms']:>8.0f} {r['total_ms']:>8.0f} | "
              f"{show(r['tract_detect_ms'], 0):>9} {show(r['ort_detect_ms'], 0):>7} "
              f"{show(r['tract_ort_detect'], 2):>5} {show(r['tract_recognise_ms'], 0):>9} "
              f"{show(r['ort_recognise_ms'], 0):>7} {show(r['tract_ort_recognise'], 2):>5} | "
              f"{show(r['wasm_total_ms'], 0):>8} {show(r['wasm_native'], 2):>5}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("native", type=Path)
    parser.add_argument("onnxruntime", type=Path)
    parser.add_argument("wasm_log", type=Path)
    parser.add_argument("--load-before", default="")
    parser.add_argument("--load-after", default="")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    # The three parts' figures.
    native = json.loads(args.native.read_text())
    ours = json.loads(args.onnxruntime.read_text()) if args.onnxruntime.is_file() else {}
    wasm = wasm_events(args.wasm_log) if args.wasm_log.is_file() else []
    rows = per_page(native, ours, wasm)
    end = next((e for e in wasm if e.get("event") == "end"), None)
    start = next((e for e in wasm if e.get("event") == "start"), None)

    # The medians over the pages.
    col = lambda key: median([r[key] for r in rows])  # noqa: E731
    medians = {key: col(key) for key in (
        "lines", "detect_ms", "recognise_ms", "total_ms", "tract_detect_ms",
        "tract_recognise_ms", "ort_detect_ms", "ort_recognise_ms", "ort2_detect_ms",
        "ort2_recognise_ms", "tract_ort_detect", "tract_ort_recognise", "wasm_total_ms",
        "wasm_native")}
    summary = {
        "machine": {"cpu": cpu_model(), "cores": os.cpu_count(),
                    "load_before": args.load_before, "load_after": args.load_after},
        "onnxruntime": ours.get("onnxruntime"),
        "runs": native.get("runs"),
        "warmup_ms": native.get("warmup_ms"),
        "pages": rows,
        "median": medians,
        "native_peak_rss_mib": native["peak_rss_kib"] / 1024 if native.get("peak_rss_kib") else None,
        "wasm_memory_start_mib": start["memory_bytes"] / MIB if start else None,
        "wasm_embedded_mib": start["embedded_bytes"] / MIB if start else None,
        "wasm_memory_end_mib": end["memory_bytes"] / MIB if end else None,
        "detector_max_abs_diff": max((r["detector_max_abs_diff"] or 0.0 for r in rows), default=None),
        "recogniser_max_abs_diff": max((r["recogniser_max_abs_diff"] or 0.0 for r in rows), default=None),
        "recogniser_same_class": min((r["recogniser_same_class"] for r in rows
                                      if r["recogniser_same_class"] is not None), default=None),
    }

    # Print it.
    m = summary["machine"]
    print(f"machine: {m['cpu']}, {m['cores']} cores; load average (1, 5, 15 min) "
          f"before: {m['load_before'] or '?'}, after: {m['load_after'] or '?'}")
    print(f"readings per page: {summary['runs']}; onnxruntime {summary['onnxruntime'] or '-'}")
    print()
    print_rows(rows)
    print()
    print(f"median per page, native (tract, 1 thread): detection {show(medians['detect_ms'], 0)} ms, "
          f"recognition {show(medians['recognise_ms'], 0)} ms, total {show(medians['total_ms'], 0)} ms, "
          f"{show(medians['lines'], 0)} lines")
    print(f"networks alone on the same inputs: tract det {show(medians['tract_detect_ms'], 0)} ms, "
          f"rec {show(medians['tract_recognise_ms'], 0)} ms; onnxruntime (1 thread) det "
          f"{show(medians['ort_detect_ms'], 0)} ms, rec {show(medians['ort_recognise_ms'], 0)} ms; "
          f"(2 threads) det {show(medians['ort2_detect_ms'], 0)} ms, "
          f"rec {show(medians['ort2_recognise_ms'], 0)} ms")
    print(f"tract / onnxruntime (median of per-page ratios): detection "
          f"{show(medians['tract_ort_detect'], 2, 'x')}, recognition "
          f"{show(medians['tract_ort_recognise'], 2, 'x')}")
    print(f"outputs: detector max abs diff {show(summary['detector_max_abs_diff'], 6)}, "
          f"recogniser (best class probability) max abs diff "
          f"{show(summary['recogniser_max_abs_diff'], 6)}, same best class at "
          f"{show(summary['recogniser_same_class'] and 100 * summary['recogniser_same_class'], 3, '%')}"
          " of steps (worst page)")
    print(f"wasm in headless Chromium: median {show(medians['wasm_total_ms'], 0)} ms per page; "
          f"wasm / native (median of per-page ratios) {show(medians['wasm_native'], 2, 'x')}")
    print(f"peak memory: native VmHWM {show(summary['native_peak_rss_mib'], 1, ' MiB')}; "
          f"wasm linear memory at the end {show(summary['wasm_memory_end_mib'], 1, ' MiB')} "
          f"(at the start {show(summary['wasm_memory_start_mib'], 1, ' MiB')}, of which "
          f"{show(summary['wasm_embedded_mib'], 1, ' MiB')} compiled-in models and pages)")
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
