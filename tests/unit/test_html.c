/* test_html.c: unit tests of the web-page extractor (html.c): what text of a page is kept, how
 * it is cut into paragraphs, entities and charsets, recovery from broken markup, and that the
 * text does not depend on how the page is cut into blocks. Every page is written here. */
#include <string.h>

#include "text/text.h"

/* The text of PAGE, fed in blocks of BLOCK bytes (0: at once). Transfer full. */
static char *
text_of_blocks(const char *page, gsize len, gsize block)
{
  g_autoptr(EgHtmlReader) reader = eg_html_reader_new();
  GString *out = g_string_new(NULL);
  if (block == 0)
    block = MAX(len, 1);
  for (gsize off = 0; off < len; off += block)
    eg_html_reader_feed(reader, page + off, MIN(block, len - off), out);
  eg_html_reader_finish(reader, out);
  return g_string_free(out, FALSE);
}

/* Checks that PAGE gives EXPECTED, whether fed at once, byte by byte or in blocks of 7. */
static void
assert_text_len(const char *page, gsize len, const char *expected)
{
  gsize n = 0;
  g_autofree char *once = eg_html_to_text(page, len, &n);
  g_assert_cmpstr(once, ==, expected);
  g_assert_cmpuint(n, ==, strlen(expected));
  g_assert_true(g_utf8_validate(once, -1, NULL));
  const gsize blocks[] = { 0, 1, 7 };
  for (guint i = 0; i < G_N_ELEMENTS(blocks); i++) {
    g_autofree char *fed = text_of_blocks(page, len, blocks[i]);
    g_assert_cmpstr(fed, ==, expected);
  }
}

static void
assert_text(const char *page, const char *expected)
{
  assert_text_len(page, strlen(page), expected);
}

static void
test_chrome_dropped(void)
{
  assert_text("<!DOCTYPE html><html><head><title>Putin meets Xi - Daily Planet</title>"
              "<style>p { color: red } /* Boris Johnson */</style>"
              "<script>var s = '<p>Kim Jong-un</p>'; if (a < b && c > d) {}</script></head><body>"
              "<nav><ul><li><a href=/>World</a></li><li>Donald Trump</li></ul></nav>"
              "<h1>Vladimir Putin meets Xi Jinping</h1>"
              "<p>Vladimir Putin met Xi Jinping in Moscow.</p>"
              "<figure><img src=a.jpg><figcaption>Angela Merkel in Berlin.</figcaption></figure>"
              "<aside><p>Read more: Emmanuel Macron</p></aside>"
              "<noscript><p>Enable JavaScript, Joe Biden</p></noscript>"
              "<form><label>Name</label><button>Subscribe, Olaf Scholz</button>"
              "<select><option>Rishi Sunak</option></select></form>"
              "<iframe src=x>Justin Trudeau</iframe><svg><text>Narendra Modi</text></svg>"
              "<template><p>Giorgia Meloni</p></template>"
              "<h2>Talks</h2><p>The talks went on.</p>"
              "<footer><p>Copyright Daily Planet, Lois Lane</p></footer></body></html>",
              "Vladimir Putin meets Xi Jinping\n\n"
              "Vladimir Putin met Xi Jinping in Moscow.\n\n"
              "Talks\n\n"
              "The talks went on.");
}

static void
test_paragraphs(void)
{
  /* Every heading, paragraph, list item, quote and definition is one paragraph; white space
   * inside one (line breaks of the source) is one space. */
  assert_text("<h1>  Headline\n  here </h1><p>First\nparagraph goes on.</p>"
              "<ul><li>One</li><li>Two</li></ul><blockquote>Quoted</blockquote>"
              "<dl><dt>Term</dt><dd>Meaning</dd></dl><h6>Small</h6>",
              "Headline here\n\nFirst paragraph goes on.\n\nOne\n\nTwo\n\nQuoted\n\nTerm\n\n"
              "Meaning\n\nSmall");
  /* A block inside a block starts a paragraph of its own; text after it starts another. */
  assert_text("<li>Item <ul><li>Sub-item</li></ul> tail</li>", "Item\n\nSub-item\n\ntail");
  assert_text("<blockquote><p>One</p><p>Two</p></blockquote>", "One\n\nTwo");
}

static void
test_br(void)
{
  /* A br ends the paragraph: the names on two lines are two names, as in a byline, an address
   * or a list of names, and the lines are not one sentence. */
  assert_text("<p>Angela Merkel<br>Olaf Scholz met.</p>", "Angela Merkel\n\nOlaf Scholz met.");
  assert_text("<p>By <a href=x>Lois Lane</a><br/>Berlin<br></p><p>Story</p>", "By Lois Lane\n\nBerlin\n\nStory");
  /* Paragraphs written as br br (no empty paragraph), and a br inside inline markup. */
  assert_text("<div>One.<br><br>\n<br>Two.</div>", "One.\n\nTwo.");
  assert_text("<p><b>Emmanuel Macron<br></b>Paris</p>", "Emmanuel Macron\n\nParis");
  /* In a table cell: the rest of the row goes on after the cell's break. */
  assert_text("<table><tr><td>Joe Biden<br>Delaware</td><td>81,283,501</td></tr></table>",
              "Joe Biden\n\nDelaware; 81,283,501");
}

static void
test_inline(void)
{
  assert_text("<p>The German chancellor, <b>Angela</b> <i>Merkel</i>, met <a href='x'>"
              "<strong>Emmanuel <em>Macron</em></strong></a> and <span class=n><span>Olaf"
              "</span></span>&nbsp;<abbr>Scholz</abbr>.</p>",
              "The German chancellor, Angela Merkel, met Emmanuel Macron and Olaf Scholz.");
  /* Inline tags do not split a word; other element boundaries are a space. */
  assert_text("<p>Mer<b>kel</b> said<img src=x>so<input>too</p>", "Merkel said so too");
}

static void
test_entities(void)
{
  assert_text("<p>AT&amp;T &lt;b&gt; caf&eacute; &#x41;&#66; &mdash; &ldquo;quote&rdquo;"
              "&nbsp;&nbsp;Fran&ccedil;ois</p>",
              "AT&T <b> café AB — “quote” François");
  /* An unknown entity and a lone ampersand are kept as written. */
  assert_text("<p>Marks &amp; Spencer &unknown; & Co</p>", "Marks & Spencer &unknown; & Co");
}

static void
test_malformed(void)
{
  /* Unclosed paragraphs and list items end where the next one starts. */
  assert_text("<p>One<p>Two<ul><li>Three<li>Four</ul><p>Five", "One\n\nTwo\n\nThree\n\nFour\n\nFive");
  /* An open inline element does not keep a paragraph open over the blocks after it (libxml2
   * nests them; a browser closes the p). */
  assert_text("<p>Unclosed <em>Olaf Scholz\n<ul><li>Item</li></ul><div>Loose</div><p>Next</p>",
              "Unclosed Olaf Scholz\n\nItem\n\nNext");
  /* Stray end tags, unquoted attributes and a page cut in the middle of a tag. */
  assert_text("</div></p><p class=a id=b>Text</b></span> here</p></li><p>Cut <a href=\"x",
              "Text here\n\nCut");
  assert_text("<p>Never closed <script>var a = '</p>';", "Never closed");
  /* libxml2's push parser gives nothing for a page that starts with an end tag, unless told. */
  assert_text("\n </p><p>After a stray end tag</p>", "After a stray end tag");
}

static void
test_charsets(void)
{
  /* Declared in a meta element. */
  assert_text("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xe9 in M\xfcnchen</p>",
              "Café in München");
  assert_text("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
              "</head><body><p>\xc2\xeb\xe0\xe4\xe8\xec\xe8\xf0 \xcf\xf3\xf2\xe8\xed</p>",
              "Владимир Путин");
  /* Undeclared: UTF-8, and a page that is not UTF-8 is read as windows-1252, as browsers do:
   * its curly quotes and dashes are not C1 controls. */
  assert_text("<p>Caf\xc3\xa9 M\xc3\xbcnchen</p>", "Café München");
  assert_text("<p>Caf\xe9</p>", "Café");
  assert_text("<p>\x93" "Caf\xe9\x94 \x96 it\x92s \x80" "5 \x85 \x8a\x9e</p>", "“Café” – it’s €5 … Šž");
  /* ... and its bytes undefined in windows-1252 stay the controls WHATWG makes of them. */
  assert_text("<p>Caf\xe9 \x81\x8d\x8f\x90\x9d</p>", "Café \xc2\x81\xc2\x8d\xc2\x8f\xc2\x90\xc2\x9d");
  /* Invalid only far into the page: the text before is UTF-8, the rest windows-1252. */
  GString *late = g_string_new("<p>M\xc3\xbcnchen</p>");
  for (guint i = 0; i < 2000; i++)
    g_string_append(late, "<div>x</div>");
  g_string_append(late, "<p>\x93Quoted\x94</p>");
  assert_text(late->str, "München\n\n“Quoted”");
  g_string_free(late, TRUE);
  /* A page declared iso-8859-1 is windows-1252 too (WHATWG), and "&#147;" is a quote (HTML5). */
  assert_text("<meta charset=iso-8859-1><p>\x93Zurich\x94</p>", "“Zurich”");
  assert_text("<p>&#147;Zurich&#148; &#x96; &#128;</p>", "“Zurich” – €");
  /* A declared charset is not second-guessed. */
  assert_text("<meta charset=windows-1251><p>\xcf\xf3\xf2\xe8\xed \x93\xcc\xc8\xc4\x94</p>", "Путин “МИД”");
  /* Byte order marks: UTF-8 (dropped) and UTF-16 (which has NUL bytes). */
  assert_text("\xEF\xBB\xBF<p>Marked</p>", "Marked");
  static const char utf16le[] = "\xFF\xFE<\0p\0>\0K\0\xF6\0l\0n\0<\0/\0p\0>\0";
  assert_text_len(utf16le, sizeof utf16le - 1, "Köln");
  /* Bytes that are text in no charset end nothing and give valid UTF-8. */
  static const char junk[] = "<p>A\0B\xff\xfe\x80 C</p><p>\x01\x02 D</p>";
  g_autofree char *text = eg_html_to_text(junk, sizeof junk - 1, NULL);
  g_assert_true(g_utf8_validate(text, -1, NULL));
  g_assert_nonnull(strstr(text, "D"));
  /* libxml2 passes an invalid byte after '&' through: it is replaced. */
  assert_text("<p>a&\xf6" "b</p>", "a&\xef\xbf\xbd" "b");
}

static void
test_article(void)
{
  /* With an article, the page around it is not the story; inside it, the header (headline,
   * byline) is kept, its footer, asides and figures are not. */
  assert_text("<body><header><p>Daily Planet, Perry White</p></header>"
              "<div class=promo><p>Subscribe, says Rupert Murdoch</p></div>"
              "<article><header><h1>Hollande visits Zurich</h1><p>By Lois Lane</p></header>"
              "<p>Francois Hollande met Ueli Maurer.</p><aside><p>Nicolas Sarkozy</p></aside>"
              "<footer><p>Tags: France</p></footer></article>"
              "<aside><article><p>Related: Marine Le Pen</p></article></aside>"
              "<p>After the article: Emmanuel Macron</p></body>",
              "Hollande visits Zurich\n\nBy Lois Lane\n\nFrancois Hollande met Ueli Maurer.");
  /* Several articles (a page of stories) are all kept. */
  assert_text("<p>Menu</p><article><p>One</p></article><p>Between</p><article><p>Two</p></article>",
              "One\n\nTwo");
  /* Without an article, a header is site chrome. */
  assert_text("<header><h1>Site name</h1></header><h1>Story</h1>", "Story");
}

static void
test_hidden(void)
{
  assert_text("<p>Kept</p><div hidden><p>Hidden</p></div><p aria-hidden=\"true\">Aria</p>"
              "<div role=\"navigation\"><p>Menu</p></div><div role=complementary><p>Side</p></div>"
              "<p aria-hidden=false>Shown</p>",
              "Kept\n\nShown");
}

static void
test_tables(void)
{
  /* The cells of a row are one paragraph, so names in one row are together. */
  assert_text("<table><caption>Results</caption><tr><th>Name</th><th>Votes</th></tr>"
              "<tr><td>Joe Biden</td><td>81,283,501</td></tr><tr><td>Donald Trump<td>74,223,975</table>",
              "Results\n\nName; Votes\n\nJoe Biden; 81,283,501\n\nDonald Trump; 74,223,975");
}

static void
test_fallback(void)
{
  /* A page without paragraph markup keeps the text of its other elements. */
  assert_text("<html><body><div>First block</div><div>Second <b>block</b><br>line</div>"
              "<script>no</script></body></html>",
              "First block\n\nSecond block\n\nline");
  /* ... but not when it has a story: then loose text is chrome. */
  assert_text("<div>Share this</div><p>Story</p>", "Story");
}

static void
test_empty(void)
{
  assert_text("", "");
  assert_text("<html><head><title>Only a title</title><script>x()</script></head><body>"
              "<nav>Menu</nav>&nbsp; \n</body></html>",
              "");
}

static void
test_names(void)
{
  g_assert_true(eg_html_is_name("page.html"));
  g_assert_true(eg_html_is_name("dir/PAGE.HTM"));
  g_assert_true(eg_html_is_name("page.html.gz"));
  g_assert_true(eg_html_is_name("page.htm.gz"));
  g_assert_false(eg_html_is_name("page.txt"));
  g_assert_false(eg_html_is_name("page.xhtml"));
  g_assert_false(eg_html_is_name(".html"));
  g_assert_false(eg_html_is_name("page.html.txt"));
}

/* A long page comes out whole, whatever the blocks, and its text is handed over as it goes. */
static void
test_long_page(void)
{
  GString *page = g_string_new("<html><body><article>");
  GString *expected = g_string_new(NULL);
  for (guint i = 0; i < 20000; i++) {
    g_string_append_printf(page, "<p title='a > b < c'>Paragraph %u by <b>Angela Merkel</b>.</p>\n", i);
    g_string_append_printf(expected, "%sParagraph %u by Angela Merkel.", i ? "\n\n" : "", i);
  }
  g_string_append(page, "</article></body></html>");
  g_autoptr(EgHtmlReader) reader = eg_html_reader_new();
  GString *out = g_string_new(NULL);
  GString *all = g_string_new(NULL);
  gsize most = 0;
  for (gsize off = 0; off < page->len; off += 4096) {
    eg_html_reader_feed(reader, page->str + off, MIN(4096, page->len - off), out);
    most = MAX(most, out->len);
    g_string_append_len(all, out->str, (gssize)out->len);
    g_string_truncate(out, 0);
  }
  eg_html_reader_finish(reader, out);
  g_string_append_len(all, out->str, (gssize)out->len);
  g_assert_cmpuint(most, <, 16384); /* handed over block by block, not at the end */
  g_assert_cmpstr(all->str, ==, expected->str);
  g_string_free(out, TRUE);
  g_string_free(all, TRUE);
  g_string_free(expected, TRUE);
  g_string_free(page, TRUE);
}

/* The date of PAGE's markup, the same whether fed at once, byte by byte or in blocks of 7. */
static guint32
day_of(const char *page)
{
  guint32 day = 0;
  const gsize blocks[] = { 0, 1, 7 };
  for (guint i = 0; i < G_N_ELEMENTS(blocks); i++) {
    g_autoptr(EgHtmlReader) reader = eg_html_reader_new();
    g_autoptr(GString) out = g_string_new(NULL);
    gsize len = strlen(page), block = blocks[i] ? blocks[i] : MAX(len, 1);
    for (gsize off = 0; off < len; off += block)
      eg_html_reader_feed(reader, page + off, MIN(block, len - off), out);
    eg_html_reader_finish(reader, out);
    if (i > 0)
      g_assert_cmpuint(eg_html_reader_day(reader), ==, day);
    day = eg_html_reader_day(reader);
  }
  return day;
}

static guint32
ymd(int y, int m, int d)
{
  return g_date_get_julian(&(GDate){ .julian = 0, .dmy = 1, .day = d, .month = m, .year = y });
}

static void
test_date(void)
{
  guint32 d18 = ymd(2018, 7, 18);
  /* Open Graph's article:published_time, schema.org's datePublished (in a meta or a time). */
  g_assert_cmpuint(day_of("<head><meta property=\"article:published_time\" content=\"2018-07-18T10:00:00Z\">"
                          "</head><p>Text</p>"), ==, d18);
  g_assert_cmpuint(day_of("<meta itemprop=datePublished content=\"2018-07-18\"><p>Text</p>"), ==, d18);
  g_assert_cmpuint(day_of("<article><p>By Lois Lane <time itemprop=\"datePublished\" "
                          "datetime=\"2018-07-18T23:30:00-05:00\">Wed</time></p></article>"), ==, d18);
  /* Older conventions, in any case, and a date in any form eg_date_parse reads. */
  g_assert_cmpuint(day_of("<META NAME=\"Date\" CONTENT=\"July 18, 2018\"><p>Text</p>"), ==, d18);
  g_assert_cmpuint(day_of("<meta name=dc.date.issued content=\"Wed, 18 Jul 2018 10:00:00 +0000\">"), ==, d18);
  /* JSON-LD: the first datePublished (the page's own; a related story's comes later). */
  g_assert_cmpuint(day_of("<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"dateModified\": "
                          "\"2018-09-01\", \"datePublished\" : \"2018-07-18T10:00:00Z\", \"related\": "
                          "{\"datePublished\": \"2017-01-01\"}}</script><p>Text</p>"), ==, d18);
  /* The first <time datetime> of the story: of the article, not of the site around it. */
  g_assert_cmpuint(day_of("<div><time datetime=2010-01-01>Today</time></div><article><h1>Summit</h1>"
                          "<p>By Lois Lane, <time datetime=\"2018-07-18\">July 18</time></p>"
                          "<p><time datetime=2018-07-19>Later</time></p></article>"), ==, d18);
  g_assert_cmpuint(day_of("<nav><time datetime=2010-01-01>x</time></nav><p><time datetime=2018-07-18>x</time></p>"),
                   ==, d18);
  /* The most trusted source wins wherever it is: published over a meta date over <time>. */
  g_assert_cmpuint(day_of("<head><meta name=date content=2017-01-01></head><article><p><time datetime="
                          "2016-01-01>x</time></p><meta itemprop=datePublished content=2018-07-18></article>"),
                   ==, d18);
  g_assert_cmpuint(day_of("<p><time datetime=2016-01-01>x</time></p><meta name=pubdate content=2018-07-18>"),
                   ==, d18);
  g_assert_cmpuint(day_of("<meta property=article:published_time content=2018-07-18>"
                          "<meta property=article:published_time content=2016-01-01>"), ==, d18);
  /* Not a publication date, not a date, or none: 0, and the next source is read. */
  g_assert_cmpuint(day_of("<meta property=article:modified_time content=2018-07-18><p>July 18, 2018</p>"), ==, 0);
  g_assert_cmpuint(day_of("<meta name=date content=soon><p><time datetime=2018-07-18>x</time></p>"), ==, d18);
  g_assert_cmpuint(day_of("<p>Text</p>"), ==, 0);
  g_assert_cmpuint(day_of(""), ==, 0);
}

int
main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/html/chrome-dropped", test_chrome_dropped);
  g_test_add_func("/html/paragraphs", test_paragraphs);
  g_test_add_func("/html/br", test_br);
  g_test_add_func("/html/inline", test_inline);
  g_test_add_func("/html/entities", test_entities);
  g_test_add_func("/html/malformed", test_malformed);
  g_test_add_func("/html/charsets", test_charsets);
  g_test_add_func("/html/article", test_article);
  g_test_add_func("/html/hidden", test_hidden);
  g_test_add_func("/html/tables", test_tables);
  g_test_add_func("/html/fallback", test_fallback);
  g_test_add_func("/html/empty", test_empty);
  g_test_add_func("/html/names", test_names);
  g_test_add_func("/html/long-page", test_long_page);
  g_test_add_func("/html/date", test_date);
  return g_test_run();
}
