"""The findings, as markdown, computed from an analysis by the same functions the notebooks chart.

Each notebook opens with one of these (``vocabulary``, ``themes``, ``districts``, ``discourse``,
``explorer``, ``corpus``), and ``seed_findings(analysis)`` joins the article ones for the README,
so the prose can never go stale: a rerun on another article rewrites it, and
``python -m helpers.findings`` rewrites the README's findings block from the first seed (a test
checks that the block and the code agree).

    >>> from helpers.pipeline import analyze                                  # doctest: +SKIP
    >>> print(seed_findings(analyze("seeds/000_10887d3b92d999db.txt")))       # doctest: +SKIP
    ### Vocabulary
    - **3,238** Chinese characters give **1,721** tokens …
"""
from __future__ import annotations

import pandas as pd

from helpers import measures as M
from helpers.quotes import quoted_phrases
from helpers.themes import NONE


def _join(items, empty="none") -> str:
    return "、".join(items) or empty


def vocabulary(an, top_n: int = 20) -> str:
    """Findings of the vocabulary notebook: counts, leading terms, set phrases, parts of speech,
    keyword agreement, the quoted and shaped phrases added to the tokenizer."""
    tokens = an.tokens
    top = M.top_terms(tokens, top_n)
    by_pos = M.top_terms_by_pos(tokens, 10)
    tfidf = M.tfidf_keywords(tokens, top_n)
    textrank = M.textrank_keywords(tokens, top_n)
    s = an.article.steps
    n_content = int(tokens["content"].sum())
    lead = ", ".join(f"**{r.term}** ({r.count})" for r in top.head(5).itertuples()) or "none"
    both = [t for t in tfidf["term"].head(10) if t in set(textrank["term"].head(10))]
    quoted = set(quoted_phrases(an.article.text))
    phrases = [w for w, tag in an.added.items() if tag == "nz" and w in quoted]
    shaped = [w for w, tag in an.added.items() if tag == "nz" and w not in quoted]
    set_phrases = top[top["pos"].isin(["nz"]) | (top["term"].str.len() >= 4)]["term"].head(6).tolist()

    def group(name):
        return by_pos[by_pos["group"] == name]["term"].head(5).tolist()

    return f"""
- **{s['chinese_characters']:,}** Chinese characters give **{len(tokens):,}** tokens and **{n_content:,}** content
  tokens after stopwords ({tokens.loc[tokens['content'], 'word'].nunique():,} distinct terms).
- The most frequent terms are {lead}.
- Set phrases among the top {top_n}: {_join(set_phrases)} — counted whole, not as their parts.
- Leading nouns: {_join(group('名词'))}; verbs: {_join(group('动词'))}; places: {_join(group('地名'))}.
- TF-IDF and TextRank share {len(both)} of their top ten keywords: {_join(both)}.
- Phrases the article puts in quotation marks and that were added to the tokenizer: {_join(phrases)}.
- Set phrases recognised by their shape (parallel slogans, 统防统治-type formulas, 生态立县-type
  strategies; `helpers.shapes`) and added: {_join(shaped)}.
""".strip()


def themes(an) -> str:
    """Findings of the themes notebook: the largest themes, quotes' dominant themes, and whether
    the dictionary agrees with the section headings."""
    tokens, quotes, th = an.tokens, an.quotes, an.themes
    shares = M.theme_shares(quotes, tokens, th)
    agreement = M.heading_agreement(an.structure, None, tokens, th)
    n_hits = int(shares["theme_tokens"].sum())
    ranked = shares[shares["theme"].isin(th)].sort_values("theme_tokens", ascending=False, kind="stable")
    top3 = ", ".join(f"**{r.theme}** ({r.token_share:g}%)" for r in ranked.head(3).itertuples() if r.theme_tokens)
    if len(agreement):
        agree_line = (f"The dictionary agrees with **{int(agreement['agree'].sum())} of {len(agreement)}** section headings "
                      f"(the theme a heading's own words name is the theme that dominates the section's text).")
        disagree = agreement[~agreement["agree"]]
        if len(disagree):
            agree_line += " Disagreements: " + "; ".join(f"§{r.section} heading → {r.heading_theme}, text → {r.text_theme}" for r in disagree.itertuples()) + "."
    else:
        agree_line = "The article has no section headings, so there is nothing to compare the dictionary with."
    if len(quotes):
        dominant = quotes["dominant_theme"].value_counts()
        untagged = int((quotes["dominant_theme"] == NONE).sum())
        quote_line = (f"Of **{len(quotes)}** quotes, the most common dominant theme is **{dominant.index[0]}** ({dominant.iloc[0]}); "
                      f"{untagged} quote(s) hit no theme term.")
    else:
        quote_line = "The article has **no quotes**, so only whole-text shares are shown."
    return f"""
- **{n_hits}** tokens of the article are theme terms. The largest themes by share of those tokens: {top3 or 'none'}.
- {quote_line}
- {agree_line}
""".strip()


def districts(an, terms_per_district: int = 6, min_count: int | None = None) -> str:
    """Findings of the districts notebook: who speaks for how many districts, share of voice,
    each district's dominant theme, the distinctive terms that pass z > 1.96."""
    tokens, quotes, th = an.tokens, an.quotes, an.themes
    spoken = quotes[quotes["kind"] != "report"]
    if not len(spoken):
        return "- The article has **no attributed quotes**, so there is no district to compare. The figures below are empty on purpose."
    distinctive = M.distinctive_terms(tokens, M.district_labels(tokens, quotes), terms_per_district, min_count)
    voice = M.share_of_voice(quotes)
    table = M.district_table(quotes, tokens, th, distinctive)
    apart = [g for g in (M.NO_DISTRICT, M.REPORTS) if g in set(voice["group"])]
    n_districts = spoken.loc[spoken["district"] != "", "district"].nunique()
    loud = voice[~voice["group"].isin(apart)].sort_values("characters", ascending=False, kind="stable")
    if len(loud):
        loud_line = f"**{loud.iloc[0]['group']}** has the largest share of voice ({loud.iloc[0]['share']:g}% of quoted characters)"
        loud_line += f", **{loud.iloc[-1]['group']}** the smallest ({loud.iloc[-1]['share']:g}%)." if len(loud) > 1 else "."
    else:
        loud_line = "No quote has a district."
    emphasis = "; ".join(f"{r.district}: {r.dominant_theme}" for r in table.itertuples() if r.district not in apart)
    strong = distinctive[distinctive["z"] > 1.96]
    if len(strong):
        strong_line = "Terms with z > 1.96: " + "; ".join(f"{g}: {'、'.join(d['term'])}" for g, d in strong.groupby("group", sort=False)) + "."
    else:
        strong_line = "No term reaches z > 1.96 (the statements are short); the charts show the strongest anyway."
    no_district = spoken[spoken["district"] == ""]["speaker"].unique()
    return f"""
- **{spoken['speaker'].replace('', pd.NA).nunique()}** named speakers speak for **{n_districts}** district(s) in **{len(spoken)}** quotes; {len(quotes) - len(spoken)} citation(s) of documents are counted apart.
- {loud_line}
- Dominant theme per district — {emphasis or 'none'}.
- {strong_line}
- Officials with no district: {_join(no_district)}.
""".strip()


def corpus(c) -> str:
    """Findings of the corpus notebook: size, leading theme per article, districts quoted in more
    than one article, files skipped."""
    names = c.names
    if len(names) < 2:
        return f"- Only **{len(names)}** usable article(s): a corpus comparison needs two or more. Drop more files into `seeds/` and rerun."
    by_theme = c.themes_by_article()
    top_theme = by_theme.idxmax(axis=1).where(by_theme.max(axis=1) > 0, NONE)
    table = M.districts_by_article(c.quotes)
    shared = [d for d in table.index[(table > 0).sum(axis=1) > 1] if not M.is_apart(d)] if len(table) else []
    return f"""
- **{len(names)}** articles, **{len(c.quotes)}** quotes, **{int(c.articles['content_tokens'].sum()):,}** content tokens; {len(c.skipped)} file(s) skipped.
- Leading theme per article — {'; '.join(f'{a}: {t}' for a, t in top_theme.items())}.
- Districts quoted in more than one article: {_join(shared)}.
""".strip()


def discourse(an, min_echo: int = 6) -> str:
    """The discourse notebook's findings: formulations by kind and who repeats them, quantities
    and their firmness, who turns goals into numbers, and how much of the quoted words echo the
    documents (``helpers.formulations``, ``helpers.targets``, ``helpers.echo``)."""
    from helpers import echo as E, formulations as F, targets as T

    forms, tgt = F.formulations(an), T.targets(an)
    echo = E.echo_table(an, min_len=min_echo)
    echo_d = E.echo_by_district(echo)
    per1000 = T.numbers_per_1000(an, tgt).sort_values("per_1000", ascending=False, kind="stable")
    shared = F.shared_formulations(forms)
    q = an.quotes
    n_speakers = q.loc[q["kind"] != "report", "speaker"].replace("", pd.NA).dropna().nunique() if len(q) else 0
    by_kind = forms.groupby("kind")["formulation"].nunique() if len(forms) else pd.Series(dtype=int)
    spoken = forms[forms["speaker"] != ""]
    numbered = spoken[spoken["kind"] == "numbered"]
    ref = forms[forms["kind"] == "reference"]
    changed = ref[ref["fidelity"] != "verbatim"]
    goals = tgt[tgt["tense"] == "goal"]
    firm = goals[goals["firmness"] != ""]
    firm_text = _join(f"{r.text}（{r.speaker or 'narration'}，{r.firmness}{'，' + r.deadline if r.deadline else ''}）" for r in firm.head(8).itertuples())
    top_num = per1000[per1000["quantities"] > 0].head(3)
    chars = int(echo["chars"].sum()) if len(echo) else 0
    echo_all = (echo["echoed"].sum() / chars) if chars else 0
    top_echo = echo_d[echo_d["echoed"] > 0].head(3)
    return f"""
- **{int(forms['count'].sum()) if len(forms) else 0}** uses of formulations: {by_kind.get('quoted', 0)} distinct quoted slogans or names,
  {by_kind.get('numbered', 0)} numbered formulas and {by_kind.get('reference', 0)} formulations of the reference list
  ({len(changed)} of {len(ref)} reference uses not verbatim).
- Numbered formulas the speakers use: {_join(f"{r.formulation}（{r.speaker}）" for r in numbered.itertuples())}.
- Formulations two or more speakers repeat: {_join(f"{r.formulation}（{r.speakers}）" for r in shared.itertuples())}.
- **{len(tgt)}** quantities stated, {len(goals)} of them goals; {len(firm)} goals carry a firmness word: {firm_text}.
- Who turns goals into numbers (quantities per 1,000 quoted characters): {_join(f"{r.district} ({r.per_1000:g})" for r in top_num.itertuples())}.
- Of {chars:,} quoted characters of {n_speakers} speakers, **{echo_all:.1%}** repeat the article's document citations or the
  reference list verbatim (spans of {min_echo}+ characters); the rest are their own words. Highest echo: {_join(f"{r.district} ({r.echo_share:.0%})" for r in top_echo.itertuples())}.
""".strip()


def explorer(an, terms_per_district: int = 10) -> str:
    """The explorer notebook's findings: quotes, speakers and districts it can filter, English
    coverage of the terms (``helpers.glossary``) and each district's most distinctive term."""
    from helpers import explorer as X, glossary as G

    quotes = X.quote_table(an)
    distinctive = X.distinctive(an, terms_per_district)
    terms = G.glossary(an)
    top50 = G.glossary(terms["term"].head(50))
    by_source = terms["source"].replace("", "(none)").value_counts()
    districts = [d for d in pd.unique(quotes["district"]) if d in set(distinctive["group"])]
    strongest = "; ".join(f"{g}: {d.iloc[0]['term']} ({G.label(d.iloc[0]['term'], 'zh+en').split(chr(10))[-1]})"
                          for g, d in distinctive.groupby("group", sort=False)) or "none"
    forms = sorted({f for fs in quotes["formulations"] for f in fs}) if "formulations" in quotes else []
    return f"""
- **{len(quotes)}** quotes from **{G.speakers(an.quotes).shape[0]}** named speaker(s) in **{len(districts)}** district(s).
- English glosses for **{G.coverage(top50):.0%}** of the {len(top50)} most frequent content terms and **{G.coverage(terms):.0%}** of all {len(terms)}:
  {", ".join(f"{n} from {s}" for s, n in by_source.items())}.
- Each district's most distinctive term — {strongest}.
- Formulations carried by the quotes: {len(forms) if forms else 'none (no `formulation` column)'}.
""".strip()


def seed_findings(an) -> str:
    """The README's findings for one article: the four article notebooks' findings, under
    headings, as markdown."""
    return "\n\n".join([
        f"### Vocabulary\n\n{vocabulary(an)}",
        f"### Themes\n\n{themes(an)}",
        f"### Districts\n\n{districts(an)}",
        f"### Discourse\n\n{discourse(an)}",
    ]) + "\n"


README_START, README_END = "<!-- findings:start -->", "<!-- findings:end -->"


def readme_with_findings(readme: str, an) -> str:
    """``readme`` with the text between its findings markers replaced by ``seed_findings(an)``."""
    head, rest = readme.split(README_START, 1)
    _, tail = rest.split(README_END, 1)
    return f"{head}{README_START}\n{seed_findings(an)}{README_END}{tail}"


def main() -> int:
    """Rewrite README.md's findings block from the first file in seeds/."""
    from helpers.paths import PROJ_ROOT, seed_files
    from helpers.pipeline import analyze

    readme = PROJ_ROOT / "README.md"
    seed = seed_files()[0]
    readme.write_text(readme_with_findings(readme.read_text(encoding="utf-8"), analyze(seed)), encoding="utf-8")
    print(f"{readme}: findings of {seed.name} written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
