"""The lexicon file: sourced groups, the use column, jieba really splits what it adds."""
import re

import jieba
import pytest

from helpers.tokenize import LEXICON_FILE, lexicon_table, read_lexicon

DOCUMENTS = ["党的二十大报告", "党的十九大报告", "进一步全面深化改革、推进中国式现代化的决定", "第十四个五年规划",
             "政府工作报告", "中央一号文件", "中国共产党章程"]
EXCEPTIONS = {"组织部", "管委会", "幸福感", "安全感", "产业链", "招商引资"}  # listed in the file's header


@pytest.fixture(scope="module")
def table():
    return lexicon_table(LEXICON_FILE)


def test_size_and_formulations(table):
    assert len(table) >= 3000
    assert table["use"].isin(["ref", "ref-only"]).sum() >= 300
    assert not table["term"].duplicated().any()


def test_every_entry_under_a_source_and_the_documents_are_there(table):
    assert (table["source"] != "").all()
    sources = table["source"].unique()
    for doc in DOCUMENTS:
        group = [s for s in sources if doc in s]
        assert group, doc
        assert table[table.source == group[0]]["use"].ne("").sum() >= 10, doc  # each document has its formulations
    assert not any(s.startswith("常见政务用语") for s in sources)  # the old unsourced name is gone


def test_lines_have_two_or_three_tab_separated_columns():
    for n, line in enumerate(LEXICON_FILE.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            cols = line.split("\t")
            assert len(cols) in (2, 3) and cols[0] and cols[1], (n, line)
            assert len(cols) == 2 or cols[2] in ("ref", "ref-only"), (n, line)


def test_ref_only_never_reaches_the_tokenizer(table):
    words = read_lexicon(LEXICON_FILE)
    ref_only = table[table.use == "ref-only"].term
    assert "把发展经济的着力点放在实体经济上" in set(ref_only)
    assert not set(ref_only) & set(words)
    assert "实体经济" in words and "新质生产力" in words


def test_tokenizer_terms_are_words_jieba_splits(table):
    """What the tokenizer gets is what jieba alone would cut (or knows only rarely), except the
    header's few exceptions; references jieba already knows are there for the discourse analysis."""
    tok = jieba.Tokenizer()
    plain = table[table.use == ""].term
    kept = [t for t in plain if len(tok.lcut(t, HMM=False)) == 1 and (tok.FREQ.get(t) or 0) >= 20]
    assert set(kept) <= EXCEPTIONS
    tokens = table[table.use != "ref-only"].term
    assert all(re.fullmatch(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+", t) for t in tokens)  # jieba can match them whole


VERBS = ("发展", "推进", "推动", "加快", "坚持", "实施", "建设", "加强", "深化", "持续", "扎实", "着力", "大力",
         "积极", "促进", "构建", "打造", "提升", "完善", "健全", "深入")


def test_no_token_entry_is_a_verb_before_another_entry():
    """发展新质生产力 as one token would hide 新质生产力's count: such verb phrases are ref-only."""
    from helpers.tokenize import lexicon_table

    table = lexicon_table()
    tokens = set(table.loc[table["use"] != "ref-only", "term"])
    hiding = [t for t in tokens for v in VERBS if t.startswith(v) and len(t) - len(v) >= 2 and t[len(v):] in tokens]
    assert not hiding, hiding
