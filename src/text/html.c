/* html.c: the text of a web page, for a saved news page to be read like a plain-text article.
 *
 * Owns the choice of what on a page is the story. libxml2's HTML push parser (recovering from
 * any markup, converting the declared charset to UTF-8, decoding entities) reports elements and
 * text through SAX callbacks; this file keeps a stack of open elements and routes each run of
 * text to the story, to a fallback, or nowhere:
 * - The story is the text of headings h1-h6, paragraphs p, list items li, blockquote, dt, dd,
 *   table captions and table rows (the cells of one row form one paragraph, joined by "; ", so
 *   that names in one row are together). Each becomes one paragraph of the document, separated
 *   by a blank line so that paragraph windows work. Inline markup (a, b, em, span, ...) keeps
 *   its text in the paragraph; any other element boundary is a space, except br, which ends the
 *   paragraph as a blank line does. A br separates lines that are not one sentence: a byline
 *   from its city, the lines of an address, a list of names, and paragraphs written as br br;
 *   a single line break would not do, since text with blank lines reads one as wrapping (the
 *   lines' words are one sentence) and text without them reads one as a paragraph end.
 * - Nowhere: script, style, noscript, template, head (with title: a page's title repeats the
 *   headline and adds the site's name, which would join every story of that site), nav, aside,
 *   footer, figure, figcaption, form, button, select, iframe, svg and other embedded content,
 *   elements with the hidden attribute, aria-hidden="true" or a role of site chrome
 *   (navigation, banner, contentinfo, complementary, search), and header outside an article
 *   (site chrome; inside an article it holds the headline and is kept).
 * - When the page has an <article> element (outside the parts above), only the text inside
 *   articles is the story: menus, teasers and cookie notices around it are dropped. The text
 *   seen before the first article is held until then; a page with more than EG_DOCUMENT_PART
 *   bytes of text before any article is read whole.
 * - Text outside the kept elements (in bare divs and sections) is a fallback held up
 *   to EG_DOCUMENT_PART bytes, used only when the story is empty, so a page written without
 *   paragraph markup is not lost.
 * The charset is libxml2's: a BOM, else the meta element's, else UTF-8 until a byte that is not,
 * from which on Latin-1. C1 controls (U+0080-U+009F), which are no text, are then read as
 * windows-1252 says (curly quotes, dashes, the euro sign): with Latin-1 this is windows-1252,
 * which a browser reads a page without a charset in, and also for a page that declares
 * iso-8859-1 and for "&#147;", as the WHATWG encoding standard and HTML5 say.
 * The page's date (eg_html_reader_day) is read from markup wherever it is: a meta element's
 * article:published_time or an itemprop datePublished (also JSON-LD's), else a meta date of
 * older conventions (name="date", Dublin Core, ...), else the first <time datetime> of the
 * story (not of the site around an article); the first of the most trusted kind wins.
 * Invariants: the text handed out is valid UTF-8, has no run of spaces and no line break
 * inside a paragraph, and paragraphs are separated by exactly one blank line; it is the same
 * however the page is cut into blocks, and so is the date. Memory is bounded by the caps above,
 * HTML_LD_JSON_MAX bytes of a JSON-LD script, the input held back until a place between two
 * tags (at most HTML_HOLD_MAX past one block) and what libxml2 holds of an unfinished comment
 * or run of text.
 */
#include "text/text.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <string.h>

typedef enum {
  HTML_OTHER,     /* a boundary is a space: div, section, ul, table, unknown elements */
  HTML_INLINE,    /* text flows through: a, b, em, span, ... */
  HTML_BLOCK,     /* one paragraph of the story */
  HTML_CELL,      /* td, th: a part of its row's paragraph */
  HTML_BREAK,     /* br: ends the paragraph, as a line of its own does */
  HTML_ARTICLE,
  HTML_HEADER,    /* skipped outside an article */
  HTML_SKIP       /* skipped with everything inside */
} HtmlKind;

typedef struct {
  const char *name;
  HtmlKind kind;
} HtmlElement;

/* Sorted by name for bsearch. Names from libxml2's HTML parser are lower case. */
static const HtmlElement html_elements[] = {
  { "a", HTML_INLINE },        { "abbr", HTML_INLINE },     { "applet", HTML_SKIP },
  { "article", HTML_ARTICLE }, { "aside", HTML_SKIP },      { "audio", HTML_SKIP },
  { "b", HTML_INLINE },        { "bdi", HTML_INLINE },      { "bdo", HTML_INLINE },
  { "big", HTML_INLINE },      { "blockquote", HTML_BLOCK }, { "br", HTML_BREAK },
  { "button", HTML_SKIP },     { "canvas", HTML_SKIP },     { "caption", HTML_BLOCK },
  { "cite", HTML_INLINE },     { "code", HTML_INLINE },     { "data", HTML_INLINE },
  { "datalist", HTML_SKIP },   { "dd", HTML_BLOCK },        { "del", HTML_INLINE },
  { "dfn", HTML_INLINE },      { "dialog", HTML_SKIP },     { "dt", HTML_BLOCK },
  { "em", HTML_INLINE },       { "embed", HTML_SKIP },      { "figcaption", HTML_SKIP },
  { "figure", HTML_SKIP },     { "font", HTML_INLINE },     { "footer", HTML_SKIP },
  { "form", HTML_SKIP },       { "frameset", HTML_SKIP },   { "h1", HTML_BLOCK },
  { "h2", HTML_BLOCK },        { "h3", HTML_BLOCK },        { "h4", HTML_BLOCK },
  { "h5", HTML_BLOCK },        { "h6", HTML_BLOCK },        { "head", HTML_SKIP },
  { "header", HTML_HEADER },   { "i", HTML_INLINE },        { "iframe", HTML_SKIP },
  { "ins", HTML_INLINE },      { "kbd", HTML_INLINE },      { "li", HTML_BLOCK },
  { "map", HTML_SKIP },        { "mark", HTML_INLINE },     { "math", HTML_SKIP },
  { "nav", HTML_SKIP },        { "nobr", HTML_INLINE },     { "noembed", HTML_SKIP },
  { "noframes", HTML_SKIP },   { "noscript", HTML_SKIP },   { "object", HTML_SKIP },
  { "p", HTML_BLOCK },         { "q", HTML_INLINE },        { "s", HTML_INLINE },
  { "samp", HTML_INLINE },     { "script", HTML_SKIP },     { "select", HTML_SKIP },
  { "small", HTML_INLINE },    { "span", HTML_INLINE },     { "strike", HTML_INLINE },
  { "strong", HTML_INLINE },   { "style", HTML_SKIP },      { "sub", HTML_INLINE },
  { "sup", HTML_INLINE },      { "svg", HTML_SKIP },        { "td", HTML_CELL },
  { "template", HTML_SKIP },   { "textarea", HTML_SKIP },   { "th", HTML_CELL },
  { "time", HTML_INLINE },     { "title", HTML_SKIP },      { "tr", HTML_BLOCK },
  { "tt", HTML_INLINE },       { "u", HTML_INLINE },        { "var", HTML_INLINE },
  { "video", HTML_SKIP },      { "wbr", HTML_INLINE },
};

/* Elements whose start ends an open paragraph (HTML5's list, with li, dd and dt): libxml2 keeps
 * "<p>a <em>b <ul>" nested while an inline element is open, where a browser closes the p. */
static const char *const html_closes_p[] = {
  "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "fieldset",
  "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
  "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "table", "ul",
};

/* ARIA roles that mark site chrome, as the elements nav, header, footer and aside do. */
static const char *const html_chrome_roles[] = {
  "banner", "complementary", "contentinfo", "navigation", "search", NULL
};

/* Effects of an open element, undone when it closes. */
enum {
  FRAME_SKIP = 1 << 0,
  FRAME_ARTICLE = 1 << 1,
  FRAME_KEEP = 1 << 2,
  FRAME_SPACE = 1 << 3,
};

typedef struct {
  char *name;
  guint flags;
} HtmlFrame;

/* Text written as paragraphs: runs of white space become one space, paragraphs are separated
 * by one blank line, and a separator may be asked for between table cells. */
typedef struct {
  GString *buf;
  gboolean written;      /* some paragraph was written (the next one needs a blank line) */
  gboolean in_para;      /* the current paragraph has text */
  gboolean space;        /* white space is owed before the next text */
  gboolean cell;         /* a cell separator is owed before the next text */
} HtmlSink;

typedef enum { MODE_UNDECIDED, MODE_WHOLE, MODE_ARTICLE } HtmlMode;

/* Where a page's date was read, most trusted first: a later date from a better place wins. */
typedef enum {
  DATE_PUBLISHED = 1, /* meta article:published_time, itemprop datePublished, JSON-LD */
  DATE_META,          /* meta name="date", "pubdate", Dublin Core, ... */
  DATE_TIME,          /* the first <time datetime> of the story */
} HtmlDateRank;

struct _EgHtmlReader {
  htmlParserCtxtPtr parser;
  GArray *stack;         /* of HtmlFrame */
  guint skip_depth, article_depth, keep_depth;
  HtmlMode mode;
  HtmlSink story;        /* handed out while the mode is decided, held while it is not */
  HtmlSink loose;        /* the fallback */
  gboolean story_any;    /* some story text was written in this document */
  gboolean bom_seen;     /* the first bytes were looked at for a byte order mark */
  gboolean started;      /* ... and for an end tag */
  GString *held;         /* input after the last safe cut, parsed with the next block */
  guint32 day;           /* the page's date from its markup so far, 0 for none */
  HtmlDateRank day_rank; /* where it was read */
  GString *ld_json;      /* the text of the JSON-LD script being read, NULL outside one */
};

/* Input held back waiting for a safe cut is parsed anyway past this size. */
#define HTML_HOLD_MAX (1024u * 1024u)
/* Of a JSON-LD script, the first bytes are looked at for datePublished. */
#define HTML_LD_JSON_MAX (64u * 1024u)

/* <meta> names (property, name or itemprop) that give the date a story was published: the
 * Open Graph article's and schema.org's, then older conventions. Modification dates are not
 * publication dates and are not read. Lower case; compared whatever the case. */
static const char *const html_date_published[] = {
  "article:published_time", "datepublished", "og:article:published_time", NULL
};
static const char *const html_date_meta[] = {
  "date", "dc.date", "dc.date.created", "dc.date.issued", "dcterms.created", "dcterms.date",
  "dcterms.issued", "citation_publication_date", "parsely-pub-date", "pubdate", "publish-date",
  "publishdate", "publication_date", "sailthru.date", NULL
};

static int
html_element_cmp(const void *key, const void *elem)
{
  return strcmp(key, ((const HtmlElement *)elem)->name);
}

static HtmlKind
html_kind(const char *name)
{
  const HtmlElement *e = bsearch(name, html_elements, G_N_ELEMENTS(html_elements),
                                 sizeof html_elements[0], html_element_cmp);
  return e ? e->kind : HTML_OTHER;
}

static int
html_name_cmp(const void *key, const void *elem)
{
  return strcmp(key, *(const char *const *)elem);
}

static gboolean
html_attrs_hide(const xmlChar **attrs)
{
  for (guint i = 0; attrs && attrs[i]; i += 2) {
    const char *name = (const char *)attrs[i];
    const char *value = (const char *)attrs[i + 1];
    if (g_ascii_strcasecmp(name, "hidden") == 0)
      return TRUE;
    if (!value)
      continue;
    if (g_ascii_strcasecmp(name, "aria-hidden") == 0 && g_ascii_strcasecmp(value, "true") == 0)
      return TRUE;
    if (g_ascii_strcasecmp(name, "role") == 0)
      for (guint r = 0; html_chrome_roles[r]; r++)
        if (g_ascii_strcasecmp(value, html_chrome_roles[r]) == 0)
          return TRUE;
  }
  return FALSE;
}

static void
sink_break(HtmlSink *s)
{
  s->in_para = s->space = s->cell = FALSE;
}

static void
sink_reset(HtmlSink *s)
{
  g_string_truncate(s->buf, 0);
  sink_break(s);
  s->written = FALSE;
}

/* Appends the text [P, P+LEN) with white space (ASCII and no-break spaces) collapsed. */
static void
sink_text(HtmlSink *s, const char *p, gsize len)
{
  const char *end = p + len;
  while (p < end) {
    const char *run = p;
    while (p < end && !g_ascii_isspace(*p) && !((guchar)p[0] == 0xC2 && p + 1 < end && (guchar)p[1] == 0xA0))
      p++;
    if (p > run) {
      if (!s->in_para) {
        if (s->written)
          g_string_append(s->buf, "\n\n");
        s->in_para = s->written = TRUE;
      } else if (s->cell) {
        g_string_append(s->buf, "; ");
      } else if (s->space) {
        g_string_append_c(s->buf, ' ');
      }
      s->space = s->cell = FALSE;
      g_string_append_len(s->buf, run, p - run);
    }
    if (p < end) {
      s->space = TRUE;
      p += g_ascii_isspace(*p) ? 1 : 2;
    }
  }
}

static void
html_space(EgHtmlReader *r)
{
  r->story.space = r->loose.space = TRUE;
}

static void
html_break(EgHtmlReader *r)
{
  sink_break(&r->story);
  sink_break(&r->loose);
}

/* Whether text here belongs to the document (in the story or the fallback). */
static gboolean
html_in_scope(const EgHtmlReader *r)
{
  return r->skip_depth == 0 && (r->mode != MODE_ARTICLE || r->article_depth > 0);
}

/* Ends the paragraph of an open p or heading that a browser would end before NAME starts. */
static void
html_close_p(EgHtmlReader *r, const char *name)
{
  if (r->keep_depth == 0 || !bsearch(name, html_closes_p, G_N_ELEMENTS(html_closes_p),
                                     sizeof html_closes_p[0], html_name_cmp))
    return;
  for (guint i = r->stack->len; i > 0; i--) {
    HtmlFrame *f = &g_array_index(r->stack, HtmlFrame, i - 1);
    if (!(f->flags & FRAME_KEEP))
      continue;
    if (strcmp(f->name, "p") == 0 || (f->name[0] == 'h' && f->name[1] >= '1' && f->name[1] <= '6' && !f->name[2])) {
      f->flags &= ~(guint)FRAME_KEEP;
      r->keep_depth--;
      html_break(r);
    }
    return;
  }
}

static const char *
html_attr(const xmlChar **attrs, const char *name)
{
  for (guint i = 0; attrs && attrs[i]; i += 2)
    if (g_ascii_strcasecmp((const char *)attrs[i], name) == 0)
      return (const char *)attrs[i + 1];
  return NULL;
}

static gboolean
html_name_in(const char *name, const char *const *list)
{
  for (guint i = 0; name && list[i]; i++)
    if (g_ascii_strcasecmp(name, list[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Takes VALUE as the page's date when it is one and RANK is better than what was read. */
static void
html_date_offer(EgHtmlReader *r, HtmlDateRank rank, const char *value)
{
  if (!value || (r->day && r->day_rank <= rank))
    return;
  guint32 day = eg_date_parse(value, strlen(value));
  if (day) {
    r->day = day;
    r->day_rank = rank;
  }
}

/* Reads a date from the markup of an element, wherever it is (the head is not text, but its
 * meta elements are where a page says when it was published). */
static void
html_date_markup(EgHtmlReader *r, const char *name, const xmlChar **attrs)
{
  if (html_name_in(html_attr(attrs, "itemprop"), html_date_published)) {
    const char *content = html_attr(attrs, "content");
    html_date_offer(r, DATE_PUBLISHED, content ? content : html_attr(attrs, "datetime"));
  }
  if (strcmp(name, "meta") == 0) {
    const char *key = html_attr(attrs, "property");
    if (!key)
      key = html_attr(attrs, "name");
    const char *content = html_attr(attrs, "content");
    if (html_name_in(key, html_date_published))
      html_date_offer(r, DATE_PUBLISHED, content);
    else if (html_name_in(key, html_date_meta))
      html_date_offer(r, DATE_META, content);
  } else if (strcmp(name, "script") == 0 && !r->ld_json && (!r->day || r->day_rank > DATE_PUBLISHED)) {
    const char *type = html_attr(attrs, "type");
    if (type && g_ascii_strcasecmp(type, "application/ld+json") == 0)
      r->ld_json = g_string_new(NULL);
  }
}

/* The datePublished of the JSON-LD script just read (schema.org's NewsArticle): the first one,
 * which is the page's own; related stories' come after it. */
static void
html_date_ld_json(EgHtmlReader *r)
{
  g_autoptr(GString) json = r->ld_json;
  r->ld_json = NULL;
  const char *p = strstr(json->str, "\"datePublished\"");
  if (!p)
    return;
  p += strlen("\"datePublished\"");
  while (g_ascii_isspace(*p))
    p++;
  if (*p++ != ':')
    return;
  while (g_ascii_isspace(*p))
    p++;
  const char *end = *p == '"' ? strchr(++p, '"') : NULL;
  if (!end)
    return;
  g_autofree char *value = g_strndup(p, (gsize)(end - p));
  html_date_offer(r, DATE_PUBLISHED, value);
}

static void
html_start(void *data, const xmlChar *xname, const xmlChar **attrs)
{
  EgHtmlReader *r = data;
  const char *name = (const char *)xname;
  HtmlFrame frame = { g_strdup(name), 0 };
  html_date_markup(r, name, attrs);
  if (r->skip_depth > 0) {
    g_array_append_val(r->stack, frame);
    return;
  }
  HtmlKind kind = html_kind(name);
  html_close_p(r, name);
  if (kind == HTML_SKIP || (kind == HTML_HEADER && r->article_depth == 0) || html_attrs_hide(attrs)) {
    frame.flags = FRAME_SKIP | FRAME_SPACE;
    r->skip_depth++;
    html_space(r);
  } else if (kind == HTML_ARTICLE) {
    frame.flags = FRAME_ARTICLE;
    if (r->article_depth++ == 0 && r->mode == MODE_UNDECIDED) {
      /* The page has an article: what came before it was the site around it. */
      r->mode = MODE_ARTICLE;
      sink_reset(&r->story);
      sink_reset(&r->loose);
      r->story_any = FALSE;
      if (r->day_rank == DATE_TIME)
        r->day = 0; /* a <time> of the site around the article */
    }
    html_break(r);
  } else if (kind == HTML_BLOCK || (kind == HTML_CELL && r->keep_depth == 0)) {
    frame.flags = FRAME_KEEP;
    r->keep_depth++;
    html_break(r);
  } else if (kind == HTML_BREAK) {
    html_break(r);
  } else if (kind == HTML_CELL) {
    r->story.cell = r->story.in_para;
    r->loose.space = TRUE;
  } else if (kind != HTML_INLINE) {
    frame.flags = FRAME_SPACE;
    html_space(r);
    if (kind == HTML_OTHER && r->keep_depth == 0)
      sink_break(&r->loose);
  }
  /* A date in the story's markup (a byline's), when the page has none in its head. */
  if (strcmp(name, "time") == 0 && html_in_scope(r))
    html_date_offer(r, DATE_TIME, html_attr(attrs, "datetime"));
  g_array_append_val(r->stack, frame);
}

static void
html_pop(EgHtmlReader *r)
{
  HtmlFrame *f = &g_array_index(r->stack, HtmlFrame, r->stack->len - 1);
  if (f->flags & FRAME_SKIP)
    r->skip_depth--;
  if (f->flags & FRAME_ARTICLE) {
    r->article_depth--;
    html_break(r);
  }
  if (f->flags & FRAME_KEEP) {
    r->keep_depth--;
    html_break(r);
  }
  if (f->flags & FRAME_SPACE) {
    html_space(r);
    if (r->keep_depth == 0)
      sink_break(&r->loose);
  }
  if (r->ld_json && strcmp(f->name, "script") == 0)
    html_date_ld_json(r);
  g_free(f->name);
  g_array_set_size(r->stack, r->stack->len - 1);
}

static void
html_end(void *data, const xmlChar *xname)
{
  EgHtmlReader *r = data;
  /* libxml2 closes what a stray end tag implies; a tag that matches nothing is ignored. */
  for (guint i = r->stack->len; i > 0; i--) {
    if (strcmp(g_array_index(r->stack, HtmlFrame, i - 1).name, (const char *)xname) == 0) {
      while (r->stack->len >= i)
        html_pop(r);
      return;
    }
  }
}

/* The characters windows-1252 has at 0x80-0x9F (0: undefined, kept as the C1 control). */
static const gunichar html_cp1252[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* TEXT (LEN bytes, valid UTF-8) with its C1 controls U+0080-U+009F read as windows-1252, or NULL
 * when it has none. libxml2 reads a page that declares no charset and is not UTF-8 as Latin-1,
 * and "&#147;" as U+0093; a browser reads both as windows-1252 (the WHATWG encoding standard
 * and HTML5's character references), which puts curly quotes and dashes there, and so does a
 * page that declares iso-8859-1. No text means a C1 control, so nothing is lost. */
static char *
html_c1_as_cp1252(const char *text, gsize len)
{
  GString *out = NULL;
  const char *end = text + len, *done = text;
  for (const char *p = memchr(text, 0xC2, len); p; p = memchr(p + 1, 0xC2, (gsize)(end - p - 1))) {
    /* 0xC2 is a lead byte only: followed by 0x80-0x9F it is U+0080-U+009F. */
    guchar next = p + 1 < end ? (guchar)p[1] : 0;
    gunichar c = next >= 0x80 && next <= 0x9F ? html_cp1252[next - 0x80] : 0;
    if (!c)
      continue;
    if (!out)
      out = g_string_sized_new(len + 16);
    g_string_append_len(out, done, p - done);
    g_string_append_unichar(out, c);
    done = p + 2;
  }
  if (!out)
    return NULL;
  g_string_append_len(out, done, end - done);
  return g_string_free(out, FALSE);
}

static void
html_characters(void *data, const xmlChar *ch, int len)
{
  EgHtmlReader *r = data;
  if (r->ld_json && len > 0 && r->ld_json->len < HTML_LD_JSON_MAX)
    g_string_append_len(r->ld_json, (const char *)ch, MIN(len, (int)(HTML_LD_JSON_MAX - r->ld_json->len)));
  if (len <= 0 || !html_in_scope(r))
    return;
  const char *text = (const char *)ch;
  gsize n = (gsize)len;
  g_autofree char *valid = NULL;
  if (!g_utf8_validate_len(text, n, NULL)) {
    /* libxml2 passes a byte that is not UTF-8 through after a '&' ("&\xF6"). */
    valid = g_utf8_make_valid(text, len);
    text = valid;
    n = strlen(valid);
  }
  g_autofree char *cp1252 = html_c1_as_cp1252(text, n);
  if (cp1252) {
    text = cp1252;
    n = strlen(cp1252);
  }
  if (r->keep_depth > 0) {
    sink_text(&r->story, text, n);
    r->story_any = r->story_any || r->story.in_para;
  } else if (r->loose.buf->len < EG_DOCUMENT_PART) {
    sink_text(&r->loose, text, n);
  }
}

EgHtmlReader *
eg_html_reader_new(void)
{
  xmlInitParser();
  EgHtmlReader *r = g_new0(EgHtmlReader, 1);
  xmlSAXHandler sax;
  memset(&sax, 0, sizeof sax);
  sax.startElement = html_start;
  sax.endElement = html_end;
  sax.characters = html_characters;
  /* Whitespace the parser calls ignorable still separates two words. */
  sax.ignorableWhitespace = html_characters;
  sax.cdataBlock = html_characters;
  r->parser = htmlCreatePushParserCtxt(&sax, r, NULL, 0, NULL, XML_CHAR_ENCODING_UTF8);
  if (!r->parser)
    g_error("libxml2 could not make an HTML parser (out of memory)");
  htmlCtxtUseOptions(r->parser, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                HTML_PARSE_NONET);
  r->stack = g_array_new(FALSE, FALSE, sizeof(HtmlFrame));
  r->story.buf = g_string_new(NULL);
  r->loose.buf = g_string_new(NULL);
  r->held = g_string_new(NULL);
  return r;
}

/* Hands the story text over to OUT once the page's mode is decided. */
static void
html_flush(EgHtmlReader *r, GString *out)
{
  if (r->mode == MODE_UNDECIDED && r->story.buf->len > EG_DOCUMENT_PART)
    r->mode = MODE_WHOLE; /* no article in the first part of the text: not a story page */
  if (r->mode == MODE_UNDECIDED || r->story.buf->len == 0)
    return;
  g_string_append_len(out, r->story.buf->str, (gssize)r->story.buf->len);
  g_string_truncate(r->story.buf, 0);
}

/* Where the parser may be handed a chunk that ends: before a '<' that follows a '>' (spaces
 * between allowed), i.e. between two tags. libxml2 2.9's push parser stops parsing until the end
 * of input (holding it all) after a chunk that ends inside a tag, for instance after a '>' or
 * before a '<' inside a quoted attribute value. Returns 0 when BUF holds no such place. */
static gsize
html_safe_cut(const char *buf, gsize len)
{
  for (gsize i = len; i-- > 1;) {
    if (buf[i] != '<')
      continue;
    gsize j = i;
    while (j > 0 && g_ascii_isspace(buf[j - 1]))
      j--;
    if (j > 0 && buf[j - 1] == '>')
      return i;
  }
  return 0;
}

/* Looks at the first bytes held before any is parsed. libxml2's push parser does not look for a
 * byte order mark (its one-shot parser does): the mark is dropped and sets the charset. It also
 * gives nothing at all for a page that starts with an end tag ("</div><p>Text"), unless an
 * html element is open. Returns FALSE while too few bytes are held to tell. */
static gboolean
html_begin(EgHtmlReader *r, gboolean end)
{
  GString *h = r->held;
  if (!r->bom_seen) {
    if (h->len < 3 && !end)
      return FALSE;
    r->bom_seen = TRUE;
    const guchar *b = (const guchar *)h->str;
    if (h->len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
      g_string_erase(h, 0, 3);
    } else if (h->len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) {
      xmlSwitchEncoding(r->parser, b[0] == 0xFF ? XML_CHAR_ENCODING_UTF16LE : XML_CHAR_ENCODING_UTF16BE);
      g_string_erase(h, 0, 2);
      r->started = TRUE;
      return TRUE;
    }
  }
  gsize i = 0;
  while (i < h->len && g_ascii_isspace(h->str[i]))
    i++;
  if (i + 2 > h->len && !end && h->len < HTML_HOLD_MAX)
    return FALSE;
  if (i + 1 < h->len && h->str[i] == '<' && h->str[i + 1] == '/')
    htmlParseChunk(r->parser, "<html>", 6, 0);
  r->started = TRUE;
  return TRUE;
}

void
eg_html_reader_feed(EgHtmlReader *reader, const char *data, gsize len, GString *out)
{
  g_return_if_fail(reader != NULL && out != NULL && (data != NULL || len == 0));
  if (len == 0)
    return;
  GString *held = reader->held;
  gsize old = held->len;
  g_string_append_len(held, data, (gssize)len);
  if (!reader->started) {
    if (!html_begin(reader, FALSE))
      return;
    old = 0;
  }
  /* The cut is looked for only in the new bytes (and the '>' before them), so the time stays
   * linear however long a page goes without one. */
  gsize from = old > 0 ? old - 1 : 0;
  gsize cut = html_safe_cut(held->str + from, held->len - from);
  cut = cut ? from + cut : (held->len > HTML_HOLD_MAX ? held->len : 0);
  if (cut == 0)
    return;
  htmlParseChunk(reader->parser, held->str, (int)cut, 0);
  g_string_erase(held, 0, (gssize)cut);
  html_flush(reader, out);
}

void
eg_html_reader_finish(EgHtmlReader *reader, GString *out)
{
  g_return_if_fail(reader != NULL && out != NULL);
  if (!reader->started)
    html_begin(reader, TRUE);
  htmlParseChunk(reader->parser, reader->held->str, (int)reader->held->len, 1);
  g_string_truncate(reader->held, 0);
  if (reader->mode == MODE_UNDECIDED)
    reader->mode = MODE_WHOLE;
  html_flush(reader, out);
  if (!reader->story_any && reader->loose.buf->len > 0)
    g_string_append_len(out, reader->loose.buf->str, (gssize)reader->loose.buf->len);
  sink_reset(&reader->loose);
}

void
eg_html_reader_free(EgHtmlReader *reader)
{
  if (!reader)
    return;
  htmlFreeParserCtxt(reader->parser);
  for (guint i = 0; i < reader->stack->len; i++)
    g_free(g_array_index(reader->stack, HtmlFrame, i).name);
  g_array_free(reader->stack, TRUE);
  g_string_free(reader->story.buf, TRUE);
  g_string_free(reader->loose.buf, TRUE);
  g_string_free(reader->held, TRUE);
  if (reader->ld_json)
    g_string_free(reader->ld_json, TRUE);
  g_free(reader);
}

guint32
eg_html_reader_day(const EgHtmlReader *reader)
{
  g_return_val_if_fail(reader != NULL, 0);
  return reader->day;
}

char *
eg_html_to_text(const char *html, gsize len, gsize *out_len)
{
  g_return_val_if_fail(html != NULL || len == 0, NULL);
  g_autoptr(EgHtmlReader) reader = eg_html_reader_new();
  GString *out = g_string_new(NULL);
  /* In blocks, as a file is read: the held input stays small. */
  for (gsize off = 0; off < len; off += 256u * 1024u)
    eg_html_reader_feed(reader, html + off, MIN(len - off, 256u * 1024u), out);
  eg_html_reader_finish(reader, out);
  if (out_len)
    *out_len = out->len;
  return g_string_free(out, FALSE);
}

gboolean
eg_html_is_name(const char *path)
{
  g_return_val_if_fail(path != NULL, FALSE);
  gsize n = strlen(path);
  if (n > 3 && g_ascii_strcasecmp(path + n - 3, ".gz") == 0)
    n -= 3;
  return (n > 5 && g_ascii_strncasecmp(path + n - 5, ".html", 5) == 0) ||
         (n > 4 && g_ascii_strncasecmp(path + n - 4, ".htm", 4) == 0);
}
