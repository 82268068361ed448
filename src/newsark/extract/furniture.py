"""Page furniture left in a body as whole blocks of its Markdown.

Both libraries keep a few of the page's labels as blocks of their own: an advertisement
slot's "Advertisement - Continue Reading Below" between paragraphs, and at the body's end
what introduced or closed a part they cut: a "Related Posts:" or "### You may also like"
with nothing under it any more, a "Back to top", "Comments" or "Tags" (alone, or listing
them: "Tags: Employment, Fitness", "Filed under: …"), the links to the
stories before and after it ("下一則新聞: …", "« Previous post"), a Chinese platform's
disclaimer among its last blocks ("免责声明：…不代表新浪立场"), a list of other stories'
teasers, each closed by its date alone in a block, a line of the
page's hashtags (its tags, kept in ``tags`` where the page marks them), a closing "Last
updated on …" line (the date is read before this step, from the page); and anywhere, a
block of zero-width characters alone (a page builder's spacer), a table of contents'
title ("Table of Contents", "On this page"; its list, if any, stays), the text size
control ("字号", "【字体：大 中 小】"), a list of photo
credits alone (a carousel's, its pictures not in the page as saved), a line pointing to
another story ("Related: …", "Recommended: …"), a button's label alone ("Read more",
"Learn more", "Where to buy"; a shop's "Check Price on Amazon"), a script's placeholder
("Loading paragraph..."), and the site's own notes and appeals (prompts.py: "Sign up for
our newsletter …", "This post contains affiliate links", "Follow us on …"). None of them
is the article's text. Nor is the box about the author that some bodies end with
(authorbox.py, once the byline is known), nor the lines above the article that only
give its byline, its date or its reading time (headerlines.py). Only whole blocks
go: a sentence that mentions an advertisement, a label inside a paragraph or a heading
followed by its text stays.
"""

from __future__ import annotations

import itertools
import re

from .choose import CJK_RE
from .credits import STORY_SOURCE, split_credit
from .dates import find_date_span
from .plaintext import MD_LINK_RE, plain_block, plain_text
from .prompts import site_prompt
from .textform import nfkc

# A block that is only an advertisement slot's label, anywhere in the body.
_AD_LABEL_RE = re.compile(
    r"^(?:advertisement|advertising|advert|ad|ads|sponsored|sponsored content|廣告|广告)"
    r"(?:\s*[-–—:|·]?\s*(?:continue reading below|scroll to continue(?: with content)?|"
    r"story continues below|article continues below))?$"
    r"|^(?:story|article) continues below(?: (?:this )?advertisement)?$"
    # a table of contents' title, anywhere: its list of links is a script's, gone from the
    # page as saved, or kept below as a list (12 such titles on the English dev sets, 1
    # in a labelled body)
    # (with its button's word, 'Table of Contents Show', 'Toggle Table of Content'), and a
    # jump list's title ('Jump to a section:', 'Jump to ↓')
    r"|^(?:toggle |expand |show |hide )?(?:table of contents?|contents):?(?: (?:show|hide|toggle|expand))?$"
    r"|^on this page:?$|^jump to(?: a section| section)?\s*[:↓]?$"
    # a comment box's counter ('已输入0字', '还可以输入500字') and the trail of where the
    # page sits ('您所在的位置： 首页 > 快讯 > 公司'): the page's controls, not its text
    r"|^(?:已输入|已輸入|还可以?输入|還可以?輸入)\s*\d+\s*字"
    r"|^(?:您所在的位置|您的位置|你的位置|你所在的位置|当前位置|當前位置|所在位置)\s*[:：︰]|^(?:-\s*)?you are here\s*:"
    # the text size control ('字号', '【字体：大 中 小】', '字號 A- A A+')
    r"|^[【\[]?\s*(?:字号|字號|字体|字體)\s*[:：︰]?\s*(?:大\s*中\s*小|a[-+]?(?:\s*a[-+]?)*)?\s*[】\]]?$"
)
_BUTTON_MARKS = " .…→»›:!"  # around a button's words: its arrow, a full stop
# A button's label alone, anywhere ("Read more", "Learn more", "Where to buy").
_BUTTON_LABELS = frozenset({"read more", "learn more", "see more", "view more", "show more", "continue reading",
                            "read full review", "jump to review", "where to buy", "see all", "view all",
                            "start free trial", "start your free trial", "book a demo", "request a demo",
                            "get a quote", "apply now", "download now", "related", "view pdf",
                            "no credit card required",
                            # a recipe card's screen-lock toggle (WP Recipe Maker's 'Cook Mode')
                            "cook mode", "prevent your screen from going dark as you follow along",
                            "cook mode prevent your screen from going dark",
                            # a picture's buttons (NPR's 'toggle caption', 'Enlarge this image')
                            "toggle caption", "hide caption", "enlarge this image",
                            # a caption's or a dialog's toggles ('... more' / 'less', 'Close')
                            "more", "less", "see less", "show less", "view less", "close",
                            # a script's stand-in where it draws a slideshow or comments
                            # (WordPress's Jetpack, Disqus), saved with the page
                            "this slideshow requires javascript", "order reprints", "print article",
                            "please enable javascript to view the comments powered by disqus"})
# A shop's button beside a product of a buying guide: "Check Price on Amazon", "See price
# at Walmart", "View on Amazon" (with its link's note, "Links to Amazon.com"). Not "Buy on
# Amazon": a WCXB label keeps 23 of those as the guide's text.
_SHOP_BUTTON_RE = re.compile(
    r"^(?:(?:see|check|view|compare|get) (?:the )?(?:latest |current |best |today's |today’s )?"
    r"(?:price|prices|deal|deals)|view(?: it)?|see it) (?:at|on) [\w.'’&+-]+(?: [\w.'’&+-]+){0,3}"
    r"(?: links? to [\w.]+)?$"
    # a plan's: 'View Plans' with its link's note, 'Links to Aura'
    r"|^(?:view|see|compare) plans(?: links? to [\w.'’&+®-]+(?: [\w.'’&+®-]+){0,3})?$"
    # an audio player's ('Listen to this article', '… in summarized format', '… 5 min')
    r"|^listen to (?:this|the) (?:article|story)(?: in summari[sz]ed format| \d{1,3}:\d\d(?: min)?| \d{1,3} min(?:utes)?)?$")
# Labels of the page's controls and sections, when one ends the body.
UI_LABELS = frozenset("""
back to top|top|back to blog|back to news|learn more|read more|see more|view more|show more|hide all|
book a demo|get in touch|contact us|let's chat|lets chat|start free trial|view all plans|
comments|comment|leave a comment|leave a reply|tags|topics|related|related posts|related articles|
share|share this|share this article|share this post|print|email|next topic|next article|
previous article|view author page|pin it here|pin for later|pin it|pinterest image|pin this for later|
like this|like loading|sharing is caring|follow us|join our newsletter|get started|see all|view all|
this slideshow requires javascript|video|videos|podcast|podcasts|guide|guides|back|go back|voltar|volver|
retour|zurück|thanks for visiting|
返回顶部|返回頂部|分享|分享到|相关文章|相關文章|相关阅读|相關閱讀|延伸閱讀|延伸阅读|標籤|标签|
分享让更多人看到|分享讓更多人看到|【详细】|【詳細】|
我要跟帖|我要评论|我要評論|发表评论|發表評論|网友评论|網友評論|评论|評論|留言|我要留言|
相关推荐|相關推薦|推荐阅读|推薦閱讀|热门推荐|熱門推薦
""".replace("\n", "").split("|"))
_COUNT_RE = re.compile(r"\s*[(（]\s*\d+\s*[)）]$")  # a label's count: 'Comments (3)', '评论（0）'
_LABEL_CHARS = 200  # an advertisement label or a spacer block is never longer (Markdown included)
_LINKED_LABEL_CHARS = 800  # ... nor a block opening with a link, with its address
# The page's tags or categories after the article ('Tags: Employment, Health & Fitness',
# 'Filed under: [Khawarij](…) |'); 'Tags:' alone is a lead-in (below).
_FILED_RE = re.compile(r"^(?:tags|tagged|tagged with|filed under|posted in|categories|category|topics)\s*:\s*\S"
                       # (the markup's '>>' is gone from the plain text: '关键词 >> …' reads '关键词  …')
                       r"|^(?:关键词|關鍵詞|关键字|關鍵字|标签|標籤)(?:\s*[:：︰]|\s)\s*\S",
                       re.IGNORECASE)
_FILED_WORDS = 16
_LEAD_IN_WORDS = 4  # "Related reads:", "Share the Blog on:": a lead-in with nothing after it
_CJK_LEAD_IN = 8  # characters, for a lead-in without spaces ("相關新聞：")
_UPDATED_LINE_RE = re.compile(
    # ('Updated: March 3, 2020', 'Updated at 1:23 p.m.', 'Last modified 10:05 am ET')
    r"^(?:last\s+)?(?:updated|modified|reviewed|published)(?:\s+on)?\s*:?\s*\S.{0,40}\d"
    r"(?:\s*[ap]\.?m\.?(?:\s+[A-Z]{1,3}T)?)?$|^最後更新|^最后更新",
    re.IGNORECASE,
)
_UPDATED_WORDS = 8
# The story's own short address written out after it ('**Short link:** https://bennadel.com/4856',
# 'Permalink: …'), a theme's line for copying it.
# (Its address may read as several words in plain text: an underscore in it is a marker there.)
_OWN_LINK_RE = re.compile(r"^(?:short ?link|short url|permalink|permanent link)\s*:?\s*https?://", re.IGNORECASE)
_OWN_LINK_WORDS = 4

# The page's links to the stories before and after this one, alone in a block
# ('[下一則新聞:…](…) [上一則新聞:…](…)', '[« Previous post](…)').
_PREV_NEXT_RE = re.compile(
    r"^\W*(?:[上下]一[則则篇頁页]|(?:next|previous|prev|older|newer)\s+(?:article|post|story|entry|news)\b)",
    re.IGNORECASE,
)
# The site's app or social account named alone ('证券时报APP', '微信公众号'): a download prompt.
_APP_RE = re.compile(r"^[\w\u4e00-\u9fff ]{0,12}(?:APP|App|客户端|客戶端|公众号|公眾號)$")
# The site's own notes after a Chinese story: its copyright notice ('…版權所有，禁止…轉貼
# 分享，違者必究'), prompts to get its app, join its fan page or pay for its archive
# ('您所瀏覽的新聞已過查詢時效。建議您加入中央社付費會員…'), the app's download links. Each
# in the form of a notice or a prompt: a story's own last words about copyright owners
# ('版權所有人不得…') or an app's downloads are not these. So are a public account's: a QR
# code to follow it ('扫描下方二维码解锁更多技能', '长按识别二维码关注我们'; not a story's own
# '扫描二维码预约', which is how to book), its keyword replies ('1、回复【公租房】查看最新消息'),
# and the platform's call to join it by email ('发送邮件至…@thepaper.cn申请加入澎湃政务号'). (Its
# menu and WeChat's '在看' button are prompts anywhere: prompts.py.)
_ZH_PROMPT_RE = re.compile(
    r"版[權权]所有[，,、 ].*(?:禁止|違者必究|违者必究|不得)|加入.{0,12}(?:粉絲團|粉丝团|粉絲專頁|粉丝专页)|"
    r"(?:歡迎|欢迎|請|请|立即|馬上|马上|快來|快来)(?:下載|下载).{0,12}(?:APP|App|app|客戶端|客户端)|"
    r"^(?:iOS|Android|安卓)\s*(?:載點|下載|下载)|^活[動动]辦法|^活动办法|"
    r"已過查詢時效|已过查询时效|加入.{0,10}(?:付費|付费)(?:會員|会员)|"
    r"(?:扫描|掃描|长按|長按|识别|識別|扫|掃).{0,6}(?:二维码|二維碼|码|碼).{0,12}(?:关注|關注|订阅|訂閱|解锁|解鎖|更多|加入)|"
    r"^(?:\d{1,2}\s*[、.．]\s*)?(?:回复|回覆)\s*[【\[「“\"][^】\]」”\"]{1,12}[】\]」”\"]|"
    r"@[\w-]+(?:\.[\w-]+)+\s*(?:申请|申請)加入")
_ZH_PROMPT_CHARS = 150
# The platform's disclaimer near a Chinese story's end, often above its editor's credit
# ('免责声明：…文章观点仅代表作者本人，不代表新浪立场', '特别声明' over '本文为…上传并发布，仅代表
# 该机构观点', '声明：…仅供参考，不构成实质性投资建议'): a notice labelled as one that disowns
# the text or limits its use. A statement the story quotes is not labelled so, or not there.
_ZH_DISCLAIMER_LABEL_RE = re.compile(r"^(?:免责|免責|特别|特別|版权|版權|郑重|鄭重)?(?:声明|聲明)(?:\s*[:：︰]|$)")
_ZH_DISCLAIMER_RE = re.compile(
    r"不代表|仅代表|僅代表|仅供参考|僅供參考|风险自担|風險自擔|不构成|不構成|版权归|版權歸|"
    r"(?:转载|轉載)请|(?:转载|轉載)請|请?联系(?:删除|本站)|請?聯繫(?:刪除|本站)|投资有风险|投資有風險")
_ZH_DISCLAIMER_CHARS = 400
DISCLAIMER_BLOCKS = 3  # the disclaimer is among the body's last blocks
_WORD_RE = re.compile(r"[^\W_]")
_HEADING_RE = re.compile(r"#{1,6} ")  # not '#hashtag', which is text
_VISIBLE_RE = re.compile("[^\u200b-\u200f\u2060\ufeff\\s]")
# A script's placeholder left in the page as saved ("Loading paragraph...", "Loading…").
_LOADING_RE = re.compile(r"^(?:loading|載入中|加载中)(?: \w+)?(?:\.{3}|…)$", re.IGNORECASE)


def _is_label(block: str) -> bool:
    """A short block no page means as text: an advertisement slot's label, a button's
    label, a script's placeholder, zero-width characters alone."""
    stripped = block.strip()
    if not stripped:
        return False
    if len(block) > _LABEL_CHARS and not (len(block) <= _LINKED_LABEL_CHARS and stripped.startswith("[")):
        return False  # (a button's link may carry a long address: an affiliate link's tracking)
    if _is_invisible(block):
        return True
    low = plain_block(block).lower()  # (once for the label sets below)
    label = low.strip(_BUTTON_MARKS)  # a button's words, without its arrow or full stop
    return bool(_AD_LABEL_RE.match(low.strip(" .…"))) or label in _BUTTON_LABELS or bool(_SHOP_BUTTON_RE.match(label)) \
        or (stripped[:7].lower().startswith(("loading", "載入中", "加载中"))
            and bool(_LOADING_RE.match(plain_text(stripped, with_captions=False)))) \
        or _button_list(block) or bool(_BUTTON_SHORTCODE_RE.fullmatch(stripped)) \
        or bool(_LONE_SHORTCODE_RE.fullmatch(stripped))


# A page builder's button written as its shortcode, which the site's plugin did not draw
# ('[button link=”…/submit-kit-review/” type=”big”] Send us YOUR kit review[/button]').
_BUTTON_SHORTCODE_RE = re.compile(r"\\?\[(button|su_button|vc_btn|et_pb_button)\b[^\]\n]*\\?\].{0,80}\\?\[/\1\\?\]",
                                  re.IGNORECASE)

# Any plugin's shortcode the site did not draw, a block of its own: a tag with its settings
# ('[convertkit form=1630175]', a signup form) or a template's placeholder named in capitals
# ('[CTA_MODULE]'). Not a bracketed line of words ('[Applause]', '[Ni’matul Ukhuwah hal. 41]',
# a source cited), nor a quote's shortcode around words (the words are the writer's).
_LONE_SHORTCODE_RE = re.compile(
    r"\\?\[(?:[A-Za-z][\w-]*(?:\s+[\w-]+=(?:\"[^\"\n]*\"|'[^'\n]*'|”[^”\n]*”|[^\s\]\\]+))+\s*/?"
    r"|[A-Z][A-Z0-9]*(?:\\?_[A-Z0-9]+)+)\\?\]")


def _button_list(block: str) -> bool:
    """A toolbar drawn as a list, a button an item ('- Order Reprints⏎- Print Article', Barron's)."""
    items = block.strip().split("\n")
    return len(items) >= 2 and all(item.startswith(("- ", "* ")) for item in items) \
        and all(plain_block(item[2:]).lower().strip(_BUTTON_MARKS) in _BUTTON_LABELS for item in items)


def _is_invisible(block: str) -> bool:
    """Only zero-width characters (a page builder's spacer paragraph: '&zwj;')."""
    return not _VISIBLE_RE.search(block)  # (stops at the first visible character)


# A paywall's notice where the rest of the story would be ('This article is exclusive to STAT+
# subscribers', 'Unlock this article — plus in-depth analysis, …', 'Already have an account?
# Log in'): what the archived page shows a reader without an account.
_PAYWALL_RE = re.compile(
    r"^(?:this (?:article|story|content) is (?:exclusive to|(?:only )?available (?:only )?to|for) [\w+ .'’-]{1,40}"
    r"(?:subscribers|members)\b|unlock this (?:article|story)\b|already (?:have an account|a subscriber|a member)\?"
    r"\s*(?:log ?in|sign ?in)\b|subscribe (?:now )?to (?:continue|keep) reading\b)", re.IGNORECASE)
_PAYWALL_CHARS = 200
_CLOSER_CHARS = 4000  # furniture is shorter (a line of hashtags with their links included)


def _closes_nothing(block: str) -> bool:
    """A block at the very end of a body that is furniture, not the article's last words."""
    if len(block) > _CLOSER_CHARS:
        return False  # the article's own (and the checks below would read all of it)
    if _HEADING_RE.match(block) and "\n" not in block:
        # a heading with nothing under it: the part it named was cut; in Chinese only a
        # section's label: a blog may set its paragraphs in <h4> ('#### 馬後砲。這當然都是馬後砲。',
        # '### **「愛國」。**' closing a post). (English headings there are prompts: 'Tell us
        # what YOU think...')
        text = plain_block(block).strip("*_ ")
        if CJK_RE.search(text):  # (only a section's label: '相關文章', '延伸閱讀' …)
            return _COUNT_RE.sub("", text.lower()) in UI_LABELS or bool(_ZH_RELATED_RE.match(text))
        return True
    tokens = block.split()
    if any(t.startswith(("#", "＃")) for t in tokens) and all(t.startswith(("#", "＃", "@")) for t in tokens):
        return True  # the page's tags as hashtags ('#[上吊](/Search/…) #[北市](…)', '#話題# @帳號')
    if block.startswith(("<figure", "{{<", "|", "```")):
        return False
    text = plain_block(block)
    if not _WORD_RE.search(block):
        return True  # a rule drawn with characters (underscores, backslashes): no word at all
    low = text.lower().strip(" .!?…→»›")
    if _COUNT_RE.sub("", low) in UI_LABELS:  # (a label without a count is itself)
        return True
    if related_label(block):
        return True  # a related-stories label whose list is gone ('You may also like', 'More Great WIRED Stories')
    if len(text) <= _PAYWALL_CHARS and _PAYWALL_RE.match(text):
        return True
    if text.strip() and all(_prompt_line(line) for line in block.split("\n") if line.strip()):
        return True  # (every line: a prompt line under the story's last words in one block is not all of it)
    links = MD_LINK_RE.findall(block)
    if links and not MD_LINK_RE.sub("", block).strip(" |·/\n-–—*_") \
            and all(_PREV_NEXT_RE.match(t.strip("*_ ")) for t in links):
        return True
    if _FILED_RE.match(text) and len(text.split()) <= _FILED_WORDS:
        return True  # the page's tags or categories (``tags`` and ``category`` read its markup)
    lead_in = text.endswith((":", "：", "︰")) and len(text.split()) <= _LEAD_IN_WORDS
    if lead_in and (len(text) <= _CJK_LEAD_IN or not CJK_RE.search(text)):
        return True
    if _OWN_LINK_RE.match(text.replace("**", "")) and len(text.split()) <= _OWN_LINK_WORDS:
        return True  # (a link's text keeps its bold marks in the plain text)
    return len(text.split()) <= _UPDATED_WORDS and bool(_UPDATED_LINE_RE.match(text))


def drop_furniture(markdown: str) -> str:
    """The body without advertisement labels and without the furniture at its end; the
    same text when there is none. A body is never emptied by this step."""
    if not markdown:
        return markdown
    blocks = markdown.split("\n\n")
    # Labels are short blocks (``_is_label``): a long one, most of a body's, is not looked at.
    kept = [b for b in blocks
            if not (_is_label(b) or _credits_list(b) or _pager(b) or _is_teaser_line(b) or _caps_teaser(b)
                    or site_prompt(b))]
    kept = _to_back_for_more(kept)
    kept = _without_related_links(kept)
    for _ in range(2):  # (a disclaimer may stand above the comments' furniture, or below it)
        kept = _without_disclaimer(without_closers(kept))
    kept = kept[: _dated_teasers_start(kept)]
    if kept and _HOME_LINK_RE.search(kept[-1]):
        # (the link may have been all of its block)
        kept = without_closers([*kept[:-1], _HOME_LINK_RE.sub("", kept[-1])])
    if kept == blocks:
        return markdown
    return "\n\n".join(kept) if any(b.strip() for b in kept) else markdown


# A link back to the site's front page run into the story's last paragraph ('…仍将持续。
# [返回腾讯网首页>>](http://www.qq.com/?pref=article)').
_HOME_LINK_RE = re.compile(r"\s*\[(?:\*\*)?(?:返回|回到)[^\]\n]{0,12}(?:首页|首頁|主页|主頁)(?:\*\*)?\s*(?:>>|»|›)?\]"
                           r"\([^)\s]*\)\s*$")


# Sohu's end of a story, a link back to the portal run into the story's last line ('作者：余毅菁
# 向雪妮[返回搜狐，查看更多](http://www.sohu.com/?strategyid=00001)'; a copy of the page names
# its own site there, '返回富达'): the editor's line, other stories' quotes and the
# platform's notice follow it, none of them the story's.
_BACK_FOR_MORE_RE = re.compile(r"\[(?:\*\*)?返回[^\]\n，,]{1,6}[，,]\s*查看更多(?:\*\*)?\]\([^)\s]*\)")


def _to_back_for_more(blocks: list[str]) -> list[str]:
    """The blocks up to Sohu's link back (``_BACK_FOR_MORE_RE``), without it."""
    for i, block in enumerate(blocks):
        if "查看更多" in block and (link := _BACK_FOR_MORE_RE.search(block)):
            last = block[: link.start()].rstrip()
            return [*blocks[:i], last] if last else blocks[:i]
    return blocks


def without_closers(blocks: list[str]) -> list[str]:
    """The blocks without the controls' labels and empty lead-ins that end them (one block
    is always kept), and the last one without the prompt lines that end it."""
    end = len(blocks)
    while end > 1 and (not blocks[end - 1].strip() or _closes_nothing(blocks[end - 1].strip())):
        end -= 1
    return _without_prompt_lines(blocks[:end])


def _without_prompt_lines(blocks: list[str]) -> list[str]:
    """The last block without the lines of a Chinese site's or account's prompts that end
    it: a page that writes its footer as lines under <br>s gives one block of the editors'
    credits, the QR code to follow and the keyword replies (thepaper's government accounts
    on a learned template; ``_ZH_PROMPT_RE``, ``prompts.site_prompt``). Its first line always
    stays."""
    last = blocks[-1] if blocks else ""
    if "\n" not in last or last.startswith(("<", "{{", "|", "```")) or not CJK_RE.search(last):
        return blocks
    lines = last.split("\n")
    end = len(lines)
    while end > 1 and _prompt_line(lines[end - 1]):
        end -= 1
    return blocks if end == len(lines) else [*blocks[:-1], "\n".join(lines[:end])]


def _prompt_line(line: str) -> bool:
    text = plain_block(line).strip()
    return bool(text) and (bool(_APP_RE.match(text)) or (len(text) <= _ZH_PROMPT_CHARS and bool(_ZH_PROMPT_RE.search(text)))
                           or site_prompt(line))


# A Chinese page's label over links to its other stories ('**相关新闻：**' over two bold
# links, sina): anywhere in the body, only with the links after it.
_ZH_RELATED_RE = re.compile(
    r"^(?:相关新闻|相關新聞|相关阅读|相關閱讀|延伸阅读|延伸閱讀|相关文章|相關文章|相关链接|相關連結|"
    r"推荐阅读|推薦閱讀|延伸推荐|延伸推薦|更多新闻|更多新聞|相关报道|相關報導|相关搜索|相關搜索|相關搜尋)\s*[:：︰]?$")
# What may stand between a Chinese label's two words ('延伸 · 推荐', 163.com)
_ZH_LABEL_GAP_RE = re.compile(r"(?<=^..)\s*[·・•|｜]?\s*")
# The same label in English, over a list of other stories' links ('**DON'T MISS**' over three
# headlines, each with its kind: '[INSIGHT]', '[VIDEO]'; express.co.uk).
_EN_RELATED_RE = re.compile(
    r"^(?:don'?t miss|related (?:stories|articles|posts|news|coverage|reading|links)(?: (?:from|on) [\w'’&. -]{1,40})?|"
    r"more (?:stories|news)|explore further|"
    r"more (?:great )?\w+ stories|up next|read next|"
    r"you (?:may|might) also like|recommended (?:reading|stories|articles|for you)|"
    r"you (?:may|might) (?:also )?be interested in(?: the following| these)?(?: \w+)?)\s*:?$", re.IGNORECASE)
# (Not 'See also:' nor 'Read more:': an editor's list of further reading under those, which
# the labels keep: WCXB 0400.)
_LINE_MARKS = " |·/-–—*_•>"
# A story's kind in capitals after its link ('[INSIGHT]', '**[VIDEO]**', '[**REACTION]|**').
_KIND_TAG_RE = re.compile(r"[\[*]*[A-Z]{2,12}[\]*|]*")


def _links_only(block: str) -> bool:
    """A block whose every line is links alone (a list of them, bold or not; a story's kind
    in capitals after one)."""
    if block.startswith(("<figure", "{{<", "|", "```")):
        return False
    return all(MD_LINK_RE.search(line) and not _KIND_TAG_RE.sub("", MD_LINK_RE.sub("", line)).strip(_LINE_MARKS)
               for line in block.strip().split("\n"))


def _picture_only(block: str) -> bool:
    """A figure with no caption (a teaser's thumbnail, alt text at most)."""
    block = block.strip()
    return block.startswith("<figure") and block.endswith("</figure>") and "<figcaption" not in block


# A teaser card: a story's title and summary closed by its link to read on ('**致敬改革开放
# 四十年** 一个时代有一个时代的文艺…… *[【详细】](…)*', people.cn; '… [Read more](…)').
_MORE_LINK_END_RE = re.compile(r"[*_]*\[[*_]*(?:【详细】|【詳細】|详细|詳細|更多|阅读全文|閱讀全文|全文|"
                               r"read more|more|continue reading)\s*(?:>>|»|›)?[*_]*\]\([^)]*\)[*_]*$", re.IGNORECASE)
TEASER_CARD_CHARS = 400  # a card's text is this short at most (links without their targets)


def _more_card(block: str) -> bool:
    text = block.strip()
    return bool(_MORE_LINK_END_RE.search(text)) and "\n" not in text and len(plain_block(text)) <= TEASER_CARD_CHARS


def related_label(line: str) -> bool:
    """Whether a line is a related-stories label ('Related articles', '相关新闻：')."""
    text = plain_block(line)
    return len(text) <= 60 and bool(_ZH_RELATED_RE.match(_ZH_LABEL_GAP_RE.sub("", text, count=1))
                                    or _EN_RELATED_RE.match(text))


def _without_related_links(blocks: list[str]) -> list[str]:
    """The blocks without a related-stories label and the blocks of links alone under it
    (or the lines of links under it in its own block)."""
    drop: set[int] = set()
    for i, block in enumerate(blocks):
        if len(block) > 2000:
            continue
        label, _, rest = block.strip().partition("\n")
        if len(label) > _LABEL_CHARS or not related_label(label):
            continue
        if rest:
            if _links_only(rest):
                drop.add(i)
            continue
        run = list(itertools.takewhile(lambda j: _links_only(blocks[j]), range(i + 1, len(blocks))))
        # The teasers' pictures alone under it, to the body's end ('### You may also like:' over
        # the thumbnails of other recipes), and teaser cards closed by their link to read on
        # ('## 推荐阅读' over people.cn's): they go with it.
        pictures = list(itertools.takewhile(
            lambda j: _links_only(blocks[j]) or _picture_only(blocks[j]) or _more_card(blocks[j]),
            range(i + 1, len(blocks))))
        if pictures and pictures[-1] == len(blocks) - 1:
            run = pictures
        if run:
            drop.update([i, *run])
    return [b for i, b in enumerate(blocks) if i not in drop] if drop else blocks


def _without_disclaimer(blocks: list[str]) -> list[str]:
    """The blocks without a Chinese platform's disclaimer among the last ones (its label
    alone in a block above it too); the editor's or source's credit after it stays."""
    start = max(1, len(blocks) - DISCLAIMER_BLOCKS)
    for i in range(start, len(blocks)):
        text = plain_block(blocks[i])
        if len(text) > _ZH_DISCLAIMER_CHARS or not CJK_RE.search(text[:12]):
            continue
        label = _ZH_DISCLAIMER_LABEL_RE.match(text)
        if not label:
            continue
        if _ZH_DISCLAIMER_RE.search(text):  # '免责声明：… 不代表 …'
            return blocks[:i] + blocks[i + 1 :]
        below = plain_block(blocks[i + 1]) if label.end() == len(text) and i + 1 < len(blocks) else ""
        if len(below) <= _ZH_DISCLAIMER_CHARS and _ZH_DISCLAIMER_RE.search(below):  # '特别声明' over its text
            return blocks[:i] + blocks[i + 2 :]
    return blocks


TEASER_CARDS = 2  # cards of one shape, each closed by its date alone, that make a list
TEASER_CHARS = 80  # a card's title is this short at most (its words, links without their targets)


def _date_alone(block: str) -> bool:
    text = block.strip()
    if len(text) > 40:
        return False
    span = find_date_span(text)
    if span is None:
        return False
    norm = nfkc(text)  # the span's positions are NFKC's
    return not _WORD_RE.search(norm[: span[0]] + norm[span[1] :])


def _dated_teasers_start(blocks: list[str]) -> int:
    """Where a list of other stories' teasers ends the body: TEASER_CARDS or more cards of
    the same shape (a picture, a short title, then the story's date alone in a block), the
    last one closing the body (观察者网's member columns under a story). len(blocks) when
    there is none; never 0."""
    dates = [i for i in range(len(blocks) - 1, -1, -1) if _date_alone(blocks[i])]
    if len(dates) < TEASER_CARDS or dates[0] != len(blocks) - 1:
        return len(blocks)
    size = dates[0] - dates[1]
    if size < 2:
        return len(blocks)
    cards = 1
    while cards < len(dates) and dates[cards - 1] - dates[cards] == size:
        cards += 1
    start = dates[cards - 1] - size + 1  # the first card: as many blocks as the others
    if cards < TEASER_CARDS or start < 1:
        return len(blocks)
    for b in blocks[start:]:
        if not (_date_alone(b) or b.startswith("<figure") or len(plain_block(b)) <= TEASER_CHARS):
            return len(blocks)
    return start


_CREDIT_WORDS = 10


def orphan_credit(text: str) -> bool:
    """A short line that is all photo credit ('Credit: Jane Doe / Getty Images')."""
    if not text or len(text.split()) > _CREDIT_WORDS or text.endswith((".", "!", "?")) \
            or text.lstrip("（(【[ ").lower().startswith((*STORY_SOURCE, "source")):
        return False  # (the story's source, '来源：新华网', '（资料来源：参考消息）', is not a picture's)
    caption, credit = split_credit(text)
    return not caption and bool(credit)


# A line that points to another story ('Related: Tutoring may not significantly improve
# attendance', 'RELATED: Workout of the Week …', 'Recommended: Best coding bootcamps in
# NYC', '> **RELATED READING:** …', '**>> Must Read:** …'): 27 such lines on 13 English dev
# pages, none in a labelled body; the later forms 9 more on 5 pages, 4 of them in a labelled
# body (security.org's '>> Related'). ('Read more:' and 'Also read:' lines are not: the
# labels keep about half of them.)
# Hearst's papers name their own site before a link to another of its stories ('On
# HoustonChronicle.com: Car sales plunge nearly 17 percent in August').
_TEASER_LINE_RE = re.compile(r"^(?:(?:related(?: post| article| story| reading)?|recommended|must read|"
                             r"on [\w-]+(?:\.[\w-]+)+)\s*:\s*\S"
                             # ... and the site's own without a colon ('Also on rt.com Journalists & …')
                             r"|also on [\w-]+(?:\.[\w-]+)+\s+\S)", re.IGNORECASE)
_TEASER_WORDS = 25


def _is_teaser_line(block: str) -> bool:
    """A block of such lines only (one, or one under another; a heading too)."""
    if block.lstrip("#*_[> ")[:1] not in ("R", "r", "O", "o", "M", "m", "A", "a") or len(block) > 2000:
        return False
    for line in block.strip().split("\n"):
        text = plain_block(line)
        if len(text.split()) > _TEASER_WORDS or not _TEASER_LINE_RE.match(text):
            return False
    return True


# A paragraph that is one link in capitals to another story or video ('**[CO-FOUNDER 'PROUD'
# OF HOME DEPOT EMPLOYEES LIVING OUT THEIR AMERICAN DREAM](http://video.foxbusiness.com/…)**'):
# Fox's teasers between paragraphs.
_ONE_LINK_RE = re.compile(r"^[*_]*\[[*_]*([^\]\n]{20,200}?)[*_]*\]\([^)\s]+\)[*_]*$")
CAPS_TEASER_WORDS = 5


def _caps_teaser(block: str) -> bool:
    if len(block) > 600 or not block.lstrip("*_").startswith("["):
        return False
    m = _ONE_LINK_RE.match(block.strip())
    if m is None:
        return False
    text = m.group(1)
    # ('CLICK FOR FULL STATE SWIM RESULTS' leads to the story's own results: the label keeps it)
    return len(text.split()) >= CAPS_TEASER_WORDS and text.upper() == text and any(c.isalpha() for c in text) \
        and not text.lstrip("*_ ").startswith("CLICK")


# A multi-page story's pager: links to its pages by number ('[【1】](…)[【2】](…)', people.cn;
# '[1](…) [2](…) [下一页](…)'), nothing else in the block.
_PAGE_LINK_TEXT_RE = re.compile(r"[【\[(（]?\s*(?:\d{1,3}|上一页|下一页|上一頁|下一頁|首页|首頁|末页|末頁|尾页|尾頁)\s*[】\])）]?")
_PAGER_MARKS = " |·/-–—*_•>»«›‹…"


def _pager(block: str) -> bool:
    """A block of links to a story's pages by number alone (two or more, one a number)."""
    if not block.startswith(("[", "**[", "*[")) or len(block) > 2000 or "\n" in block.strip():
        return False
    links = MD_LINK_RE.findall(block)
    if len(links) < 2 or MD_LINK_RE.sub("", block).strip(_PAGER_MARKS):
        return False
    texts = [plain_block(link).strip("*_ ") for link in links]
    return all(_PAGE_LINK_TEXT_RE.fullmatch(t) for t in texts) and any(any(c.isdigit() for c in t) for t in texts)


def _credits_list(block: str) -> bool:
    """A list of photo credits alone ('- Credit: Serious Eats' for each picture of a
    carousel): the pictures are a script's, not in the page as saved (no source at all)."""
    if not block.startswith(("- ", "* ")) or len(block) > 2000:
        return False
    items = block.split("\n")
    return len(items) >= 2 and all(i.startswith(("- ", "* ")) and orphan_credit(plain_block(i[2:])) for i in items)
