/* pdf_font: the faces of a document, kept small, and their text kept searchable.
 *
 * Size. libharu 2.3.0 embeds a TrueType face by copying every table it knows whole
 * (post with the names of all 2,600 glyphs of Liberation Serif, hmtx and loca for every
 * glyph, the hinting programs) and cuts only glyf down to the glyphs drawn; beside it
 * go, uncompressed, a width for every code point the font has (/W, 10 KB) and a 64 K
 * entry CIDToGIDMap (4.5 KB deflated). A face cost ~45 KB: 141 KB for a one-page sheet
 * with three faces. Three things bring that to 31 KB:
 *  - before libharu sees a face, HarfBuzz's hb-subset (Debian's libharfbuzz-subset0)
 *    cuts it to the code points of keep[] below, without hinting (poppler and the usual
 *    viewers do not hint: the pages render pixel for pixel the same; the 2.3.0 loader
 *    accepts a face without cvt, fpgm and prep, and writes them empty) and without
 *    layout tables (libharu does no shaping);
 *  - the subset reaches libharu as a memory stream through HPDF_TTFontDef_Load, the
 *    internal function HPDF_LoadTTFontFromFile ends in: no temporary file exists, so
 *    none can leak or be read by another user. One subset per font file per process
 *    (the TUI prints many papers), a few ms a face;
 *  - at save time /W and the CIDToGIDMap are written again for the codes drawn only.
 * Whatever goes wrong on the way (HarfBuzz fails, the face is not glyf-based, libharu
 * refuses the subset) falls back to loading the whole file as before: a paper never
 * fails because of subsetting. NTM_PDF_NO_SUBSET=1 takes that path on purpose.
 *
 * Text. libharu's UTF-8 encoder draws with Identity-H: a character's code (CID) is its
 * code point (above U+FFFF it draws a space). As /ToUnicode it writes a copy of its
 * encoding CMap (begincidrange), which is no ToUnicode CMap: poppler warns "Invalid
 * 'begincidrange' operator" and guesses. pdf_draw() notes every code point drawn with
 * each face, and at save time each font's ToUnicode stream is emptied and written again
 * as bfrange lines mapping those codes to themselves. */
#include "reports/pdf_font.h"
#include "model/i18n.h"
#include <harfbuzz/hb-subset.h>
#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* What a paper can hold: Vietnamese in full, Western European and other Latin names,
 * Greek letters of formulas, punctuation, units and symbols; not Cyrillic, Hebrew or
 * IPA (440 glyphs of Liberation Serif no commune paper needs). Only what the font has
 * is kept; a code point left out prints as the font's empty box, as one the font lacks
 * always did, and pdftotext still gives it back (the ToUnicode CMap maps it). */
static const uint32_t keep[][2] = {
    { 0x0020, 0x007E },   /* Basic Latin */
    { 0x00A0, 0x00FF },   /* Latin-1: à á â ã è é ê ì í ò ó ô õ ù ú ý, ° ² ³ ± × « » */
    { 0x0100, 0x017F },   /* Latin Extended-A: ă Ă đ Đ ĩ Ĩ ũ Ũ, other Latin names */
    { 0x0180, 0x024F },   /* Latin Extended-B: ơ Ơ ư Ư */
    { 0x02B0, 0x036F },   /* spacing modifiers, combining marks (left decomposed by NFC) */
    { 0x0370, 0x03FF },   /* Greek: α β Δ μ π Ω (NFC turns the ohm sign into omega) */
    { 0x1E00, 0x1EFF },   /* Latin Extended Additional: ạ ả ấ ... ỹ (U+1EA0-U+1EF9) */
    { 0x2000, 0x20CF },   /* punctuation – — ‘ ’ “ ” … • ‰, super/subscripts, ₫ € */
    { 0x2100, 0x22FF },   /* № ℃ ™, ½ Ⅰ Ⅱ, arrows → ←, ≤ ≥ ≠ ≈ − √ ∞ */
    { 0x25A0, 0x27BF },   /* ■ □ ● ○ ◊, ☐ ☑ ★, ✓ ✗ (for a font that has them) */
};

static int env_off(void)
{
    const char *e = getenv("NTM_PDF_NO_SUBSET");
    return e && e[0] && strcmp(e, "0") != 0;
}

/* What to keep: the code points of keep[]; no hinting (glyf instructions, cvt, fpgm,
 * prep); no layout tables, so their substitutions pull in no extra glyphs. */
static hb_subset_input_t *subset_input(void)
{
    static const char *const layout[] = { "GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern",
                                          "morx" };
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    if (!in) return NULL;
    hb_set_t *cps = hb_subset_input_unicode_set(in);
    hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++)
        hb_set_add_range(cps, keep[i][0], keep[i][1]);
    for (size_t i = 0; i < sizeof layout / sizeof layout[0]; i++)
        hb_set_add(drop, hb_tag_from_string(layout[i], 4));
    hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
    return in;
}

/* A copy of the subset's bytes, or NULL (nothing but .notdef kept: no use). */
static unsigned char *subset_bytes(hb_face_t *sub, size_t *len)
{
    hb_blob_t *res = hb_face_reference_blob(sub);
    unsigned n = 0;
    const char *data = hb_blob_get_data(res, &n);
    unsigned char *out = data && n > 12 && hb_face_get_glyph_count(sub) > 1 ? malloc(n) : NULL;
    if (out) {
        memcpy(out, data, n);
        *len = n;
    }
    hb_blob_destroy(res);
    return out;
}

/* The subset of a TrueType file: NULL when it cannot be made. malloc'd; *len set. A CFF
 * face (.otf) has no glyf table: it is left to libharu's whole-file path. */
static unsigned char *subset_file(const char *path, size_t *len)
{
    unsigned char *out = NULL;
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
    hb_face_t *face = blob ? hb_face_create(blob, 0) : NULL;
    hb_blob_t *glyf = face ? hb_face_reference_table(face, HB_TAG('g', 'l', 'y', 'f')) : NULL;
    hb_subset_input_t *in = glyf && hb_blob_get_length(glyf) > 0 ? subset_input() : NULL;
    hb_face_t *sub = in ? hb_subset_or_fail(face, in) : NULL;
    if (sub) out = subset_bytes(sub, len);
    hb_face_destroy(sub);
    hb_subset_input_destroy(in);
    hb_blob_destroy(glyf);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    return out;
}

/* One subset per font file per process, remembered with the file's identity so an
 * edited or replaced file is subset again. Memory held till exit (~50 KB a face; no
 * file, no descriptor). Not locked: ntm makes its PDFs on one thread. */
struct cached { char path[NTM_PATH_MAX]; struct stat st; unsigned char *data; size_t len; };
static struct cached cache[6];

static const struct cached *subset_cached(const char *path)
{
    struct stat st;
    if (strlen(path) >= NTM_PATH_MAX || stat(path, &st) != 0) return NULL;
    struct cached *free_slot = NULL;
    for (size_t i = 0; i < sizeof cache / sizeof cache[0]; i++) {
        struct cached *c = &cache[i];
        if (!c->path[0]) { if (!free_slot) free_slot = c; continue; }
        if (strcmp(c->path, path) != 0) continue;
        if (c->st.st_dev == st.st_dev && c->st.st_ino == st.st_ino && c->st.st_size == st.st_size &&
            c->st.st_mtime == st.st_mtime)
            return c->data ? c : NULL;       /* a file that failed once is not tried again */
        free(c->data);
        memset(c, 0, sizeof *c);
        free_slot = c;
        break;
    }
    if (!free_slot) free_slot = &cache[0];   /* more files than slots: forget the first */
    free(free_slot->data);
    memset(free_slot, 0, sizeof *free_slot);
    snprintf(free_slot->path, sizeof free_slot->path, "%s", path);
    free_slot->st = st;
    free_slot->data = subset_file(path, &free_slot->len);
    return free_slot->data ? free_slot : NULL;
}

/* The next subset tag in libharu's own sequence (HPDFAA, HPDFAB, ...), so faces loaded
 * either way in one document never share a tag. */
static void next_tag(HPDF_Doc h, char tag[7])
{
    if (!h->ttfont_tag[0]) memcpy(h->ttfont_tag, "HPDFAA", 6);
    else
        for (int i = 5; i >= 0; i--) {
            if (++h->ttfont_tag[i] <= 'Z') break;
            h->ttfont_tag[i] = 'A';
        }
    memcpy(tag, h->ttfont_tag, 6);
    tag[6] = 0;
}

/* The steps of HPDF_LoadTTFontFromFile, on a memory stream. */
static const char *load_memory(HPDF_Doc h, const struct cached *c)
{
    HPDF_Stream st = HPDF_MemStream_New(h->mmgr, (HPDF_UINT)c->len);
    if (!st) return NULL;
    if (HPDF_Stream_Write(st, c->data, (HPDF_UINT)c->len) != HPDF_OK) {
        HPDF_Stream_Free(st);
        return NULL;
    }
    HPDF_FontDef def = HPDF_TTFontDef_Load(h->mmgr, st, HPDF_TRUE);   /* owns st from here */
    if (!def) return NULL;
    HPDF_FontDef same = HPDF_Doc_FindFontDef(h, def->base_font);
    if (same) {                           /* the same face named twice in ntm.ini */
        HPDF_FontDef_Free(def);
        return same->base_font;
    }
    if (HPDF_Doc_RegisterFontDef(h, def) != HPDF_OK) return NULL;   /* frees def */
    char tag[7];
    next_tag(h, tag);
    HPDF_TTFontDef_SetTagName(def, tag);
    return def->base_font;
}

const char *pdf_font_load(pdf_doc *d, const char *path)
{
    const struct cached *c = env_off() ? NULL : subset_cached(path);
    if (c) {
        const char *name = load_memory(d->h, c);
        if (name) return name;
        HPDF_ResetError(d->h);            /* libharu refused the subset: the whole file */
        d->failed = 0;
        d->err[0] = 0;
    }
    return HPDF_LoadTTFontFromFile(d->h, path, HPDF_TRUE);
}

void pdf_font_note(pdf_doc *d, enum pdf_face f, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s, *e = p + len;
    while (p < e) {
        uint32_t c = *p++;
        int more = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
        if (more) c &= 0x3Fu >> more;
        for (; more && p < e; more--) c = c << 6 | (*p++ & 0x3Fu);
        if (c > 0xFFFF) c = ' ';          /* what libharu's encoder draws instead */
        d->used[f][c >> 3] |= (unsigned char)(1u << (c & 7));
    }
}

static int has(const unsigned char *set, uint32_t c) { return set[c >> 3] >> (c & 7) & 1; }

/* Runs of consecutive codes; a bfrange may not cross a change of the high byte. */
static uint32_t run_end(const unsigned char *set, uint32_t c)
{
    while (c < 0xFFFF && (c & 0xFF) != 0xFF && has(set, c + 1)) c++;
    return c;
}

static HPDF_STATUS cmap_ranges(HPDF_Stream s, const unsigned char *set)
{
    static const char *const head =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    HPDF_STATUS rc = HPDF_Stream_WriteStr(s, head);
    uint32_t from[100], to[100];
    int n = 0;
    for (uint32_t c = 0; c <= 0xFFFF && rc == HPDF_OK; c++) {
        if (has(set, c)) { from[n] = c; to[n] = c = run_end(set, c); n++; }
        if (n == 100 || (n && c >= 0xFFFF)) {
            char line[48];
            snprintf(line, sizeof line, "%d beginbfrange\n", n);
            rc = HPDF_Stream_WriteStr(s, line);
            for (int i = 0; i < n && rc == HPDF_OK; i++) {
                snprintf(line, sizeof line, "<%04X> <%04X> <%04X>\n", (unsigned)from[i], (unsigned)to[i],
                         (unsigned)from[i]);
                rc = HPDF_Stream_WriteStr(s, line);
            }
            if (rc == HPDF_OK) rc = HPDF_Stream_WriteStr(s, "endbfrange\n");
            n = 0;
        }
    }
    if (rc == HPDF_OK)
        rc = HPDF_Stream_WriteStr(s, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    return rc;
}

/* The stream libharu made as /ToUnicode, emptied and written again; the keys of an
 * encoding CMap it carries (/Type /CMap, /CMapName /UTF-8...) go. */
static HPDF_STATUS write_tounicode(HPDF_Font font, const unsigned char *set)
{
    HPDF_Dict tu = ((HPDF_FontAttr)font->attr)->cmap_stream;
    static const char *const drop[] = { "Type", "CMapName", "CIDSystemInfo", "WMode" };
    for (size_t i = 0; i < sizeof drop / sizeof drop[0]; i++) HPDF_Dict_RemoveElement(tu, drop[i]);
    HPDF_MemStream_FreeData(tu->stream);
    return cmap_ranges(tu->stream, set);
}

/* /W of the descendant font: [c [w w ...] ...] for the codes drawn whose width is not
 * the default (libharu's own rule), in place of one entry per code point of the font. */
static HPDF_STATUS write_widths(HPDF_Font font, const unsigned char *set)
{
    HPDF_FontAttr a = font->attr;
    HPDF_FontDef def = a->fontdef;
    HPDF_Array w = HPDF_Array_New(font->mmgr), run = NULL;
    if (!w) return HPDF_FAILD_TO_ALLOC_MEM;
    HPDF_STATUS rc = HPDF_OK;
    for (uint32_t c = 0; c <= 0xFFFF && rc == HPDF_OK; c++) {
        HPDF_INT16 width = def->missing_width;
        if (has(set, c))
            width = HPDF_TTFontDef_GetGidWidth(def, HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)c));
        if (width == def->missing_width) { run = NULL; continue; }
        if (!run) {
            rc = HPDF_Array_AddNumber(w, (HPDF_INT32)c);
            if (rc == HPDF_OK && !(run = HPDF_Array_New(font->mmgr))) rc = HPDF_FAILD_TO_ALLOC_MEM;
            if (rc == HPDF_OK) rc = HPDF_Array_Add(w, run);
        }
        if (rc == HPDF_OK) rc = HPDF_Array_AddNumber(run, width);
    }
    if (rc != HPDF_OK) { HPDF_Array_Free(w); return rc; }
    return HPDF_Dict_Add(a->descendant_font, "W", w);      /* frees the old array */
}

/* /CIDToGIDMap: libharu writes 2 bytes for each of the 65,536 codes (2 KB deflated for a
 * subset face, 4.5 KB for a whole one); only the codes drawn are needed, up to the last. */
static HPDF_STATUS write_gidmap(HPDF_Font font, const unsigned char *set)
{
    HPDF_FontAttr a = font->attr;
    if (!a->map_stream || !a->map_stream->stream) return HPDF_OK;      /* not embedded */
    uint32_t last = 0;
    for (uint32_t c = 0; c <= 0xFFFF; c++) if (has(set, c)) last = c;
    HPDF_MemStream_FreeData(a->map_stream->stream);
    HPDF_STATUS rc = HPDF_OK;
    for (uint32_t c = 0; c <= last && rc == HPDF_OK; c++) {
        HPDF_UINT16 gid = has(set, c) ? HPDF_TTFontDef_GetGlyphid(a->fontdef, (HPDF_UINT16)c) : 0;
        HPDF_BYTE be[2] = { (HPDF_BYTE)(gid >> 8), (HPDF_BYTE)gid };
        rc = HPDF_Stream_Write(a->map_stream->stream, be, 2);
    }
    return rc;
}

/* A Type 0 TrueType font on libharu 2.3.0's UTF-8 encoder (code = code point) with the
 * ToUnicode stream it makes: what pdf.c loads. Anything else is left alone. */
static int utf8_truetype(HPDF_Font font)
{
    HPDF_FontAttr a = font->attr;
    return a->type == HPDF_FONT_TYPE0_TT && a->encoder && strcmp(a->encoder->name, "UTF-8") == 0 &&
           a->cmap_stream && a->cmap_stream->stream && a->descendant_font &&
           HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT) == a->cmap_stream;
}

int pdf_font_finish(pdf_doc *d)
{
    for (int f = 0; f < PDF_NFACES && !d->failed; f++) {
        HPDF_Font font = d->font[f];
        int first = font != NULL;
        for (int g = 0; g < f; g++) if (d->font[g] == font) first = 0;
        if (!first || !utf8_truetype(font)) continue;
        unsigned char set[sizeof d->used[0]];
        memcpy(set, d->used[f], sizeof set);
        for (int g = f + 1; g < PDF_NFACES; g++)          /* italic may be regular */
            if (d->font[g] == font)
                for (size_t i = 0; i < sizeof set; i++) set[i] |= d->used[g][i];
        if (write_tounicode(font, set) != HPDF_OK || write_widths(font, set) != HPDF_OK ||
            write_gidmap(font, set) != HPDF_OK)
            return pdf_fail(d, "%s", _("Không ghi được bảng phông chữ của PDF"));
    }
    return d->failed ? -1 : 0;
}
