"""jieba's default cut (``Tokenizer.tokenize(text)``: accurate mode with HMM), the same tokens
and offsets in fewer Python steps.

jieba builds, for each sentence block, a DAG (a dict of lists: every dictionary word starting at
each character) and then finds the most probable route right to left with a ``max`` over a
generator of tuples. :func:`tokenize` does both in one right-to-left pass with the same
arithmetic in the same order (``log(freq) - log(total) + best score after the word``, ties to the
longer word, as ``max`` over ``(score, end)`` tuples gives), then walks the route exactly as
jieba's ``__cut_DAG`` does, handing runs of single characters that are not one dictionary word
to jieba's HMM (``jieba.finalseg.cut``, redone in :func:`hmm_cut` with the same sums). It reads the tokenizer's ``FREQ`` and ``total`` as
they are at the call, so an article's overlay (``helpers.tokenize``) applies.

``tests/test_fastcut.py`` checks it against ``jieba.Tokenizer.tokenize`` on every test article.
"""
from __future__ import annotations

from math import log

from helpers.jiebaload import finalseg, jieba

_RE_HAN = jieba.re_han_default  # the blocks jieba cuts with its dictionary
_RE_SKIP = jieba.re_skip_default  # whitespace kept as tokens of its own
_RE_ENG = jieba.re_eng  # a letter or digit: runs of them are one word when cutting without HMM


_HMM_CACHE: dict[str, tuple] = {}
_HMM_CACHE_MAX = 200_000


def _hmm(run: str) -> tuple:
    """``finalseg.cut(run)``, remembered: a pure function of the run while jieba's force-split
    words are unchanged (none are set by this study)."""
    if finalseg.Force_Split_Words:
        return tuple(finalseg.cut(run))
    words = _HMM_CACHE.get(run)
    if words is None:
        if len(_HMM_CACHE) >= _HMM_CACHE_MAX:
            _HMM_CACHE.clear()
        words = _HMM_CACHE[run] = tuple(hmm_cut(run))
    return words


def _states(obs: str) -> list[str]:
    """jieba's ``finalseg.viterbi(obs, "BMES", …)`` path: the same sums in the same order and the
    same ties (``max`` over ``(probability, state)`` tuples: the later letter wins), with the four
    states unrolled and back pointers instead of a copied path per state."""
    low = finalseg.MIN_FLOAT
    start, trans, emit = finalseg.start_P, finalseg.trans_P, finalseg.emit_P
    e_b, e_m, e_e, e_s = emit["B"].get, emit["M"].get, emit["E"].get, emit["S"].get
    t_eb, t_sb = trans["E"].get("B", low), trans["S"].get("B", low)  # B after E or S
    t_mm, t_bm = trans["M"].get("M", low), trans["B"].get("M", low)  # M after M or B
    t_ss, t_es = trans["S"].get("S", low), trans["E"].get("S", low)  # S after S or E
    t_be, t_me = trans["B"].get("E", low), trans["M"].get("E", low)  # E after B or M
    c = obs[0]
    v_b, v_m, v_e, v_s = (start["B"] + e_b(c, low), start["M"] + e_m(c, low),
                          start["E"] + e_e(c, low), start["S"] + e_s(c, low))
    back = []  # per character after the first: the state before each of B, M, E, S (0 1 2 3)
    for c in obs[1:]:
        em = e_b(c, low)
        a, b = v_e + t_eb + em, v_s + t_sb + em
        n_b, p_b = (b, 3) if b >= a else (a, 2)
        em = e_m(c, low)
        a, b = v_m + t_mm + em, v_b + t_bm + em
        n_m, p_m = (a, 1) if a >= b else (b, 0)
        em = e_s(c, low)
        a, b = v_s + t_ss + em, v_e + t_es + em
        n_s, p_s = (a, 3) if a >= b else (b, 2)
        em = e_e(c, low)
        a, b = v_b + t_be + em, v_m + t_me + em
        n_e, p_e = (b, 1) if b >= a else (a, 0)
        back.append((p_b, p_m, p_e, p_s))
        v_b, v_m, v_e, v_s = n_b, n_m, n_e, n_s
    state = 3 if v_s >= v_e else 2
    path = [state]
    for step in reversed(back):
        state = step[state]
        path.append(state)
    path.reverse()
    return ["BMES"[k] for k in path]


def hmm_cut(sentence: str) -> list[str]:
    """``list(jieba.finalseg.cut(sentence))`` while no force-split words are set: Chinese runs cut
    by the HMM's states, letters and digits kept as jieba's ``re_skip`` splits them."""
    out: list[str] = []
    for blk in finalseg.re_han.split(sentence):
        if finalseg.re_han.match(blk):
            states, begin, nexti = _states(blk), 0, 0
            for i, pos in enumerate(states):
                if pos == "B":
                    begin = i
                elif pos == "E":
                    out.append(blk[begin:i + 1])
                    nexti = i + 1
                elif pos == "S":
                    out.append(blk[i])
                    nexti = i + 1
            if nexti < len(blk):
                out.append(blk[nexti:])
        else:
            out.extend(x for x in finalseg.re_skip.split(blk) if x)
    return out


def _route(sentence: str, freqs: dict, logtotal: float) -> list[int]:
    """jieba's best route of one block (``calc`` over ``get_DAG``): for each start, the index of
    the last character of the word taken there."""
    n = len(sentence)
    score = [0.0] * (n + 1)
    score[n] = 0  # jieba's route[N] = (0, 0)
    choice = list(range(n))
    get = freqs.get
    for idx in range(n - 1, -1, -1):
        best = None
        best_x = idx
        i = idx
        frag = sentence[idx]
        while True:
            f = get(frag)
            if f is None:
                break
            if f:
                s = log(f) - logtotal + score[i + 1]
                if best is None or s >= best:  # ties go to the longer word, as max((s, x)) does
                    best, best_x = s, i
            i += 1
            if i >= n:
                break
            frag = sentence[idx:i + 1]
        if best is None:
            best = log(freqs.get(sentence[idx]) or 1) - logtotal + score[idx + 1]
        score[idx] = best
        choice[idx] = best_x
    return choice


def _cut_block(sentence: str, freqs: dict, logtotal: float, out: list):
    """The words of one block (jieba's ``__cut_DAG``), appended to ``out``."""
    n = len(sentence)
    choice = _route(sentence, freqs, logtotal)
    x = 0
    buf = ""
    append = out.append

    def flush(buf):  # a run of single characters: one token, HMM's new words, or characters
        if len(buf) == 1:
            append(buf)
        elif not freqs.get(buf):
            out.extend(_hmm(buf))
        else:
            out.extend(buf)

    while x < n:
        y = choice[x] + 1
        if y - x == 1:
            buf += sentence[x]
        else:
            if buf:
                flush(buf)
                buf = ""
            append(sentence[x:y])
        x = y
    if buf:
        flush(buf)


def cut(tok: jieba.Tokenizer, text: str) -> list[str]:
    """``tok.lcut(text)`` (accurate mode, HMM on)."""
    tok.check_initialized()
    freqs = tok.FREQ
    logtotal = log(tok.total)
    out: list[str] = []
    for k, blk in enumerate(_RE_HAN.split(text)):
        if not blk:
            continue
        if k % 2:  # split keeps the pattern's group: the odd pieces are its matches (jieba: re_han.match(blk))
            _cut_block(blk, freqs, logtotal, out)
        else:
            _cut_skip(blk, out)
    return out


def _cut_skip(blk: str, out: list[str]) -> None:
    """A block of no Chinese: its skip runs (spaces, line breaks) whole, every other character alone."""
    for x in _RE_SKIP.split(blk):
        if _RE_SKIP.match(x):
            out.append(x)
        else:
            out.extend(x)


def cut_no_hmm(tok: jieba.Tokenizer, text: str) -> list[str]:
    """``tok.lcut(text, HMM=False)``: the route's words, single letters and digits run together
    (jieba's ``__cut_DAG_NO_HMM``)."""
    tok.check_initialized()
    freqs = tok.FREQ
    logtotal = log(tok.total)
    out: list[str] = []
    append = out.append
    for k, blk in enumerate(_RE_HAN.split(text)):
        if not blk:
            continue
        if k % 2:  # a match of the pattern (see cut)
            choice = _route(blk, freqs, logtotal)
            x, n, buf = 0, len(blk), ""
            while x < n:
                y = choice[x] + 1
                if y - x == 1 and _RE_ENG.match(blk[x]):
                    buf += blk[x]
                else:
                    if buf:
                        append(buf)
                        buf = ""
                    append(blk[x:y])
                x = y
            if buf:
                append(buf)
        else:
            _cut_skip(blk, out)
    return out


def tokenize(tok: jieba.Tokenizer, text: str) -> list[tuple[str, int, int]]:
    """``list(tok.tokenize(text))``: (word, start, end) for every token."""
    out = []
    start = 0
    for w in cut(tok, text):
        end = start + len(w)
        out.append((w, start, end))
        start = end
    return out
