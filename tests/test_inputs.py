"""Every kind of input a user may drop into seeds/: encodings are read, bad files get one clear
line and exit status 2 (never a traceback), and the input file is never changed."""
import hashlib
import subprocess
import sys

import pytest

from helpers.cli import main
from helpers.read import read_article, safe_name

from conftest import ARTICLES, SEED

SAMPLE = (ARTICLES / "04_no_headings.txt").read_text(encoding="utf-8")
TRAD = (ARTICLES / "07_traditional_pinyin.txt").read_text(encoding="utf-8")


def run_cli(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def assert_refused(capsys, path, *words):
    before = path.read_bytes() if path.is_file() else None
    code, out, err = run_cli(capsys, "quotes", str(path))
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert "Traceback" not in err
    for w in words:
        assert w in err
    if before is not None:
        assert path.read_bytes() == before  # the input is never changed
    return err


def quotes_of(capsys, path):
    code, out, err = run_cli(capsys, "quotes", str(path))
    assert code == 0, err
    return out


# --- refused, with a line that says what to do ------------------------------------------------


def test_missing_path(capsys, tmp_path):
    assert_refused(capsys, tmp_path / "nope.txt", "no such file")


def test_directory(capsys, tmp_path):
    assert_refused(capsys, tmp_path, "is a folder")


def test_empty_file(capsys, tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    assert_refused(capsys, p, "empty")


def test_whitespace_only(capsys, tmp_path):
    p = tmp_path / "blank.txt"
    p.write_text(" \n\t\u3000\r\n  \n", encoding="utf-8")
    assert_refused(capsys, p, "white space")


def test_binary_file(capsys, tmp_path):
    p = tmp_path / "image.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)
    assert_refused(capsys, p, "binary")


def test_undecodable_bytes(capsys, tmp_path):
    p = tmp_path / "garbage.txt"
    p.write_bytes(b"\x80\xff\x81\xfe" * 200)
    assert_refused(capsys, p, "encoding")


def test_english_only(capsys, tmp_path):
    p = tmp_path / "english.txt"
    p.write_text("The mayor said the city would invest in new industries.\n" * 20, encoding="utf-8")
    assert_refused(capsys, p, "no Chinese")


def test_fifty_megabytes(capsys, tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:
        fh.write(SAMPLE.encode("utf-8"))
        fh.truncate(50 * 1024 * 1024)
    assert_refused(capsys, p, "MB", "Split it")


def test_subprocess_exit_status_and_no_traceback(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    for args in (["quotes", str(p)], ["terms", str(tmp_path / "missing.txt")], ["terms", str(SEED), "--top", "0"], ["report", str(p), "--out", str(tmp_path / "o")]):
        r = subprocess.run([sys.executable, "-m", "helpers", *args], capture_output=True, text=True, timeout=120)
        assert r.returncode == 2, (args, r.stderr)
        assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    assert not (tmp_path / "o").exists() or not any((tmp_path / "o").iterdir())


# --- read, whatever the encoding --------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-8"])
def test_encodings_give_the_same_quotes(capsys, tmp_path, encoding):
    p = tmp_path / f"article-{encoding}.txt"
    p.write_bytes(SAMPLE.replace("\n", "\r\n").encode(encoding))
    reference = tmp_path / "ref.txt"
    reference.write_text(SAMPLE, encoding="utf-8")
    got = quotes_of(capsys, p).replace(p.stem, "X")
    want = quotes_of(capsys, reference).replace("ref", "X")
    assert got == want
    assert "韩立新" in got


def test_gb18030_beyond_gbk(tmp_path):
    text = SAMPLE + "\n“𠮷”字在GB18030里有四字节编码。\n"
    p = tmp_path / "gb18030.txt"
    p.write_bytes(text.encode("gb18030"))
    art = read_article(p)
    assert art.encoding == "gb18030" and "𠮷" in art.text


def test_big5_traditional(tmp_path):
    p = tmp_path / "big5.txt"
    from helpers.patterns import PINYIN_DEBRIS

    p.write_bytes(PINYIN_DEBRIS.sub("", TRAD).encode("big5", errors="ignore"))
    art = read_article(p)
    assert art.encoding == "big5" and art.traditional
    assert "黨工委書記" in TRAD and "党工委书记" in art.text  # converted to simplified


def test_html_page(capsys, tmp_path):
    body = "".join(f"<p>{line}</p>\n" for line in SAMPLE.splitlines() if line.strip())
    page = f"<!DOCTYPE html><html><head><title>x</title><script>var a='“假”说';</script></head><body><nav>首页 &gt; 新闻</nav>{body}<footer>版权所有</footer></body></html>"
    p = tmp_path / "page.html"
    p.write_text(page, encoding="utf-8")
    out = quotes_of(capsys, p)
    assert "韩立新" in out and "<p>" not in out and "var a" not in out


def test_no_quotes_at_all(capsys, tmp_path):
    p = tmp_path / "plain.txt"
    p.write_text("青岛市今年新建城市公园十二处。\n全市绿化覆盖率继续提高，市民休闲空间不断扩大。\n", encoding="utf-8")
    out = quotes_of(capsys, p)
    assert out.splitlines()[0].startswith("article,quote_id,section")
    assert len(out.strip().splitlines()) == 1  # header only: a valid, empty table


def test_unbalanced_quotation_marks(capsys, tmp_path):
    p = tmp_path / "unbalanced.txt"
    p.write_text("某区召开会议\n“我们要把项目抓紧抓实，区委书记张建军表示，全区将加快推进产业升级。\n”另一段话”结束了。\n", encoding="utf-8")
    out = quotes_of(capsys, p)
    assert "张建军" in out


def test_file_name_with_spaces_and_chinese(capsys, tmp_path):
    p = tmp_path / "青岛 日报 2022 (副本).txt"
    p.write_text(SAMPLE, encoding="utf-8")
    out = quotes_of(capsys, p)
    assert "青岛 日报 2022 (副本)" in out
    assert safe_name(p.stem) == "青岛_日报_2022_副本"


@pytest.mark.parametrize("stem", ["../../etc/passwd", "..", ".hidden", "a/../../b", "", "   "])
def test_safe_name_cannot_escape(stem):
    name = safe_name(stem)
    assert name and "/" not in name and "\\" not in name and not name.startswith(".") and ".." not in name


def test_web_debris_and_pinyin_removed():
    art = read_article(ARTICLES / "01_web_copy.txt")
    assert "首页" not in art.text and "ICP" not in art.text and "分享到" not in art.text
    trad = read_article(ARTICLES / "07_traditional_pinyin.txt")
    assert trad.traditional and "(qū)" not in trad.text and "区" in trad.text
    assert "(" not in trad.text or "qū" not in trad.text


def test_reading_never_writes(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(SAMPLE, encoding="utf-8")
    digest = hashlib.sha256(p.read_bytes()).hexdigest()
    mtime = p.stat().st_mtime_ns
    read_article(p)
    assert hashlib.sha256(p.read_bytes()).hexdigest() == digest and p.stat().st_mtime_ns == mtime


def test_count_cjk_counts_what_the_pattern_matches():
    """read.count_cjk (code points at once) gives the count of the Chinese-character pattern,
    at the edges of its three ranges too, with Latin, punctuation, emoji and a lone surrogate."""
    from helpers import patterns as P
    from helpers.read import count_cjk

    edges = "\u33ff\u3400\u4dbf\u4dc0\u4dff\u4e00\u9fff\ua000\uf8ff\uf900\ufaff\ufb00"
    for text in ("", "abc，。", SAMPLE, TRAD, edges, "区长😀\ud800说", edges * 3 + SAMPLE[:50]):
        assert count_cjk(text) == len(P.CJK_CHAR.findall(text))
    assert count_cjk(edges) == 6


def test_a_character_annotated_with_pinyin_is_made_simplified_in_a_simplified_article():
    """One 區(qū) in a simplified web copy: too few traditional characters for the whole text to be
    converted, but the annotated one is, so the place is not split (郫都/區安靖)."""
    from helpers.read import clean_text

    text, steps, traditional = clean_text("郫都區(qū)安靖街道是中国蜀绣之乡。发展(fā zhǎn)文创产业。")
    assert text == "郫都区安靖街道是中国蜀绣之乡。发展文创产业。"
    assert steps["pinyin_debris_removed"] == 2 and not traditional
