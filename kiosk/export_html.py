"""``cri-kiosk export-html``: the content as a static, multilingual, accessible web site.

Pages go through the kiosk's own Markdown pipeline (``ContentLibrary.html``); only the
links it produces are rewritten: sections to ``<id>.html``, pictures to copies at the
same place in the site as in the content folder. One folder per language, the bundled
fonts, no JavaScript.
"""

from __future__ import annotations

import html
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from kiosk.content import ContentError, ContentLibrary, Page, load_content
from kiosk.content.links import SECTION_SCHEME
from kiosk.palette import PALETTE
from kiosk.paths import data_path, fonts_dir

ASSETS = "assets"
_SECTION_HREF = re.compile(rf'href="{SECTION_SCHEME}:section/([a-z0-9-]+)"')
_FILE_SRC = re.compile(r'src="(file:[^"]+)"')
# On the web site a web link is an ordinary link; documents live only on the kiosk, so a
# link to one keeps its words without a target.
_WEB_HREF = re.compile(rf'href="{SECTION_SCHEME}:web/([^"]+)"')
_DOCUMENT_LINK = re.compile(rf'<a href="{SECTION_SCHEME}:document/[a-z0-9-]+">(.*?)</a>', re.S)


@dataclass(frozen=True)
class ExportTexts:
    """The few words of the site's own chrome, per language (the pages bring the rest)."""

    home: str
    languages: str
    skip: str
    fallback: str  # {} is the language the page is shown in
    sections: str
    previous: str
    next: str
    choose: str
    trail: str
    labelled: str = "{}: {}"  # "Previous: title", with the language's own punctuation


TEXTS = {
    "fr": ExportTexts(
        "Accueil",
        "Langues",
        "Aller au contenu",
        "Cette page n'est pas encore disponible dans votre langue. Affichée en : {}.",
        "Sections",
        "Précédent",
        "Suivant",
        "Choisissez votre langue",
        "Vous êtes ici",
        "{} : {}",
    ),
    "ar": ExportTexts(
        "الرئيسية",
        "اللغات",
        "الانتقال إلى المحتوى",
        "هذه الصفحة غير متوفرة بعد بلغتك. اللغة المعروضة: {}.",
        "الأقسام",
        "السابق",
        "التالي",
        "اختر لغتك",
        "أنت هنا",
    ),
    "en": ExportTexts(
        "Home",
        "Languages",
        "Skip to content",
        "This page is not yet available in your language. Shown in: {}.",
        "Sections",
        "Previous",
        "Next",
        "Choose your language",
        "You are here",
    ),
}


class ExportError(Exception):
    """The site could not be written; the message says why and what to do."""


def export_site(content_dir: Path, out: Path) -> list[Path]:
    """Write the site for the content in ``content_dir`` into ``out``; the pages written."""
    try:
        library = load_content(content_dir).library
    except ContentError as error:
        raise ExportError(str(error.problem)) from None
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out} is a file: --out must be a folder")
    try:
        return _SiteWriter(library, content_dir, out).write()
    except OSError as error:
        raise ExportError(f"cannot write {error.filename or out}: {error.strerror}") from None


def texts_for(lang: str) -> ExportTexts:
    return TEXTS.get(lang, TEXTS["en"])


class _SiteWriter:
    def __init__(self, library: ContentLibrary, content_dir: Path, out: Path) -> None:
        self.library = library
        self.content_dir = content_dir.resolve()
        self.out = out
        ids = list(library.page_ids)
        ids += sorted(set(library.pages_in(library.default_language)) - set(ids))
        self.page_ids = ids
        self.written: list[Path] = []

    def write(self) -> list[Path]:
        self._write_assets()
        self._write("index.html", self._language_choice())
        for language in self.library.languages:
            self._write(f"{language.code}/index.html", self._home(language.code))
            for page_id in self.page_ids:
                view = self.library.view(page_id, language.code)
                if view is not None:
                    body = self._section(page_id, language.code, view.page)
                    self._write(f"{language.code}/{page_id}.html", body)
        return self.written

    # files ------------------------------------------------------------------------
    def _write(self, relative: str, text: str) -> None:
        target = self.out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        if target.suffix == ".html":
            self.written.append(target)

    def _write_assets(self) -> None:
        fonts = self.out / ASSETS / "fonts"
        fonts.mkdir(parents=True, exist_ok=True)
        for font in sorted(fonts_dir().iterdir()):
            if font.suffix in (".ttf", ".txt"):
                shutil.copyfile(font, fonts / font.name)
        css = data_path("resources/style/export.css").read_text(encoding="utf-8")
        for name in PALETTE.__dataclass_fields__:
            css = css.replace("{" + name + "}", getattr(PALETTE, name))
        (self.out / ASSETS / "style.css").write_text(css, encoding="utf-8")

    def _image(self, match: re.Match[str]) -> str:
        """Copy a picture the pipeline accepted and point at the copy."""
        source = Path(url2pathname(unquote(urlsplit(match.group(1)).path)))
        try:
            relative = source.resolve().relative_to(self.content_dir)
        except ValueError:
            relative = Path(source.name)
        # Where the picture is in the content folder, so links read as the author wrote them.
        target = self.out / relative
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        return f'src="../{relative.as_posix()}"'

    # pages --------------------------------------------------------------------------
    def _language_choice(self) -> str:
        default = self.library.language(self.library.default_language)
        items = "".join(
            f'<li><a href="{lang.code}/index.html" lang="{lang.code}" hreflang="{lang.code}"'
            f' dir="{lang.direction.value}">{_e(lang.name)}</a></li>'
            for lang in self.library.languages
        )
        name = self.library.site.organisation_text("name", default.code)
        choose = " · ".join(
            f'<span lang="{lang.code}" dir="{lang.direction.value}">'
            f"{_e(texts_for(lang.code).choose)}</span>"
            for lang in self.library.languages
        )
        main = f'<h1>{_e(name)}</h1><p>{choose}</p><ul class="tiles">{items}</ul>'
        return _document(default.code, default.direction.value, name, "", "", main, "")

    def _home(self, lang: str) -> str:
        site = self.library.site
        words = texts_for(lang)
        groups = []
        for top in self.library.top_level():
            ids = [top, *self.library.children(top)]
            tiles = "".join(
                self._tile(page_id, lang, page_id == top and len(ids) > 1) for page_id in ids
            )
            groups.append(f'<section class="group"><ul class="tiles">{tiles}</ul></section>')
        tagline = site.organisation_text("tagline", lang)
        main = (
            f"<h1>{_e(site.organisation_text('name', lang))}</h1>"
            + (f'<p class="tagline">{_e(tagline)}</p>' if tagline else "")
            + f"<h2>{_e(words.sections)}</h2>"
            + "".join(groups)
        )
        return self._page(lang, words.home, "index", main)

    def _tile(self, page_id: str, lang: str, is_parent: bool) -> str:
        view = self.library.view(page_id, lang)
        if view is None:
            return ""
        page = view.page
        attrs = _lang_attrs(self.library, page.lang) if view.is_fallback else ""
        summary = f"<p{attrs}>{_e(page.summary)}</p>" if page.summary else ""
        kind = ' class="parent"' if is_parent else ""
        return f'<li{kind}><a href="{page_id}.html"{attrs}>{_e(page.title)}</a>{summary}</li>'

    def _section(self, page_id: str, lang: str, page: Page) -> str:
        words = texts_for(lang)
        view = self.library.view(page_id, lang)
        assert view is not None
        body = _SECTION_HREF.sub(r'href="\1.html"', self.library.html(page))
        body = _FILE_SRC.sub(self._image, body)
        body = _WEB_HREF.sub(lambda m: f'href="{html.escape(unquote(m.group(1)))}"', body)
        body = _DOCUMENT_LINK.sub(r"<span>\1</span>", body)
        attrs = _lang_attrs(self.library, page.lang) if view.is_fallback else ""
        note = ""
        if view.is_fallback:
            shown_in = self.library.language(page.lang).name
            note = f'<p class="note">{_e(words.fallback.format(shown_in))}</p>'
        crumbs = [f'<li><a href="index.html">{_e(words.home)}</a></li>']
        ancestors: list[str] = []
        parent = self.library.parent(page_id)
        while parent is not None and parent not in ancestors:
            ancestors.insert(0, parent)
            parent = self.library.parent(parent)
        for ancestor in ancestors:
            title = self._title(ancestor, lang)
            crumbs.append(f'<li><a href="{ancestor}.html">{_e(title)}</a></li>')
        crumbs.append(f'<li aria-current="page">{_e(page.title)}</li>')
        breadcrumb = (
            f'<nav class="breadcrumb" aria-label="{_e(words.trail)}">'
            f"<ol>{''.join(crumbs)}</ol></nav>"
        )
        children = self.library.children(page_id)
        related = ""
        if children:
            tiles = "".join(self._tile(child, lang, False) for child in children)
            related = (
                f'<section><h2>{_e(words.sections)}</h2><ul class="tiles">{tiles}</ul></section>'
            )
        main = (
            breadcrumb
            + note
            + f"<h1{attrs}>{_e(page.title)}</h1>"
            + related
            + f'<article class="text"{attrs}>{body}</article>'
            + self._steps(page_id, lang)
        )
        return self._page(lang, page.title, page_id, main)

    def _steps(self, page_id: str, lang: str) -> str:
        words = texts_for(lang)
        siblings = self.library.siblings(page_id)
        if page_id not in siblings:
            return ""
        index = siblings.index(page_id)
        links = []
        if index > 0:
            target = siblings[index - 1]
            links.append(
                f'<a href="{target}.html" rel="prev">'
                f"{_e(words.labelled.format(words.previous, self._title(target, lang)))}</a>"
            )
        else:
            links.append("<span></span>")
        if index + 1 < len(siblings):
            target = siblings[index + 1]
            links.append(
                f'<a href="{target}.html" rel="next">'
                f"{_e(words.labelled.format(words.next, self._title(target, lang)))}</a>"
            )
        return f'<nav class="steps">{"".join(links)}</nav>'

    def _title(self, page_id: str, lang: str) -> str:
        view = self.library.view(page_id, lang)
        return view.page.title if view is not None else page_id

    def _page(self, lang: str, title: str, name: str, main: str) -> str:
        """A page of the ``lang`` folder: site header, language switcher, ``main``."""
        site = self.library.site
        words = texts_for(lang)
        switch = "".join(
            f'<li><a href="../{other.code}/{name}.html" lang="{other.code}" '
            f'hreflang="{other.code}" dir="{other.direction.value}"'
            + (' aria-current="true"' if other.code == lang else "")
            + f">{_e(other.name)}</a></li>"
            for other in self.library.languages
        )
        header = (
            f'<a class="name" href="index.html">'
            f"{_e(site.organisation_text('short_name', lang))}</a>"
            f'<nav class="languages" aria-label="{_e(words.languages)}"><ul>{switch}</ul></nav>'
        )
        direction = self.library.language(lang).direction.value
        full_title = f"{title} · {site.organisation_text('short_name', lang)}"
        footer = _e(site.organisation_text("name", lang))
        return _document(lang, direction, full_title, words.skip, header, main, footer, "../")


def _document(
    lang: str,
    direction: str,
    title: str,
    skip: str,
    header: str,
    main: str,
    footer: str,
    root: str = "",
) -> str:
    skip_link = f'<a class="skip" href="#main">{_e(skip)}</a>' if skip else ""
    header_html = f'<header class="site"><div class="bar">{header}</div></header>' if header else ""
    footer_html = f'<footer class="site"><p>{footer}</p></footer>' if footer else ""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}" dir="{direction}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n"
        f'<link rel="stylesheet" href="{root}{ASSETS}/style.css">\n</head>\n<body>\n'
        f"{skip_link}{header_html}\n"
        f'<main id="main">\n{main}\n</main>\n{footer_html}\n</body>\n</html>\n'
    )


def _lang_attrs(library: ContentLibrary, code: str) -> str:
    """lang and dir of text shown in another language than the page's (a fallback)."""
    return f' lang="{code}" dir="{library.language(code).direction.value}"'


def _e(text: str) -> str:
    return html.escape(text, quote=True)
