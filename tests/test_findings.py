"""The findings text the notebooks open with and the README uses: computed, so it follows the data."""
from helpers import findings, measures as M
from helpers.corpus import load_corpus
from helpers.pipeline import analyze

from conftest import ARTICLES, SEED


def test_seed_findings_state_the_computed_numbers(seed_analysis):
    an = seed_analysis
    text = findings.seed_findings(an)
    top = M.top_terms(an.tokens, 5)
    shares = M.theme_shares(an.quotes, an.tokens, an.themes)
    assert f"**{int(an.tokens['content'].sum()):,}** content" in text
    assert f"**{top['term'][0]}** ({top['count'][0]})" in text
    assert f"**{int(shares['theme_tokens'].sum())}** tokens of the article are theme terms" in text
    assert "agrees with **4 of 4** section headings" in text
    assert "**10** named speakers speak for **10** district(s)" in text
    assert text.index("### Vocabulary") < text.index("### Themes") < text.index("### Districts")


def test_findings_differ_by_article_and_say_when_there_are_no_quotes(seed_analysis, tmp_path):
    other = analyze(ARTICLES / "11_second_study.txt")
    assert findings.districts(other) != findings.districts(seed_analysis) and "历下区" in findings.districts(other)
    plain = tmp_path / "plain.txt"
    plain.write_text("青岛市今年新建城市公园十二处。\n全市绿化覆盖率继续提高，市民休闲空间不断扩大。\n", encoding="utf-8")
    an = analyze(plain)
    assert "no attributed quotes" in findings.districts(an)
    assert "no quotes" in findings.themes(an)


def test_corpus_findings():
    corpus = load_corpus([SEED, ARTICLES / "11_second_study.txt", ARTICLES / "10_page_breaks.txt"], progress=False)
    text = findings.corpus(corpus)
    assert f"**3** articles, **{len(corpus.quotes)}** quotes" in text
    assert "黄岛区" in text.split("more than one article:")[1]  # the seed's 西海岸新区 and 10_page_breaks' 中德生态园
    single = load_corpus([SEED], progress=False)
    assert "needs two or more" in findings.corpus(single)
