"""A generated content folder of many pages in four languages, for the scale benchmark.

Deterministic: the same arguments always write the same files. The text is assembled
from sentences of the shipped pages and of the seed text (facts are never invented); the
fourth language (es) reuses the French text under its own folder. Never shipped.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

from benchmarks.measure import ROOT

SHIPPED = ROOT / "content"
SEED = Path("/work/shared/seed/000_2f016d37eedf11cb.txt")
# code, own name, direction, folder whose shipped pages lend it their sentences
LANGUAGES = (
    ("fr", "Français", "ltr", "fr"),
    ("ar", "العربية", "rtl", "ar"),
    ("en", "English", "ltr", "en"),
    ("es", "Español", "ltr", "fr"),
)
TOP_SECTIONS = 10
SUBSECTIONS_PER_TOP = 5
ICONS = (
    "mdi6.rocket-launch",
    "mdi6.map-marker-radius",
    "mdi6.chart-box",
    "mdi6.factory",
    "mdi6.sprout",
    "mdi6.vector-link",
    "mdi6.cash-multiple",
    "mdi6.earth",
    "mdi6.office-building-cog",
    "mdi6.file-download",
)
# Navigation labels, the only words written here (no facts).
LABELS = {
    "fr": ("Dans cette rubrique", "Voir aussi", "Retour", "Rubrique", "Présentation résumée"),
    "ar": ("في هذا القسم", "انظر أيضا", "رجوع", "القسم", "عرض موجز"),
    "en": ("In this section", "See also", "Back", "Section", "Summary presentation"),
    "es": ("En esta sección", "Véase también", "Volver", "Sección", "Presentación resumida"),
}
MAX_TITLE = 60
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")


@dataclass(frozen=True)
class TreeShape:
    """What was generated: pages per language, and how they hang together."""

    content_dir: Path
    languages: tuple[str, ...]
    pages_per_language: int
    top_sections: int
    home_tiles: int
    deepest_level: int


@dataclass(frozen=True)
class _Node:
    id: str
    parent: str | None
    order: int
    level: int


@dataclass(frozen=True)
class _Texts:
    """Material of one language taken from the shipped pages."""

    sentences: tuple[str, ...]
    headings: tuple[str, ...]
    items: tuple[str, ...]
    titles: tuple[str, ...]
    summaries: tuple[str, ...]


def generate_tree(out: Path, pages: int = 500, seed: int = 2026) -> TreeShape:
    """Write a content folder of ``pages`` pages per language into ``out``."""
    nodes = _shape(pages)
    out.mkdir(parents=True, exist_ok=True)
    tops = [node.id for node in nodes if node.parent is None]
    _write_site(out, tops)
    _write_documents(out)
    children: dict[str, list[_Node]] = {}
    for node in nodes:
        if node.parent is not None:
            children.setdefault(node.parent, []).append(node)
    by_id = {node.id: node for node in nodes}
    for code, _name, _direction, source in LANGUAGES:
        texts = _texts(source, with_seed=source == "fr")
        folder = out / code
        folder.mkdir(exist_ok=True)
        for index, node in enumerate(nodes):
            rng = random.Random(f"{seed}-{code}-{node.id}")
            text = _page(node, index, code, texts, children, by_id, rng)
            (folder / f"{node.id}.md").write_text(text, encoding="utf-8")
    home_tiles = len(tops) + sum(len(children.get(top, [])) for top in tops)
    return TreeShape(
        out,
        tuple(code for code, *_ in LANGUAGES),
        len(nodes),
        len(tops),
        home_tiles,
        max(node.level for node in nodes),
    )


def _shape(pages: int) -> list[_Node]:
    """Home sections, each with sub-sections, each with its own pages (three levels)."""
    tops = min(TOP_SECTIONS, pages)
    subs = min(tops * SUBSECTIONS_PER_TOP, pages - tops)
    leaves = pages - tops - subs
    nodes = [_Node(f"rubrique-{t + 1:02d}", None, t + 1, 1) for t in range(tops)]
    sub_nodes = [
        _Node(f"rubrique-{s % tops + 1:02d}-{s // tops + 1:02d}", nodes[s % tops].id, s // tops, 2)
        for s in range(subs)
    ]
    nodes += sub_nodes
    for leaf in range(leaves):
        parent = sub_nodes[leaf % len(sub_nodes)]
        nodes.append(_Node(f"{parent.id}-{leaf // len(sub_nodes) + 1:02d}", parent.id, leaf, 3))
    return nodes


def _texts(folder: str, with_seed: bool) -> _Texts:
    sentences: list[str] = []
    headings: list[str] = []
    items: list[str] = []
    titles: list[str] = []
    summaries: list[str] = []
    for path in sorted((SHIPPED / folder).glob("*.md")):
        front, _, body = path.read_text(encoding="utf-8").partition("\n+++\n")
        for line in front.splitlines():
            if line.startswith("title = "):
                titles.append(line[len("title = ") :].strip('"'))
            elif line.startswith("summary = "):
                summaries.append(line[len("summary = ") :].strip('"'))
        for raw in body.splitlines():
            line = _LINK.sub(r"\1", raw).strip()
            if not line:
                continue
            if line.startswith("#"):
                headings.append(line.lstrip("# "))
            elif line.startswith(("- ", "* ")):
                items.append(line[2:])
            elif not line.startswith(("|", ">")):
                sentences.extend(s for s in _SENTENCE_END.split(line) if len(s) > 20)
    if with_seed and SEED.is_file():
        for line in SEED.read_text(encoding="utf-8").splitlines():
            if len(line) > 80:
                sentences.extend(s for s in _SENTENCE_END.split(line.strip()) if len(s) > 20)
    return _Texts(tuple(sentences), tuple(headings), tuple(items), tuple(titles), tuple(summaries))


def _title(node: _Node, index: int, texts: _Texts) -> str:
    number = node.id.removeprefix("rubrique-").replace("-", ".")
    # Neighbours get different titles (lengths vary as on a real home screen).
    base = texts.titles[(index + index // len(texts.titles)) % len(texts.titles)]
    room = MAX_TITLE - len(number) - 1
    if len(base) > room:
        base = base[: room - 1].rstrip() + "…"
    return f"{base} {number}"


def _page(
    node: _Node,
    index: int,
    code: str,
    texts: _Texts,
    children: dict[str, list[_Node]],
    by_id: dict[str, _Node],
    rng: random.Random,
) -> str:
    inside, see_also, back, section, brochure = LABELS[code]
    order = list(by_id)
    title_of = {
        page_id: _title(other, order.index(page_id), texts)
        for page_id, other in by_id.items()
        if page_id == node.id
        or other.parent == node.id
        or other.parent == node.parent
        or page_id == node.parent
    }
    summary = texts.summaries[(index + index // len(texts.summaries)) % len(texts.summaries)]
    front = [
        "+++",
        f'id = "{node.id}"',
        f'title = "{title_of[node.id]}"',
        f'summary = "{summary}"',
        f'icon = "{ICONS[index % len(ICONS)]}"',
        f"order = {node.order}",
    ]
    if node.parent is not None:
        front.append(f'parent = "{node.parent}"')
    front.append("+++")

    def paragraph(count: int) -> str:
        return " ".join(rng.choice(texts.sentences) for _ in range(count))

    body = [paragraph(rng.randint(2, 3)), ""]
    for _ in range(rng.randint(2, 3)):
        body += [f"## {rng.choice(texts.headings)}", "", paragraph(rng.randint(2, 4)), ""]
        body += [f"- {rng.choice(texts.items)}" for _ in range(rng.randint(3, 6))]
        body.append("")
    kids = children.get(node.id, [])
    if kids:
        body += [f"## {inside}", ""]
        body += [f"- [{title_of[kid.id]}]({kid.id}.md)" for kid in kids]
        body.append("")
    siblings = [
        other
        for other in by_id.values()
        if other.parent == node.parent and other.id != node.id and node.parent is not None
    ]
    if index % 3 == 0 and siblings:
        # A table of the neighbouring pages: the kind authors write for an overview.
        body += [f"| {section} | {see_also} |", "| --- | --- |"]
        for other in siblings[:6]:
            body.append(f"| [{title_of[other.id]}]({other.id}.md) | {rng.choice(texts.items)} |")
        body.append("")
    if siblings:
        body += [f"### {see_also}", ""]
        body += [
            f"1. [{title_of[o.id]}]({o.id}.md)" for o in rng.sample(siblings, min(3, len(siblings)))
        ]
        body.append("")
    if index % 10 == 0:
        body += [f"> [{brochure}](doc:brochure-{code})", ""]
    if node.parent is not None:
        body += [f"[{back} : {title_of[node.parent]}]({node.parent}.md)", ""]
    return "\n".join(front) + "\n\n" + "\n".join(body)


def _write_site(out: Path, tops: list[str]) -> None:
    home = ", ".join(f'"{top}"' for top in tops)
    lines = [
        "# Generated by benchmarks/content_tree.py for the scale benchmark: not real content.",
        'default_language = "fr"',
        f"home = [{home}]",
        "",
    ]
    for code, name, direction, _source in LANGUAGES:
        lines += ["[[languages]]", f'code = "{code}"', f'name = "{name}"']
        lines += [f'direction = "{direction}"', ""]
    shipped = _organisation()
    for key in ("name", "short_name", "tagline"):
        lines.append(f"[organisation.{key}]")
        for code, _name, _direction, source in LANGUAGES:
            lines.append(f'{code} = "{shipped[key][source]}"')
        lines.append("")
    (out / "site.toml").write_text("\n".join(lines), encoding="utf-8")


def _organisation() -> dict[str, dict[str, str]]:
    import tomllib

    with (SHIPPED / "site.toml").open("rb") as stream:
        data = tomllib.load(stream)
    organisation: dict[str, dict[str, str]] = data["organisation"]
    return organisation


def _write_documents(out: Path) -> None:
    lines = []
    for code, *_ in LANGUAGES:
        lines += ["[[documents]]", f'id = "brochure-{code}"', f'language = "{code}"']
        lines += ['kind = "brochure"', "[documents.title]"]
        lines += [f'{other} = "{LABELS[other][4]}"' for other, *_ in LANGUAGES]
        lines.append("")
    (out / "documents.toml").write_text("\n".join(lines), encoding="utf-8")
