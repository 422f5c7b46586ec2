#!/usr/bin/env python3
"""pairs2po: turns ntm's old two-language pairs into gettext (config/po/en.po).

ntm's messages used to be written twice in the source, L("tiếng Việt", "English"), and
tables held pairs of fields (bar_vi/bar_en, label_vi/label_en, { value, "vi", "en" } ...).
Now the Vietnamese text is the msgid and the English lives only in config/po/en.po. This script
converts every pair form it knows:

  L("vi", "en")                      -> _("vi")             (c ? "a" : "b" pairs too)
  LC("ctx", "vi", "en")              -> C_("ctx", "vi")     (same Vietnamese, other English)
  LI(en, "vi", "en")                 -> ntm_tr_in(en, N_("vi"))  (in a given language;
                                        ntm_tr_ctx(en, "ctx", "vi") with a context)
  SCREEN_KIND("vi", "en", rows)      -> SCREEN_KIND(N_("vi"), rows)
  keydef rows { ACT_.., name, key, {..}, bar_key, bar_vi, bar_en, help_vi, help_en }
                                     -> { ..., bar_key, N_(bar_vi), N_(help_vi) }
  .x_vi = "vi", .x_en = "en"         -> .x = N_("vi")
  entry_text/date/qty/enum/ref("vi", "en", ..., hint_vi, hint_en)  -> one msgid each
  need(t, "vi", "en"), tui_unit_crumb(t, id, "vi", "en", ...)      -> _("vi")
  rows of the tables in TABLES below ({ v, "vi", "en" } ...)        -> N_("vi")

and writes each pair's English into config/po/en.po (then `make po` refreshes config/po/ntm.pot and
merges). It is idempotent: converted code is left alone, so it can run again after
branches that still write pairs are merged. It changes nothing and exits 1, naming
file:line, when it meets a pair it cannot convert (a pair of variables, a pair form it
does not know) or a Vietnamese msgid that already has another English (write the same
English, or use LC("context", "vi", "en")).

  python3 config/po/pairs2po.py            convert the tree, update config/po/en.po
  python3 config/po/pairs2po.py --check    exit 1 if anything is left to convert (make layering)
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DIRS = ["model", "config", "reports", "tui", "tests/unit", "tests/fuzz"]
SKIP = {"model/i18n.h", "model/i18n.c"}
PO = os.path.join(ROOT, "config", "po", "en.po")

# Functions that take a pair: name -> (arity with pairs, positions of the vi of each
# pair (the en follows it), 'N' to keep a msgid (translated where drawn) or '_').
FUNCS = {
    "entry_text": (6, [0, 4], "N_"),
    "entry_date": (5, [0, 3], "N_"),
    "entry_qty": (7, [0, 2], "N_"),
    "entry_enum": (7, [0, 5], "N_"),
    "entry_ref": (7, [0, 5], "N_"),
    "need": (3, [1], "_"),
    "tui_unit_crumb": (6, [2], "_"),
    "SCREEN_KIND": (3, [0], "N_"),
}
# Positional tables: the declaration before "= {" matches the pattern; a row of the old
# arity has its pairs at these positions (a row one shorter per pair is converted).
TABLES = [
    (r"\bform_option\b", 3, [1]),
    (r"\bform_spec\b", 14, [1, 5]),
    (r"\bview_pick\b", 6, [4]),
    (r"\bfield_def\b", 4, [1]),
    (r"\bcol_def\b", 4, [0]),
    (r"\bcheck_def\b", 5, [3]),
    (r"\bstruct\s+ntm_key\b", (11, 12), [7]),
    (r"\bscreen_kind\s+\w+\s*$", (7, 8), [0, 5]),
    (r"struct\s*\{\s*const\s+char\s*\*\s*(table|kind|code|key)\s*,\s*\*\s*vi\b", 3, [1]),
    (r"struct\s*\{\s*const\s+char\s*\*\s*who(_vi)?\s*,", 4, [0, 2]),        # model/role.c
]
DECL_START = {"static", "const", "typedef", "extern", "struct", "enum", "union", "void", "int", "char",
              "unsigned", "signed", "long", "short", "double", "float", "#"}
# Names ending in _en that are not pairs.
ALLOWED_EN = {"ntm_lang_en", "man_en"}

TOKEN = re.compile(r"""
    (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<string>(?:u8|L|u|U)?"(?:\\.|[^"\\\n])*")
  | (?P<char>'(?:\\.|[^'\\\n])*')
  | (?P<ident>[A-Za-z_]\w*)
  | (?P<number>\.?\d[\w.]*)
  | (?P<ws>\\\n|\s+)
  | (?P<punct>->|\+\+|--|<<=|>>=|\.\.\.|[<>=!&|^+\-*/%]=|&&|\|\||<<|>>|\#\#|.)
""", re.S | re.X)


class Tok:
    __slots__ = ("kind", "text", "start", "end")

    def __init__(self, kind, text, start, end):
        self.kind, self.text, self.start, self.end = kind, text, start, end


def tokenize(src):
    out = []
    for m in TOKEN.finditer(src):
        k = m.lastgroup
        if k in ("comment", "ws"):
            continue
        out.append(Tok(k, m.group(), m.start(), m.end()))
    return out


ESC = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"', "'": "'", "a": "\a", "b": "\b",
       "f": "\f", "v": "\v", "?": "?", "0": "\0", "e": "\x1b"}


def decode(lit):
    """The bytes of one C string literal, as a Python str (UTF-8 source)."""
    body = lit[lit.index('"') + 1:-1]
    out = bytearray()
    i = 0
    raw = body.encode("utf-8")
    while i < len(raw):
        c = raw[i]
        if c != 0x5C:
            out.append(c)
            i += 1
            continue
        n = chr(raw[i + 1])
        if n == "x":
            j = i + 2
            while j < len(raw) and chr(raw[j]) in "0123456789abcdefABCDEF":
                j += 1
            out.append(int(raw[i + 2:j], 16) & 0xFF)
            i = j
        elif n in "01234567":
            j = i + 1
            while j < len(raw) and j < i + 4 and chr(raw[j]) in "01234567":
                j += 1
            out.append(int(raw[i + 1:j], 8) & 0xFF)
            i = j
        else:
            out.extend(ESC[n].encode())
            i += 2
    return out.decode("utf-8", "surrogateescape")


class Problem(Exception):
    pass


def match_close(toks, i):
    """Index of the bracket closing toks[i]."""
    pairs = {"(": ")", "[": "]", "{": "}"}
    stack = []
    for j in range(i, len(toks)):
        t = toks[j].text
        if toks[j].kind != "punct":
            continue
        if t in pairs:
            stack.append(pairs[t])
        elif t in (")", "]", "}"):
            if not stack or stack.pop() != t:
                raise Problem("unbalanced brackets")
            if not stack:
                return j
    raise Problem("unbalanced brackets")


def split_args(toks, i, j):
    """The top-level comma-separated parts of toks[i+1:j] (j closes i), as index ranges."""
    parts, start, k = [], i + 1, i + 1
    while k < j:
        t = toks[k]
        if t.kind == "punct" and t.text in "([{":
            k = match_close(toks, k) + 1
            continue
        if t.kind == "punct" and t.text == ",":
            parts.append((start, k))
            start = k + 1
        k += 1
    if start < j:
        parts.append((start, j))
    return parts


def classify(toks, a, b):
    """('lit', value) | ('null',) | ('tern', cond_end, (lit a range), (lit b range)) | ('other',)."""
    ts = toks[a:b]
    if ts and all(t.kind == "string" for t in ts):
        return ("lit", "".join(decode(t.text) for t in ts))
    if len(ts) == 1 and ts[0].text == "NULL":
        return ("null",)
    # cond ? "a" : "b" with a top-level ? and :
    depth, q, c = 0, None, None
    for k in range(a, b):
        t = toks[k]
        if t.kind == "punct" and t.text in "([{":
            depth += 1
        elif t.kind == "punct" and t.text in ")]}":
            depth -= 1
        elif depth == 0 and t.text == "?" and q is None:
            q = k
        elif depth == 0 and t.text == ":" and q is not None and c is None:
            c = k
    if q is not None and c is not None:
        la, lb = toks[q + 1:c], toks[c + 1:b]
        if la and lb and all(t.kind == "string" for t in la + lb):
            return ("tern", (a, q), (q + 1, c), (c + 1, b))
    return ("other",)


class File:
    def __init__(self, rel, reg):
        self.rel, self.reg = rel, reg
        with open(os.path.join(ROOT, rel), encoding="utf-8") as f:
            self.src = f.read()
        self.toks = tokenize(self.src)
        self.edits = []       # (start, end, text)
        self.problems = []    # (line, text)

    def line(self, pos):
        return self.src.count("\n", 0, pos) + 1

    def text(self, a, b):
        """Source text of toks[a:b] (with what lies between them)."""
        return self.src[self.toks[a].start:self.toks[b - 1].end]

    def problem(self, k, msg):
        self.problems.append((self.line(self.toks[k].start), msg))

    def wrap(self, mark, a, b, ctxs):
        """mark("vi") for the vi part toks[a:b] (literal, NULL or ternary); ctxs: the
        context of each literal (None: none), as pair() returned them."""
        kind = classify(self.toks, a, b)
        if kind[0] == "null":
            return "NULL"
        if kind[0] == "other":
            return self.text(a, b)

        def one(i, ra, rb):
            c = ctxs[i] if i < len(ctxs) else None
            if c is None:
                return "%s(%s)" % (mark, self.text(ra, rb))
            return "%s(%s, %s)" % ({"_": "C_", "N_": "NC_"}[mark], c_quote(c), self.text(ra, rb))
        if kind[0] == "lit":
            return one(0, a, b)
        (ca, cb), (xa, xb), (ya, yb) = kind[1], kind[2], kind[3]
        return "(%s ? %s : %s)" % (self.text(ca, cb), one(0, xa, xb), one(1, ya, yb))

    def pair(self, k, va, vb, ea, eb, ctx=None):
        """Record the pair (vi toks[va:vb], en toks[ea:eb]): the contexts of its literals,
        or None when it is not literal (a problem is noted)."""
        v, e = classify(self.toks, va, vb), classify(self.toks, ea, eb)
        line = self.line(self.toks[k].start)
        if v[0] == "null" and e[0] == "null":
            return []
        if v[0] == "lit" and e[0] == "lit":
            return [self.reg.add(ctx, v[1], e[1], self.rel, line)]
        if v[0] == "tern" and e[0] == "tern" and \
                self.text(*v[1]).split() == self.text(*e[1]).split():
            return [self.reg.add(ctx, classify(self.toks, *vi_r)[1], classify(self.toks, *en_r)[1], self.rel, line)
                    for vi_r, en_r in ((v[2], e[2]), (v[3], e[3]))]
        if self.text(va, vb).split() == self.text(ea, eb).split():
            return []                            # f(x), f(x): made at run time, kept as it is
        self.problem(k, "a pair that is not two string literals (or two c ? \"a\" : \"b\"): "
                        "convert it by hand, e.g. translate with _() where it is drawn")
        return None

    def replace(self, a, b, text):
        self.edits.append((self.toks[a].start, self.toks[b - 1].end, text))

    # ---- the forms ------------------------------------------------------------------
    def scan(self):
        toks = self.toks
        n = len(toks)
        for k, t in enumerate(toks):
            nxt = toks[k + 1] if k + 1 < n else None
            prev = toks[k - 1] if k else None
            if t.kind == "ident" and nxt is not None and nxt.text == "(" and \
                    not (prev is not None and prev.text in (".", "->")):
                if t.text in ("L", "LC", "LI") and not self.is_define_of(k):
                    self.scan_L(k)
                elif t.text in FUNCS and not self.is_decl(k):
                    self.scan_func(k)
            elif t.kind == "punct" and t.text == "." and nxt is not None and nxt.kind == "ident" \
                    and nxt.text.endswith("_vi") and k + 2 < n and toks[k + 2].text == "=":
                self.scan_designated(k)
            elif t.kind == "punct" and t.text in (".", "->") and nxt is not None and nxt.kind == "ident" \
                    and nxt.text.endswith("_vi") and prev is not None and prev.kind in ("ident", "punct") \
                    and prev.text not in (",", "{", "(") and not self.in_L(k) \
                    and not re.search(r"\*\s*%s_en\b" % nxt.text[:-3], self.src):   # a local pair struct
                self.edits.append((nxt.start, nxt.end, field_name(nxt.text[:-3])))
            elif t.kind == "punct" and t.text == "{" and nxt is not None and \
                    nxt.kind == "ident" and nxt.text.startswith("ACT_") and \
                    not (prev is not None and prev.text == "enum"):
                self.scan_keydef(k)
            elif t.kind == "punct" and t.text == "=" and nxt is not None and nxt.text == "{":
                self.scan_table(k + 1, self.decl_before(k))
            elif t.kind == "punct" and t.text == ")" and nxt is not None and nxt.text == "{" and \
                    k >= 2 and toks[k - 2].text == "(" and toks[k - 1].text == "form_option":
                self.scan_table(k + 1, "form_option")
        self.scan_leftovers()

    def in_L(self, k):
        """Inside an L( ... ) (converted with it)."""
        return any(s <= self.toks[k].start < e for s, e, _ in self.edits)

    def is_define_of(self, k):
        return k >= 2 and self.toks[k - 1].text == "define" and self.toks[k - 2].text == "#"

    def is_decl(self, k):
        """A prototype or definition: a type name before it."""
        p = self.toks[k - 1] if k else None
        return p is not None and (p.text in ("form_spec", "int", "void", "static", "define") or p.text == "*")

    def decl_before(self, k):
        """The text of the declaration that ends at toks[k] ("... NAME[] =")."""
        j = k - 1
        depth = 0
        while j >= 0:
            t = self.toks[j].text
            if t in (")", "]", "}"):
                depth += 1
            elif t in ("(", "[", "{"):
                if depth == 0:
                    break
                depth -= 1
            elif depth == 0 and t == ";":
                break
            elif depth == 0 and t == "}" and j + 1 < k and self.toks[j + 1].text in DECL_START:
                break
            j -= 1
        return self.src[self.toks[j + 1].start:self.toks[k].start] if j + 1 < k else ""

    def scan_L(self, k):
        toks = self.toks
        close = match_close(toks, k + 1)
        args = split_args(toks, k + 1, close)
        want = 2 if toks[k].text == "L" else 3
        if len(args) != want:
            return self.problem(k, "%s() with %d arguments" % (toks[k].text, len(args)))
        if want == 2 and self.scan_reader(k, close, args):
            return
        ctx = None
        if toks[k].text == "LI":                 # LI(en, "vi", "en"): in the language en says
            lang, args = self.text(*args[0]), args[1:]
            ctxs = self.pair(k, args[0][0], args[0][1], args[1][0], args[1][1])
            if ctxs is not None:
                text = self.wrap("N_", args[0][0], args[0][1], [None] * len(ctxs))
                if any(ctxs):                    # a context: ntm_tr_ctx(en, "ctx", "vi")
                    if classify(toks, *args[0])[0] != "lit":
                        return self.problem(k, "LI() with a context and a ternary: write two LI()")
                    self.replace(k, close + 1, "ntm_tr_ctx(%s, %s, %s)" % (lang, c_quote(ctxs[0]), self.text(*args[0])))
                else:
                    self.replace(k, close + 1, "ntm_tr_in(%s, %s)" % (lang, text))
            return
        if want == 3:
            c = classify(toks, *args[0])
            if c[0] != "lit":
                return self.problem(k, "LC()'s context must be a string literal")
            ctx = c[1]
            args = args[1:]
        ctxs = self.pair(k, args[0][0], args[0][1], args[1][0], args[1][1], ctx)
        if ctxs is not None:
            self.replace(k, close + 1, self.wrap("_", args[0][0], args[0][1], ctxs))

    def scan_reader(self, k, close, args):
        """L(x->bar_vi, x->bar_en) -> _(x->bar); L(c[i].vi, c[i].en) -> _(c[i].vi)."""
        a, b = [[t.text for t in self.toks[x:y]] for x, y in args]
        if len(a) != len(b) or len(a) < 3 or a[:-1] != b[:-1] or a[-2] not in (".", "->"):
            return False
        last = a[-1]
        if (last, b[-1]) == ("vi", "en"):
            new = last
        elif last.endswith("_vi") and b[-1] == last[:-3] + "_en":
            new = field_name(last[:-3])
        else:
            return False
        self.replace(k, close + 1, "_(%s%s)" % (self.src[self.toks[args[0][0]].start:self.toks[args[0][1] - 1].start], new))
        return True

    def scan_func(self, k):
        toks = self.toks
        name = toks[k].text
        arity, pos, mark = FUNCS[name]
        close = match_close(toks, k + 1)
        args = split_args(toks, k + 1, close)
        if len(args) == arity - len(pos):
            return                                   # converted already
        if len(args) != arity:
            return self.problem(k, "%s() with %d arguments (pairs: %d, converted: %d)"
                                % (name, len(args), arity, arity - len(pos)))
        self.rewrite_parts(k, args, pos, mark)

    def rewrite_parts(self, k, parts, pos, mark, no_format=False):
        """Each pair parts[p], parts[p + 1] (p in pos) becomes mark(parts[p]). no_format: a
        key row's text is never a format; a '%' in it ("% hoàn thành") is said so to xgettext."""
        ctxs = [self.pair(k, parts[p][0], parts[p][1], parts[p + 1][0], parts[p + 1][1]) for p in pos]
        if any(c is None for c in ctxs):
            return
        for p, c in zip(pos, ctxs):
            text = self.wrap(mark, parts[p][0], parts[p][1], c)
            v = classify(self.toks, parts[p][0], parts[p][1])
            if no_format and v[0] == "lit" and "%" in v[1]:
                text = "/* xgettext:no-c-format */ " + text
            self.edits.append((self.toks[parts[p][0]].start, self.toks[parts[p + 1][1] - 1].end, text))

    def scan_designated(self, k):
        toks = self.toks
        base = toks[k + 1].text[:-3]
        # value runs to the next top-level comma or closing brace
        a = k + 3
        b = self.value_end(a)
        if b + 3 < len(toks) and toks[b].text == "," and toks[b + 1].text == "." and \
                toks[b + 2].text == base + "_en" and toks[b + 3].text == "=":
            ea = b + 4
            eb = self.value_end(ea)
            c = self.pair(k, a, b, ea, eb)
            if c is not None:
                self.edits.append((toks[k].start, toks[eb - 1].end,
                                   ".%s = %s" % (field_name(base), self.wrap("N_", a, b, c))))
        else:
            self.problem(k, ".%s_vi without .%s_en after it" % (base, base))

    def value_end(self, a):
        toks = self.toks
        k = a
        while k < len(toks):
            t = toks[k]
            if t.kind == "punct" and t.text in "([{":
                k = match_close(toks, k) + 1
                continue
            if t.kind == "punct" and t.text in (",", "}", ")", ";"):
                return k
            k += 1
        return k

    def scan_keydef(self, k):
        toks = self.toks
        close = match_close(toks, k)
        parts = split_args(toks, k, close)
        if len(parts) == 7:
            return
        if len(parts) != 9:
            return self.problem(k, "a key row { ACT_... } with %d fields (pairs: 9, converted: 7)" % len(parts))
        self.rewrite_parts(k, parts, [5, 7], "N_", no_format=True)

    def scan_table(self, k, decl):
        """toks[k] is the "{" of an initializer declared by decl."""
        rule = next((r for r in TABLES if re.search(r[0], decl)), None)
        if rule is None:
            return
        _, arity, pos = rule
        arities = arity if isinstance(arity, tuple) else (arity,)
        toks = self.toks
        close = match_close(toks, k)
        parts = split_args(toks, k, close)
        def row(a, b):                           # { ... } or [INDEX] = { ... }
            if toks[a].text == "[":
                a = match_close(toks, a) + 2
            return (a, b) if a < b and toks[a].text == "{" and match_close(toks, a) == b - 1 else None
        rows = [r for r in (row(a, b) for a, b in parts) if r]
        if "[" in decl:                          # an array: its rows in braces (not calls)
            groups = [(a, b - 1) for a, b in rows]
        else:
            groups = [(k, close)]
        for ga, gb in groups:
            fields = split_args(toks, ga, gb)
            if fields and toks[fields[0][0]].text == ".":
                continue                         # designated: .x_vi = ... is converted apart
            def is_pair(p):
                return all(classify(toks, *fields[q])[0] in ("lit", "null", "tern") for q in (p, p + 1))
            if len(fields) in arities and all(is_pair(p) for p in pos):
                self.rewrite_parts(ga, fields, pos, "N_")
                continue
            if len(fields) in [a - len(pos) for a in arities] or (len(fields) == 1 and toks[fields[0][0]].text == "NULL") \
                    or not fields:
                continue
            if len(fields) not in arities:
                self.problem(ga, "a row of %s with %d fields (pairs: %d, converted: %d)"
                             % (decl.strip().split("\n")[-1][:40], len(fields), arity, arity - len(pos)))
                continue
            self.rewrite_parts(ga, fields, pos, "N_")

    def scan_leftovers(self):
        """Names that still say a pair, when nothing above converted them."""
        if self.rel.startswith("tests/"):      # tests hold both languages' expected text
            return
        for k, t in enumerate(self.toks):
            if t.kind == "ident" and t.text.endswith("_en") and t.text not in ALLOWED_EN:
                line = self.line(t.start)
                if not any(s <= t.start < e for s, e, _ in self.edits):
                    self.problems.append((line, "the name %s still says a pair (a field or argument "
                                                "in English): keep one msgid, translate it with _()" % t.text))

    def apply(self):
        """The edits that do not overlap (a later pass does the rest)."""
        done, out, last = [], [], len(self.src)
        for s, e, txt in sorted(self.edits, key=lambda x: (x[0], -x[1])):
            if done and s < done[-1][1]:
                continue
            done.append((s, e, txt))
        src = self.src
        for s, e, txt in reversed(done):
            src = src[:s] + txt + src[e:]
        return src, len(done) < len(self.edits)


# ---- config/po/en.po --------------------------------------------------------------------------

def po_unquote(s):
    return decode('"' + s[1:-1] + '"') if s.startswith('"') else s


def read_po(path):
    """{(ctx, msgid): msgstr} of the po file (no plurals in ntm)."""
    entries = {}
    if not os.path.exists(path):
        return entries
    cur, field = {}, None
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for ln in lines + [""]:
        ln = ln.strip()
        if ln.startswith("#~"):
            continue
        m = re.match(r'^(msgctxt|msgid|msgstr)\s+(".*")$', ln)
        if m:
            if m.group(1) in ("msgctxt", "msgid") and "msgstr" in cur:
                add_entry(entries, cur)
                cur = {}
            field = m.group(1)
            cur[field] = po_unquote(m.group(2))
        elif ln.startswith('"') and field:
            cur[field] += po_unquote(ln)
        elif not ln:
            if "msgstr" in cur:
                add_entry(entries, cur)
            cur, field = {}, None
    return entries


def add_entry(entries, cur):
    if cur.get("msgid"):
        entries[(cur.get("msgctxt"), cur["msgid"])] = cur["msgstr"]


def po_quote(s):
    s = s.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r")
    parts = s.split("\n")
    if len(parts) == 1:
        return '"%s"' % s
    lines = ['""'] + ['"%s\\n"' % p for p in parts[:-1]] + (['"%s"' % parts[-1]] if parts[-1] else [])
    return "\n".join(lines)


PO_HEADER = '''# English translation of ntm's messages (the msgids are the Vietnamese source).
# Written by config/po/pairs2po.py from the old pairs; kept up to date with `make po`.
msgid ""
msgstr ""
"Project-Id-Version: ntm\\n"
"PO-Revision-Date: 2026-12-04 00:00+0000\\n"
"Last-Translator: ntm <ntm@localhost>\\n"
"Language-Team: English\\n"
"Language: en\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
'''


def append_po(path, new):
    exists = os.path.exists(path)
    with open(path, "a", encoding="utf-8") as f:
        if not exists:
            f.write(PO_HEADER)
        for (ctx, vi), en in new:
            f.write("\n")
            if ctx is not None:
                f.write("msgctxt %s\n" % po_quote(ctx))
            f.write("msgid %s\nmsgstr %s\n" % (po_quote(vi), po_quote(en)))


# A pair's field keeps its base name (bar_vi -> bar), unless the struct has that name.
RENAME = {"key": "key_text"}


def field_name(base):
    return RENAME.get(base, base)


def c_quote(s):
    return '"%s"' % s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


class Registry:
    """Every msgid's English: config/po/en.po's, then the pairs met. The same Vietnamese with
    another English gets that English as its context (msgctxt), so no translation changes."""

    def __init__(self, known):
        self.known, self.new, self.where = known, {}, {}
        self.problems, self.contexts = [], []

    def get(self, key):
        return self.new.get(key, self.known.get(key))

    def add(self, ctx, vi, en, rel, line):
        at = "%s:%d" % (rel, line)
        if not en:
            self.problems.append("%s: \"%s\" has no English" % (at, vi))
        if ctx is not None:
            have = self.get((ctx, vi))
            if have is not None and have != en:
                self.problems.append("%s: \"%s\" in context \"%s\" is \"%s\" here but \"%s\" %s"
                                     % (at, vi, ctx, en, have, self.where.get((ctx, vi), "in config/po/en.po")))
            self.put((ctx, vi), en, at)
            return ctx
        have = self.get((None, vi))
        if have is None or have == en:
            self.put((None, vi), en, at)
            return None
        # the same Vietnamese already means something else: this English is the context
        key = (en, vi)
        if self.get(key) is None:
            self.contexts.append("%s: \"%s\" is \"%s\" here, \"%s\" %s: context \"%s\""
                                 % (at, vi, en, have, self.where.get((None, vi), "in config/po/en.po"), en))
        self.put(key, en, at)
        return en

    def put(self, key, en, at):
        if key not in self.known and key not in self.new:
            self.new[key] = en
        self.where.setdefault(key, at)


def sources():
    for d in DIRS:
        for dp, _, names in os.walk(os.path.join(ROOT, d)):
            for nm in sorted(names):
                if nm.endswith((".c", ".h")):
                    rel = os.path.relpath(os.path.join(dp, nm), ROOT)
                    if rel not in SKIP:
                        yield rel


def main():
    check = "--check" in sys.argv[1:]
    reg = Registry(read_po(PO))
    problems, changed = [], {}
    for rel in sorted(sources()):
        src = None
        for _ in range(10):                      # nested pairs: until nothing is left
            f = File(rel, reg)
            if src is not None:
                f.src = src
                f.toks = tokenize(src)
            try:
                f.scan()
            except Problem as e:
                problems.append("%s: %s" % (rel, e))
                break
            problems.extend("%s:%d: %s" % (rel, ln, msg) for ln, msg in f.problems)
            if f.problems or not f.edits:
                break
            src, more = f.apply()
            changed[rel] = src
            if not more:
                break
    problems += reg.problems
    if check:
        left = problems + ["%s: pairs left to convert" % r for r in sorted(changed)]
        if left:
            print("\n".join(left), file=sys.stderr)
            print("pairs2po: run python3 config/po/pairs2po.py (then make po) to convert the pairs above",
                  file=sys.stderr)
            return 1
        return 0
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print("pairs2po: nothing changed (%d problems above)" % len(problems), file=sys.stderr)
        return 1
    for line in reg.contexts:
        print("pairs2po: %s" % line)
    for rel, src in changed.items():
        with open(os.path.join(ROOT, rel), "w", encoding="utf-8") as out:
            out.write(src)
    if reg.new:
        os.makedirs(os.path.dirname(PO), exist_ok=True)
        append_po(PO, sorted(reg.new.items(), key=lambda kv: (kv[0][0] or "", kv[0][1])))
    print("pairs2po: %d files converted, %d new messages in config/po/en.po" % (len(changed), len(reg.new)))
    if changed or reg.new:
        return subprocess.call(["make", "-C", ROOT, "--no-print-directory", "po"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
