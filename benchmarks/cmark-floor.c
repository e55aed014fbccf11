/*
 * The floor: what libcmark-gfm alone takes to turn the same bodies into HTML, file to file, in one
 * process. For every .md file under <content>, skip the front matter (up to the second '---' line),
 * parse the body with the GFM extensions okc attaches, render it with okc's options and write it to
 * <out>/<n>.html. One thread, like the number quoted in the issue.
 *
 *   cc -O2 -o cmark-floor benchmarks/cmark-floor.c $(pkg-config --cflags --libs libcmark-gfm) -lcmark-gfm-extensions
 *   cmark-floor <content-folder> <output-folder>
 */
#define _GNU_SOURCE
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *extensions[] = {"table", "strikethrough", "autolink", "tasklist", "tagfilter"};
static long count = 0;
static const char *out_folder;

static const char *body_of(const char *text, size_t size) {
    if (size < 4 || strncmp(text, "---\n", 4) != 0) return text;
    const char *end = memmem(text + 4, size - 4, "\n---\n", 5);
    return end ? end + 5 : text + size;
}

static void render(const char *path) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) return;
    struct stat st;
    fstat(fd, &st);
    char *text = malloc(st.st_size + 1);
    ssize_t n = read(fd, text, st.st_size);
    close(fd);
    if (n < 0) { free(text); return; }
    text[n] = 0;
    const char *body = body_of(text, (size_t)n);

    int options = CMARK_OPT_SOURCEPOS | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES | CMARK_OPT_FOOTNOTES;
    cmark_parser *parser = cmark_parser_new(options);
    for (size_t i = 0; i < sizeof extensions / sizeof *extensions; i++) {
        cmark_syntax_extension *ext = cmark_find_syntax_extension(extensions[i]);
        if (ext) cmark_parser_attach_syntax_extension(parser, ext);
    }
    cmark_parser_feed(parser, body, strlen(body));
    cmark_node *doc = cmark_parser_finish(parser);
    char *html = cmark_render_html(doc, options, cmark_parser_get_syntax_extensions(parser));

    char out[4096];
    snprintf(out, sizeof out, "%s/%ld.html", out_folder, count++);
    fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
        size_t left = strlen(html);
        const char *p = html;
        while (left > 0) {
            ssize_t w = write(fd, p, left);
            if (w <= 0) break;
            p += w;
            left -= (size_t)w;
        }
        close(fd);
    }
    free(html);
    cmark_node_free(doc);
    cmark_parser_free(parser);
    free(text);
}

static void walk(const char *folder) {
    DIR *dir = opendir(folder);
    if (!dir) return;
    struct dirent *entry;
    while ((entry = readdir(dir))) {
        if (entry->d_name[0] == '.') continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", folder, entry->d_name);
        struct stat st;
        if (stat(path, &st) != 0) continue;
        if (S_ISDIR(st.st_mode)) walk(path);
        else if (strlen(entry->d_name) > 3 && strcmp(entry->d_name + strlen(entry->d_name) - 3, ".md") == 0) render(path);
    }
    closedir(dir);
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: cmark-floor <content-folder> <output-folder>\n");
        return 2;
    }
    out_folder = argv[2];
    mkdir(out_folder, 0755);
    cmark_gfm_core_extensions_ensure_registered();
    walk(argv[1]);
    fprintf(stderr, "cmark-floor: %ld pages\n", count);
    return 0;
}
