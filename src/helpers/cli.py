"""The command line (a contract, see DESIGN.md).

    python -m helpers quotes SEED [--format csv|json]   # the quotes table on stdout
    python -m helpers terms SEED [--top N]             # CSV: term,count
    python -m helpers report [SEED ...] [--out DIR] [--force]  # run every notebook on each changed seed
    python -m helpers formulations SEED [--format csv|json]  # formulations (提法) used, and by whom
    python -m helpers targets SEED [--format csv|json]       # numeric statements and commitments

Unusable input gets one line on stderr and exit status 2, never a traceback.
"""
from __future__ import annotations

import argparse
import sys

from helpers.errors import InputError

EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2, like every other bad input
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message}. Run '{self.prog} --help' for usage.\n")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m helpers", description="Study Chinese political news articles: quotes, terms, figures.")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    q = sub.add_parser("quotes", help="print the quotes table of one article")
    q.add_argument("seed")
    q.add_argument("--format", choices=["csv", "json"], default="csv")
    t = sub.add_parser("terms", help="print term counts (CSV: term,count) of one article")
    t.add_argument("seed")
    t.add_argument("--top", type=int, default=None, metavar="N")
    for name, what in (("formulations", "print the formulations (提法) one article uses, and by whom"),
                       ("targets", "print the quantities and commitments one article states, and by whom")):
        f = sub.add_parser(name, help=what)
        f.add_argument("seed")
        f.add_argument("--format", choices=["csv", "json"], default="csv")
    r = sub.add_parser("report", help="run every notebook on each seed and write figures")
    r.add_argument("seeds", nargs="*", metavar="SEED")
    r.add_argument("--out", default=None, metavar="DIR", help="output folder (default: figures/)")
    r.add_argument("--quiet", action="store_true", help="no progress lines")
    r.add_argument("--force", action="store_true", help="recompute every article, even those whose inputs are unchanged")
    return p


def _write_table(table, fmt: str):
    if fmt == "json":
        sys.stdout.write(table.to_json(orient="records", force_ascii=False, indent=1) + "\n")
    else:
        table.to_csv(sys.stdout, index=False)


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "quotes":
            from helpers.pipeline import analyze

            quotes = analyze(args.seed).quotes
            if args.format == "json":
                sys.stdout.write(quotes.to_json(orient="records", force_ascii=False, indent=1) + "\n")
            else:
                quotes.to_csv(sys.stdout, index=False)
            return 0
        if args.command == "terms":
            from helpers.pipeline import analyze
            from helpers.tokenize import term_counts

            if args.top is not None and args.top < 1:
                raise InputError(f"--top {args.top}: give a whole number of 1 or more.")
            term_counts(analyze(args.seed).tokens, args.top).to_csv(sys.stdout, index=False)
            return 0
        if args.command in ("formulations", "targets"):
            from helpers.pipeline import analyze

            an = analyze(args.seed)
            if args.command == "formulations":
                from helpers.formulations import formulations as table
            else:
                from helpers.targets import targets as table
            _write_table(table(an), args.format)
            return 0
        if args.command == "report":
            from helpers.report import run_report

            return run_report(args.seeds, out=args.out, quiet=args.quiet, force=args.force)
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    return 1
