"""Compiled patterns shared by reading, structure, quote finding and people (one place to audit them;
districts.py and tokenize.py still keep their own)."""
import re

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_CHAR = re.compile(f"[{CJK}]")
HAS_CJK = CJK_CHAR

# --- cleaning -------------------------------------------------------------------------------
ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
SPACES = re.compile("[ \t\u00a0\u3000\u2002\u2003\u2009\u202f\u205f]+")
# pinyin a web converter put after a character: 區(qū), 黨（dǎng）, 滬(hu4)
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
PINYIN_DEBRIS = re.compile(
    rf"(?<=[{CJK}])\s?[(（]\s?(?=[a-zü{_TONED} ]*[{_TONED}1-5])(?:[a-zü{_TONED}]{{1,7}}[1-5]?\s?){{1,4}}[)）]"
)
SPACE_NEAR_PUNCT = re.compile(r" ?([，。、；：？！“”‘’「」『』（）《》【】—…]) ?")
SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{CJK}]) (?=[{CJK}])")
HALF_PUNCT = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
HALF_PUNCT_NEAR_CJK = re.compile(rf"(?<=[{CJK}”」])([,:;?!])|([,:;?!])(?=[{CJK}“「])")
HALF_STOP = re.compile(rf"(?<=[{CJK}])\.(?=\s*$|[{CJK}“”])", re.M)

# Lines a web page or a PDF adds that are not the article.
NAV_LINE = re.compile(
    r"^(?:"
    r".{0,30}(?:首页|主页|当前位置|您的位置|你的位置)\s*[>＞»/|›].*"
    r"|(?:当前位置|您的位置|你的位置)[:：].*"
    r"|.*【\s*字[体號号]\s*[:：].*】.*"
    r"|(?:分享到|分享至|扫一扫|扫码|打印本页|打印|关闭窗口|关闭|返回顶部|收藏|纠错|我要纠错|点击查看|阅读原文|阅读全文|展开全文|查看更多|加载更多|网站地图|联系我们|关于我们|免责声明|举报)\b.{0,40}"
    r"|(?:上一篇|下一篇|上一条|下一条)\s*[:：].*"
    r"|.*(?:版权所有|Copyright|copyright|©|ICP备|ICP证|公网安备|网安备).*"
    r"|(?:来源|发布时间|发布日期|时间|浏览次数|阅读量|点击数|作者)\s*[:：].{0,60}(?:发布时间|来源|浏览|字体|\d{4}[-./年]\d{1,2}).*"
    r"|(?:发布时间|发布日期|浏览次数|阅读量|点击数)\s*[:：].{0,40}"
    r"|\d{4}[-./]\d{1,2}[-./]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:来源[:：].*)?"
    r"|(?:微信|微博|QQ空间|QQ|朋友圈|人人网|豆瓣)(?:\s+(?:微信|微博|QQ空间|QQ|朋友圈|人人网|豆瓣))+"
    r"|(?:相关新闻|相关阅读|推荐阅读|热点推荐|延伸阅读|猜你喜欢|热门推荐|相关链接)\s*[:：]?\s*"
    r"|\d{4}年\d{1,2}月\d{1,2}日[^，。；！？]{0,12}?(?:第\s*)?[0-9A-Z一二三四五六七八九十]+\s*版[^，。；！？]{0,20}"  # e-paper page header (…星期三 3版 要闻)
    r"|第\s*[0-9]+\s*版\s*[:：]?.{0,16}"
    r"|[>＞»|/\s]*"
    r")$"
)
TAIL_MARKER = re.compile(r"^(?:相关新闻|相关阅读|推荐阅读|热点推荐|延伸阅读|猜你喜欢|热门推荐|相关链接)\s*[:：]?\s*$")

# A paragraph that ends a sentence (closing quote after a sentence stop counts).
TERMINAL = re.compile(r"[。！？!?；;…：:][”’」』)）]*$")
# a line ending in a credit or a parenthesis is complete: 图为…（记者 李正阳 摄）
CREDIT_END = re.compile(r"(?:摄|供图|图|制图|视频)\s*[）)]$|[）)]$")
CAPTION = re.compile(r"^(?:图为|上图|下图|左图|右图|图[:：]|图片[:：]|（图|\(图)|(?:摄|供图)\s*[）)]$")
SOFT_BREAK_END = re.compile(r"[、，,（(“「《—\-]$")
# a unit at the end of a short line and its office at the start of the next: a title cut by a page break
UNIT_END = re.compile(r"(?:局|委|办|部|办公室|中心|街道|镇|乡|村|社区|公司|管委会|政府|委员会)$")
OFFICE_START = re.compile(r"^(?:副?(?:局长|书记|主任|部长|区长|县长|市长|镇长|乡长|处长|科长|院长|校长|所长|站长|经理|董事长|主席)|党组书记|党委书记|党工委书记)")

# --- structure ------------------------------------------------------------------------------
BYLINE_ROLE = r"(?:本报记者|本报通讯员|特约记者|见习记者|实习记者|实习生|记者|通讯员|责任编辑|编辑|校对|审核|审校|责编|美编|摄影|摄像|主编|监制|出品人|撰文|文/图|文/|图/|来源)"
BYLINE = re.compile(
    rf"^(?:[（(【\[]\s*)?(?:[^，。“”：:]{{0,20}}\s)?{BYLINE_ROLE}\s*[:：|｜]?\s*[^。！？“”]{{0,80}}$"
)
BYLINE_ROLE_RE = re.compile(BYLINE_ROLE)
LABEL_LINE = re.compile(r"^[【\[]([^】\]]{1,12})[】\]]$")
# 【同期】光东村党支部书记　金永哲 — a TV script's sound-bite header without a colon: who speaks next
# an interview's or a meeting's particulars (访谈时间：…, 访谈嘉宾：…, 来源：…): no one speaks in them;
# the guests a 嘉宾 line introduces are registered (quotes._walk)
META_LINE = re.compile(r"^(?:在线|网络)?(?:访谈|采访|会议|活动|发布会|直播|节目)?(?:时间|地点|嘉宾|主题|来源|主办|承办|栏目|出席嘉宾|发布人)[：:]")
GUESTS_LINE = re.compile(r"^(?:在线|网络)?(?:访谈|采访|会议|活动|发布会|直播|节目|出席)?(?:嘉宾|发布人)[：:]")
# a printed page's masthead: 黄山日报　2025年6月12日　星期四　第3版　县区传真 (no headline)
MASTHEAD = re.compile(r"^[^，。！？“”]{2,14}?(?:日报|晚报|早报|报|时报|周刊)\s*[\d０-９]{4}年[\d０-９]{1,2}月[\d０-９]{1,2}日[^。！？“”]{0,40}$")
# 【标题】敦化：… / 标题：… — a TV or web script's title line (the headline); 【栏目】… names the programme
SCRIPT_TITLE = re.compile(r"^(?:[【\[](?:标题|题目|新闻标题)[】\]]|(?:标题|新闻标题)[：:])\s*(\S.{0,59})$")
SCRIPT_LABEL = re.compile(r"^[【\[](?:栏目|节目|播出时间|时长|编辑|记者|摄像|来源)[】\]]")
# 字幕：果农　张大山 (a TV script's caption line naming who speaks next, after 【同期声】 or alone)
CAPTION_SPEAKER = re.compile(r"^(?:[【\[](?:同期声?|采访|现场声|原声)[】\]]\s*)?(?:人物|同期)?字幕[：:]\s*([^，。！？：:“”]{2,40})$")
CAPTION_SPEAKER_PREFIX = re.compile(r"^(?:人物|同期)?字幕[：:]\s*")
# 【同期】（果农　张大山）今年… — the speaker in brackets right after a sound-bite label
BRACKET_SPEAKER = re.compile(r"[（(]([^（）()，。！？“”]{2,30})[）)]\s*")
SOUND_BITE_HEADER = re.compile(r"^[【\[](?:同期声?|采访|现场声|原声)[】\]]\s*(?:[^，。！？：:“”（(]{2,40}|[（(][^，。！？：:“”（）()]{2,40}[）)])$")
SUBTITLE = re.compile(r"^(?:——|--|－－|—)\s*\S")
QA_QUESTION = re.compile(r"^(?:记者|问|主持人|本报|Q)\s*[:：]")
QA_ANSWER = re.compile(r"^(?:答|A)\s*[:：]")
# who answers a 答记者问 when no name is given: 农业农村部有关负责人就《…》答记者问
RESPONDENT = re.compile(r"([^，。；：“”《》\s——]{2,24}?(?:有关|相关)?负责(?:人|同志))(?:就[^。；]{0,60}?)?(?:答记者问|回答了?记者(?:的)?提问|接受[^，。]{0,12}?采访)")
# an office taken in the sentence that brings a person in (…的孙晓燕来到这里，担任柳树沟村驻村第一书记):
# the office; the name is looked for before it in the sentence (people.scan_mentions)
TAKES_OFFICE = re.compile(r"(?:担任|出任)([^，,。；！？“”]{2,30}?(?:书记|主任|[^，,。；！？“”]长|负责人))(?=[，,。；！？]|$)")

# --- quotes ---------------------------------------------------------------------------------
OPEN_Q, CLOSE_Q = "“", "”"
BACK_REFERENCE = r"(?:这样说|如是说|这样表示|这样介绍|这样认为)"
SPEECH_VERB = (
    rf"(?:{BACK_REFERENCE}|告诉记者|对记者说|向记者介绍|向记者表示|介绍说|表示|说道|说|介绍|指出|强调|认为|坦言|直言|"
    r"看来|谈到|提到|透露|称|感慨|感叹|补充道|补充说|解释说|解释|回忆说|回忆|建议|呼吁|表态|告诉|谈及|分析|总结|"
    r"讲道|讲|坦承|坦陈|憧憬|笑言|笑称|感言|回应|答|回答|说起|(?<!的)(?<!重要)(?<!工作)(?<!总)要求|(?<!的)提出|"
    r"(?:常|经常|常常|总|曾|所)(?:说|讲)的(?:那样)?|"
    r"(?:给|为|向)?(?:记者)?算了(?:一笔|笔)(?:账|帐)|打开了话匣子)"
)
# a sentence that gives the reporter's own source (据了解，…; 记者从县统计局获悉，…) ends the indirect
# speech an attribution opened before it
REPORTER_SOURCE = re.compile(r"(?<=[。！？；])\s*(?:据了解|据悉|据统计|记者(?:从[^，。！？]{1,24}?)?(?:了解到|获悉))")
# after a closing quote (matched at a position: no ^), a clause naming what the words are about before the person:
# “…”说起这些变化，社区党委书记李秀梅很有感触 (the words are hers)
TOPIC_LEAD = re.compile(r"(?:说起|谈起|提起|谈到|说到|聊起|讲起|回忆起|回想起)[^，。！？；“”]{0,16}[，,]")
# what the person named after such a clause does: speaks or is moved
MOVED_OR_SAYS = re.compile(rf"[^，。！？；“”]{{0,8}}?(?:(?:很|深|颇|深深)有感触|感触(?:颇深|很深|良多)|感慨|感叹|动情|{SPEECH_VERB})")
# verb then a comma, colon or an opening quote: the attribution is complete there; or a full stop
# (“…”陆振宇说。): the attribution closes the sentence and opens no clause
SPEECH_ATTRIB = re.compile(rf"{SPEECH_VERB}\s*(?=[，,：:“。]|$)")
# a speech verb and what follows it, at a position (no ^): 习近平总书记|强调，… — 强调 is no name
VERB_AT = re.compile(rf"{SPEECH_VERB}\s*(?:[，,：:“]|$)")
VERB_START = re.compile(r"^(?:表示|介绍|说|指出|强调|认为|告诉记者)[，,：:]")
BACK_REFERENCE_RE = re.compile(BACK_REFERENCE + "$")
# adverbials between a name and its verb: 曲艳阳受访时说, 马明强在收看…后感慨
ADVERBIAL_TAIL = re.compile(
    r"(?:在[^，。；“”]{1,24}?(?:时|后|中|上|前|期间)|(?:参加|出席|参观|调研|视察|走访|考察|看望)[^，。；“”]{1,24}?(?:时|期间)|受访时|接受[^，。；“”]{0,10}采访时?|采访时|"
    r"接过话(?:头|茬)?|插话|对记者|向记者|对此|就此|对此也|也|还|则|又|更|都|分别|均|一致|共同|纷纷|同时|进一步|再次|多次|一再|深有感触地|感慨地|激动地|"
    r"笑着|动情地|自豪地|坚定地|满怀信心地|兴奋地|高兴地|由衷地|郑重地|语气坚定地|信心满满地|详细|具体|"
    # 乐呵呵地, 美滋滋地, 笑眯眯地 (ABB + 地); 欣慰地, 认真地 …; 边走边, 一边摘一边 (doing while speaking)
    r"[\u4e00-\u9fff]([\u4e00-\u9fff])\1地|(?:欣慰|骄傲|认真|坦率|风趣|幽默|诚恳|耐心|热情|开心|平静|肯定|"
    r"爽快|腼腆|憨厚|感激|满意|乐观|自信|激昂|笃定|恳切|若有所思|意味深长|不无感慨|颇为自豪|略带自豪)地|"
    r"边[\u4e00-\u9fff]{1,2}边|一边[^，。；“”]{1,8}一边|指着[^，。；“”]{1,10})+$"
)
DOCUMENT = (
    r"(?:党的[一二三四五六七八九十]{1,3}大(?:报告|精神|党章)?|《[^》]{1,40}》|"
    r"(?:中共中央|国务院|中央|全国人大|党中央|省委|市委)?[^，。；“”、\s将要围绕按照根据落实贯彻对把在]{0,16}?"
    r"(?:报告|决定|决议|纲要|规划|意见|通知|方案|公报|一号文件|党章|宪法|会议精神|会议|全会|讲话|指示|文件|条例|白皮书))"
)
REPORT_LEAD = re.compile(
    rf"{DOCUMENT}(?:中|里|也|还|进一步|明确|再次|首次|专门)?"
    r"(?:明确指出|明确提出|深刻指出|鲜明提出|郑重提出|强调指出|指出|强调|提出|明确|要求|写道|写到|提到|部署|宣示|阐明|阐述|号召)"
    r"(?:了)?\s*[，,：:]?\s*(?:要|必须|应当)?\s*$"
)
REPORT_LEAD_NOQUOTE = re.compile(
    rf"{DOCUMENT}(?:中|里|也|还|进一步|明确|再次|首次|专门)?"
    r"(?:明确指出|明确提出|深刻指出|鲜明提出|强调指出|指出|强调|提出|明确|写道)\s*[，,：:]"
)
# 在 right before a document word: the words are where a person said it (副市长司马庆在讲话中指出)
SAID_IN = re.compile(r"在\s*$")
# a person at the head of a citation: 习近平总书记在…讲话中指出 is his quote, not a document's
PERSON_CITES = re.compile(rf"^([{CJK}]{{2,3}})(总书记|国家主席|主席|总理|委员长)")
SENTENCE_END = re.compile(r"[。！？!?]")
CLAUSE_BOUNDARY = "。！？!?；;，,：:“”\n"
# a colon that ends the words before a quotation: 徐丽君：“…”
COLON_BEFORE_QUOTE = re.compile(r"[：:]\s*(?=“)")
# "words：" at the start of a paragraph, not before a quotation that is the whole sentence: 孙慧敏：今年…,
# 澎湃新闻记者：请问…, 杨正武：“十五五”期间，我们… (a quoted term opens the answer)
INLINE_LABEL = re.compile(r"^([^，。：:“”]{1,30}?)\s*[：:]\s*(?!“[^”]*[。！？!?…]”|“[^”]*”\s*(?:[。！？!?…，,]|$)|“[^”]*$)")
# 【同期】, 【记者】 … before a transcript line; one or more at the start of a header line
LEADING_LABEL = re.compile(r"^[【\[]([^】\]]{1,10})[】\]]\s*")
LEADING_LABELS = re.compile(r"^(?:[【\[][^】\]]{1,12}[】\]]\s*)+")
SPEAKER_LABEL = re.compile(r"同期声?|采访|现场声|原声")
SPEECH_VERB_END = re.compile(rf"{SPEECH_VERB}$")

# a press conference's or meeting's host: 【主持人】, 主持人 in the title, or 戚文娟主持发布会
HOST_TITLE = re.compile(r"主持")
HOSTS = re.compile(rf"([{CJK}·]{{2,8}})主持(?:发布会|会议|会|新闻发布会|座谈会|仪式|活动)")
# a host's procedural words: opening, handing over, closing
PROCEDURAL = re.compile(
    r"到此结束|现在开始|正式开始|下面(?:请|有请|进入)|(?:首先|接下来|现在)(?:请|有请)|请[^。？]{0,30}(?:介绍|回答|发布|答问|提问)|"
    r"欢迎(?:各位|大家)|(?:各位记者朋友|各位媒体朋友|记者朋友们)|谢谢(?:大家|各位)|感谢(?:大家|各位|.{0,12}的介绍)|上午好|下午好|大家好"
)

# --- people ---------------------------------------------------------------------------------
# a reporter, host or narrator, never a speaker (unless an office says otherwise: 记者站站长)
REPORTER_TITLE = re.compile(r"(?:记者|主持人|解说|旁白|播音|编辑|通讯员)")
OFFICE_WORD = re.compile(r"(?:书记|长|主任)")
# the reporter telling what they saw or learned (记者在现场看到, 记者从县人社局了解到, 据了解) or who
# hosted (发布会由…主持): in a transcript, or after an answer, a paragraph like this is narration again
REPORTER_NARRATES = re.compile(
    r"(?:(?:本台|本报|本网)?记者(?:在[^，。！？]{0,20}?|从[^，。！？]{1,24}?|一行|随后|还|也|再次|近日|日前|此前|采访中)?"
    r"(?:看到|了解到|注意到|发现|获悉|采访|走访|来到|看见|观察到|调查|跟随|跟着|随同|探访)|^(?:据了解|据介绍|据悉|据统计)[，,]|"
    r"^[^“”]{0,20}(?:发布会|座谈会|会议|访谈|活动)由[^，。“”]{2,40}主持)"
)
# a scene set with no 我 in it (在县城东边的智能车间里，…): after a sound bite, the reporter again
SCENE_OPENING = re.compile(r"^在[^，。！？我咱]{2,30}?(?:里|中|上|内|外|前|旁|边|间|现场)，")
FIRST_PERSON = re.compile(r"[我咱]")
# who asks at a press conference: a news outlet, with or without 记者 (新华社记者：, 凤凰卫视：)
OUTLET = (
    r"(?:[^，。：:“”]{0,16}?(?:通讯社|新闻社|社|电视台|广播电视台|广播电视总台|总台|卫视|台|日报|晚报|早报|报|网|新闻|"
    r"传媒|融媒体中心|融媒|客户端|杂志|周刊|时报|频道|资讯|财经))"
)
QUESTIONER = re.compile(rf"^(?:{OUTLET}(?:记者|特约记者|首席记者)?|[^，。：:“”]{{0,16}}?记者|主持人|提问|记者提问|问|Q)$")
# markers a headline or a web page puts before a paragraph: 【权威发布】, 快讯, 独家｜
HEADLINE_MARKER = re.compile(
    r"^(?:[【\[][^】\]]{1,10}[】\]]\s*|(?:快讯|独家|重磅|速递|突发|权威发布)(?:\s*[｜|丨:：]\s*|\s+))+"
)
ROLE_SUFFIX = re.compile(
    r"(?:书记|主任|[局处科股院校所站部区县市镇乡村组队社厂行馆会庭署厅司团班园台省州旗盟河湖林田路关]长|总指挥|指挥长|网格长|嘎查达|苏木达|董事长|理事长|秘书长|委员长|"
    r"员|主席|委员|常委|干部|负责人|经理|专家|教授|代表|村民|居民|市民|(?:搬迁|脱贫|受益|移民)群众|移民|搬迁户|脱贫户|村医|手艺人|党员|志愿者|农民|企业家|创始人|合伙人|创业者|"
    r"主编|总编|总裁|支书(?!记)|政委|总监|发言人|老师|教师|医生|学者|博士|师|师傅|助理|主管|董事|带头人|职工|工人|店主|老板|"
    r"农户|牧民|渔民|牧户|商户|种植户|养殖户|个体户|大户|专业户|小哥|大姐|阿姨|大爷|大叔|老人|青年|学生|游客|首席|顾问|干事|骨干|负责同志|总经济师|总工|CEO|CTO|COO|"
    r"[茶菜果蔗棉花瓜药烟蚕蒜参椒菇稻粮桑蜂枣梨桃橘柚薯莓蔬菌笋藕杏桔]农|边民|疍家人|客家人|(?:台|港|澳|外|客|侨)商|观众|嘉宾|网友|听众|(?:经营|从业|创业|劳动|建设|管理|参与|见证|志愿|种植|养殖)者|业主|主理人|掌柜|店长|传承人|[绣织]娘|经营户|主人|姑娘|小伙|小伙子|妇女|艺人|匠人|[银木石铁铜篾皮瓦锡漆鞋]匠|手艺人|徒弟|学徒|同事|向导|导游)$"
)
UNIT_SUFFIX = re.compile(
    r"(?:部|局|委|办|办公室|中心|街道|镇|乡|村|社区|公司|集团|学校|大学|学院|医院|协会|管委会|工委|党委|党组|政府|"
    r"法院|检察院|银行|小组|支部|队|所|站|园|区|县|市|处|科|厅|署|院|会|社|厂|馆|店|合作社|基地|新区|陆港|港|组|嘎查|苏木|旗|盟|州)$"
)
OFFICE_OR_UNIT = re.compile(ROLE_SUFFIX.pattern.rstrip("$") + r"|" + UNIT_SUFFIX.pattern.rstrip("$"))
# a national leader whose words another official cites (习近平总书记强调，“…” inside a speech): not
# the 他 of the next sentence, who is the official
CITED_LEADER = re.compile(r"^(?:中共中央)?(?:总书记|国家主席|国务院总理|总理)$")
HIGH_TITLE = re.compile(r"副?(?:总书记|国家主席|主席|总理|委员长)$")
# words that may follow a name before its verb: 马明强在…, 曲艳阳受访时
ADVERB_START = re.compile(r"^(?:在|把|将|被|一边|一面|受访|表示|说|介绍|认为|指出|强调|看来|告诉|谈|坦言|透露|感慨|也|还|对|向|则|就|又|激动|动情|深有感触|笑着|自豪|难掩|满怀|信心|接受|称|直言|回忆|补充)")
AFTER_NAME = re.compile(r"^(?:同志|先生|女士|时|的|等|一行|是|曾|已|正|刚|才|今年|去年|前年|如今|近年|这几年|早年|当年|每年|每天|[\u4e00-\u9fff]着)")  # 吉克拉哈守着…
LEAD_WORDS = re.compile(
    r"^(?:在|据|对此|对于此|同时|此外|另外|而|但|记者了解到|据了解|其中|随后|最后|首先|接着|专访了?|采访了?|走访了?|访|正如|就像|正像|如同|"
    r"(?:新闻发布会|发布会|座谈会|会议|会)上)[，,]?"
)
# words that introduce a list of guests before the first title (今天我们邀请到…, 出席发布会的有…) or
# the speaker of the words before (“…”说这话的是返乡创业青年周晓东)
INTRODUCED_BY = re.compile(r"^[^，。；“”]{0,20}?(?:邀请到了?|请到了?|有请|说这(?:番|句)?话的(?:人)?是|这样说的是|出席[^，。；“”]{0,12}?的(?:嘉宾|领导)?有|参加[^，。；“”]{0,12}?的(?:嘉宾|领导)?有)[，,：:]?")
JOINED = re.compile(r"和|与|及")
JOINED_OR_LISTED = re.compile(r"和|与|及|、")  # 县委书记张建国、县长李卫东分别表示: two people
INTRO_CUT = "了访见到"  # 专访了安溪县委副书记、县长黄文明: the person starts after these
MENTION_SPLIT = re.compile(r"([，。；！？“”,;])")
# two-character adverbs that may follow a two-character name: 镇长江河正在… is 江河, not 江河正
# a place unit right after a name shape: 吉克 + 乡, 王庄 + 村 — the name is part of a place name
# a place's name in the text when followed by one of these (石岛管理区, 西炉村): no person's name
PLACE_WORD_AFTER = r"(?:管理区|开发区|街道|镇|乡|村|社区|区|县|市|旗|州|港|湾|岛|山|湖|河|路|街)"
PLACE_AFTER_NAME = re.compile(r"^(?:[村镇乡]|嘎查|苏木|[县旗盟州](?![里内民长]))")
# an age before a name that opens a clause (36岁的付海波是…, 今年62岁的王秀兰正在…): the person is introduced
AGE_LEAD = re.compile(r"^(?:今年|已经|年近|年过)?(?:\d{1,3}|[一二三四五六七八九十]{1,3})多?岁的")
# what may follow a name introduced by its age: a copula, an adverb or an action (是, 正在, 从, 每天…)
AFTER_AGE_NAME = re.compile(r"^(?:是|正|在|已|一|也|还|从|把|每|如今|早|曾|自|带|和|与|家|$)")
ADVERB_PAIR = re.compile(r"^(?:正在|已经|曾经|仍在|还在|也在|都在|正带|正忙|正和|正与|陪同|带领|带着|来到|走进|走访|深入|察看|查看|调研|检查|参加|出席|主持|率队|率领|一行|先后|一同|一起)")
# short phrases an article puts in quotation marks (“急难愁盼”, ‘专精特新’): set phrases (up to 8)
QUOTED_PHRASE = re.compile(rf"[“‘「『]([{CJK}0-9A-Za-z]{{2,8}})[”’」』]")
ENDS_SENTENCE = re.compile(r"[。！？!?…]$")
# --- structure (more) -----------------------------------------------------------------------
# （本报记者 王凯）, 【新华社记者 …】 inside a paragraph: the names are reporters
INLINE_BYLINE = re.compile(r"[（(【\[](?:本报|新华社|央视网|人民网)?[^）)】\]]{0,12}?(?:记者|通讯员|实习生)[^）)】\]]{1,60}[）)】\]]")
NAME_TOKEN = re.compile(rf"[{CJK}]{{2,6}}|[{CJK}]{{1,10}}(?:[·•・‧．･][{CJK}]{{1,10}})+")  # 王凯, 额尔敦毕力格, 迪丽努尔·阿不都
BRACKETED = re.compile(r"[（(【\[].*?[）)】\]]")
BYLINE_SPLIT = re.compile(r"[\s、，,；;：:|｜/）)】\]]+")
SENTENCE_PUNCT = re.compile(r"[，。！？；]")
ENDS_WITH_COLON = re.compile(r"[：:]$")
# --- people (more) --------------------------------------------------------------------------
NAME_DOTS = "·•・‧．･"  # the middle dot of a transliterated name, as copies write it
DOT_NAME = re.compile(rf"[{CJK}]+(?:[{NAME_DOTS}][{CJK}]+)+")  # 阿依古丽·买买提, 热依汗‧吐尔洪
CJK_ONLY = re.compile(f"[{CJK}]+")
NAME_CHARS = re.compile(rf"[{CJK}]{{2,4}}")
CLAUSE_SPLIT = re.compile(r"[，。；：！？,;:“”]")
# words before a verb that end in a document, a meeting or a medium name no person: 白皮书说, 通报指出
NOT_PERSON_END = re.compile(
    r"(?:报告|决定|决议|纲要|规划|意见|通知|方案|公报|文件|条例|白皮书|倡议书|通报|公告|消息|报道|文章|新闻|会议|会上|"
    r"网站|客户端|数据|调查|研究|统计|标语|宣传片)$"
)
# an honorific title written after the name: 钟南山院士, 张伟教授, 王刚代表
_TITLES_AFTER = r"(?:院士|副教授|教授|研究员|同志|代表|委员|博士|主任|书记|局长|县长|区长|市长|镇长|乡长|旗长|州长|村长|总经理|董事长)"
TITLE_AFTER_NAME = re.compile(rf"副?{_TITLES_AFTER}$")  # 扎西次仁副县长
TITLE_AFTER_START = re.compile(rf"^副?{_TITLES_AFTER}")

# --- places (districts.py) ----------------------------------------------------------------
UNIT_TAIL = re.compile(rf"[{CJK}]{{1,8}}?(?:街道|镇|乡|村|社区)")
GENERIC_COUNTY = re.compile(rf"([{CJK}]{{2,6}}?(?:新区|自治县|自治旗|区|县|旗))(?=委|政府|人民政府|人大|政协|纪委|党|[县区旗]长|[{CJK}]{{0,12}}(?:委|局|部|办|中心|街道|镇|乡|区|园|所|站|院|校))")
# 区商务局局长, 县委书记 without the place: "this district's"
THIS_COUNTY = re.compile(rf"^(?:区|县|旗)(?:委|政府|人大|政协|纪委|长|[{CJK}]{{0,10}}?(?:局|办|部|中心|委员会))")
# 黔东南州茶产业发展中心: an autonomous prefecture's office
PREFECTURE_WORD = re.compile(rf"[{CJK}]{{2,5}}州(?![市区县])")
# 省发展改革委, 市民政局, 国家发展改革委: a province's, a prefecture's or the nation's office
HIGHER_UNIT = re.compile(r"^(?:省|市|州|盟|自治区|国家|中央|全国|国务院|中共中央|部|总书记|国家主席|主席|总理|副总理|委员长)")
# a level, not a place: 国家级代表性传承人 and 自治区级传承人 are local people (no higher office)
LEVEL_DESIGNATION = re.compile(r"(?:国家|省|自治区|市|州|盟|县|区)级")
# 全国人大代表 / 全国政协委员 written before a local office: the office decides
DEPUTY = re.compile(r"^(?:全国|省|市)?(?:人大代表|政协委员)[、，,]?")
# scholars speak for their institution, not for the county an article is about
SCHOLAR = re.compile(r"大学|学院|研究院|研究所|研究员|研究中心|教授|学者|专家|智库")
COMPANY = re.compile(r"公司|集团|企业|厂|合作社")
ZONE_WORDS = r"(?:经济技术开发区|经济开发区|高新技术产业开发区|高新区|经开区|开发区|综合保税区|综保区|保税区|工业园区|产业园区)"
# a place tied to a speaker in the same sentence: 来自某某镇, 某某街道代表团, 所在的某某村
CONTEXT_BEFORE = re.compile(r"(?:来自|所在的?|家住|住在|扎根|驻)")
CONTEXT_AFTER = re.compile(r"代表团")
# the local media's own lines: 今日婺源, 婺源融媒讯, 来源：婺源县融媒体中心, 婺源讯（记者…）
SOURCE_LINE = re.compile(
    rf"今日([{CJK}]{{2,6}})"
    rf"|([{CJK}]{{2,8}}?)(?:融媒体?中心|融媒讯|融媒|新闻中心|广播电视台|电视台|发布|新闻网)"
    rf"|来源[:：]\s*([{CJK}]{{2,10}})"
    rf"|^(?:本报|本台)?([{CJK}]{{2,6}}?)讯"
)
CONGRESS = re.compile(
    r"(?:第[一二三四五六七八九十百\d]+届)?(?:人民代表大会|人大|政协|党代会|两会|全会|常委会|代表大会)"
)
TOWN_NAME = re.compile(r".{2,}(?:镇|乡|街道|苏木|办事处)$")
VILLAGE_END = re.compile(r"村|社区|居委会")
RENAMED_UNIT = re.compile(rf"([{CJK}]{{2,4}}?)(市|区)(?=委|政府|人民政府|人大|政协|副|[市区]长|[{CJK}]{{0,12}}(?:局|部|办|街道|镇|乡))")
ZONE_WORD = re.compile(ZONE_WORDS)
DATELINE = re.compile(rf"^[（(【]?(?:新华社|本报|本台|人民网|中新网|央视网|新华网|[{CJK}]{{2,6}}(?:日报|晚报|新闻网|融媒))?(?:记者)?([{CJK}]{{2,8}}?)(?:\d{{1,2}}月\d{{1,2}}日)?(?:电|讯)")
# 香港商报讯（记者 程嘉仪）敦煌报道：… / 本报记者 王文 潜江报道：… — the place the reporter files from
DATELINE_REPORTED = re.compile(rf"^(?:[^。：:]{{0,40}}?(?:讯|电|）|\)|\s))?\s*([{CJK}]{{2,10}}?)报道\s*[：:]")

# Speed, not meaning: the long alternations searched at every position of clauses and paragraphs
# get a lookahead on the characters a match can start with (helpers.quickre; the same matches).
# Done last, after the patterns made from their text (OFFICE_OR_UNIT from ROLE_SUFFIX).
from helpers.quickre import quick as _quick  # noqa: E402

(OFFICE_OR_UNIT, ROLE_SUFFIX, SPEECH_ATTRIB, SPEECH_VERB_END, ADVERBIAL_TAIL, TITLE_AFTER_NAME, HALF_PUNCT_NEAR_CJK, HALF_STOP,
 SPACE_BETWEEN_CJK) = map(_quick, (OFFICE_OR_UNIT, ROLE_SUFFIX, SPEECH_ATTRIB, SPEECH_VERB_END, ADVERBIAL_TAIL, TITLE_AFTER_NAME,
                                   HALF_PUNCT_NEAR_CJK, HALF_STOP, SPACE_BETWEEN_CJK))
