/* fuzz_xlsx: reports/table_read.h table_read_xlsx. Random bytes rarely survive a zip's
 * checksums, so an input is read two ways: one starting "PK" is the .xlsx file itself;
 * any other is the workbook's XML parts, separated by \x01, in this order: the sheet,
 * sharedStrings, styles, workbook, workbook rels; a part not given is a plain default
 * (sharedStrings and styles left out: they are optional). The parts are zipped
 * uncompressed in memory with libzip and the reader opens that through a memfd, so
 * the fuzzer mutates the XML the reader parses. Properties: those of every row of any
 * table reader (tests/fuzz/fuzz_table.h; rows need not come in order in a sheet), and a
 * workbook refused has a message fit for the terminal. */
#include "tests/fuzz/fuzz_table.h"
#include <zip.h>

static fz_file fzx_file;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    fz_file_open(&fzx_file, "import.xlsx");
    return 0;
}

#define FZX_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define FZX_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
static const char *const fzx_names[5] = {
    "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"
};
static const char *const fzx_defaults[5] = {
    "<worksheet xmlns=\"" FZX_MAIN "\"><sheetData/></worksheet>", NULL, NULL,
    "<workbook xmlns=\"" FZX_MAIN "\" xmlns:r=\"" FZX_REL "\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/>"
    "</sheets></workbook>",
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"" FZX_REL "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" FZX_REL "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"" FZX_REL "/styles\" Target=\"styles.xml\"/></Relationships>",
};

/* The parts zipped (stored) into the memfd. */
static void fzx_zip_parts(const uint8_t *data, size_t size)
{
    const char *part[5] = { 0 };
    size_t len[5] = { 0 };
    int n = 0;
    for (size_t at = 0; n < 5; ) {
        const uint8_t *sep = memchr(data + at, '\x01', size - at);
        size_t end = sep ? (size_t)(sep - data) : size;
        part[n] = (const char *)data + at;
        len[n++] = end - at;
        if (!sep) break;
        at = end + 1;
    }
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    if (!src) abort();
    zip_source_keep(src);
    zip_t *z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
    if (!z) abort();
    for (int i = 0; i < 5; i++) {
        const char *p = i < n ? part[i] : fzx_defaults[i];
        if (!p) continue;
        zip_source_t *s = zip_source_buffer(z, p, i < n ? len[i] : strlen(p), 0);
        zip_int64_t idx = s ? zip_file_add(z, fzx_names[i], s, ZIP_FL_OVERWRITE) : -1;
        if (idx < 0) abort();
        zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
    }
    if (zip_close(z) != 0) abort();
    zip_stat_t st;
    if (zip_source_stat(src, &st) != 0 || zip_source_open(src) != 0) abort();
    uint8_t *buf = malloc(st.size ? st.size : 1);
    if (!buf || zip_source_read(src, buf, st.size) != (zip_int64_t)st.size) abort();
    zip_source_close(src);
    zip_source_free(src);
    zip_error_fini(&ze);
    fz_file_set(&fzx_file, buf, st.size);
    free(buf);
}

static int fzx_row(void *ctx, long line, int n, const char *const *cells)
{
    return fz_table_row(ctx, line, n, cells, 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (fzx_file.path[0] == 0) LLVMFuzzerInitialize(NULL, NULL);
    if (size >= 2 && data[0] == 'P' && data[1] == 'K') fz_file_set(&fzx_file, data, size);
    else fzx_zip_parts(data, size);
    fz_seen s = { 0, 0, 0 };
    char err[1024];
    int rc = table_read_xlsx(fzx_file.path, fzx_row, &s, err, sizeof err);
    FZ_CHECK(rc == TABLE_OK || rc == TABLE_ERR, "code %d", rc);
    if (rc == TABLE_ERR) FZ_CHECK(err[0] && fz_clean_text(err), "message \"%s\"", err);
    return 0;
}
