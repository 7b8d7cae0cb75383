"""The lexicon's groups for the discourse of 2023–2025 and of local government work: each names its
document, adds only terms of its own, and a sample of them (chosen by code) stays whole in
ordinary sentences of government news."""
import re

import pytest

from helpers.tokenize import LEXICON_FILE, lexicon_table, read_lexicon, segmenter

# each new group's document, as its "# source:" header begins
NEW_DOCUMENTS = [
    "政府工作报告 2024", "政府工作报告 2025", "中央一号文件 2024", "中央一号文件 2025", "中央农村工作会议",
    "中共中央关于制定国民经济和社会发展第十五个五年规划的建议", "中央经济工作会议", "中央城市工作会议", "党的建设与纪律教育", "基层治理",
    "县域经济与城乡融合", "民生与公共服务", "生态文明", "区域重大战略与区域协调发展", "数字政府与政务服务",
    "民营经济与营商环境", "文化与文旅", "安全生产与应急管理", "人大、政协与统一战线", "中央金融工作会议",
    "教育强国建设规划纲要", "科技创新与新质生产力", "地方政府工作报告常见提法", "对外开放", "乡村振兴与农业农村",
    "健康中国与医疗卫生", "交通与基础设施", "就业与收入分配",
]
SENTENCES = [  # ordinary sentences of the genre; {} is the term
    "会议强调，要深入推进{}，确保各项任务落地见效。",
    "近年来，我县把{}作为重点工作来抓，群众满意度持续提升。",
    "记者了解到，{}已写入今年的政府工作报告。",
    "他说：“{}是一篇大文章，必须久久为功。”",
]
SAMPLE = 60


@pytest.fixture(scope="module")
def table():
    return lexicon_table(LEXICON_FILE)


def _groups(table):
    return {doc: table[table.source.str.startswith(doc)] for doc in NEW_DOCUMENTS}


def test_new_groups_are_there_with_terms_and_formulations(table):
    groups = _groups(table)
    for doc, group in groups.items():
        assert len(group) >= 20, (doc, len(group))
    new = pd_concat(groups.values())
    assert len(new) >= 1500
    assert new["use"].isin(["ref", "ref-only"]).sum() >= 150
    for doc in ["政府工作报告 2024", "政府工作报告 2025", "中共中央关于制定国民经济和社会发展第十五个五年规划的建议", "中央经济工作会议"]:
        assert groups[doc]["use"].eq("ref-only").sum() >= 10, doc  # the documents' own formulations


def pd_concat(frames):
    import pandas as pd

    return pd.concat(list(frames)).drop_duplicates("term")


def test_every_group_has_a_source_header_and_entries():
    """Entries come only after a "# source:" line, and no source header is left without entries."""
    source, counts = None, {}
    for n, line in enumerate(LEXICON_FILE.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("# source:"):
            source = line[len("# source:"):].strip()
            assert source and source not in counts, (n, line)  # named, and named once
            counts[source] = 0
        elif line.strip() and not line.startswith("#"):
            assert source is not None, (n, line)
            counts[source] += 1
    assert all(counts.values()), [s for s, c in counts.items() if not c]


def test_no_duplicate_term_in_the_tokenizer_set(table):
    tokens = table[table.use != "ref-only"]
    assert not tokens.term.duplicated().any(), list(tokens.term[tokens.term.duplicated()])
    assert len(read_lexicon(LEXICON_FILE)) == len(tokens)


def _sample(table):
    """Every k-th tokenizer term of the new groups, in file order: ~SAMPLE terms from all of them."""
    new = pd_concat(_groups(table).values())
    terms = [t for t in new[new.use != "ref-only"].term if re.fullmatch(r"[\u4E00-\u9FD5]{3,}", t)]
    step = max(1, len(terms) // SAMPLE)
    return terms[::step][:SAMPLE]


def test_sample_is_spread_over_the_groups(table):
    sample = _sample(table)
    assert len(sample) == SAMPLE
    sources = set(table.set_index("term").loc[sample, "source"])
    assert len(sources) >= 15


def test_new_terms_stay_whole_in_ordinary_sentences(table):
    """No token boundary falls inside the term (a longer lexicon term around it is fine)."""
    seg = segmenter()
    split = []
    for i, term in enumerate(_sample(table)):
        text = SENTENCES[i % len(SENTENCES)].format(term)
        a = text.index(term)
        b = a + len(term)
        cuts = {s for _, s, _ in seg.tokenize(text)} | {e for _, _, e in seg.tokenize(text)}
        if any(a < c < b for c in cuts):
            split.append((term, seg.cut(text)))
    assert not split, split
