"""`marsad eval` reports (retrieval/evaluate.py dicts) as text for a person."""

from __future__ import annotations

from typing import Any

_HEADER = (f"{'kind':16} {'n':>4}  answer@1  answer@3  false declines  wrong answers"
           "  correct declines")


def render_eval(report: dict[str, Any], failures: bool = True) -> str:
    """Figures of one file; for question files a row per kind and (if asked) every failure.

    SQuAD failures are only counted here (hundreds on ARCD); `--json` lists them.
    """
    if report["format"] == "squad":
        return "\n".join([
            f"{report['file']}: SQuAD, {report['paragraphs']} paragraphs",
            f"questions {report['questions']}", f"P@1       {report['P@1']:.3f}",
            f"R@5       {report['R@5']:.3f}", f"MRR@10    {report['MRR@10']:.3f}",
            f"declined  {report['declined']:.3f} ({report['declined_count']} in coverage)",
            f"failures  {len(report['failures'])} (listed with --json)"])
    lines = [f"{report['file']}: {report['questions']} questions", _HEADER]
    rows = [("all answerable", report.get("answerable")), ("all abstain", report.get("abstain")),
            *report["kinds"].items()]
    for kind, f in rows:
        if f is None:
            continue
        if "answer@1" in f:
            lines.append(f"{kind:16} {f['questions']:4}  {f['answer@1']:8.3f}  "
                         f"{f['answer@3']:8.3f}  {f['false_declines']:14}  "
                         f"{f['wrong_answers']:13}")
        else:
            lines.append(f"{kind:16} {f['questions']:4}  {'':8}  {'':8}  {'':14}  "
                         f"{f['wrong_answers']:13}  {f['correct_declines']:4} "
                         f"({f['declined']:.3f})")
    for failure in report["failures"] if failures else ():
        top = (failure["top_hit"] or "no hit").replace("\n", " ")[:70]
        lines.append(f"  {failure['outcome']:9} [{failure['kind']}] {failure['question']}"
                     f"  → {top}")
    return "\n".join(lines)
