# Pelican for the benchmark: one Atom feed of the newest 50, one index, one page per article,
# nothing else (no theme files, no category/tag/author/archive pages); content cache on.
AUTHOR = "bench"
SITENAME = "feedpub benchmark"
SITEURL = "http://localhost:8000"
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feed.atom"
FEED_MAX_ITEMS = 50
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
CATEGORY_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TAG_FEED_ATOM = None
TAG_FEED_RSS = None
DIRECT_TEMPLATES = ["index"]
DEFAULT_PAGINATION = False
ARTICLE_URL = ARTICLE_SAVE_AS = "articles/{slug}.html"
ARCHIVES_SAVE_AS = AUTHORS_SAVE_AS = CATEGORIES_SAVE_AS = TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = CATEGORY_SAVE_AS = TAG_SAVE_AS = PAGE_SAVE_AS = DRAFT_SAVE_AS = ""
STATIC_PATHS = []
THEME_STATIC_PATHS = []
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
DELETE_OUTPUT_DIRECTORY = False
