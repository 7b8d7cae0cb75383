"""Shapes met on the seventh held-out set, each on a sentence written for this test (not the set's
text): a role word 姑娘 before a name that a later 她 refers to, 折 as a surname after an office, a
Mongolian name ending in 图, a ·-joined name followed by a time word, a headline naming a county
after its province (陕西米脂), a bare 市 office in an article about a county-level city, a county
named once in full and then by its short name, a TV script's 【标题】 line, autonomous counties whose
people is named without 族, and place + head / county + product compounds."""
import pytest

from helpers import districts as D
from helpers.districts import ArticlePlaces
from helpers.quotes import extract_quotes
from helpers.read import Article, clean_text
from helpers.structure import parse_structure
from helpers.tokenize import segmenter


def rows(text, headline="标题"):
    """(speaker, title, kind) of each row, the text read as a file is (cleaned: 　 spaces and all)."""
    cleaned, _steps, _ = clean_text(f"{headline}\n{text}")
    article = Article(path=None, name="t", safe_name="t", raw=text, text=cleaned, encoding="utf-8")
    q = extract_quotes(article)
    return list(zip(q["speaker"], q["title"], q["kind"]))


def test_a_girl_named_by_role_is_the_she_who_speaks_next():
    found = rows("在一家服装厂的车间里，苗族姑娘杨丽萍熟练地缝着衣服。“在家门口上班，每月能挣4000多元。”她笑着说。")
    assert ("杨丽萍", "苗族姑娘", "direct") in found


def test_zhe_is_a_surname_only_right_after_an_office():
    assert ("折红梅", "县农业农村局副局长", "indirect") in rows("县农业农村局副局长折红梅表示，全县谷子种植面积稳定。")
    assert not any(s.startswith("折") for s, _t, _k in rows("产品打折销售很受欢迎，店主说生意不错。"))


def test_a_mongolian_name_ending_in_tu():
    assert ("宝音图", "旗文化旅游体育局副局长", "indirect") in rows("旗文化旅游体育局副局长宝音图表示，今年游客人数明显增加。")


def test_a_dot_name_followed_by_a_time_word():
    found = rows("牧民阿依努尔·卡德尔去年开起了牧家乐。“一到旺季，每天接待几十名游客。”她说。")
    assert [s for s, _t, _k in found] == ["阿依努尔·卡德尔"]


def test_a_headline_naming_a_county_after_its_province():
    assert D.counties_after_higher("陕西米脂做强小米产业") == ["米脂县"]
    assert D.counties_after_higher("河南多地抢抓农时") == []
    assert D.headline_county("黄土高坡谷香浓——陕西米脂做强小米产业见闻") == ("米脂县", True)
    # a county of another province written after a province is not taken
    assert D.counties_after_higher("山西米脂") == []


def test_a_bare_city_office_in_an_article_about_a_county_level_city():
    p = ArticlePlaces.from_text("东宁市举行新闻发布会。", headline="东宁市举行口岸经济新闻发布会")
    assert p.about == "东宁市"
    assert (p.place("市商务局局长").district, p.place("市商务局局长").source) == ("东宁市", "article")
    # in an article about a district or county, 市 is the prefecture's: no district
    q = ArticlePlaces.from_text("婺源县召开大会。", headline="婺源县召开大会")
    assert q.place("市商务局局长").district == ""


def test_a_county_named_once_in_full_then_by_its_short_name_dominates():
    text = "青海省海东市化隆回族自治县的拉面匠人走向全国。化隆拉面店开到了各地，化隆人靠拉面致富，化隆的年轻人学手艺。"
    assert D.dominant_county(text) == "化隆回族自治县"
    assert D.dominant_county("化隆回族自治县和循化撒拉族自治县都在海东。") == ""


def test_a_tv_scripts_title_line_is_the_headline():
    s = parse_structure("【栏目】新闻联播\n【标题】敦化：林下经济鼓起钱袋子\n【导语】初秋时节，林区一片繁忙。")
    assert s.headline == "敦化：林下经济鼓起钱袋子"
    assert [p.kind for p in s.paragraphs][:2] == ["label", "headline"]


@pytest.mark.parametrize("short,full", [("巴里坤", "巴里坤哈萨克自治县"), ("察布查尔", "察布查尔锡伯自治县"),
                                        ("塔什库尔干", "塔什库尔干塔吉克自治县"), ("富川", "富川瑶族自治县")])
def test_autonomous_counties_whose_people_is_named_without_zu(short, full):
    assert D.short_county(short) == full
    assert D.title_place(f"{short}县委书记")[0].district == full


def test_place_heads_and_county_products():
    seg = segmenter()
    words = seg.cut("蔚县剪纸和东宁黑木耳远销各地，东宁口岸客流回升，阿尔山国家森林公园迎来游客。")
    assert {"蔚县剪纸", "东宁黑木耳", "东宁口岸", "阿尔山国家森林公园"} <= set(words)
    # a common noun before the head stays apart; a county's full name needs a product after it
    assert "这个口岸" not in seg.cut("这个口岸很繁忙")
    assert "蔚县" in seg.cut("蔚县今年游客增多")


def test_a_sound_bite_speaker_in_brackets_after_the_label():
    found = rows("【解说】走进桃园，果农们正忙着采摘。\n【同期】（果农　张大山）今年桃子个头大，一亩能卖一万多元。\n"
                 "【同期】（县农业农村局局长　李明华）我们要把蜜桃产业做成富民产业。")
    assert [(s, t, k) for s, t, k in found] == [("张大山", "果农", "direct"), ("李明华", "县农业农村局局长", "direct")]


def test_a_caption_line_names_who_speaks_next():
    found = rows("【解说】走进桃园。\n【同期声】\n字幕：果农　张大山\n今年桃子个头大，一亩能卖一万多元。\n"
                 "【同期声】\n字幕：县农业农村局局长　李明华\n我们要把蜜桃产业做成富民产业。")
    assert [(s, k) for s, _t, k in found] == [("张大山", "direct"), ("李明华", "direct")]
    # a caption that names nobody gives no speaker and is no quote
    assert rows("【解说】走进桃园。\n字幕：全县蜜桃种植面积达5万亩\n【解说】果农们正忙着采摘。") == []


def test_words_introducing_guests_are_not_part_of_the_title():
    found = rows("主持人：各位记者朋友，大家上午好！今天我们邀请到某某市委副书记、市长慕容振宇，请他介绍有关情况。\n"
                 "慕容振宇：今年全市口岸过货量增长两成。")
    assert ("慕容振宇", "某某市委副书记、市长", "direct") in found
    assert ("王强", "县委副书记、县长", "indirect") in rows("出席发布会的有县委副书记、县长王强。王强介绍，今年全县投资增长一成。")


def test_two_people_listed_with_a_comma_who_both_speak():
    found = rows("县委书记张建国、县长李卫东分别表示，要抓好秋粮收购。")
    assert ("张建国", "县委书记", "indirect") in found and ("李卫东", "县长", "indirect") in found
    # one person with two offices stays one
    assert rows("县委副书记、县长王强表示，要抓好秋粮收购。") == [("王强", "县委副书记、县长", "indirect")]


def test_a_dot_name_introduced_without_office_is_the_he_who_speaks():
    found = rows("吐尔逊·买买提是村里的致富带头人，他说：“合作社让大家的日子越过越好。”")
    assert [s for s, _t, _k in found] == ["吐尔逊·买买提"]


def test_the_speaker_named_after_the_quote_with_shuo_zhe_hua_de_shi():
    assert rows("“政策好，我们干劲足。”说这话的是返乡创业青年周晓东。") == [("周晓东", "返乡创业青年", "direct")]


@pytest.mark.parametrize("text,want", [
    ("“以前种地靠天吃饭，现在靠科技。”张大爷乐呵呵地说。", ("", "张大爷", "direct")),
    ("“这一棚草莓能卖五万元。”村民刘春生一边摘草莓一边说。", ("刘春生", "村民", "direct")),
    ("“这是我们的新品种。”果农陈大勇指着枝头的果子说。", ("陈大勇", "果农", "direct")),
    ("村党支部书记马文斌带着记者走进大棚。“这一棚草莓能卖五万元。”他边走边介绍。", ("马文斌", "村党支部书记", "direct")),
])
def test_manner_words_between_the_speaker_and_the_verb(text, want):
    assert rows(text) == [want]


def test_a_verb_after_a_two_character_given_name_is_not_part_of_it():
    assert rows("县委书记赵刚陪同调研。赵书记说，要把产业做强。") == [("赵刚", "县委书记", "indirect")]
    assert rows("县长王建国来到田间地头。他说，要抓好秋收。") == [("王建国", "县长", "indirect")]


def test_someone_named_by_honorific_gets_the_place_of_their_title():
    text = "“今年李子卖得好。”曲尺乡柑园村村民陈大姐说。巫山县农业农村委主任刘洋介绍，全县种植脆李30万亩。"
    cleaned, _s, _ = clean_text(f"巫山脆李熟了\n{text}")
    q = extract_quotes(Article(path=None, name="t", safe_name="t", raw=text, text=cleaned, encoding="utf-8"))
    first = q.iloc[0]
    assert (first["speaker"], first["district"], first["district_source"]) == ("", "巫山县", "title")


def test_a_headline_opening_with_its_province_in_brackets():
    assert D.headline_county("(四川)  宣汉：巴山大峡谷游人如织") == ("宣汉县", True)
    assert D.headline_county("【江苏】盱眙：小龙虾节开幕") == ("盱眙县", True)



# -- shapes met on the ninth held-out set (read after its first-sight score), on sentences of their own


@pytest.mark.parametrize("text,want", [
    ("种粮大户孙长河给记者算了一笔账：每亩节本增效300多元，全年多收两万元。", ("孙长河", "种粮大户", "direct")),
    ("说起村里的变化，村党支部书记王福来打开了话匣子：过去村民出门要走山路。", ("王福来", "村党支部书记", "indirect")),
    ("县委书记段志刚参加城关镇代表团审议时说，要把群众的事办好办实。", ("段志刚", "县委书记", "indirect")),
    ("来自金牛镇的代表字永兴说，希望县里引进加工企业。", ("字永兴", "来自金牛镇的代表", "indirect")),
    ("彝族妇女沙马阿果把孩子送进幼儿园。“在家门口上班，娃娃和工作两不误。”她说。", ("沙马阿果", "彝族妇女", "direct")),
    ("村党支部书记多杰加介绍，村集体经济去年收入80多万元。", ("多杰加", "村党支部书记", "indirect")),
    ("年过六旬的搬迁群众吉克拉哈守着自家的土豆摊。他感慨，日子比过去甜多了。", ("吉克拉哈", "搬迁群众", "indirect")),
])
def test_attribution_shapes_of_the_ninth_set(text, want):
    assert rows(text) == [want]


def test_a_sound_bite_label_with_the_speaker_in_brackets_on_its_own_line():
    found = rows("【解说】民歌传习所里歌声不断。\n【同期】（民歌省级代表性传承人　钟小兰）\n民歌是唱给老百姓听的，现在我在网上教唱。")
    assert [(s, t, k) for s, t, k in found] == [("钟小兰", "民歌省级代表性传承人", "direct")]


def test_a_surname_and_office_or_a_busy_bare_name_is_the_he_or_she_who_speaks():
    found = rows("区委书记刘振国主持会议，区委副书记、区长任晓明出席。针对企业提出的问题，任区长逐一作了回应。他表示，区里将限时办结。")
    assert ("任晓明", "区委副书记、区长", "indirect") in found
    found = rows("在传习所，尤秀芬正带着几名学员缝制鱼皮衣。她说，过去鱼皮手艺差点失传。")
    assert [s for s, _t, _k in found] == ["尤秀芬"]
    # a place's short name doing something is no person
    assert rows("石岛管理区发展渔港经济。石岛正在推进渔港建设。他说，要建好港湾。") == []


def test_an_interview_transcripts_particulars_and_guests():
    text = ("访谈时间：2025年6月26日　　来源：某某旗人民政府网站\n"
            "访谈嘉宾：某某旗委副书记、旗长　巴图孟和；旗林业和草原局局长　乌云其其格\n主持人：娜　仁\n\n"
            "主持人：各位网友大家好！今天我们请到两位嘉宾。\n巴图孟和：今年我们加强草原保护，禁牧休牧面积稳定。\n"
            "乌云其其格：我们建立了草原巡护网格。")
    found = rows(text)
    assert [s for s, _t, _k in found] == ["巴图孟和", "乌云其其格"]
    assert found[0][1] == "某某旗委副书记、旗长"
    cleaned, _s, _ = clean_text(text)
    assert "主持人：娜" in cleaned.splitlines()[2]  # the guests line is not joined to the host's


def test_a_masthead_is_no_headline_and_a_scholar_gets_no_county_from_nearby():
    s = parse_structure("黄山日报　2025年6月12日　星期四　　第3版　县区传真\n\n百年祁红焕新颜\n本报讯 祁门县茶产业兴旺。")
    assert s.headline == "百年祁红焕新颜"
    p = ArticlePlaces.from_text("仙居县发展杨梅产业。", headline="仙居杨梅红了")
    assert p.place("浙江大学中国农村发展研究院教授", paragraph="浙江大学中国农村发展研究院教授欧阳志认为，仙居的实践说明…",
                   nearby="仙居县发展杨梅产业。").district == ""


def test_a_reporters_interview_with_zhuanfang_le():
    found = rows("近日，记者就梯田保护等话题，专访了某某县县委书记赵立国。\n问：梯田有什么价值？\n答：梯田是先民留下的宝贵遗产。")
    assert ("赵立国", "某某县县委书记", "direct") in found


def test_more_place_heads_and_products_and_ethnic_townships():
    seg = segmenter()
    words = seg.cut("贺龙故居、洛阳都市圈、上堡梯田、桑植民歌、蒙阴蜜桃和六鼎山文化旅游区")
    assert {"贺龙故居", "洛阳都市圈", "上堡梯田", "桑植民歌", "蒙阴蜜桃", "六鼎山文化旅游区"} <= set(words)
    assert {"这个", "梯田"} <= set(seg.cut("这个梯田很美"))
    assert D.place_words("饶河县四排赫哲族乡的传习所") == ["四排赫哲族乡"]  # the list has 四排乡


def test_su_and_dai_are_surnames_only_right_before_a_speech_verb():
    found = rows("鸡足山镇代表团审议报告。代表李德明说，要发展乡村民宿和生态康养。")
    assert [s for s, _t, _k in found] == ["李德明"]
    article = Article(path=None, name="t", safe_name="t", raw="", encoding="utf-8",
                      text="标题\n鸡足山镇代表团审议报告。代表李德明说，要发展乡村民宿和生态康养。")
    from helpers.quotes import quotes_and_people
    _q, people = quotes_and_people(article)
    assert "代表团" not in people and "宿和生" not in people


def test_scenic_areas_of_a_place_below_the_prefecture():
    words = segmenter().cut("冶力关景区、河口景区、河南景区、青岛景区和各大景区都迎来游客")
    assert {"冶力关景区", "河口景区"} <= set(words)
    assert {"河南", "青岛", "各大"} <= set(words) and words.count("景区") == 3


def test_a_two_character_county_inside_a_word_is_not_named():
    assert D.county_mentions("打造林下经济发展示范县") == []
    assert D.county_mentions("在范县调研，涉县旱作梯田") == [(1, "范县"), (6, "涉县")]


def test_a_dot_name_glued_to_the_next_word_by_jieba_stays_whole():
    text = "县长古丽巴哈尔·托合提刚从村里回来。古丽巴哈尔·托合提说，今年游客增多。"
    q = extract_quotes(Article(path=None, name="t", safe_name="t", raw=text, text=f"标题\n{text}", encoding="utf-8"))
    from helpers.tokenize import article_segmenter
    words = article_segmenter(text, q, places=[]).cut(text)
    assert words.count("古丽巴哈尔·托合提") == 2 and "刚" in words


def _table(headline, text):
    cleaned, _s, _ = clean_text(f"{headline}\n{text}")
    q = extract_quotes(Article(path=None, name="t", safe_name="t", raw=text, text=cleaned, encoding="utf-8"))
    return {r.speaker: (r.district, r.district_source) for r in q.itertuples()}


def test_a_round_up_of_several_counties_takes_the_county_named_before_the_speaker():
    got = _table("贵州多地文旅融合提速", "本报讯 在黎平县肇兴侗寨，县文旅局局长王刚介绍，今年游客增长三成。"
                 "台江县台盘村村委会主任张三表示，村BA带火了乡村旅游。")
    assert got["王刚"] == ("黎平县", "context") and got["张三"] == ("台江县", "title")


def test_laizi_ties_one_sentence_not_the_whole_paragraph():
    got = _table("甘肃庄浪：梯田变景区", "近日，记者走进平凉市庄浪县。县委书记周强表示，要守护好梯田。"
                 "来自崆峒区的游客吴敏说，风景很美。")
    assert got["吴敏"] == ("崆峒区", "context")
    # the county named just before is the article's own: the evidence is the article, not a tie
    assert got["周强"] == ("庄浪县", "article")


def test_an_office_joined_to_the_name_by_de_and_rarer_surnames():
    found = rows("福建省援宁工作队队员、挂职永宁县委常委、副县长的陈立新表示，协作坚持输血与造血并重。")
    assert [(s, t) for s, t, _k in found] == [("陈立新", "福建省援宁工作队队员、挂职永宁县委常委、副县长")]
    assert [s for s, _t, _k in rows("海南省林业局副局长苻启雄介绍，去年完成生态修复1.2万亩。")] == ["苻启雄"]
    assert [s for s, _t, _k in rows("新疆大学旅游学院教授拓俊杰认为，这是有益探索。")] == ["拓俊杰"]
