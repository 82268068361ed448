"""Byline normalisation: roles (記者／攝影／撰文／文／圖, By, Photo) apart from names."""

from __future__ import annotations

import itertools
import re

from .textform import nfkc

ROLES = {
    "記者": "記者", "记者": "記者", "特約記者": "記者", "實習記者": "記者", "见习记者": "記者",
    "特约记者": "記者", "实习记者": "記者", "見習記者": "記者", "首席記者": "記者", "首席记者": "記者",
    "撰文": "撰文", "文字": "撰文", "文": "撰文", "作者": "撰文", "by": "撰文", "written by": "撰文",
    "执笔": "撰文", "執筆": "撰文", "执笔人": "撰文", "執筆人": "撰文", "采写": "撰文", "採寫": "撰文",
    "攝影": "攝影", "摄影": "攝影", "圖": "圖", "图": "圖", "photo": "攝影", "photos": "攝影",
    "編輯": "編輯", "编辑": "編輯", "責任編輯": "編輯", "责任编辑": "編輯",
}
_ROLE_RE = re.compile(
    # a role opens a segment: inside a run of characters it is part of a name
    # (師潮作者群, 公民記者有限公司 are authors, not roles)
    r"((?:^|(?<=[\s、，,(（:：︰/／|｜]))(?:特約記者|特约记者|實習記者|实习记者|見習記者|见习记者|首席記者|首席记者|責任編輯|责任编辑|記者|记者|撰文|採寫|采写|執筆人|执笔人|執筆|执笔|文字|作者|攝影|摄影|編輯|编辑)|"
    r"\bwritten by\b|\bphotos?\b(?=\s*[:：︰/／])|\bby\b|"
    # one-character roles only before a separator, never inside a name (陳大文)
    r"(?:^|(?<=[\s、，,(（]))(?:文|圖|图)(?=\s*[/／:：︰]))\s*[:：︰/／|｜]?\s*",
    re.IGNORECASE,
)
_SPLIT_RE = re.compile(r"\s*(?:[、,，;；/／|｜&]|\band\b|\s和\s)\s*")
# 及/與/与 join two names ('王小明與李大華') but also start titles ('與孩子同行之道')
_JOIN_RE = re.compile(r"(?<=[\u4e00-\u9fff])(?:及|與|与)(?=[\u4e00-\u9fff])")


def _split_names(piece: str) -> list[str]:
    names: list[str] = []
    for part in _SPLIT_RE.split(piece):
        halves = _JOIN_RE.split(part)
        if len(halves) > 1 and all(re.fullmatch(r"[\u4e00-\u9fff]{2,4}", h) for h in halves):
            names += halves
        else:
            names.append(part)
    return names
_NOT_NAME_RE = re.compile(
    r"(https?:|www\.|\.com|@|新聞網|新闻网|日報|日报|時報|时报|網站|网站|通讯社|通訊社|"
    r"來源|来源|責任|责任|分享|評論|评论|点击|點擊|订阅|訂閱|广告|廣告|\d{3,}|staff|admin|"
    r"reporter$|contributor$|editor$|\bteam\b|^博客$|^网易|^新浪|^搜狐|^腾讯|编辑部|編輯部|本站|佚名|"
    r"匿名|^admin|^anonymous$|^unknown$|^none$|^null$|^联系$|^聯繫$|^登录|^首页|"
    # placeholders: 'unknown', 'not known', 'none', 'the internet' ('作者：网络整理')
    r"^未知$|^不[详詳]$|^[无無]$|^[网網][络絡路]$)",
    re.IGNORECASE,
)
_TRAIL_RE = re.compile(r"(報導|报道|報道|综合报道|綜合報導|整理|翻攝|翻摄|攝|摄|編譯|编译|/.*)$")


def split_byline(text: str) -> list[tuple[str, str]]:
    """[(role, name)] of a byline such as '記者王小明、李大華／台北報導' or 'By A and B'."""
    text = nfkc(text or "").strip()
    text = re.sub(r"^(本報|本报|中央社|[A-Za-z]+ ?News)\s*", "", text)
    text = re.sub(r"[（(\[【].*?[)）\]】]", " ", text)
    out: list[tuple[str, str]] = []
    # Split into role-tagged segments: the role applies to the names after it.
    pieces = _ROLE_RE.split(text)
    role = "撰文"
    # re.split with one group yields [before, role, after, role, after...]
    for i, piece in enumerate(pieces):
        if i % 2 == 1:
            role = ROLES.get(piece.strip().lower(), "撰文")
            continue
        # '記者王小明 高雄報導': the two characters before 報導 name the place it was filed from
        # (a second reporter's name there, '記者陳大文 李小明報導', mostly has three).
        filed_from = bool(re.search(r"\s[\u4e00-\u9fff]{2}(?:報導|报道|報道|綜合報導|综合报道)$", piece.strip()))
        piece = _TRAIL_RE.sub("", piece.strip()).strip(" :：︰-—–/／")
        if filed_from:
            piece = piece.rsplit(None, 1)[0]
        if not piece:
            continue
        for name in _split_names(piece):
            name = _TRAIL_RE.sub("", name.strip(" .:：︰-—–")).strip()
            # Chinese names apart by spaces ('宋怡 杨志华') are several; a name followed by a
            # place or other words ('王小明 台北', '宋怡 我要说说') keeps the names before it.
            if re.fullmatch(r"[\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,})+", name):
                parts = name.split()
                run = [parts[0], *itertools.takewhile(plausible_chinese_name, parts[1:])]
                out += [(role, n) for n in run]
                continue
            if name:
                out.append((role, name))
    return out


def looks_like_name(name: str) -> bool:
    if not name or _NOT_NAME_RE.search(name) or _PLACEHOLDER_WORD_RE.search(name.strip()):
        return False
    if re.search(r"[\u4e00-\u9fff]", name):
        return 2 <= len(name.replace(" ", "")) <= 12
    words = name.split()
    return 1 <= len(words) <= 5 and len(name) <= 50 and not any(c.isdigit() for c in name)


def norm_name(name: str) -> str:
    return re.sub(r"[\W_]+", "", nfkc(name).lower())


# Common Chinese surnames (simplified and traditional): a name found in running text
# ('记者了解' is not a reporter called 了解) must start with one.
_SURNAMES = set(
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾"
    "肖蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付傅方白邹鄒"
    "孟熊秦邱江尹薛闫閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢"
    "安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌"
    "毕畢单單季裴霍涂塗成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽时時穆农農"
    "司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁窦竇戚岑景党黨宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔"
    "苟邬鄔边邊卞姬师師和仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲邝鄺官封谈談匡鞠惠荆荊"
    "乐樂冀郁胥南班储儲原栗燕楚鄢劳勞谌諶奚皮粟冼蔺藺楼樓盘盤满滿闻聞位厉厲伊仝区區郜海阚闞花权權强強帅帥"
    "屠豆朴隆双雙萧況况容練练鄺湛游卓歐陽司徒上官諸葛诸葛格"
)


def plausible_chinese_name(name: str) -> bool:
    """A 2-4 character Chinese personal name starting with a common surname."""
    name = name.replace(" ", "").replace("·", "")
    return 2 <= len(name) <= 4 and name[0] in _SURNAMES and not re.search(
        r"(翻攝|翻摄|資料|资料|提供|截圖|截图|網路|网络|畫面|画面|記者|记者|報導|报道|表示|了解|获悉|獲悉)", name
    )


# -- Latin-script bylines ------------------------------------------------------------
_EN_LABEL_RE = re.compile(
    r"^\s*(?:(?:written|posted|authored|words|story|text|article|published|analysis|opinion|commentary|"
    r"column|essay|reporting|interview)\s+by\b|by\b|"
    r"authors?\s*[:：︰-]|author\(s\)|writers?\s*[:：︰-]|author\b|"
    # the same in the languages of the dev pages: 'Por …', 'Par …', 'Publicado por', 'Текст: …'
    r"(?:(?:publicado|escrito|postado|publié|écrit)\s+)?(?:por|par)\b|(?:текст|автор)\s*[:：︰])\s*[:：︰]?\s*",
    re.IGNORECASE,
)
_EMAIL_RE = re.compile(r"\S+@\S+\.\w+")
_HANDLE_RE = re.compile(r"(?<!\w)@\w+")
# A link beside the name to the writer's other stories ('Jose Altoveros View More Articles').
OTHER_STORIES = r"(?:view|see|read) (?:all|more) (?:articles|posts|stories)\b"
# What follows a name in a byline: a separator, a date, "on <date>", a reading time (a digit
# opening a word: "Rapid7" is a name, not "Rapid" and a date), a link
# to the writer's other stories, the group written for ('on behalf of the Vision Doc
# group').
_EN_CUT_RE = re.compile(
    r"\s*(?:[|•·]|\s[-–—]\s|\bon\s+(?=\w+\.?\s+\d|\d)|\bupdated\b|\bpublished\b|"
    r"\bposted\b(?!\s+by)|\bon behalf of\b|\b" + OTHER_STORIES + r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|(?<![^\W\d_])\d).*$",
    re.IGNORECASE,
)
_EN_SPLIT_RE = re.compile(r"\s*(;|,\s*and\s|,|\s&\s|\sand\s)\s*", re.IGNORECASE)
# A comma piece that is a credential or a job, not another person ('Jane Doe, MD').
_CREDENTIAL_RE = re.compile(
    r"^(?:[A-Z][A-Z.]{1,7}®?|[A-Z]+(?:-[A-Z]+)+|PhD|Ph\.D\.|MSc|MSN|MPH|MBA|MEd|Esq\.?|[SJ]r\.?|III|II)"
    r"(?:[- ](?:[A-Z][A-Z.]{1,7}®?|\d+|PhD|MSc|MBA))*$"
)
_ROLE_WORDS_RE = re.compile(
    r"\b(writer|editor|reporter|correspondent|contributor|columnist|expert|attorney|lawyer|"
    r"manager|director|founder|co-founder|ceo|cto|cmo|president|officer|head|lead|specialist|"
    r"analyst|consultant|strategist|marketer|marketing|engineer|developer|designer|scientist|"
    r"researcher|professor|instructor|coach|nutritionist|dietitian|physician|therapist|"
    r"veterinarian|nurse|journalist|producer|photographer|intern|associate|fellow|senior|"
    r"chief|staff writer|guest author|contributing)\b",
    re.IGNORECASE,
)
# A word standing where the name would: a label, a template's placeholder.
_PLACEHOLDER_WORD_RE = re.compile(
    r"^(?:the\s+)?(?:author|authors|article|admin|administrator|unknown|none|null|undefined|"
    r"guest|user|by|posted|editor|editors|written|anonymous user|no author|default|contributors?|"
    r"writers?|staff writer|team member|text|words|recipe|story|posted by|author posted|"
    r"copyright|reviewed|service|services|name|your name|full name|first name|last name)$",
    re.IGNORECASE,
)
_PLACEHOLDER_RE = re.compile(
    _PLACEHOLDER_WORD_RE.pattern + "|"
    # a job title alone, shown where the name would be
    r"^(?:co-?founder|founder|ceo|cto|cfo|coo|president|director|manager|owner)\b|\badmin$|"
    r"\bsays:?$|\{\{|\}\}|%[a-z]|\bpage\.|\.author\b|^https?:|www\.|\.(?:com|org|net)\b",
    re.IGNORECASE,
)
_PARTICLES = {"de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "del", "della", "bin",
              "al", "el", "y", "ter", "ten", "dos", "das", "st.", "mc", "ibn", "of", "the"}
# Lower-case words a collective byline may hold ('The Currency editors').
_GROUP_WORDS = {"editors", "team", "staff", "desk", "contributors", "writers", "and"}
_NAV_WORDS = {"use", "case", "cases", "industry", "industries", "topic", "topics", "category",
              "type", "product", "products", "solution", "solutions", "size", "role", "region",
              "popular", "date", "newest", "oldest", "price", "relevance", "name", "location",
              "continuing", "clicking", "signing", "submitting", "subscribing", "using"}


_CALENDAR_WORDS = frozenset((
    "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday", "fri",
    "friday", "sat", "saturday", "sun", "sunday", "jan", "january", "feb", "february", "mar", "march", "apr",
    "april", "may", "jun", "june", "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october",
    "nov", "november", "dec", "december", "today", "yesterday"))


def english_byline(text: str) -> list[tuple[str, str]]:
    """[(separator, name)] of a Latin-script byline: 'By Jane Doe, MD and Sam Lee | Staff
    Writer' → [('', 'Jane Doe'), (' and ', 'Sam Lee')]. Labels, separators with what
    follows them, e-mails, handles, credentials and job titles are dropped; the separators
    the page wrote between names are kept, so the names can be joined the page's way."""
    text = nfkc(text or "")
    text = " ".join(text.split())
    for _ in range(2):
        text = _EN_LABEL_RE.sub("", text)
    text = _EMAIL_RE.sub(" ", text)
    text = _HANDLE_RE.sub(" ", text)
    # '(@handle)', '(Staff)' go; '(Guha)' in 'Paramita (Guha) Ghosh' is part of the name.
    text = re.sub(r"\(([^()]*)\)", lambda m: " " if not m.group(1).strip() or _ROLE_WORDS_RE.search(
        m.group(1)) else f"({m.group(1)})", text)
    text = _EN_CUT_RE.sub("", text).strip(" ,;:-–—")
    parts = _EN_SPLIT_RE.split(text)  # [name, sep, name, sep, ...]
    out: list[tuple[str, str]] = []
    after_role = False  # a role's organisation follows it: 'Jane Doe, Director, Acme Lines'
    for i in range(0, len(parts), 2):
        piece = " ".join(parts[i].strip(" .,:;-–—").split())
        sep = parts[i - 1].strip() if i else ""
        if after_role and sep in (",", ";"):
            continue
        after_role = False
        if not piece or _credentials(piece, first=not out):
            continue
        if _ROLE_WORDS_RE.search(piece) and out:
            after_role = True
            continue  # 'Jane Doe, Staff Writer'
        if _ROLE_WORDS_RE.search(piece) and len(piece.split()) > 2:
            # 'Jane Doe Staff Writer': keep the words before the first role word
            head = _ROLE_WORDS_RE.split(piece, maxsplit=1)[0].strip()
            piece = head if len(head.split()) >= 2 else piece
        sep = " ".join(sep.split())
        if sep and sep[0] in ",;":
            sep = f"{sep[0]} {sep[1:].strip()} ".replace("  ", " ")
        elif sep:
            sep = f" {sep} "
        out.append((sep if out else "", piece))
    return out


def _credentials(piece: str, *, first: bool) -> bool:
    """Whether a comma piece of a byline is credentials ('MD', 'MD FACP'), not a name in
    capitals: a name of two words or more opens the byline ('LEONARDO GARCIA'), and a
    later one has a word longer than credentials have ('DANICA KIRKA, JILL LAWLESS')."""
    if not _CREDENTIAL_RE.fullmatch(piece) or piece.upper() in WIRE_AGENCIES:
        return False
    words = piece.split()
    if len(words) < 2:
        return True
    return not first and all(len(w) <= _CREDENTIAL_CHARS for w in words)


_CREDENTIAL_CHARS = 5  # 'FACLM', 'DABOM'
# News agencies a byline names in capitals, as credentials are written ('PTI', 'AFP'):
# the story's source, not letters after a name.
WIRE_AGENCIES = frozenset({"AP", "AFP", "PTI", "IANS", "ANI", "UNI", "UPI", "DPA", "EFE", "ANSA", "AAP",
                           "TASS", "KYODO", "YONHAP", "BERNAMA", "XINHUA", "REUTERS", "CNA"})


def clean_english_names(text: str) -> list[str]:
    """The names of a Latin-script byline (see english_byline)."""
    return [name for _, name in english_byline(text)]


def join_english(pieces: list[tuple[str, str]]) -> str:
    return "".join(sep + name for sep, name in pieces)


# A login shown where the name would be (WordPress's user name, 'andrew.keaveney',
# 'jane_doe'): lower case, words joined by dots or underscores.
_LOGIN_RE = re.compile(r"[a-z0-9]+(?:[._][a-z0-9]+)+")


def is_login(name: str) -> bool:
    return _LOGIN_RE.fullmatch(name.strip()) is not None


def is_placeholder(name: str) -> bool:
    """A word standing where a name would ("Author", "admin", a template's "name"), a job
    title alone, or an address: never a person's name."""
    return bool(_PLACEHOLDER_RE.search(name.strip()))


def english_name_ok(name: str, *, strict: bool) -> bool:
    """A plausible author name. ``strict`` (names found in page text rather than in a
    field meant for the author): capitalised words, none of them navigation words."""
    if not name or len(name) < 2 or len(name) > 60 or is_placeholder(name):
        return False
    words = name.split()
    if len(words) > 6:
        return False
    if not strict:
        return any(c.isalpha() for c in name)
    if len(words) > 5 or any(c.isdigit() for c in name):
        return False
    if any(w.lower() in _NAV_WORDS for w in words):
        return False
    if len(words) == 1 and words[0].lower().rstrip(".") in _CALENDAR_WORDS:
        return False  # a date's 'Sat' or 'December' alone is no one ('Sat, 20 Dec, 2025 - 06:36')
    caps = [w for w in words if w.lower() not in _PARTICLES and w.lower() not in _GROUP_WORDS]
    return bool(caps) and all(w[:1].isupper() or w[:1] in "'’(" for w in caps)
