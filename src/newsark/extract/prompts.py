"""The site's own notes and appeals in a body, each a block of its own: a newsletter's
sign-up prompt and the small print under its form, a note on affiliate links, a call to
click written in capitals (in Chinese, to click through, to open a picture's viewer, WeChat's
'在看'), a prompt to follow the site or share the story, a reprint notice, the writer's
contact line, the newsroom's appeal for its readers' money, a Chinese site's perk for getting
its app. None is the article's text;
each pattern was checked against the labelled bodies of the development sets (counts
beside each).
furniture.drop_furniture removes the blocks ``site_prompt`` accepts."""

from __future__ import annotations

import re

from .media import VIEWER_PROMPT_RE
from .plaintext import plain_block

# A newsletter's sign-up prompt, anywhere in the body ("Sign up for our newsletter …",
# "### Join Our Newsletter", "… delivered to your inbox every morning", Medium's "Get
# X's stories in your inbox", "訂閱電子報"). On the English dev sets 25 of 27 such blocks are
# not in the labelled bodies (the 2 that are, Medium's prompt, are also listed as
# must-not-hold text of the same page).
_SIGNUP_RE = re.compile(
    r"^(?:(?:want more|like this article)\b.{0,40})?(?:sign up|signup|subscribe|join|register)\b.{0,60}"
    r"(?:newsletter|mailing list|inbox)"
    r"|^.{0,120}\bdelivered (?:straight |directly )?(?:to|through) your (?:inbox|letterbox)"
    r"|^get .{1,40} stories in your inbox|^join medium for free"
    # the form's message once it is sent, saved with the page ('Awesome, you're subscribed!')
    r"|^(?:\W*\w+[,!]\s+)?(?:you'?re|you are) (?:now )?(?:subscribed|signed up)\b"
    r"|^(?:thanks|thank you) for (?:subscribing|signing up)\b"
    r"|^(?:立即|免費|免费)?(?:订阅|訂閱).{0,12}(?:电子报|電子報|newsletter|通讯|通訊)",
    re.IGNORECASE)
_SIGNUP_WORDS = 40  # a longer block is prose that mentions a newsletter, not the prompt
# The small print under a sign-up form ("By signing up, you agree to receive recurring
# automated SMS marketing messages …", "By entering your email address you agree to our
# Terms of Use …"): 4 such blocks on the English dev sets, none in a labelled body.
_SIGNUP_TERMS_RE = re.compile(
    r"^by (?:signing up|subscribing|registering|(?:entering|submitting|providing) your (?:e-?mail|phone)"
    r"(?: address| number)?|(?:submitting|completing|filling out) this form"
    r"|clicking \W?(?:sign up|subscribe|submit|register)\W?)(?: (?:for|to) [\w ]{1,40})?,?"
    r" (?:you|i) (?:agree|consent|accept)",
    re.IGNORECASE)
_SIGNUP_TERMS_WORDS = 80
_SIGNUP_CHARS = 400


_SIGNUP_WORDS_IN = ("newsletter", "inbox", "letterbox", "mailing list", "join medium", "subscribed", "subscribing",
                     "signed up", "signing up", "订阅", "訂閱")


def _is_signup(block: str) -> bool:
    if block[:3].lower() == "by " and len(block) <= 2 * _SIGNUP_CHARS and "you " in block:
        text = plain_block(block)
        if len(text.split()) <= _SIGNUP_TERMS_WORDS and _SIGNUP_TERMS_RE.match(text):
            return True
    if len(block) > _SIGNUP_CHARS or block.startswith(("<figure", "{{<", "|", "```")):
        return False
    low = block.lower()
    if not any(word in low for word in _SIGNUP_WORDS_IN):
        return False  # most blocks: the pattern is not tried
    text = _SYMBOLS_RE.sub("", plain_block(block))  # ('🚀 Sign up for …', '📩 Subscribe to …')
    return len(text.split()) <= _SIGNUP_WORDS and bool(_SIGNUP_RE.match(text))


# Arrows, signs and pictographs a prompt may open with, before its words.
_SYMBOLS_RE = re.compile("^[\u2190-\u2bff\U0001f000-\U0001faff\ufe0f\u200d\\s]+")


# A shop's or a reviewer's note on its affiliate links ('This post contains affiliate links.
# …', 'As an Amazon Associate we earn from qualifying purchases.', 'Products are chosen
# independently by our editors. Purchases made through our links may earn us a
# commission.'), a block of its own: the site's template, above or below every review.
# Prose about affiliate programmes ('Streamers earn a commission when viewers buy …', 'No
# affiliate links.') is not matched.
_DISCLOSURE_RE = re.compile(
    r"\b(?:we|i|us|our site)\b[^.!?]{0,40}\b(?:earn|receive|get|make)s?\b[^.!?]{0,30}\bcommissions?\b"
    r"|\bearns? from qualifying purchases"
    r"|\b(?:contains?|includes?|uses?|use some) (?:some )?affiliate links"
    r"|\baffiliate links are used"
    r"|\bchosen independently by our editors"
    r"|\bsupported by commissions"
    r"|\bmay (?:earn|receive) an? (?:small )?(?:affiliate )?commission"
    r"|\bhas a disclosure policy\b",  # ('The Motley Fool has a disclosure policy.')
    re.IGNORECASE)
_DISCLOSURE_WORDS = 60  # a longer block is the article's prose around such a note
_DISCLOSURE_CHARS = 800  # (Markdown and link targets included)
_DISCLOSURE_WORDS_IN = ("affiliate", "commission", "qualifying purchases", "disclosure policy")
_NOT_PROSE = ("<figure", "{{<", "|", "```", "#", "- ", "* ", ">")  # a figure, table, code, heading, list, quote


def _note_text(block: str, max_chars: int, words_in: tuple[str, ...]) -> str | None:
    """The words of a short prose block that names one of ``words_in``, else None (most
    blocks: no pattern is tried); a figure, table, code, heading, list or quote is none
    (a note inside a list item, over the next item's heading: the list stays)."""
    if len(block) > max_chars:
        return None
    low = block.lower()
    if not any(word in low for word in words_in):
        return None
    if any(line.lstrip().startswith(_NOT_PROSE) for line in block.split("\n")):
        return None
    return plain_block(block)


def _is_disclosure(block: str) -> bool:
    """A short block that is such a note (``_DISCLOSURE_RE``)."""
    text = _note_text(block, _DISCLOSURE_CHARS, _DISCLOSURE_WORDS_IN)
    return text is not None and len(text.split()) <= _DISCLOSURE_WORDS and bool(_DISCLOSURE_RE.search(text))


# A call to click written in capitals, a line of its own ('GET FOX BUSINESS ON THE GO BY
# CLICKING HERE', 'CLICK HERE TO GET THE FOX NEWS APP'): the site's promotion between
# paragraphs. (A short one may be the article's own: 'CLICK HERE FOR CATALOG*'.)
_CLICK_RE = re.compile(r"\bCLICK(?:ING)? HERE\b")
_CLICK_WORDS = (6, 16)


# ... and in Chinese, a short block that opens with it: to enter a section, see more, vote,
# use the account's menu ('点击进入“文艺星青年”>>', '快点击这里了解一下！', '点击菜单栏【便民服务】
# 解锁更多服务！'), or to open a picture's viewer ('（点击看清晰大图）', media.VIEWER_PROMPT_RE).
_ZH_CLICK_RE = re.compile(r"^(?:快|请|請|立即)?(?:点击|點擊|点此|點此|戳)(?:进入|進入|这里|這裡|此处|此處|菜单|菜單|"
                          r"查看|了解|投票|下载|下載|关注|關注|订阅|訂閱|阅读|閱讀)")
_ZH_CLICK_CHARS = 40
# ... or WeChat's button under a post ('看都看完了，点【在看】试试在看', '点个在看你最好看'), where
# the post was copied from an account: the archive has no such button.
_WECHAT_WOW_RE = re.compile(r"(?:点|點)(?:个|個|一下|下)?\s*[【「“\"]?\s*在看")


def _is_click_prompt(block: str) -> bool:
    if len(block) > 200:
        return False
    if "CLICK" not in block:
        if not any(w in block[:12] for w in ("点", "點", "戳")):
            return False
        text = plain_block(block).strip("*_ ")
        return len(text) <= _ZH_CLICK_CHARS and bool(_ZH_CLICK_RE.match(text) or VIEWER_PROMPT_RE.match(text)
                                                     or _WECHAT_WOW_RE.search(text))
    text = plain_block(block)
    n = len(text.split())
    return _CLICK_WORDS[0] <= n <= _CLICK_WORDS[1] and text.upper() == text and bool(_CLICK_RE.search(text))


# The site's own prompts between or after the paragraphs: to follow it on social networks
# ('Follow The New York Times Opinion section on Facebook, Twitter and Instagram.', 'Follow
# me on instagram: @…'; also after a sentence of the site's own, 'Want more DIY projects?
# Follow me on Pinterest …', 'Have a tip? … may be reached at …. Follow her on Twitter',
# or run on, '…, and follow us on Facebook', not '… stay indoors and follow updates on
# Facebook'; the block is 30 words at most), to share the story ('Like this story? Share
# it with a friend!'), a reprint notice ('This copy is for your personal, non-commercial
# use only. …', Dow Jones), the writer's address line ('Write to Al Root at
# allen.root@dowjones.com', 'Contact staff writer Jill Barshay at 212-…, or barshay@…',
# 'Reach the reporters on Twitter at …').
# On the English dev sets 13 such blocks are outside the labelled bodies and one inside
# ('Follow NBC Latino on Facebook, Twitter and Instagram.').
_PROMPT_RE = re.compile(
    r"(?:^|[.?!]\s+|, and (?=follow (?:us|me)\b))\W*follow\b(?!-).{0,80}"
    r"\b(?:facebook|twitter|instagram|linkedin|youtube|tiktok|telegram|threads|bluesky|pinterest|flipboard|"
    r"social media)\b"
    r"|\bshare (?:it|this(?: story| article| post)?) with (?:a friend|your friends)"
    r"|^share (?:it|this(?: story| article| post)?) on (?:whatsapp|facebook|twitter|x|linkedin|pinterest|email)$"
    r"|^this copy is for your personal,? non-commercial use only"
    r"|^write to [A-Z][\w.' -]{1,60} at \S+@\S+$"
    r"|^contact (?:staff writer |reporter |the writer |the author )?[A-Z][\w.' -]{1,60} at [^@]{0,120}\S+@[\w.-]+\W*$"
    r"|^reach (?:the )?(?:reporters?|writers?|authors?) (?:on (?:twitter|x) |by email )?at \S"
    # a push-notification prompt ('Would you like to receive notifications about new posts?')
    r"|^would you like to (?:receive|get) (?:push |browser )?notifications\b"
    # Google's 'preferred sources' button ('Add Digit as a preferred source on Google', 'Add As A
    # Trusted Source For Google', 'Make us a preferred source on Google'), news sites since 2025
    r"|^(?:add|make|set)\b.{0,40}\b(?:as|us) (?:a |your )?(?:preferred|trusted) source (?:on|for|in) google\b",
    re.IGNORECASE)
_PROMPT_WORDS = 30
_PROMPT_CHARS = 1000  # (Markdown: each network named may be a link with its address)
_PROMPT_WORDS_IN = ("follow", "share", "personal", "write to", "contact", "reach", "notifications",
                    "preferred source", "trusted source")


def _is_prompt(block: str) -> bool:
    text = _note_text(block, _PROMPT_CHARS, _PROMPT_WORDS_IN)
    if text is None:
        return False
    text = text.strip("*_ \\")
    return len(text.split()) <= _PROMPT_WORDS and bool(_PROMPT_RE.search(text))


# A newsroom's appeal for its readers' money, a block of its own: subscriptions, membership,
# donations ('請加入成為眾新聞的月費訂戶，長期支持我們的工作。…', Citizen News under every story;
# '## This story is funded by readers like you', 'Support independent journalism: become a
# member'). Prose about a charity's appeal is not in the first person plural.
_APPEAL_RE = re.compile(
    r"^(?:\W*\w+[,!:]\s+)?(?:this (?:story|article|reporting|journalism) is (?:funded|made possible|supported) by"
    r" (?:readers|our readers|people) like you"
    r"|(?:please )?support (?:our|independent|quality|local) (?:journalism|newsroom|reporting|work)"
    r"|(?:please )?(?:become|join us as) an? (?:member|subscriber|supporter|patron)\b.{0,40}\b(?:support|us|our)"
    r"|(?:please )?(?:donate|make a (?:one-off|one-time|monthly|recurring) (?:donation|contribution)) (?:to us|now|today|here)"
    r")"
    r"|\byour (?:one-off |one-time |monthly |recurring )?(?:or monthly )?(?:donations?|contributions?) "
    r"(?:play|plays|help|helps|keep|keeps|make|makes|allow|allows)\b"
    r"|(?:請|请)?(?:加入)?成為.{0,12}(?:訂戶|订户|會員|会员|贊助人|赞助人|支持者).{0,20}(?:支持|support)"
    r"|(?:長期|长期)?支持我們的工作|支持我们的工作|(?:捐款|贊助|赞助)(?:支持)?(?:我們|我们|本台|本報|本报)"
    r"|(?:請|请)?按此(?:捐款|贊助|赞助|訂閱|订阅|成為|成为)"
    r"|支持.{0,15}(?:成為|成为).{0,6}(?:訂戶|订户|會員|会员|贊助人|赞助人)",
    re.IGNORECASE)
_APPEAL_CHARS = 300
_APPEAL_WORDS_IN = ("support", "donat", "member", "subscri", "funded", "支持", "訂戶", "订户", "會員", "会员",
                    "贊助", "赞助", "捐款")


# ... or a short line that links to the page where one subscribes or gives ('月費訂戶
# [網址：hkcnews.com/aboutus/#subscribe](…)', the appeal's second line).
_APPEAL_LINK_RE = re.compile(r"\]\([^)\s]*?[/#](?:subscribe|subscription|donate|donation|membership|support-us|supportus)"
                             r"(?=[/#?.)])", re.IGNORECASE)
_APPEAL_WORD_RE = re.compile(r"訂戶|订户|訂閱|订阅|捐款|贊助|赞助|會員|会员|subscri|donat|member|support", re.IGNORECASE)
APPEAL_LINK_CHARS = 80


def _is_appeal(block: str) -> bool:
    if len(block) > 2 * _APPEAL_CHARS or block.startswith(("<figure", "{{<", "|", "```", ">")):
        return False
    low = block.lower()
    if not any(word in low for word in _APPEAL_WORDS_IN):
        return False  # most blocks: the pattern is not tried
    text = plain_block(block).strip("#*_ ")
    if len(text) <= APPEAL_LINK_CHARS and (link := _APPEAL_LINK_RE.search(block)) \
            and _APPEAL_WORD_RE.search(block[: link.start()]):  # (the link's words, or those before it)
        return True
    return len(text) <= _APPEAL_CHARS and bool(_APPEAL_RE.search(text))


# A Chinese site's promotion of its app with a perk for those who get it ('…快来新浪众测，体验各
# 领域最前沿…的产品吧~！下载客户端还能获得专享福利哦！', above a Sina story), a short block.
_ZH_APP_PERK_RE = re.compile(r"(?:下载|下載)[^，。！]{0,6}(?:客户端|客戶端|APP|App|app)[^。！]{0,12}"
                             r"(?:福利|优惠|優惠|红包|紅包|奖励|獎勵)")
_ZH_APP_PERK_CHARS = 150


def _is_app_perk(block: str) -> bool:
    if len(block) > 2 * _ZH_APP_PERK_CHARS or ("下载" not in block and "下載" not in block):
        return False
    text = plain_block(block)
    return len(text) <= _ZH_APP_PERK_CHARS and bool(_ZH_APP_PERK_RE.search(text))


def site_prompt(block: str) -> bool:
    """Whether a block is one of the site's notes or appeals (see the module's docstring)."""
    return _is_signup(block.strip()) or _is_disclosure(block) or _is_click_prompt(block) or _is_prompt(block) \
        or _is_appeal(block) or _is_app_perk(block)
