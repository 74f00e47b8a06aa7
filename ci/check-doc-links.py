#!/usr/bin/env python3
"""Every relative link of the repository's Markdown resolves in a clone.

    ci/check-doc-links.py [ROOT]      check every *.md under ROOT (default: the repository)
    ci/check-doc-links.py --self-test show that a missing file and a missing anchor fail

A link resolves when its file (or folder) exists and, for `file.md#anchor` or `#anchor`,
that Markdown file has a heading whose GitHub anchor is `anchor`. Links inside code
(fenced blocks, `inline`) and links to other sites are not checked. Exit 1 with one line
per broken link.
"""

import re
import sys
import tempfile
from pathlib import Path

SKIPPED_DIRS = {".git", "build", "node_modules", "results", ".venv"}
LINK = re.compile(r"!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
INLINE_CODE = re.compile(r"`+[^`]*`+")


def anchor_of(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"`([^`]*)`", r"\1", heading)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = text.strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def prose_lines(path: Path):
    """The file's lines outside fenced code blocks, with inline code removed."""
    fence = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        stripped = line.lstrip()
        marker = re.match(r"(```+|~~~+)", stripped)
        if marker:
            if fence is None:
                fence = marker.group(1)[0] * len(marker.group(1))
            elif stripped.startswith(fence):
                fence = None
            continue
        if fence is None:
            yield number, INLINE_CODE.sub("", line)


def anchors_in(path: Path, cache: dict) -> set:
    if path not in cache:
        seen: dict = {}
        anchors = set()
        for _, line in prose_lines(path):
            match = HEADING.match(line)
            if not match:
                continue
            anchor = anchor_of(match.group(2))
            # A repeated heading gets -1, -2... as GitHub numbers them.
            count = seen.get(anchor, 0)
            seen[anchor] = count + 1
            anchors.add(anchor if count == 0 else f"{anchor}-{count}")
        for _, line in prose_lines(path):  # explicit <a id="..."> / <a name="...">
            anchors.update(re.findall(r"<a\s+(?:id|name)=\"([^\"]+)\"", line))
        cache[path] = anchors
    return cache[path]


def broken_links(root: Path) -> list:
    problems = []
    cache: dict = {}
    files = sorted(
        p
        for p in root.rglob("*.md")
        # a symbolic link (reports/README.md, for the wheel) is checked where it points
        if not SKIPPED_DIRS.intersection(p.relative_to(root).parts) and not p.is_symlink()
    )
    for path in files:
        for number, line in prose_lines(path):
            for target in LINK.findall(line):
                if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):
                    continue  # https:, mailto:... : another site
                where = f"{path.relative_to(root)}:{number}"
                file_part, _, anchor = target.partition("#")
                resolved = (path.parent / file_part).resolve() if file_part else path
                if file_part and not resolved.exists():
                    problems.append(f"{where}: {target}: no such file")
                    continue
                if anchor and resolved.suffix == ".md" and resolved.is_file():
                    if anchor not in anchors_in(resolved, cache):
                        problems.append(f"{where}: {target}: no heading with anchor #{anchor}")
    return problems


def self_test() -> int:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "docs").mkdir()
        (root / "docs" / "gate.md").write_text("# The gate\n\n## In CI\n\ntext\n")
        (root / "README.md").write_text(
            "# Top\n\n[fine](docs/gate.md#in-ci) [also](#top)\n"
            "[gone](docs/missing.md) [bad anchor](docs/gate.md#nowhere)\n"
            "```\n[in code](not/checked.md)\n```\n`[inline](not/checked.md)`\n"
        )
        problems = broken_links(root)
    expected = [
        "README.md:4: docs/missing.md: no such file",
        "README.md:4: docs/gate.md#nowhere: no heading with anchor #nowhere",
    ]
    if problems != expected:
        print("self-test failed: expected", expected, "got", problems, file=sys.stderr)
        return 1
    print("self-test: a missing file and a missing anchor are caught, code is not checked")
    return 0


def main(argv: list) -> int:
    if argv[1:] == ["--self-test"]:
        return self_test()
    root = Path(argv[1] if len(argv) > 1 else Path(__file__).resolve().parent.parent)
    problems = broken_links(root.resolve())
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} broken link(s)", file=sys.stderr)
        return 1
    print(f"every relative link of the Markdown under {root} resolves")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
