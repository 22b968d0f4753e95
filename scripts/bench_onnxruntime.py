#!/usr/bin/env python3
"""Runs the network inputs dumped by `sdr bench --dump DIR` through
onnxruntime, with the same ONNX files, and compares times and outputs with
tract's.

For every page in DIR/index.json: each detector input and each recogniser
batch is run once untimed (onnxruntime allocates on the first run of a
shape), then --runs times; the median is kept, as sdr keeps the median of
tract's runs. Sessions use --threads intra-op threads (1 by default, as tract
runs on one thread; 2 as well if asked), one inter-op thread, sequential
execution and every graph optimisation.

Outputs are checked against tract's: the detector's probability map in
full, and for the recogniser, per step, tract's best class and its
probability (all the dump keeps of it) against onnxruntime's probability of
that class, and whether onnxruntime's best class is the same.

Prints a table per page and writes the figures as JSON with --json FILE.
Usage: bench_onnxruntime.py DIR [--runs N] [--threads 1 2] [--json FILE]
"""

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import onnxruntime as ort


def session(model: Path, threads: int) -> ort.InferenceSession:
    """An onnxruntime CPU session on `model` with `threads` intra-op threads."""
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    return ort.InferenceSession(
        str(model), sess_options=options, providers=["CPUExecutionProvider"]
    )


def timed_run(sess: ort.InferenceSession, tensor: np.ndarray, runs: int):
    """The first output of `sess` on `tensor` and the median time of `runs`
    runs after an untimed one, in milliseconds."""
    name = sess.get_inputs()[0].name
    output = sess.run(None, {name: tensor})[0]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        sess.run(None, {name: tensor})
        times.append((time.perf_counter() - start) * 1000.0)
    return output, statistics.median(times)


def compare_detector(tract: np.ndarray, ours: np.ndarray) -> dict:
    """Max absolute difference of the two probability maps."""
    if tract.shape != ours.shape:
        raise ValueError(f"detector output shapes differ: {tract.shape} vs {ours.shape}")
    return {"max_abs_diff": float(np.max(np.abs(tract - ours)))}


def compare_recogniser(tract_best: np.ndarray, ours: np.ndarray) -> dict:
    """Tract's (lines, steps, 2) best class and probability against
    onnxruntime's full (lines, steps, classes) output."""
    if tract_best.shape[:2] != ours.shape[:2]:
        raise ValueError(f"recogniser output shapes differ: {tract_best.shape} vs {ours.shape}")
    classes = tract_best[..., 0].astype(np.int64)
    ours_at_tract = np.take_along_axis(ours, classes[..., None], axis=-1)[..., 0]
    same = np.argmax(ours, axis=-1) == classes
    return {
        "max_abs_diff": float(np.max(np.abs(ours_at_tract - tract_best[..., 1]))),
        "steps": int(same.size),
        "steps_same_class": int(same.sum()),
    }


def bench_page(page: dict, folder: Path, sessions: dict, runs: int) -> dict:
    """Times every input of one page with each session set; compares the
    outputs of the first."""
    result = {"file": page["file"], "page": page["page"], "threads": {}}
    comparisons = {"detector": [], "recogniser": []}
    for threads, (det, rec) in sessions.items():
        totals = {"detect_ms": 0.0, "recognise_ms": 0.0}
        for stage, sess, key in (("detector", det, "detect_ms"), ("recogniser", rec, "recognise_ms")):
            for item in page[stage]:
                tensor = np.load(folder / item["input"])
                output, ms = timed_run(sess, tensor, runs)
                totals[key] += ms
                if threads == min(sessions):
                    tract = np.load(folder / item["output"])
                    compare = compare_detector if stage == "detector" else compare_recogniser
                    comparisons[stage].append(compare(tract, output))
        result["threads"][str(threads)] = totals
    result["tract"] = {
        "detect_ms": sum(i["tract_ms"] for i in page["detector"]),
        "recognise_ms": sum(i["tract_ms"] for i in page["recogniser"]),
    }
    result["detector_max_abs_diff"] = max(c["max_abs_diff"] for c in comparisons["detector"])
    rec = comparisons["recogniser"]
    result["recogniser_max_abs_diff"] = max((c["max_abs_diff"] for c in rec), default=0.0)
    result["recogniser_steps"] = sum(c["steps"] for c in rec)
    result["recogniser_steps_same_class"] = sum(c["steps_same_class"] for c in rec)
    return result


def print_table(pages: list, thread_counts: list) -> None:
    """One row per page: tract and onnxruntime per stage, their ratio, and
    the output differences."""
    one = str(thread_counts[0])
    header = f"{'file':<24} {'page':>4} {'tract det':>9} {'ort det':>8} {'ratio':>6} " \
             f"{'tract rec':>9} {'ort rec':>8} {'ratio':>6}"
    for t in thread_counts[1:]:
        header += f" {f'ort{t} det':>9} {f'ort{t} rec':>9}"
    print(header + f" {'det diff':>9} {'rec diff':>9} {'same class':>10}")
    for p in pages:
        tract, ours = p["tract"], p["threads"][one]
        row = f"{p['file']:<24} {p['page']:>4} {tract['detect_ms']:>9.1f} {ours['detect_ms']:>8.1f} " \
              f"{ratio(tract['detect_ms'], ours['detect_ms']):>6.2f} {tract['recognise_ms']:>9.1f} " \
              f"{ours['recognise_ms']:>8.1f} {ratio(tract['recognise_ms'], ours['recognise_ms']):>6.2f}"
        for t in thread_counts[1:]:
            more = p["threads"][str(t)]
            row += f" {more['detect_ms']:>9.1f} {more['recognise_ms']:>9.1f}"
        steps = max(p["recogniser_steps"], 1)
        same = 100.0 * p["recogniser_steps_same_class"] / steps
        print(row + f" {p['detector_max_abs_diff']:>9.2e} {p['recogniser_max_abs_diff']:>9.2e} {same:>9.2f}%")


def ratio(a: float, b: float) -> float:
    """a / b, or 0 when b is 0 (a page without lines)."""
    return a / b if b > 0 else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dump", type=Path, help="folder written by sdr bench --dump")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per input (median kept)")
    parser.add_argument("--threads", type=int, nargs="+", default=[1], help="intra-op thread counts")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()
    if not 1 <= args.runs <= 20:
        parser.error(f"--runs must be between 1 and 20, got {args.runs}")

    # The dump's index names the models and every input.
    index = json.loads((args.dump / "index.json").read_text())
    sessions = {
        t: (session(Path(index["detector_model"]), t), session(Path(index["recogniser_model"]), t))
        for t in args.threads
    }

    # Every page, then the table and the JSON figures.
    pages = [bench_page(p, args.dump, sessions, args.runs) for p in index["pages"]]
    print(f"onnxruntime {ort.__version__}, {args.runs} timed runs per input (median), "
          f"threads {args.threads}")
    print_table(pages, args.threads)
    if args.json:
        figures = {"onnxruntime": ort.__version__, "runs": args.runs,
                   "threads": args.threads, "pages": pages}
        args.json.write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
