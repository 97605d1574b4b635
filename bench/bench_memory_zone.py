"""Does ``nlp.pipe`` over a stream keep memory flat? Vocabulary growth with and without
``nlp.memory_zone()``.

Every text holds new words (as a real stream of names, ids and typos does), so each one adds
lexemes and strings to ``nlp.vocab``. A plain ``nlp.pipe`` keeps them for the life of the
pipeline; inside ``with nlp.memory_zone():`` spaCy frees what the zone added when it closes.
Each mode runs in its own process (so the peak RSS of one does not hide the other's), in
chunks of ``--chunk`` texts (one memory zone per chunk, as ``spacy-elman annotate`` does per
batch), and prints the vocab size and the process's peak RSS after each chunk.

    python bench/bench_memory_zone.py --model training/model-best --texts 200000

Without ``--model`` a blank English pipeline with an initialized (untrained) ``elman_ner`` is
used: the vocabulary behaves the same.
"""

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Sequence

from _common import environment, print_environment, write_json


def parse_args(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=None, help="A trained pipeline directory.")
    parser.add_argument("--texts", type=int, default=100_000, help="Texts per mode.")
    parser.add_argument("--chunk", type=int, default=10_000, help="Texts per memory zone.")
    parser.add_argument("--batch-size", type=int, default=1000, help="nlp.pipe batch_size.")
    parser.add_argument("--json", type=Path, default=None, help="Also write the results here.")
    parser.add_argument(
        "--mode",
        choices=("both", "plain", "memory_zone"),
        default="both",
        help="both: run each of the other two in a fresh process.",
    )
    return parser.parse_args(argv)


def texts(start: int, n: int) -> Iterator[str]:
    """Texts with three words never seen before each (like names and ids in a real stream)."""
    for i in range(start, start + n):
        yield f"Yesterday Zorblax{i} met Quendra{i} about ticket QX{i}-7 in Paris."


def load(model: Optional[Path]) -> Any:
    import spacy

    if model is not None:
        return spacy.load(model)
    from spacy.training import Example

    spacy.util.fix_random_seed(0)  # the same untrained weights in both modes' processes
    nlp = spacy.blank("en")
    nlp.add_pipe("elman_ner")
    doc = nlp.make_doc("Barack Obama visited Paris.")
    nlp.initialize(lambda: [Example.from_dict(doc, {"entities": [(0, 12, "NAME")]})])
    return nlp


def lexemes(nlp: Any) -> int:
    """Lexemes held by the vocab now (``len(nlp.vocab)`` also counts those a zone freed)."""
    return sum(1 for _ in nlp.vocab)


def peak_rss_mib() -> float:
    scale = 1024 if sys.platform != "darwin" else 1024 * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 2**20


def run(nlp: Any, zone: bool, n_texts: int, chunk: int, batch_size: int) -> List[Dict[str, Any]]:
    rows = []
    list(nlp.pipe(["warm-up text with Obama"]))  # builds the network and traces its graph
    start = time.perf_counter()
    for done in range(0, n_texts, chunk):
        stream = texts(done, min(chunk, n_texts - done))
        if zone:
            with nlp.memory_zone():
                ents = sum(len(doc.ents) for doc in nlp.pipe(stream, batch_size=batch_size))
        else:
            ents = sum(len(doc.ents) for doc in nlp.pipe(stream, batch_size=batch_size))
        rows.append(
            {
                "texts": done + min(chunk, n_texts - done),
                "vocab_lexemes": lexemes(nlp),
                "vocab_len": len(nlp.vocab),  # spaCy's counter of lexemes ever added
                "strings": len(nlp.vocab.strings),
                "peak_rss_mib": round(peak_rss_mib(), 1),
                "entities_in_chunk": ents,
                "seconds": round(time.perf_counter() - start, 1),
            }
        )
        print(("memory_zone " if zone else "plain pipe  ") + str(rows[-1]), flush=True)
    return rows


def run_mode(args: argparse.Namespace) -> Dict[str, Any]:
    nlp = load(args.model)
    before = {"vocab_lexemes": lexemes(nlp), "strings": len(nlp.vocab.strings)}
    zone = args.mode == "memory_zone"
    return {"before": before, "chunks": run(nlp, zone, args.texts, args.chunk, args.batch_size)}


def main(argv: Optional[Sequence[str]] = None) -> Dict[str, Any]:
    args = parse_args(argv)
    if args.mode != "both":
        result = run_mode(args)
        if args.json:
            write_json(args.json, result)
        return result
    env = environment()
    print_environment(env)
    results: Dict[str, Any] = {
        "environment": env,
        "args": {k: str(v) for k, v in vars(args).items()},
    }
    with tempfile.TemporaryDirectory() as tmp:
        for mode in ("plain", "memory_zone"):
            out = Path(tmp) / f"{mode}.json"
            command = [sys.executable, __file__, "--mode", mode, "--json", str(out)]
            command += ["--texts", str(args.texts), "--chunk", str(args.chunk)]
            command += ["--batch-size", str(args.batch_size)]
            if args.model is not None:
                command += ["--model", str(args.model)]
            subprocess.run(command, check=True)
            results[mode] = json.loads(out.read_text())
    for mode in ("plain", "memory_zone"):
        before, last = results[mode]["before"], results[mode]["chunks"][-1]
        print(
            f"{mode:>12}: {args.texts:,} texts: lexemes {before['vocab_lexemes']:,} -> "
            f"{last['vocab_lexemes']:,}, strings {before['strings']:,} -> {last['strings']:,}, "
            f"peak RSS {last['peak_rss_mib']:,.0f} MiB"
        )
    if args.json:
        write_json(args.json, results)
    return results


if __name__ == "__main__":
    main()
