"""Shapes met on this round's new first-sight articles (a Sichuan TV script in GB18030, a Shandong
print page, a Xinjiang feature in UTF-16), each on text written for this test: the reporter's
narration between a transcript's sound bites, a printed page whose paragraphs its indents mark,
a quote over two paragraphs named at its end (说起这些变化，…很有感触), and a ·-joined name before
一边."""
import pytest

from helpers.quotes import extract_quotes
from helpers.read import Article, clean_text


def article(text, headline="标题"):
    cleaned, _steps, _ = clean_text(f"{headline}\n{text}")
    return Article(path=None, name="t", safe_name="t", raw=text, text=cleaned, encoding="utf-8")


def rows(text, headline="标题"):
    q = extract_quotes(article(text, headline))
    return list(zip(q["speaker"], q["title"], q["kind"]))


@pytest.mark.parametrize("narration", [
    "记者在园区食堂看到，不少工人午饭后在休息区小憩，企业还开通了通勤班车。",
    "就业怎么稳？记者从县人社局了解到，今年全县已开展技能培训86期。",
    "据了解，园区今年还将新建职工公寓两栋。",
    "在县城东边的智能车间里，上百台织机同时运转，工人们正忙着接线换轴。",
])
def test_the_reporters_narration_after_a_sound_bite_is_nobodys(narration):
    """A TV script: "office name：" on its own line, the words, then the reporter again, telling what
    they saw or learned, or setting a scene with no 我 in it, with no label between."""
    text = f"县委书记 周建明：\n我们要让产业兴起来、群众富起来。\n{narration}\n"
    found = rows(text)
    assert [s for s, _t, _k in found] == ["周建明"], found


def test_a_sound_bite_that_goes_on_in_the_first_person_is_still_the_speakers():
    text = "县委书记 周建明：\n我们要让产业兴起来、群众富起来。\n在我们园区里，企业的事就是自己的事。\n"
    assert [s for s, _t, _k in rows(text)] == ["周建明", "周建明"]


PRINTED = """2026年3月2日 星期一 5版 要闻

港口新城 活力涌动
——东山县推进港产城融合见闻

本报记者 方志远

　　清晨的东山港，汽笛声声。码头上
，集装箱吊装作业有序进行，运输车辆
来回穿梭，一派繁忙景象。
　　东山县委副书记、县长林海生在接受
记者采访时说：“港口是东山发展的最
大优势。我们要以港兴产、以产促城。
　　“今年全县将新建泊位三个，港口
吞吐量力争突破一千万吨，再上台阶。”
■ 园区“满”起来
　　“企业引进来，更要留得住。”开发
区管委会主任陈建华表示，园区已落户
企业六十余家。
"""


def test_a_printed_page_is_read_by_its_indents():
    """Lines cut at the column's width: an indented line starts a paragraph, a line that is not
    indented goes on (after a full line that ends a sentence, after a short line with no
    punctuation), a heading ending in ” and the byline stay apart, the page header is dropped."""
    from helpers.structure import parse_structure

    s = parse_structure(article(PRINTED, headline="").text)
    kinds = [(p.kind, p.text[:8]) for p in s.paragraphs]
    assert kinds[0] == ("headline", "港口新城 活力涌")
    assert ("subtitle", "——东山县推进港") in kinds and ("byline", "本报记者 方志远") in kinds
    assert ("heading", "■ 园区“满”起") in kinds
    texts = [p.text for p in s.paragraphs]
    assert any(t.startswith("东山县委副书记、县长林海生在接受记者采访时说：“港口是东山") for t in texts), texts
    assert not any("星期一" in t for t in texts)


def test_a_quote_over_two_paragraphs_is_the_speakers_named_at_its_end():
    text = ("东山县委副书记、县长林海生介绍，港口今年将新建泊位三个。\n"
            "“刚来的时候，码头上只有两台吊机，装一船货要好几天。\n"
            "“现在不一样了，一天就能装完两条船。”说起这些变化，港务公司副总经理郑国平很有感触。")
    found = rows(text)
    assert found[1:] == [("郑国平", "港务公司副总经理", "direct")] * 2, found


def test_a_quote_over_two_paragraphs_named_at_its_end_with_a_verb():
    text = ("县长林海生介绍，港口今年将新建泊位三个。\n“刚来的时候，码头上只有两台吊机。\n"
            "“现在一天就能装完两条船。”港务公司副总经理郑国平说。")
    assert [s for s, _t, _k in rows(text)] == ["林海生", "郑国平", "郑国平"]


def test_a_topic_clause_after_a_quote_needs_the_person_to_speak_or_be_moved():
    found = rows("县长林海生介绍，港口今年将新建泊位三个。“现在一天就能装完两条船。”说起码头，港务公司副总经理郑国平正在开会。")
    assert "郑国平" not in [s for s, _t, _k in found]


@pytest.mark.parametrize("text, name", [
    ("“这个冬天比夏天还要忙！”民宿老板古丽娜尔·叶尔肯一边给客人倒茶，一边笑着说。", "古丽娜尔·叶尔肯"),
    ("果农常青一边给苹果套袋一边说：“一斤多卖五毛钱。”", "常青"),
])
def test_a_name_before_yibian_ends_there(text, name):
    assert name in [s for s, _t, _k in rows(text)]


@pytest.mark.parametrize("source", ["据了解", "据悉", "记者从区统计局获悉"])
def test_the_reporters_own_source_ends_the_indirect_speech_before_it(source):
    q = extract_quotes(article(f"区长林晓峰表示，两区要打破行政区划壁垒，推动产业要素高效流动。{source}，两区已签约合作项目二十个。"))
    assert list(q["speaker"]) == ["林晓峰"] and "签约" not in q["text"].iloc[0], q[["speaker", "text"]]


@pytest.mark.parametrize("intro, name", [
    ("家住社区2号楼的张桂英老人今年81岁，老伴前年去世了。", "张桂英"),
    ("81岁的老人张桂英每天都到活动室坐一坐。", "张桂英"),
])
def test_the_old_woman_who_speaks_is_the_one_introduced_by_name(intro, name):
    """老人笑着说 calls back the person the paragraph introduced as 张桂英老人 or 老人张桂英."""
    found = rows(intro + "“志愿者隔三岔五就来家里看看，一个电话就到。”老人笑着说。")
    assert (name, "老人", "direct") in found, found


def test_an_old_man_nobody_named_stays_unnamed():
    found = rows("村口坐着几位晒太阳的老人。“现在日子好过了，路也修到了家门口。”老人笑着说。")
    assert not any(s for s, _t, _k in found)


def test_a_village_or_township_in_a_speakers_title_is_one_word():
    """Villages, communities and many townships are in no gazetteer: the place a speaker's title
    names before its office reaches the article's tokenizer (向阳村 was cut 向阳/村党支部书记)."""
    from helpers.pipeline import compute_analysis

    text = ("标题\n向阳村党支部书记李红梅说，过去村里开会人凑不齐，现在大家抢着发言。\n"
            "齐勒乌泽克乡党委书记努尔兰·哈力别克介绍，全乡已有民宿46家，今冬户均增收1.2万元。\n"
            "走进向阳村，村容整洁，齐勒乌泽克乡的民宿家家客满，向阳村的合作社也忙了起来。\n")
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "t.txt"
        path.write_text(text, encoding="utf-8")
        words = compute_analysis(path).tokens["word"].tolist()
    assert words.count("向阳村") == 3 and words.count("齐勒乌泽克乡") == 2, words


def test_an_answer_that_opens_with_a_quoted_term_is_the_whole_answer():
    """杨正武：“十五五”期间，… — the quotation marks hold a term, not the answer: the whole answer is
    his, and keeps its opening mark. 王阿姨：“…。”… is still a quotation after a colon."""
    q = extract_quotes(article("记者：下一步有什么打算？\n杨正武：“十五五”期间，我们将推动茶、绣、旅深度融合，力争旅游收入翻一番。"))
    assert list(q["speaker"]) == ["杨正武"] and q["text"].iloc[0].startswith("“十五五”期间，我们将"), q[["speaker", "text"]]
    q = extract_quotes(article("王阿姨：“以前天一黑就关门，现在晚上生意比白天还好。”来自上海的游客刘先生告诉记者，晚上的篝火晚会让他决定多住两晚。"))
    assert q["text"].iloc[0] == "以前天一黑就关门，现在晚上生意比白天还好。"


@pytest.mark.parametrize("verb", ["常说的", "经常讲的", "所说的那样"])
def test_a_quote_inside_an_answer_as_someone_often_says_is_theirs(verb):
    text = f"记者：如何让群众受益？\n杨正武：正如白岩村村支书李国平{verb}，“寨子是大家的，钱也要大家一起挣。”去年村集体收入达到86万元。"
    found = rows(text)
    assert ("李国平", "白岩村村支书", "direct") in found and ("杨正武", "", "direct") in found, found


def test_an_answer_after_a_question_runs_over_its_paragraphs_until_the_next_label():
    text = ("江西日报记者：请问南康区在稳就业方面有哪些举措？\n"
            "南康区区长 黄志鹏：南康家具产业集群现有市场主体4万余家，稳住了家具产业，就稳住了就业。\n"
            "在就业方面，我们开设木工、雕刻、直播电商等培训班，今年以来已培训1.2万人次。\n"
            "发布会由市政府新闻办副主任曾凡荣主持。\n"
            "中国新闻网记者：返乡创业有什么支持政策？\n")
    found = rows(text)
    assert [s for s, _t, _k in found] == ["黄志鹏", "黄志鹏"], found


def test_a_labelled_line_with_no_question_before_it_still_speaks_one_paragraph():
    text = "孙慧敏：今年的订单比去年多了三成。\n在车间里，工人们正忙着赶制订单，机器声此起彼伏，一派繁忙景象。\n"
    assert [s for s, _t, _k in rows(text)] == ["孙慧敏"]


def test_a_name_in_a_subheadline_takes_the_office_written_later():
    """A meeting report: 赵明远出席并讲话 (a subheadline, no office), then 省委书记赵明远出席会议."""
    text = ("全省乡村振兴工作会议召开\n赵明远出席并讲话 马立新主持\n"
            "本报兰州4月16日讯（记者 陈思雨）全省乡村振兴工作会议在兰州召开。省委书记赵明远出席会议并讲话。\n"
            "赵明远在讲话中指出，全省粮食生产再获丰收，乡村全面振兴迈出坚实步伐。\n")
    assert ("赵明远", "省委书记", "indirect") in rows(text, headline="")


def test_he_after_a_cited_leader_is_the_official_who_cited_him():
    text = ("省委书记赵明远在讲话中指出，全省乡村全面振兴迈出坚实步伐。习近平总书记强调，“民族要复兴，乡村必振兴。”"
            "全省各级党委和政府要切实扛起政治责任。\n他强调，要牢牢守住确保粮食安全、不发生规模性返贫两条底线。\n")
    found = rows(text)
    assert ("习近平", "总书记", "direct") in found
    assert [s for s, _t, k in found if k == "indirect"] == ["赵明远", "赵明远"], found


def test_a_speech_verb_after_an_office_is_no_name():
    from helpers.people import find_person_at_start

    assert find_person_at_start("习近平总书记强调，") is None
    assert find_person_at_start("县委书记强卫东表示，")[1] == "强卫东"  # 强 is a surname


def test_the_answers_of_a_wenda_go_to_the_unnamed_official_it_names():
    text = ("——水利部有关负责人就《关于加强农村供水保障的意见》答记者问\n"
            "新华社北京4月18日电（记者 赵雪）近日，水利部印发《关于加强农村供水保障的意见》。\n"
            "问：《意见》出台的背景是什么？\n答：近年来，各地农村供水条件明显改善，但部分地区水质保障能力仍然不足。\n"
            "问：下一步有哪些打算？\n答：我们将会同有关部门加强统筹协调，推动各项任务落地见效。\n")
    found = rows(text)
    assert found == [("", "水利部有关负责人", "direct")] * 2, found


def test_a_person_who_takes_an_office_in_the_sentence_that_brings_her_in_has_it():
    text = ("2021年，由省直单位选派的孙晓燕来到这里，担任柳树沟村驻村第一书记。三年来，她带领村民发展香菇产业。\n"
            "孙晓燕告诉记者：“刚来的时候，村集体经济收入几乎是零。”\n")
    assert ("孙晓燕", "柳树沟村驻村第一书记", "direct") in rows(text)
