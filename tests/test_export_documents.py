"""The web export keeps web links as links and turns kiosk-only document links into text."""

from __future__ import annotations

from pathlib import Path

from kiosk.export_html import export_site


def test_document_and_web_links_in_the_export(content_copy: Path, tmp_path: Path) -> None:
    page = content_copy / "en" / "pole-medest.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\n\nSee [the example](https://example.org/a?b=1).\n",
        encoding="utf-8",
    )

    export_site(content_copy, tmp_path / "site")

    html = (tmp_path / "site" / "en" / "pole-medest.html").read_text(encoding="utf-8")
    assert "kiosk:" not in html
    assert '<a href="https://example.org/a?b=1">the example</a>' in html
    assert "<span>summary presentation of the MedEst pole and the plan</span>" in html
