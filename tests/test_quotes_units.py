"""One test per step of the quote finder (helpers.quotes): each attribution shape on a sentence of
the genre, then the paragraph shapes (header lines, inline labels, multi-paragraph quotes)."""
import pytest

from helpers import quotes as Q
from helpers.people import Person
from helpers.read import Article
from helpers.structure import Paragraph


def ctx_for(text="", headline="", reporters=()):
    return Q.new_context("t", text, headline, reporters)


def para(text, index=1):
    return Paragraph(index=index, start=0, end=len(text), text=text, kind="body")


def spans_of(text):
    spans = [Q._Span(o, c) for o, c in Q.quote_spans(text)]
    return spans, Q._mask(text, spans)


def rows(text, headline="标题"):
    article = Article(path=None, name="t", safe_name="t", raw=text, text=f"{headline}\n{text}", encoding="utf-8")
    return Q.extract_quotes(article)


def test_quote_spans_nested_and_unclosed():
    assert Q.quote_spans("他说：“要‘稳’字当头。”") == [(3, 12)]
    assert Q.quote_spans("“一是抓项目，二是") == [(0, 9)]  # runs to the paragraph's end


def test_mark_citations_document_and_xi():
    text = "党的二十大报告指出，“必须坚持人民至上。”习近平总书记在重要讲话中指出，“要把饭碗端在自己手里。”"
    ctx = ctx_for(text)
    spans, masked = spans_of(text)
    Q.mark_citations(ctx, masked, spans)
    assert [s.kind for s in spans] == ["report", "speech"]
    assert spans[0].lead == 0
    assert spans[1].person.name == "习近平" and spans[1].person.title == "总书记"


def test_people_after_quotes():
    text = "“陆港要当好排头兵。”即墨国际陆港党委书记马明强在收看后感慨。"
    ctx = ctx_for(text)
    spans, _ = spans_of(text)
    named = Q.people_after_quotes(ctx, text, spans)
    person, end = named[spans[0].close]
    assert (person.name, person.title) == ("马明强", "即墨国际陆港党委书记")
    assert text[spans[0].close + 1:end].endswith("马明强")


def verbs(text, headline=""):
    ctx = ctx_for(text, headline)
    spans, masked = spans_of(text)
    attribs = []
    unnamed = Q.verb_attributions(ctx, text, masked, spans, 0, None, [], attribs)
    return attribs, unnamed


def test_verb_attribution_indirect_office_name():
    attribs, _ = verbs("平度市农业农村局党组书记、局长万俊菊表示，要把乡村振兴抓实。")
    (a,) = attribs
    assert (a.person.name, a.person.title, a.person.district, a.person.district_source) == (
        "万俊菊", "平度市农业农村局党组书记、局长", "平度市", "title")
    assert not a.to_quote


def test_verb_attribution_zai_kanlai():
    attribs, _ = verbs("在崂山区金家岭街道党工委书记李强看来，街区更新要让居民说了算。")
    assert attribs[0].person.name == "李强" and attribs[0].person.district == "崂山区"


def test_verb_attribution_two_people_in_one_clause():
    attribs, _ = verbs("八里营镇镇长宋广志和白道口镇前张村党支部书记马春燕都表示，要把产业做强。")
    assert [a.person.name for a in attribs] == ["宋广志", "马春燕"]
    assert attribs[1].person.title == "白道口镇前张村党支部书记"


def test_verb_attribution_office_before_comma():
    attribs, _ = verbs("市北区委组织部副部长，区人社局党组书记、局长王萍表示，要引才聚才。")
    assert attribs[0].person.title == "市北区委组织部副部长，区人社局党组书记、局长"
    assert attribs[0].start == 0


def test_verb_attribution_honorific_kept_without_a_name():
    attribs, unnamed = verbs("人事主管刘先生告诉记者：“补贴到账很快。”")
    assert attribs[0].person.name == "" and attribs[0].person.title == "人事主管刘先生" and attribs[0].to_quote
    assert not unnamed


def test_verb_attribution_nobody_named():
    attribs, unnamed = verbs("该局相关负责人介绍：“下一步将建立专员制度。”")
    assert attribs == [] and unnamed and unnamed[0][2]  # introduces a quote, nobody to name


def test_colon_attribution():
    text = "建德市梅城镇镇长徐丽君：“古镇要‘活’起来。”"
    ctx = ctx_for(text)
    spans, masked = spans_of(text)
    attribs = []
    Q.colon_attributions(ctx, masked, [], attribs)
    assert attribs[0].person.name == "徐丽君" and attribs[0].end == spans[0].open


def test_speaker_of_quote_continues_after_x_shuo():
    q = rows("“新区要打造产业高地。”曲艳阳说，“我们已经引进了13家企业，还会更多。”")
    assert list(q.speaker) == ["曲艳阳", "曲艳阳"] and list(q.kind) == ["direct", "direct"]


def test_speaker_of_quote_free_sentence_and_phrase():
    q = rows("区长王刚表示，要建设“一枢纽三高地”。“我们有信心完成全年目标。”")
    direct = q[q.kind == "direct"]
    assert list(direct.text) == ["我们有信心完成全年目标。"] and list(direct.speaker) == ["王刚"]


def test_speaker_of_quote_unnamed_after():
    q = rows("“苗寨的夜景太美了，明年还要带家人来。”来自广州的游客陈女士说。")
    assert list(q.speaker) == [""] and list(q.title) == ["游客陈女士"]


def test_uncited_reports():
    text = "党的二十大报告提出，要加快建设农业强国。我们要落实好。"
    _, masked = spans_of(text)
    ((lead, start, end),) = Q.uncited_reports(text, masked, [])
    assert lead == 0 and text[start:end] == "要加快建设农业强国。"


def test_indirect_pieces_cut_out_quotes():
    text = "他表示，要推进“放管服”改革，“让企业少跑腿。”还要优化营商环境。"
    a = Q._Attrib(0, 1, 4, Person("王刚"), False)
    events = [(text.index("“让"), text.index("”还") + 1)]
    pieces = [text[s:e] for s, e in Q.indirect_pieces(text, a, [0], events)]
    assert pieces == ["要推进“放管服”改革，", "还要优化营商环境。"]


def test_place_of_sources():
    text = "安吉县召开会议。\n村党支部书记王强说，要守好绿水青山。"
    ctx = ctx_for(text, headline="安吉县：绿水青山")  # the headline names the county the article is about
    assert Q._place_of(ctx, "安吉县农业农村局局长")[::2] == ("安吉县", "title")
    assert Q._place_of(ctx, "村党支部书记")[::2] == ("安吉县", "article")
    assert Q._place_of(ctx, "省农业农村厅厅长") == ("", "", "")
    text = "杭州市余杭区推进未来社区建设。\n区商务局局长李明说，要办好民生实事。"
    other = ctx_for(text, headline="未来社区建设见闻")
    other.window = (0, len(text))  # the county named in the previous paragraph
    assert Q._place_of(other, "区商务局局长")[::2] == ("余杭区", "context")


def test_district_source_column_follows_district():
    q = rows("平度市农业农村局局长万俊菊表示，要把乡村振兴抓实。")
    cols = list(q.columns)
    assert cols[cols.index("district") + 1] == "district_source"
    assert q.district_source.iloc[0] == "title"


@pytest.mark.parametrize("line,name,mode", [
    ("成都市武侯区委书记 张明远：", "张明远", "transcript"),
    ("万年村党支部书记罗志勇：", "罗志勇", "transcript"),
    ("【同期】果农 陈大福：", "陈大福", "transcript"),
    ("新华社记者：", None, "transcript"),
    ("中央广播电视总台记者：", None, "transcript"),
    ("凤凰卫视：", None, "transcript"),
    ("主持人：", None, "transcript"),
    ("会议：", None, ""),
])
def test_header_line_voice(line, name, mode):
    voice, got_mode = Q.header_line_voice(ctx_for(), line)
    assert (voice.name if voice else None, got_mode) == (name, mode)


def test_header_line_bare_name_takes_the_introduction():
    text = "丹棱县农业农村局局长汪晓梅介绍，全县建成果园8万亩。\n汪晓梅：\n下一步要建冷链。"
    voice, _ = Q.header_line_voice(ctx_for(text), "汪晓梅：")
    assert voice.title == "丹棱县农业农村局局长"


@pytest.mark.parametrize("label,asks", [("新华社记者", True), ("澎湃新闻记者", True), ("凤凰卫视", True), ("记者 赵琳", True),
                                        ("问", True), ("记者站站长 王强", False), ("孙慧敏", False)])
def test_is_questioner(label, asks):
    assert Q.is_questioner(label) is asks


def test_inline_speaker():
    ctx = ctx_for()
    who, start, asks = Q.inline_speaker(ctx, "孙慧敏：今年网上可办率要达到98%。", 0)
    assert who.name == "孙慧敏" and start == 4 and not asks
    who, _, asks = Q.inline_speaker(ctx, "澎湃新闻记者：今年有什么目标？", 0)
    assert who is None and asks


def test_multi_paragraph_quote_and_continuation():
    q = rows("区长王刚说：\n“一是抓项目。\n“二是抓招商。”\n记者注意到，园区里很忙。")
    assert list(q.text) == ["一是抓项目。", "二是抓招商。"] and set(q.speaker) == {"王刚"}
    assert Q.continues_quote("“二是") and Q.ends_quote("“二是抓招商。”") and not Q.ends_quote("“一是“抓项目")


def test_press_conference_questions_are_no_quotes():
    q = rows("主持人：\n请王刚区长介绍。\n区长 王刚：\n今年我们新增企业1200家。\n新华社记者：\n请问有什么打算？\n王刚：\n我们将设立专班。")
    assert list(q.text) == ["今年我们新增企业1200家。", "我们将设立专班。"] and set(q.speaker) == {"王刚"}


def test_fill_pending_back_reference():
    q = rows("“要让群众少跑腿。”\n区政务服务中心主任陆振宇这样说。")
    assert list(q.speaker) == ["陆振宇"]


def test_common_word_names_need_an_office_or_a_quotation():
    assert rows("金华表示，要加快发展数字经济。").empty  # 金华 is a city: no speaker
    assert list(rows("“自动化生产线让用工少了一半。”金山说。").speaker) == ["金山"]
    assert list(rows("浏阳市委副书记、市长高峰表示，要推动花炮产业转型。").speaker) == ["高峰"]


def test_headline_markers_and_places_are_not_speakers():
    q = rows("【权威发布】市长张三表示，要加快发展。\n快讯 会上，区长王五表示，要抓好项目建设。")
    assert list(q.speaker) == ["张三", "王五"] and list(q.title) == ["市长", "区长"]
    assert rows("会上，相关负责人表示，要加快发展经济建设工作。").empty


def test_inline_label_takes_over_a_transcript():
    q = rows("区长 王刚：\n今年新增企业1200家。\n李敏：我补充一点，园区用地已经落实。\n今年还将新建标准厂房10万平方米。")
    assert list(q.speaker) == ["王刚", "李敏", "李敏"]
