"""Golden tests on the first article (seeds/000_…): every official, every citation, the byline."""
import pytest

# (name, title as written, district, section) — read off the article by hand
OFFICIALS = [
    ("曲艳阳", "青岛西海岸新区实体经济振兴发展领导小组办公室专职副主任、发展和改革局局长", "黄岛区", 1),
    ("韩锡宏", "城阳区城阳街道党工委书记", "城阳区", 1),
    ("马明强", "即墨国际陆港党委书记、蓝村街道党工委书记", "即墨区", 1),
    ("王萍", "市北区委组织部副部长，区人社局党组书记、局长", "市北区", 2),
    ("刘孺霖", "胶州市委组织部", "胶州市", 2),
    ("许洁先", "市南区大数据发展管理局局长", "市南区", 3),
    ("宋小伟", "李沧区李村街道党工委书记", "李沧区", 3),
    ("李强", "崂山区金家岭街道党工委书记", "崂山区", 3),
    ("万俊菊", "平度市农业农村局党组书记、局长", "平度市", 4),
    ("王进辉", "莱西市沽河街道党工委书记", "莱西市", 4),
]
REPORTERS = ["锡复春", "王凯", "王涛", "周伟", "余瑞新", "王萌", "张晋", "衣涛", "李德银"]


@pytest.fixture(scope="module")
def seed(seed_analysis):
    return seed_analysis


def test_structure(seed):
    s = seed.structure
    assert s.headline == "踔厉奋发担使命 勇毅前行谱新篇"
    assert s.subtitle.startswith("青岛各区市掀起")
    assert [h.section for h in s.headings] == [1, 2, 3, 4]
    assert s.headings[0].text == "着力实体经济，为高质量发展注入“源头活水”"
    assert s.byline_names == REPORTERS


def test_page_breaks_joined(seed):
    text = seed.article.text
    assert "落地实体经济达到13家" in text
    assert "学习好、贯彻好、落实好" in text
    assert seed.article.steps["broken_paragraphs_joined"] == 2


@pytest.mark.parametrize("name,title,district,section", OFFICIALS)
def test_every_official(seed, name, title, district, section):
    rows = seed.quotes[seed.quotes.speaker == name]
    assert len(rows), f"{name} not found"
    assert set(rows.title) == {title}
    assert set(rows.district) == {district}
    assert set(rows.section) == {section}


def test_speakers_are_exactly_the_officials(seed):
    spoken = seed.quotes[seed.quotes.kind != "report"]
    assert list(dict.fromkeys(spoken.speaker)) == [o[0] for o in OFFICIALS]


def test_report_citations(seed):
    reports = seed.quotes[seed.quotes.kind == "report"]
    # one at the head of each of the four sections, one inside 刘孺霖's and one inside 许洁先's paragraph
    assert len(reports) == 6
    assert sorted(reports.section) == [1, 2, 2, 3, 3, 4]
    assert (reports.speaker == "").all()
    assert set(reports.cited_by) == {"", "刘孺霖", "许洁先"}
    assert reports.text.iloc[0].startswith("建设现代化产业体系。")
    inside = reports[reports.cited_by == "刘孺霖"].text.iloc[0]
    assert inside == "全面提高人才自主培养质量，着力造就拔尖创新人才，聚天下英才而用之"


def test_no_reporter_speaks(seed):
    assert not set(REPORTERS) & set(seed.quotes.speaker)


def test_quote_shapes(seed):
    q = seed.quotes
    qu = q[q.speaker == "曲艳阳"]
    # quote first, then 曲艳阳受访时说，<indirect>, then the quote that continues
    assert list(qu.kind) == ["direct", "indirect", "direct"]
    assert qu.text.iloc[1].startswith("新区目前正围绕")
    wang = q[q.speaker == "王进辉"]
    assert list(wang.kind) == ["indirect", "direct", "indirect"]
    # 他表示 after 马明强's opening quote is 马明强's
    ma = q[q.speaker == "马明强"]
    assert list(ma.kind) == ["direct", "indirect"] and ma.text.iloc[1].startswith("面向新征程")


def test_offsets_and_order(seed):
    q = seed.quotes
    assert list(q.quote_id) == list(range(len(q)))
    assert q.start.is_monotonic_increasing
    for row in q.itertuples():
        assert seed.article.text[row.start:row.end] == row.text
        assert not row.text.startswith(("“", "，")) and not row.text.endswith("”")


def test_every_quote_has_a_theme_score(seed):
    q = seed.quotes
    spoken = q[q.kind != "report"]
    assert (spoken.dominant_theme != "（无）").mean() > 0.8
    by = spoken.groupby("section").dominant_theme.agg(lambda s: s.value_counts().index[0])
    # each section's quotes mostly carry the section's own theme, except 民生 (section 3), whose three
    # officials each turn it their own way (digital government, social governance, urban quality)
    assert by[1] == "实体经济与产业" and by[2] == "人才与创新" and by[4] == "乡村振兴"
    livelihood = spoken[spoken.section == 3].dominant_theme
    assert len(livelihood) >= 3 and livelihood.value_counts().iloc[0] == 1  # no theme twice
