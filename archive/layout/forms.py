"""The names of the forms a generated page mixes; each article and page is tagged with its own."""

# Headline blocks
BARE = "bare"  # a headline block and body paragraphs: no byline, no lead
STACK = "stack"  # kicker / title / deck in the orders papers use
SPLIT_TITLE = "split_title"  # one title set over two lines
SLOGAN = "slogan"  # factual line (kicker) over a short parallel slogan (title)
# Attribution
BYLINE_BLOCK = "byline_block"  # ■本报记者 X … in its own block before the lead
LOCAL_LEAD = "local_lead"  # 本报讯 …
WIRE = "wire"  # 新华社 / 中新社 / 据新华社 datelines
DISPATCH = "dispatch"  # 本报X地X月X日电, 记者X报道, 本报专电
END_BYLINE = "end_byline"  # （记者 X） / （X） / （X 摄） closing the text
# Kinds of article
COMMENTARY = "commentary"  # 本报评论员, 短评, 编者按, 言论, 特约评论员
PICTURE = "picture"  # picture news: a caption with X 摄
BRIEF = "brief"  # one item of a 简讯 group
# Layout accidents
CONTINUED = "continued"  # （下转第X版） / （上接第X版）
COLUMN_BREAK = (
    "column_break"  # a paragraph cut mid-sentence, maybe a caption between, maybe out of order
)
TITLE_AFTER = "title_after"  # a lead-opened story's title read after its text, over the next's
# Page level
DATE_LINE = "date_line"  # the page prints its date line
NO_DATE_LINE = "no_date_line"  # no date line: only the leads carry dates
NO_BLANK_LINES = "no_blank_lines"  # exported one paragraph a line, no blank line anywhere
# A predicted article built from nothing any true article printed (furniture, banners)
NOWHERE = "furniture"

ARTICLE_FORMS = (
    BARE,
    STACK,
    SPLIT_TITLE,
    SLOGAN,
    BYLINE_BLOCK,
    LOCAL_LEAD,
    WIRE,
    DISPATCH,
    END_BYLINE,
    COMMENTARY,
    PICTURE,
    BRIEF,
    CONTINUED,
    COLUMN_BREAK,
    TITLE_AFTER,
)
PAGE_FORMS = (DATE_LINE, NO_DATE_LINE, NO_BLANK_LINES)
