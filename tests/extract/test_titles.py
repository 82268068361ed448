"""The title: the story's headline, never the site's masthead."""
from __future__ import annotations

from newsark.extract import extract_page

BODY = "<p>" + "The council met on Tuesday and agreed the new ferry timetable for the harbour. " * 6 + "</p>"


def page(head: str, top: str, article: str) -> bytes:
    return (f"<html><head><meta charset='utf-8'>{head}</head><body><header>{top}</header>"
            f"<main><article>{article}{BODY}</article></main></body></html>").encode()


def test_masthead_h1_linking_home_is_not_the_title() -> None:
    html = page("<title>Ferry timetable agreed - Harbour Notes</title>",
                "<h1><a href='/'>Harbour Notes</a></h1>", "<h1>Ferry timetable agreed</h1>")
    assert extract_page(html, url="https://notes.example.org/2024/ferry").title == "Ferry timetable agreed"


def test_h1_naming_the_site_is_not_the_title_even_without_a_link() -> None:
    html = page("<meta property='og:site_name' content='Harbour Notes'>"
                "<meta property='og:title' content='Ferry timetable agreed'><title>Ferry timetable agreed | Harbour Notes</title>",
                "<h1>Harbour Notes</h1>", "<h2>Ferry timetable agreed</h2>")
    assert extract_page(html, url="https://notes.example.org/2024/ferry").title == "Ferry timetable agreed"


def test_section_masthead_linking_to_a_folder_above_the_page() -> None:
    html = page("<title>Ferry timetable agreed - The Harbour Blog</title>",
                "<h1><a href='/blog/'>The Harbour Blog</a></h1>", "<h1>Ferry timetable agreed</h1>")
    assert extract_page(html, url="https://example.org/blog/ferry-timetable").title == "Ferry timetable agreed"


def test_headline_linking_to_its_own_page_stays_the_title() -> None:
    html = page("<title>Ferry timetable agreed - Harbour Notes</title>", "<nav><a href='/'>Home</a></nav>",
                "<h1><a href='/2024/ferry'>Ferry timetable agreed</a></h1>")
    assert extract_page(html, url="https://notes.example.org/2024/ferry").title == "Ferry timetable agreed"


def test_underscores_and_dashes_inside_english_words_do_not_split_the_title() -> None:
    from newsark.extract.titles import clean_title

    assert clean_title("rustc_codegen_gcc: Progress Report #39", [], None) == "rustc_codegen_gcc: Progress Report #39"
    assert clean_title("Sector Update–Fall 2025 | Example Bank", [], None) == "Sector Update–Fall 2025"
    assert clean_title("輪胎行火警_測試社", [], None) == "輪胎行火警"  # beside CJK text it still separates
    # a hyphen without spaces separates only between two CJK characters
    assert clean_title("中华人民共和国监察法-纪检", [], None) == "中华人民共和国监察法"
    assert clean_title("COVID-19疫苗开始接种", [], None) == "COVID-19疫苗开始接种"
    assert clean_title("K-pop歌手访港", [], None) == "K-pop歌手访港"
    # '--' separates when spaced or beside CJK text, not as an English dash
    assert clean_title("新闻动态--中国地理学会官网", [], None) == "中国地理学会官网"
    assert clean_title("Ferry timetable agreed -- Harbour Notes", [], None) == "Ferry timetable agreed"
    assert clean_title("Brains Are Not Required--Simple Cells Can Do It", [], None) == \
        "Brains Are Not Required--Simple Cells Can Do It"


def test_a_title_part_that_is_a_host_name_is_the_sites_name() -> None:
    from newsark.extract.titles import clean_title

    # the longer part, but the site's address: a page read without its URL keeps the other
    assert clean_title("海姑娘 | blog.wenxuecity.com", [], None) == "海姑娘"
    assert clean_title("Harbour ferry timetable agreed | www.example-news.co.uk", [], None) == \
        "Harbour ferry timetable agreed"
    # a name with a dot inside a headline is no host name
    assert clean_title("Node.js 22 is out | Example", [], None) == "Node.js 22 is out"


def test_a_truncated_json_ld_headline_gives_way_to_the_full_title() -> None:
    full = "Fix It Friday: We Help Four Readers Arrange Their Living Rooms (Including One Trick That Always Works)"
    html = page(f'<meta property="og:title" content="{full}"><script type="application/ld+json">'
                f'{{"@type": "BlogPosting", "headline": "{full[:70]}"}}</script><title>{full}</title>', "", "<p>Intro.</p>")
    assert extract_page(html, url="https://blog.example.org/fix-it").title == full


def test_the_headline_shown_wins_when_it_is_the_og_title_over_an_seo_headline() -> None:
    """The JSON-LD headline and <title> say 'Home Depot Stock Falls After Earnings Report
    Disappoints' (written for search), the og:title and the <h1> the headline readers saw:
    the shown one is the title. An <h1> that none of them speaks of stays out."""
    seo = "Home Depot Stock Falls After Earnings Report Disappoints"
    shown = "Home Depot Stock Is Falling After Its Earnings Release. Why You Shouldn't Worry."
    head = (f'<meta property="og:title" content="{shown}"><script type="application/ld+json">'
            f'{{"@type": "NewsArticle", "headline": "{seo}"}}</script><title>{seo} | Example Weekly</title>')
    assert extract_page(page(head, "", f"<h1>{shown}</h1>"), url="https://www.example.com/a/1").title == shown
    assert extract_page(page(head, "", "<h1>Markets Today</h1>"), url="https://www.example.com/a/1").title == seo


def test_the_h1_that_is_most_the_shared_title_is_the_headline_among_menu_h1s() -> None:
    """IGN's page has <h1>s in its menu ('Games', 'Entertainment', 'IGN Entertainment')
    before the headline: half of 'IGN Entertainment' is in the <title>, all of the
    headline is."""
    shown = "Daily Deals: More Black Friday Deals Are Live"
    head = f'<meta property="og:site_name" content="IGN"><title>{shown} - IGN</title>'
    top = "<h1>Games</h1><h1>Entertainment</h1><h1>IGN Entertainment</h1>"
    assert extract_page(page(head, top, f"<h1>{shown}</h1>"), url="https://www.ign.com/articles/deals").title == shown


def test_a_date_or_meta_heading_inside_the_h1_is_not_the_headline() -> None:
    html = page("<title>Preparing a transition | Colin's blog</title>", "",
                "<h1><a href='/2025/transition'><time datetime='2025-12-18'>Dec 18 2025</time>"
                " Preparing a transition</a></h1>")
    assert extract_page(html, url="https://example.org/2025/transition").title == "Preparing a transition"
    html = page("<title>Ferry timetable agreed</title>", "",
                "<h1>Ferry timetable agreed<h3 class='date-info'><span>Posted on July 1, 2024 by harbour</span></h3></h1>")
    assert extract_page(html).title == "Ferry timetable agreed"


def test_a_title_label_in_the_h1_goes() -> None:
    html = page("<title>[2512.1] Ferry timetables agreed by the council</title>", "",
                "<h1 class='title'><span class='descriptor'>Title:</span>Ferry timetables agreed by the council</h1>")
    assert extract_page(html).title == "Ferry timetables agreed by the council"


def test_headline_that_lost_characters_yields_to_the_title_written_for_sharing() -> None:
    html = page("<meta property='og:title' content=\"Event Planning: A Beginner's Guide\">", "",
                "<h1>Event Planning? A Beginner? Guide</h1>")
    assert extract_page(html).title == "Event Planning: A Beginner's Guide"
    # a question mark that is the headline's own stays
    html = page("<meta property='og:title' content=\"What's next in 2025\">", "", "<h1>What's next in 2025?</h1>")
    assert extract_page(html).title == "What's next in 2025?"


def test_the_sites_domain_around_the_title_goes() -> None:
    html = page("<title>davidbau.com Vibe Coding</title>", "", "<h3>Vibe Coding</h3>")
    assert extract_page(html, url="https://davidbau.com/archives/2025/12/16/vibe_coding.html").title == "Vibe Coding"
    html = page("<title>Notes on example.org hosting</title>", "", "")
    assert extract_page(html, url="https://example.org/a").title == "Notes on example.org hosting"


def test_a_heading_is_the_title_only_when_it_is_one_of_the_titles_parts() -> None:
    full = "How we broke into Vercel, Discord, and hundreds of companies"
    html = page(f"<meta property='og:title' content='{full}'><title>{full}</title>", "",
                "<h2>Intro</h2><h1>Discord</h1>")  # a section heading of the write-up
    assert extract_page(html).title == full
    html = page("<title>Webcams - Yosemite National Park</title>", "", "<h1>Webcams</h1>")
    assert extract_page(html).title == "Webcams"


def test_the_title_part_that_names_the_sites_domain_goes() -> None:
    html = page("<title>Website Design Portfolio | Thrive Internet Marketing</title>", "", "<h2>Our work</h2>")
    assert extract_page(html, url="https://thriveagency.com/portfolio-work/").title == "Website Design Portfolio"
    html = page("<title>Shopify App Store - Klatch Coffee</title>", "", "<h2>Our work</h2>")
    assert extract_page(html, url="https://www.shopifyappstore.example/klatch").title == "Klatch Coffee"
    # without the page's address the longer part stays the guess
    html = page("<title>Website Design Portfolio | Thrive Internet Marketing</title>", "", "<h2>Our work</h2>")
    assert extract_page(html).title == "Thrive Internet Marketing"
    html = page("<title>Apple unveils iPhone 16 - Newsroom</title>", "", "<h2>Our work</h2>")
    assert extract_page(html, url="https://www.apple.com/newsroom/2024/09/x").title == "Apple unveils iPhone 16"


def test_the_sites_name_written_into_the_headline_goes() -> None:
    html = page("<title>Critics’ Choice: Best UK Art Exhibitions 2025 – Artlyst - Artlyst</title>", "",
                "<h1>Critics’ Choice: Best UK Art Exhibitions 2025 – Artlyst</h1>")
    assert extract_page(html, url="https://artlyst.com/reviews/x").title == "Critics’ Choice: Best UK Art Exhibitions 2025"
    # a last part that does not name the site stays
    html = page("<title>Gym Workouts for Beginners — Strength Training</title>", "",
                "<h1>Gym Workouts for Beginners — Strength Training</h1>")
    assert extract_page(html, url="https://www.goldsgym.com/blog/x").title == "Gym Workouts for Beginners — Strength Training"


def test_a_placeholder_title_gives_way_to_the_headline_the_body_opens_with() -> None:
    essay = "".join(f"&nbsp;&nbsp;第{i}段，人心不会熄灭，但它可能蒙上灰烬而不再燃烧，灰烬本来是燃烧的产物。<br>" for i in range(12))
    # a page wrapped in other markup: its <title> ends up in the body, and is not shown there
    page = (f'<text id="x" title="显示"><html><head><title>显示</title></head><body>'
            f"<p align='center'><font><strong>犬儒病(上)</strong></font></p><hr><p> 胡平<br>{essay}</p></body></html></text>")
    ex = extract_page(page.encode("utf-8"))
    assert ex.title == "犬儒病(上)" and ex.author == "胡平"
    assert not ex.text.startswith("显示")
    # a real title stays, whatever the body opens with
    ex = extract_page(page.replace("<title>显示</title>", "<title>犬儒病</title>").encode("utf-8"))
    assert ex.title == "犬儒病" and ex.author is None


def _section_page(crumbs: str, heading: str = "<h5>2019年人文地理学术年会在重庆成功举行！</h5>") -> bytes:
    text = "".join(f"<p>第{i}段，来自一百二十余所高校的六百余名专家学者围绕大会主题开展了学术报告和学术对话。</p>"
                   for i in range(8))
    return ("<html><head><meta charset='utf-8'><title>新闻动态--中国某某学会官网</title></head><body>"
            f"<div class='nav'>{crumbs}</div><div class='news'>{heading}"
            f"<div class='ly'>发布时间：2019-05-18</div><div class='detail'>{text}</div></div>"
            "<div class='side'><h4>新闻排行榜（本周最多人阅读的文章）</h4></div></body></html>").encode()


def test_a_title_of_section_and_site_gives_way_to_the_heading_under_the_breadcrumb() -> None:
    # '新闻动态' is the breadcrumb's last crumb: a section, not the story
    for crumbs in ("<h3>首页 - 新闻动态</h3>", "当前位置：<a href='/'>首页</a> &gt; <a href='/news'>新闻动态</a>"):
        ex = extract_page(_section_page(crumbs))
        assert ex.title == "2019年人文地理学术年会在重庆成功举行！", crumbs
    # a breadcrumb ending with the story, no heading above the text, or one part only: as before
    assert extract_page(_section_page("<h3>首页 - 新闻动态 - 学术年会</h3>")).title == "中国某某学会官网"
    assert extract_page(_section_page("<h3>首页 - 新闻动态</h3>", heading="")).title == "中国某某学会官网"
    one = _section_page("<h3>首页 - 新闻动态</h3>").replace("新闻动态--中国某某学会官网".encode(), "新闻动态".encode())
    assert extract_page(one).title == "新闻动态"


def test_the_name_under_a_headline_of_its_own() -> None:
    from newsark.extract.titles import title_from_body

    assert title_from_body("**犬儒病(上)** 胡平\n——当代中国") == ("犬儒病(上)", "胡平")
    assert title_from_body("**犬儒病(上)**\n\n胡平\n——当代中国") == ("犬儒病(上)", "胡平")
    assert title_from_body("**犬儒病(上)**\n——当代中国") == ("犬儒病(上)", "")
    assert title_from_body("正文开始") == (None, "")


def test_a_chinese_page_that_names_itself_nowhere_takes_the_headline_it_shows() -> None:
    from newsark.extract.zone import untitled_headline

    body = "1个月之后的6月21日，随着广汽和现代合资基础协议的签署，传闻再次袭来。\n8个月4轮谈判，双方坐到了一起。"
    lines = ["首页", ">> 业界新闻", "广汽回应现代合资内幕 全面合作项目即将展开", "http://www.qianlong.com/",
             "2005-07-18 13:03:17", *body.split("\n")]
    assert untitled_headline(lines, body) == "广汽回应现代合资内幕 全面合作项目即将展开"
    # the body's own short first line, no sentence
    assert untitled_headline(["导航", "飞行物理学常识", "飞行归因于作用在飞机上的几个力。"],
                             "飞行物理学常识\n飞行归因于作用在飞机上的几个力。") == "飞行物理学常识"
    # a sentence above the body is no headline
    assert untitled_headline(["这是一段很长的说明文字，不是标题。", *body.split("\n")], body) is None
    # through extract_page: no <title>, no heading, no title meta
    page = ("<html><head><meta charset='utf-8'></head><body><div>首页 &gt; 业界新闻</div>"
            "<div>广汽回应现代合资内幕 全面合作项目即将展开</div><div>2005-07-18 13:03:17</div><div class='text'>"
            + "".join(f"<p>{p}第{i}段。</p>" for i, p in enumerate(body.split("\n") * 4)) + "</div></body></html>")
    assert extract_page(page.encode()).title == "广汽回应现代合资内幕 全面合作项目即将展开"


def test_a_chinese_titles_spaced_tail_that_the_copyright_line_names_is_the_site() -> None:
    """'…专业技能大赛 湖南省中医药研究院附属医院' with '版权所有 湖南省中医药研究院附属医院' in the
    footer: the hospital is the site, not part of the headline. A tail the page does not
    name as its owner stays ('…公園計劃 市民反應熱烈')."""
    body = "<p>" + "市政府今天公布新的公園計劃，多名議員表示支持擴建綠化空間，並要求盡快公布時間表。" * 6 + "</p>"

    def zh(title: str) -> bytes:
        return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><div class='content'>{body}"
                "</div><div class='footer'>版权所有 测试市中医院 Copyright © 2019</div></body></html>").encode()

    assert extract_page(zh("我院举办2019年药学技能大赛 测试市中医院")).title == "我院举办2019年药学技能大赛"
    assert extract_page(zh("市政府公布新的公園計劃 市民反應熱烈")).title == "市政府公布新的公園計劃 市民反應熱烈"
