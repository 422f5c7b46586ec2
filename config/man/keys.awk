# keys.awk: README.md's key table (under "## Keys") as the roff of ntm(1)'s KEYS
# section: one tagged paragraph per row, one line per key. `x` becomes bold.
# Used by the Makefile (make man), with LC_ALL=C (bytes, for cost()); fails when the
# table is not found.
function esc(s, code) {
    gsub(/\\/, "\\e", s)
    if (code) gsub(/-/, "\\-", s)
    return s
}
function roff(s,    out, n, i, parts) {  # backticks toggle bold; "\|" is a pipe
    n = split(s, parts, "`")
    out = ""
    for (i = 1; i <= n; i++)
        out = out (i % 2 ? esc(parts[i], 0) : "\\fB" esc(parts[i], 1) "\\fR")
    return out
}
function cost(w,    c, lead) {               # bytes as mandoc counts them: \[uXXXX]
    c = w
    gsub(/[\200-\277]/, "", c)
    lead = gsub(/[\300-\377]/, "", c)
    return length(c) + 8 * lead
}
function line(s,    n, w, i, col, out, k) {   # lines of at most 80 bytes, between words
    sub(/^ +/, "", s); sub(/ +$/, "", s)
    n = split(s, w, / +/)
    col = 0; out = ""
    for (i = 1; i <= n; i++) {
        k = cost(w[i])
        if (col && col + 1 + k > 80) { out = out "\n"; col = 0 }
        else if (col) { out = out " "; col++ }
        if (!col && w[i] ~ /^[.']/) { out = out "\\&"; col += 2 }
        out = out w[i]; col += k
    }
    print out
}
/^## Keys/ { inkeys = 1; next }
inkeys && /^\|/ {
    if (++rows <= 2) next                     # the header and its rule
    row = $0
    gsub(/\\\|/, "\001", row)
    n = split(row, cell, "|")
    where = cell[2]; keys = cell[3]
    gsub(/\001/, "|", where); gsub(/\001/, "|", keys)
    gsub(/`/, "", where); sub(/^ +/, "", where); sub(/ +$/, "", where)
    print ".TP"
    line("\\fB" esc(where, 0) "\\fR")
    m = split(keys, item, " · ")
    for (i = 1; i <= m; i++) {
        if (i > 1) print ".br"
        line(roff(item[i]))
    }
    next
}
inkeys && rows > 2 { exit }
END { if (rows <= 2) { print "keys.awk: no key table under \"## Keys\"" > "/dev/stderr"; exit 1 } }
