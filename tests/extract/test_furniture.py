from __future__ import annotations

from newsark.extract.authorbox import drop_author_box, drop_author_links
from newsark.extract.furniture import drop_furniture
from newsark.extract.headerlines import drop_header_lines


def test_advertisement_labels_go_anywhere_in_the_body() -> None:
    md = ("First paragraph.\n\nAdvertisement - Continue Reading Below\n\nSecond paragraph.\n\n"
          "**ADVERTISEMENT**\n\nStory continues below advertisement\n\n廣告\n\nAdvert\n\n"
          "This slideshow requires JavaScript.\n\nLast paragraph.")
    assert drop_furniture(md) == "First paragraph.\n\nSecond paragraph.\n\nLast paragraph."


def test_sentences_about_advertisements_stay() -> None:
    md = "Advertisement revenue fell by half.\n\nSponsored content is labelled as such on the site."
    assert drop_furniture(md) == md


def test_a_buttons_label_alone_goes_anywhere_in_the_body() -> None:
    md = ("First.\n\n[Read more](https://ex.org/a)\n\nSecond.\n\n**LEARN MORE →**\n\nWhere to buy\n\n"
          "[Start free trial](https://ex.org/t)\n\nRelated\n\n... more\n\nless\n\nClose\n\n**toggle caption**\n\n"
          "[View PDF](https://ex.org/p.pdf)\n\nNo credit card required.\n\n"
          "- You are here:\n- [Home](https://ex.org/)\n- [About the centre](https://ex.org/about)\n\n"
          "Third.\n\nRead more about the ferry's new timetable on the council's site.\n\nLast.")
    assert drop_furniture(md) == ("First.\n\nSecond.\n\nThird.\n\n"
                                  "Read more about the ferry's new timetable on the council's site.\n\nLast.")
    # an audio player's label, anywhere; a sentence that starts alike stays
    md = ("Listen to this article in summarized format\n\nFirst.\n\n**Listen to this article** 5:12 min\n\n"
          "Listen to the article, the editor said, before you judge it.\n\nLast.")
    assert drop_furniture(md) == "First.\n\nListen to the article, the editor said, before you judge it.\n\nLast."
    # a recipe card's screen-lock toggle, its label and its note
    md = "First.\n\nCook Mode\n\nPrevent your screen from going dark as you follow along.\n\nLast."
    assert drop_furniture(md) == "First.\n\nLast."
    # a toolbar drawn as a list, every item a button's label; a list with one item of text stays
    md = "- Order Reprints\n- Print Article\n\nFirst.\n\n- Read more\n- The ferry's new timetable\n\nLast."
    assert drop_furniture(md) == "First.\n\n- Read more\n- The ferry's new timetable\n\nLast."


def test_a_shops_button_beside_a_product_goes() -> None:
    tracked = "https://www.amazon.com/dp/B0CJ9YX7DG?linkCode=ll1&tag=ex-20&linkId=" + "fe797e6b" * 20
    md = ("The Gaggia holds its temperature well.\n\nCheck Price on Amazon\n\n**See price at Walmart**\n\n"
          f"[View on Amazon]({tracked}) Links to Amazon.com\n\n[Read more]({tracked})\n\n"
          "[Check price on OXO](https://ex.org/o)[Check Price - Walmart](https://ex.org/w)\n\n"
          "[View Plans](https://ex.org/go/aura) Links to Identity Guard®\n\nLast.")
    assert drop_furniture(md) == "The Gaggia holds its temperature well.\n\nLast."
    # a guide's own "Buy on …" lines stay (a label keeps them), and so does prose about prices
    kept = ("Buy on Amazon\n\nCheck the price on Amazon before you buy: it changes every week.\n\n"
            "View on the map of the old harbour at low tide")
    assert drop_furniture(kept) == kept


def test_lines_pointing_to_other_stories_go_anywhere_in_the_body() -> None:
    md = ("First.\n\nRelated: [Tutoring may not improve attendance](https://ex.org/t)\n\nSecond.\n\n"
          "##### Related: [Three tips for maintenance](https://ex.org/m)\n\n"
          "**Recommended:** [Best bootcamps in NYC](https://ex.org/b)\n**Recommended:** [Best classes](https://ex.org/c)"
          "\n\nRelated post: [Pickled sprouts](https://ex.org/p)\n\n"
          "**On HoustonChronicle.com:** [Car sales plunge nearly 17 percent](https://ex.org/c)\n\n"
          "**[CO-FOUNDER 'PROUD' OF HOME DEPOT EMPLOYEES LIVING OUT THEIR DREAM](http://video.example.com/v/1/)**"
          "\n\n[**SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'**](https://ex.org/s)\n\n"
          "> **RELATED READING:** [Answering my college essay FAQs](https://ex.org/f)\n\n"
          "**Must read:** **[Kitchen display systems](https://ex.org/k)**\n\n"
          "**>> Related:** [The best VPNs](https://ex.org/v)\n\n"
          "[Also on example.com Ferry operators threatened with fines as timetable slips](https://ex.org/f)\n\nLast.")
    assert drop_furniture(md) == "First.\n\nSecond.\n\nLast."
    # a line that says more, or a block with prose after the teaser, stays; so does 'Read more:'
    kept = ("First.\n\nRelated: " + "the council also approved a new ferry route and " * 4 + "more.\n\n"
            "Related: [A story](https://ex.org/s)\nThe ferry ran late.\n\nRead more: [A story](https://ex.org/s)\n\n"
            "[CLICK FOR FULL STATE SWIM RESULTS](https://ex.org/results)\n\n[NASA](https://ex.org/n)\n\n"
            "On Monday: the council met.\n\nAlso on Monday the council met again.")
    assert drop_furniture(kept) == kept  # (a link in capitals to the story's own results, too)


def test_a_chinese_related_stories_label_goes_with_the_links_under_it_anywhere() -> None:
    md = ("今日天氣晴朗，市民外出遊玩。\n\n**相关新闻：**\n\n**[公園開放時間延長](/a/1)**\n\n- [新巴士路線](/a/2)\n"
          "- [圖書館翻新](/a/3)\n\n政府表示會繼續改善設施。\n\n當局下月再公布詳情。")
    assert drop_furniture(md) == "今日天氣晴朗，市民外出遊玩。\n\n政府表示會繼續改善設施。\n\n當局下月再公布詳情。"
    # the label with prose under it is a heading of the story's own: it stays
    md = "今日天氣晴朗。\n\n相關報導：\n\n記者昨日到場了解，[公園](/a/1)已重開。\n\n完。"
    assert drop_furniture(md) == md
    # a search engine's suggestions under the story (Baijiahao's '相关搜索' box)
    md = ("政府表示會繼續改善設施。\n\n## 相关搜索\n\n- [女生学什么乐器好](https://www.baidu.com/s?word=a)\n"
          "- [古琴](https://www.baidu.com/s?word=b)")
    assert drop_furniture(md) == "政府表示會繼續改善設施。"


def test_teaser_cards_closed_by_a_link_to_read_on_go_with_their_label_at_the_end() -> None:
    """'## 推荐阅读' over cards of other stories, each a picture and a title with its summary
    closed by '[【详细】](…)' (people.cn), to the body's end; not cards in the middle, nor a
    paragraph of the story's own under the label."""
    story = "今日天氣晴朗，市民外出遊玩。\n\n(责编：陳大文)"
    card = ("<figure>\n<img src=\"/m/{n}.png\" alt=\"\">\n</figure>\n\n**文化大家讲述亲历{n}** 一个时代有一个时代的文艺，"
            "邀请当代最具代表性的文化艺术大家分享其艺术探索。 *[【详细】](http://culture.example.cn/{n}.html)*")
    cards = "\n\n".join(card.format(n=n) for n in (1, 2))
    assert drop_furniture(f"{story}\n\n## 推荐阅读\n\n{cards}") == story
    assert drop_furniture(f"{story}\n\n### Related articles\n\n**Parks reopen** The city said on Monday that "
                          "its parks reopen. [Read more](/a/1)") == story
    kept = f"{story}\n\n## 推荐阅读\n\n{cards}\n\n記者昨日到場了解，公園已重開，市民反應熱烈。"
    assert drop_furniture(kept) == kept


def test_a_list_of_photo_credits_alone_goes() -> None:
    # a carousel's credits, its pictures a script's (no source in the page as saved)
    credits = "- Credit: Serious Eats\n- Credit: Serious Eats\n- Photo: Jane Doe / Getty Images"
    assert drop_furniture(f"First.\n\n{credits}\n\nLast.") == "First.\n\nLast."
    kept = "First.\n\n- Credit: Serious Eats\n- Three cups of water\n\nLast."
    assert drop_furniture(kept) == kept  # a list with something else in it stays


def test_a_table_of_contents_title_goes_its_list_stays() -> None:
    toc = "- [Fares](#fares)\n- [Timetable](#timetable)"
    md = (f"First paragraph.\n\n### Table of Contents\n\n{toc}\n\n## Fares\n\nText.\n\n**Contents:**\n\n"
          "On this page\n\nLast paragraph on the contents of the ferry's hold.")
    assert drop_furniture(md) == (f"First paragraph.\n\n{toc}\n\n## Fares\n\nText.\n\n"
                                  "Last paragraph on the contents of the ferry's hold.")
    for title in ("Table of Contents Show", "Table of Content", "Toggle Table of Content", "Jump to a section:",
                  "Jump to ↓"):
        assert drop_furniture(f"First paragraph.\n\n{title}\n\n{toc}") == f"First paragraph.\n\n{toc}"
    kept = "First paragraph.\n\nJump to conclusions, they said, and the ferry left."
    assert drop_furniture(kept) == kept


def test_furniture_at_the_end_goes_in_any_number() -> None:
    md = ("The article's last words.\n\n### You may also like:\n\nRelated Posts:\n\n"
          "[Back to top](https://example.org/#top)\n\nComments\n\nTags\n\nLast updated on November 15, 2025")
    assert drop_furniture(md) == "The article's last words."
    # the page's tags or categories, listed after the label
    for filed in ("Tags: Employment, Health & Fitness, Mid-sized Businesses",
                  "Filed under: [Khawarij](https://ex.org/category/khawarij/) |"):
        assert drop_furniture(f"The article's last words.\n\n{filed}") == "The article's last words."
    kept = "The article's last words.\n\nTopics: " + "the ferry ran late again and " * 4 + "nobody knew why."
    assert drop_furniture(kept) == kept  # a sentence after the label
    # a related-stories label whose list the extractor dropped, heading or not, colon or not
    for label in ("More Great WIRED Stories", "**You may also like**", "Recommended for you"):
        assert drop_furniture(f"The article's last words.\n\n{label}") == "The article's last words."
    kept = "The article's last words.\n\nMore stories like this one will follow next week, she said."
    assert drop_furniture(kept) == kept
    # a paywall's notice where the rest of the story would be; a sentence about a paywall stays
    md = ("The article's last words.\n\nThis article is exclusive to Ferry+ subscribers\n\n"
          "Unlock this article — plus in-depth analysis, newsletters and news alerts.\n\n"
          "Already have an account? [Log in](https://ex.org/login/)")
    assert drop_furniture(md) == "The article's last words."
    kept = "The article's last words.\n\nThe paper said the story is for subscribers only, as before."
    assert drop_furniture(kept) == kept
    # 'Up Next' over other stories' links, and a sign-off
    md = ("The article's last words.\n\n## Up Next\n\n[Wood Wall Art](https://ex.org/a)\n\n"
          "[Pinecone Wreath](https://ex.org/b)\n\nThanks for visiting!")
    assert drop_furniture(md) == "The article's last words."
    # a teaser list's kinds left without their teasers, under its heading
    md = "The article's last words.\n\n#### Latest Updates\n\nPODCAST\n\nVIDEO\n\nGUIDE"
    assert drop_furniture(md) == "The article's last words."


def test_chinese_furniture_at_the_end() -> None:
    assert drop_furniture("記者報道全文。\n\n相關新聞：\n\n返回頂部") == "記者報道全文。"
    assert drop_furniture("全文。\n\n#[上吊](/Search/a) #[北市](/Search/b)") == "全文。"
    assert drop_furniture("全文。\n\n#大家健康超能团# @大家健康") == "全文。"
    assert drop_furniture("全文。\n\n請看 #大家健康 的討論") == "全文。\n\n請看 #大家健康 的討論"
    # the comments' box (its heading with a count, its character counter) and the keywords
    assert drop_furniture("全文。\n\n关键词 >> 新冠病毒,味觉\n\n## 相关推荐\n\n## 评论(15)\n\n我要跟帖\n\n已输入0字") == "全文。"
    assert drop_furniture("全文。\n\nComments (3)") == "全文。"
    # where the page sits, anywhere ('您所在的位置： 首页 > 快讯'), is no text either
    assert drop_furniture("您所在的位置： [首页](/) > 快讯 > 公司\n\n全文。") == "全文。"
    kept = "全文。\n\n关键词是这次会议讨论最多的话题，代表们认为需要更多研究。"
    assert drop_furniture(kept) == kept


def test_sharing_prompts_and_character_rules_at_the_end_go() -> None:
    md = "The article's last words.\n\n\\_\\_\\_\n\n### Like this:\n\nLike Loading...\n\nSharing is caring!"
    assert drop_furniture(md) == "The article's last words."


def test_chinese_prompts_for_the_sites_app_and_sharing_at_the_end_go() -> None:
    assert drop_furniture("全文。\n\n证券时报APP\n\n微信公众号\n\n分享让更多人看到") == "全文。"
    # the site's notes after the story: its app's links, its fan page, its copyright
    # notice, its paid archive (自由時報, 蘋果日報, 中央社)
    tail = ("還想看更多新聞嗎？歡迎下載自由時報APP，現在看新聞還能抽獎：\n\n"
            "iOS載點 [https://bit.ly/a](https://bit.ly/a)\n\n活動辦法： [https://x.tw/d](https://x.tw/d)\n\n"
            "**[>>加入蘋果日報粉絲團94即時94狂！](https://www.facebook.com/x)**\n\n"
            "本新聞文字、照片、影片專供會員閱覽，版權所有，禁止任何媒體轉貼分享，違者必究。\n\n"
            "您所瀏覽的新聞已過查詢時效。建議您加入中央社[付費會員](http://x.tw/)找尋您要的新聞。")
    assert drop_furniture(f"全文。\n\n{tail}") == "全文。"
    # the same words in the story's own text, or before its end, stay
    story = "自由時報今天宣布，讀者下載APP的人數上月增加三成。"
    assert drop_furniture(f"{story}\n\n全文。") == f"{story}\n\n全文。"
    for last in ("法院指出，版權所有人不得任意禁止他人合理使用。", "該報的付費會員上月增加三成。"):
        assert drop_furniture(f"全文。\n\n{last}") == f"全文。\n\n{last}"
    kept = "全文。\n\n下载本报APP的读者在上月增加了三成，报社表示将继续投入。"
    assert drop_furniture(kept) == kept


def test_a_chinese_sites_perk_for_getting_its_app_goes_anywhere() -> None:
    promo = ("新酷产品第一时间免费试玩，快来[测试众测](http://zhongce.example.cn/)，体验最前沿的产品吧~！"
             "下载客户端还能获得专享福利哦！")
    assert drop_furniture(f"{promo}\n\n全文。\n\n完。") == "全文。\n\n完。"
    # a story about an app's perks is prose, longer than a prompt
    story = ("该平台表示，用户下载客户端还能获得专享福利，" + "平台近期推出多项新功能，吸引大量年轻用户，" * 6 + "业界关注。")
    assert drop_furniture(f"{story}\n\n完。") == f"{story}\n\n完。"


def test_a_multi_page_storys_pager_goes_anywhere() -> None:
    pager = "[【1】](/n1/2019/0615/c1013-1.html)[【2】](/n1/2019/0615/c1013-1-2.html)[【3】](/n1/2019/0615/c1013-1-3.html)"
    assert drop_furniture(f"全文。\n\n{pager}\n\n(责编：陳大文)") == "全文。\n\n(责编：陳大文)"
    assert drop_furniture("Text.\n\n[1](/a) | [2](/b) | [下一页](/c)\n\nMore text.") == "Text.\n\nMore text."
    # one link, a link with words, or numbers in a sentence: text
    for kept in ("Text.\n\n[1](/a)", "Text.\n\n[Chapter 1](/a) [2](/b)", "Text.\n\nSee [1](/a) and [2](/b)."):
        assert drop_furniture(kept) == kept


def test_a_public_accounts_qr_prompt_keyword_replies_and_call_to_join_at_the_end_go() -> None:
    # thepaper's government accounts (the WeChat posts they repeat): the editors' credits stay
    credits = "编辑|禤志杰\n\n来源|广州参考、广州南沙发布"
    tail = ("扫描下方二维码解锁更多技能\n\n1、回复【公租房】查看最新消息\n\n2、回复【社保】查询广州社保缴纳记录\n\n"
            "发送邮件至zhengwu@thepaper.cn申请加入澎湃政务号或媒体团")
    assert drop_furniture(f"全文。\n\n{credits}\n\n{tail}") == f"全文。\n\n{credits}"
    assert drop_furniture("全文。\n\n长按识别二维码关注我们") == "全文。"
    # the same footer as lines of one block (the page's <br>s, read with a learned template),
    # with the account's menu and WeChat's button: its lines go, the credits' lines stay
    lines = credits.replace("\n\n", "\n") + "\n" + tail.replace("\n\n", "\n").rsplit("\n", 1)[0] + (
        "\n点击菜单栏【便民服务】解锁更多服务！\n看都看完了，点【在看】试试在看")
    assert drop_furniture(f"全文。\n\n{lines}") == "全文。\n\n" + credits.replace("\n\n", "\n")
    # a story's own QR code, how to book, stays; so does a reply in the story's text
    for last in ("市民可扫描下方二维码预约接种。", "他回复【记者】说，这件事已经处理。"):
        assert drop_furniture(f"全文。\n\n{last}") == f"全文。\n\n{last}"
    # a block of prompt lines alone goes whole; a prompt line above the story's last words
    # stays, and the story's last words with a prompt line under them keep their line
    assert drop_furniture("全文。\n\n长按识别二维码关注我们\n点【在看】") == "全文。"
    kept = "全文。\n\n扫码关注我们\n他说，这是第一次。"
    assert drop_furniture(kept) == kept
    assert drop_furniture("全文。\n\n他说，这是第一次。\n扫码关注我们") == "全文。\n\n他说，这是第一次。"


def test_links_to_the_previous_and_next_story_at_the_end_go() -> None:
    nav = "[下一則新聞:護照傳聞大破解](https://m.x.tw/n/2) [上一則新聞:台南新景點](https://m.x.tw/n/1)"
    assert drop_furniture(f"全文。\n\n{nav}") == "全文。"
    assert drop_furniture("Last words.\n\n[« Previous post](/a) | [Next post: Ferries »](/b)") == "Last words."
    # a link among words, or to another kind of page, is text
    kept = "Last words.\n\nRead the [next article](/b) in this series on Monday."
    assert drop_furniture(kept) == kept
    assert drop_furniture("Last words.\n\n[Next steps for the harbour](/c)") == "Last words.\n\n[Next steps for the harbour](/c)"


def test_the_articles_own_ending_stays() -> None:
    for md in (
        "Intro.\n\nThen I use this prompt:",  # a lead-in of five words: maybe the article's
        "Intro.\n\n## Verdict\nIt is good.",  # a heading with its text in the same block
        "Intro.\n\n<figure>\n<img src=\"a.jpg\" alt=\"\">\n</figure>",
        "Intro.\n\n```\nx = 1\n\n# the end\n```",
        "Intro.\n\n| a | b |\n|---|---|\n| 1 | 2 |",
        "Intro.\n\nShe said the update was published on time, in 2025",
        "Intro.\n\n他說這是一段很長的話，而且以冒號結束：",
        "Intro.\n\n#1 is the number of the ferry that still runs",  # '#1' without a space is text
    ):
        assert drop_furniture(md) == md, md


def test_a_body_is_never_emptied() -> None:
    assert drop_furniture("Comments") == "Comments"
    assert drop_furniture("## You may also like\n\nTags") == "## You may also like"
    assert drop_furniture("Related") == "Related" and drop_furniture("Related\n\nRead more") == "Related\n\nRead more"
    assert drop_furniture("") == ""


def test_blocks_of_zero_width_characters_go() -> None:
    assert drop_furniture("One.\n\n\u200d\n\nTwo.\n\n\u200b\ufeff") == "One.\n\nTwo."


STORY = "\n\n".join(f"Paragraph {i} of the story about the harbour ferry timetable and its review." for i in range(8))


def test_the_author_box_at_the_end_goes() -> None:
    bio = "Karina Cohen is the owner of CR Maids, a local cleaning company."
    assert drop_author_box(f"{STORY}\n\n{bio}\n\nKarina holds an MBA.", "Karina Cohen") == STORY
    assert drop_author_box(f"{STORY}\n\n**Rebecca Norris**\n\nShe writes about homes.", "Rebecca Norris") == STORY
    two = f"{STORY}\n\nManoj Jain is adjunct faculty.\n\nJagpreet Chhatwal is a professor."
    assert drop_author_box(two, "Manoj Jain, Jagpreet Chhatwal") == STORY
    assert drop_author_box(f"{STORY}\n\nMike Wall's book is out now.", "Mike Wall") == STORY
    # the labels the box stood after then end the body, and go with it
    assert drop_author_box(f"{STORY}\n\nFollow Us\n\n### Written by\n\nMike Wall covers space.",
                           "Mike Wall") == STORY


def test_a_chinese_author_box_after_its_column_label_goes_and_a_last_paragraph_set_as_a_heading_stays() -> None:
    """Citizen News ended its blog posts with a rule, the writer's avatar, '**主筆 | 名字**' and
    a bio; the post's own last paragraphs may be set as <h4>, and stay."""
    story = "\n\n".join(f"第{i}段：政府今日公布新的公園計劃，多名議員表示支持擴建綠化空間。" for i in range(6))
    last = "#### 馬後砲。這當然都是馬後砲，但市民的意見仍然值得一聽。"
    box = ("---\n\n![主筆 | 陳大文](https://img.example.org/a.png)\n\n**主筆 | 陳大文**\n\n"
           "資深新聞工作者，自80年代起專責報道香港政治。")
    assert drop_author_box(f"{story}\n\n{last}\n\n{box}", "陳大文") == f"{story}\n\n{last}"
    assert drop_author_box(f"{story}\n\n**博客 | 陳大文**\n\n【陳大文專欄】寫城市的故事。", "陳大文") == story
    short = "### **「愛國」。**"  # a post's punchline set as a heading: no empty section's label
    assert drop_author_box(f"{story}\n\n{short}\n\n{box}", "陳大文") == f"{story}\n\n{short}"
    # ... which a Chinese section's label is, a count after it too
    assert drop_author_box(f"{story}\n\n## 相关推荐\n\n## 评论（15）\n\n{box}", "陳大文") == story
    # the writer named in the story's last paragraph is no box
    kept = f"{story}\n\n陳大文表示會繼續跟進。"
    assert drop_author_box(kept, "陳大文") == kept


def test_a_block_that_is_one_link_to_a_writers_page_goes() -> None:
    md = (f"[Kaavya Example](https://x.org/blog/author/kaavya)\n\n{STORY}\n\nTags\n\n"
          "### [Ludo Example](https://x.org/blogs/authors/ludo?page=1)")
    assert drop_author_links(md) == STORY
    # a link to the writer inside a sentence or a list stays
    kept = f"{STORY}\n\nRead more by [Kaavya](https://x.org/author/kaavya) on ferries.\n\n- [Ludo](https://x.org/author/ludo)"
    assert drop_author_links(kept) == kept


def test_what_is_not_an_author_box_stays() -> None:
    # the name inside a sentence, a one-word byline, no byline, a box as long as the story
    quoted = f"{STORY}\n\nAs Karina Cohen is quick to say, the ferry is late."
    assert drop_author_box(quoted, "Karina Cohen") == quoted
    named = f"{STORY}\n\nReuters is a news agency."
    assert drop_author_box(named, "Reuters") == named
    assert drop_author_box(f"{STORY}\n\nKarina Cohen is the owner.", None) == f"{STORY}\n\nKarina Cohen is the owner."
    long_box = "A short story.\n\nKarina Cohen is the owner.\n\n" + " ".join(["She cleans."] * 20)
    assert drop_author_box(long_box, "Karina Cohen") == long_box
    early = f"Karina Cohen is the owner of the ferry.\n\n{STORY}"  # not among the last blocks
    assert drop_author_box(early, "Karina Cohen") == early


def test_lines_above_the_article_that_only_say_who_and_when_go() -> None:
    from newsark.extract.headerlines import drop_header_lines

    prose = ("The operator of the cross-harbour ferry said on Wednesday that the evening timetable will change "
             "from the first of next month, with fewer sailings.")
    md = ("Back to blog\n\nBy [Paul Takahashi](https://x.org/author/paul)\n\nPublished 4:00 am CST, Wednesday, "
          f"November 20, 2019\n\n8 min read\n\n### Table of Contents\n\n{prose}\n\nBy the end of the year, all ferries run "
          "every hour.")
    assert drop_header_lines(md, "Paul Takahashi", ("2019-11-20T04:00:00-06:00", None)) == (
        f"{prose}\n\nBy the end of the year, all ferries run every hour.")
    md2 = (f"**Paul Takahashi**\n\nPublished:\n\n3 MIN. READ\n\nreviewed by [Jo Example](https://x.org/jo)\n\n"
           f"Tempo de leitura: 1 minuto\n\n閱讀時間：約3分鐘\n\n{prose}")
    assert drop_header_lines(md2, "Paul Takahashi", (None,)) == prose
    # the story's share link written out above it goes; an address inside a line of text stays
    md3 = f"https://www.example.com/articles/ferry-timetable-51574168486\n\n{prose}"
    assert drop_header_lines(md3, None, (None,)) == prose
    kept3 = f"Read it at https://www.example.com/articles/ferry first.\n\n{prose}"
    assert drop_header_lines(kept3, None, (None,)) == kept3
    # a photo credit whose picture the body does not hold goes; under its picture, or a
    # story's source, it stays
    figure = '<figure>\n<img src="https://x.org/p.jpg" alt="">\n</figure>'
    assert drop_header_lines(f"Credit: Jane Doe / Getty Images\n\n{prose}", None, (None,)) == prose
    kept = f"{figure}\n\nCredit: Jane Doe / Getty Images\n\n{prose}"
    assert drop_header_lines(kept, None, (None,)) == kept
    # pictures take no text's place among the first blocks: a dek under the lead picture
    # may stand above the reading time, as above the byline
    dek = " ".join(["The ferry's new evening timetable, explained for commuters."] * 3)
    assert drop_header_lines(f"{figure}\n\n{dek}\n\n3 MIN. READ\n\n{prose}", None, (None,)) == (
        f"{figure}\n\n{dek}\n\n{prose}")
    for source in ("来源：新华网", "（资料来源：参考消息、海外网等）"):  # the story's source, not a picture's
        assert drop_header_lines(f"{source}\n\n{prose}", None, (None,)) == f"{source}\n\n{prose}"
    # another name, another day, or a line with more to say than the date: kept
    assert drop_header_lines(md, "Jane Doe", ("2019-11-21", None)).startswith("By [Paul Takahashi]")
    assert "Published 4:00" in drop_header_lines(md, "Jane Doe", ("2019-11-21", None))
    kept = f"November 20, 2019: the day the ferry stopped running\n\n{prose}"
    assert drop_header_lines(kept, None, ("2019-11-20", None)) == kept
    # the byline with a date of the page, how long ago or a reading time, in one line
    for line, dates in [("Jayesh Shinde| Updated on 19-Dec-2025", ("2025-12-19", None)),
                        ("Posted on December 18, 2025 Posted by Jayesh Shinde", ("2025-12-18", None)),
                        ("Jayesh Shinde\n2 days ago\n6 min read", (None,)),
                        ("- Jayesh Shinde\n- Jan 23\n- 11 min read", ("2025-01-24", None)),
                        # a list of them, an item each, the date a page's date
                        ("- [Jayesh Shinde](https://x.org/p)\n- Sep 26, 2022\n- 2 min read", ("2022-09-26", None)),
                        # the date and a reading time; the published and the updated date
                        ("Jun 08, 2023 • 11 Minute Read", ("2023-06-08", None)),
                        ("August 16, 2019 - Updated July 9, 2025", ("2019-08-16", "2025-07-09")),
                        # the year left out; the page's own day of a UTC stamp
                        ("Updated: Jan 31", ("2025-01-24", "2025-01-31")),
                        ("Last Updated: **December 15th 2025**", ("2025-01-04", "2025-12-16T01:52:13+00:00"))]:
        assert drop_header_lines(f"{line}\n\n{prose}", "Jayesh Shinde", dates) == prose
    for line in ["Jayesh Shinde, harbour reporter", "Jayesh Shinde says the ferry ran late on 19-Dec-2025",
                 "- Jayesh Shinde\n- Jan 23",  # a day without its year needs the reading time
                 "- Jayesh Shinde\n- Ferry timetables", "December 19, 2025 - Updated July 9, 2030",
                 "Updated: Feb 2", "December 17, 2025"]:
        kept = f"{line}\n\n{prose}"
        assert drop_header_lines(kept, "Jayesh Shinde", ("2025-12-19", None)) == kept
    # below the first paragraph of prose nothing is looked at, unless it opens the body (a dek)
    late = f"{prose}\n\n{prose}\n\nBy Paul Takahashi"
    assert drop_header_lines(late, "Paul Takahashi", (None,)) == late
    dek = f"{prose}\n\nPaul Takahashi\n\n23.07.2025\n\nThe council agreed."
    assert drop_header_lines(dek, "Paul Takahashi", ("2025-07-23", None)) == f"{prose}\n\nThe council agreed."


def test_a_chinese_line_of_byline_and_date_above_the_story_goes() -> None:
    from newsark.extract.headerlines import drop_header_lines

    prose = "市政府今天公布新的公園計劃，多名議員表示支持擴建綠化空間，並要求政府盡快公布時間表。"
    dates = ("2019-03-18T23:59:00+08:00", None)
    for line in ("2019-03-18 23:59聯合報 記者[陳嘉寧](https://x.org/r/1)／桃園機場報導",
                 "2019年3月18日 記者陳嘉寧／台北報導", "**中央社記者陳嘉寧台北18日電 2019-03-18**"):
        assert drop_header_lines(f"{line}\n\n{prose}", "陳嘉寧", dates) == prose
    # another day, nobody found, or more to say than who and when: kept
    for line, author, when in (("2019-03-17 記者陳嘉寧／台北報導", "陳嘉寧", dates),
                               ("2019-03-18 記者陳嘉寧／台北報導", None, dates),
                               ("2019-03-18 記者陳嘉寧報導：市議會通過公園計劃", "陳嘉寧", dates)):
        kept = f"{line}\n\n{prose}"
        assert drop_header_lines(kept, author, when) == kept


def test_a_chinese_bar_of_date_and_source_and_a_reporters_line_above_the_story_go() -> None:
    """A page's bar over the story: the date and the source under its label, with or
    without the writer ('2019-09-26 12:11来源：证券时报网作者：李在山', '| 2005-02-06 13:26更新
    来源：转载文章 | 发表评论 |'); the writers joined by '、' in the author field; a line that
    names the byline found as reporter or writer, with at most the outlet or its channel,
    above the story's first paragraph."""
    from newsark.extract.headerlines import drop_header_lines

    prose = "市政府今天公布新的公園計劃，多名議員表示支持擴建綠化空間，並要求政府盡快公布時間表。"
    dates = ("2019-08-13T14:07:00+08:00", None)
    for line, author in (("2019-08-13 14:07来源：澎湃新闻·澎湃号·政务", "中国广州发布"),
                         ("2019-08-13 14:07来源：证券时报网作者：李在山", "李在山"),
                         ("| 2019-08-13 13:26更新 来源：转载文章 | 发表评论 |", None),
                         ("2019-08-13 14:07 叨叨姐 胡一刀 李小飞刀", "叨叨姐、胡一刀、李小飞刀"),
                         ("**新华网黑龙江频道 记者 伊琳 李清芬**", "伊琳、李清芬"),
                         ("澎湃新闻记者 贺梨萍", "贺梨萍"), ("記者林悅／南市報導", "林悅"), ("文︰陳大文", "陳大文"),
                         ("【文/观察者网专栏作者 王文】", "王文")):
        assert drop_header_lines(f"{line}\n\n{prose}", author, dates) == prose, line
    # kept: the source on another day; a reporter's line that says more, or credits the pictures
    # too; one under the story's first paragraph (a credit line naming a photographer and an editor)
    for md, author in (("2019-08-12 14:07来源：澎湃新闻", None),
                       ("記者陳嘉寧報導：市議會通過公園計劃", "陳嘉寧"),
                       ("顶端新闻·河南商报记者马俊峰/文受访者供图", "马俊峰"),
                       ("撰文︰陳大文　攝影︰李小明", "陳大文"), ("文化版 陳大文", "陳大文"),
                       (f"{prose}\n\n記者林悅／南市報導", "林悅"),
                       (f"{prose}\n\n医技药剂党支部、药剂科供稿 摄影/张艳 编辑/苏芳", "医技药剂党支部")):
        kept = f"{md}\n\n{prose}"
        assert drop_header_lines(kept, author, dates) == kept, md


def test_chinese_calls_to_click_and_a_link_home_at_the_end_go() -> None:
    """'点击进入“文艺星青年”>>' over the story, '快点击这里了解一下！', a WeChat account's
    '点击菜单栏【便民服务】解锁更多服务！', and '[返回腾讯网首页>>](…)' run into the last paragraph.
    A picture viewer's '（点击看清晰大图）' and WeChat's '点【在看】' go as lines of their own. Prose that opens with
    the word for a click rate stays, and so does a figure's caption, whatever it says."""
    first = "市政府今天公布新的公園計劃，多名議員表示支持擴建綠化空間。"
    last = "第三方数据行业的整顿仍将持续。"
    md = (f"[**点击进入“文艺星青年”**>>](http://culture.people.com.cn/GB/405419/index.html)\n\n{first}\n\n"
          "快点击这里了解一下！\n\n点击菜单栏【便民服务】解锁更多服务！\n\n（点击看清晰大图）\n\n"
          "看都看完了，点【在看】试试在看\n\n点个在看你最好看\n\n"
          f"{last}[返回腾讯网首页>>](http://www.qq.com/?pref=article)")
    assert drop_furniture(md) == f"{first}\n\n{last}"
    kept = (f"{first}\n\n点击率上升了三成，多家公司表示将加大投入。\n\n正在看直播的观众超过十万人，点评区一片热闹。\n\n<figure>\n<img src=\"a.jpg\" alt=\"\">\n"
            f"<figcaption>点击看清晰大图</figcaption>\n</figure>\n\n{last}[返回上一页](javascript:history.back())x")
    assert drop_furniture(kept) == kept


def test_a_newsrooms_appeal_for_its_readers_money_goes() -> None:
    """Subscriptions, membership, donations, in Chinese and English (Citizen News closed every
    story with such a line), as blocks of their own; a story about a charity's appeal, or
    about people who donated, stays."""
    md = ("第一段。\n\n請加入成為測試新聞的月費訂戶，長期支持我們的工作。所有訂戶都可以收到我們的通訊。\n\n"
          "第二段。\n\n支持獨立媒體，請按此捐款支持測試新聞。\n\n如果你認同我們的工作，歡迎贊助我們。\n\n"
          "## This story is funded by readers like you\n\nOur newsroom is free of charge. Your one-off or monthly "
          "donations play a crucial role in supporting our work.\n\nSupport independent journalism: become a member "
          "today.\n\n月費訂戶 [網址：example.org/aboutus/#subscribe](https://example.org/aboutus/#subscribe)\n\n"
          "[請支持《測試新聞》，成為訂戶](https://example.org/aboutus)\n\n"
          "[Subscribe](https://subscribe.example.com/subscribe/splits/x?source=inset) to EXAMPLE and stay smart.\n\n"
          "最後一段。")
    assert drop_furniture(md) == "第一段。\n\n第二段。\n\n最後一段。"
    kept = ("The charity urged people to donate now to help flood victims.\n\n市民踴躍捐款支持災民。\n\n"
            "議員表示會支持政府的工作。\n\nThe [newsletter](https://ex.org/subscribe) reached all members.\n\n"
            "[Stitch Fix reviews](https://www.mysubscriptionaddiction.com/b/stitch-fix).\n\nLast.")
    assert drop_furniture(kept) == kept


def test_newsletter_signup_prompts_go_anywhere_in_the_body() -> None:
    md = ("First paragraph.\n\n### Join Our Newsletter\n\n*Sign up now to get the freshest updates on "
          "language learning and exclusive app deals delivered straight to your inbox!*\n\n"
          "Second paragraph.\n\n**Want more from NBC Select?** **Sign up** **for our newsletter, The "
          "Selection, and shop smarter.**\n\nThe best of Hindustan Times, delivered to your inbox every morning"
          "\n\n立即訂閱本報電子報\n\nAwesome, you're subscribed!\n\nThanks for subscribing! Look out for "
          "your first newsletter in your inbox soon!\n\n### 🚀 Sign up for The Replay newsletter\n\n"
          "Last paragraph.")
    assert drop_furniture(md) == "First paragraph.\n\nSecond paragraph.\n\nLast paragraph."
    # a magazine's subscription by post; a reviewer's words about deliveries stay
    md = ("First.\n\nGet [Ferry Monthly](https://ex.org/fm) delivered through your letterbox every month. "
          "12 issues for £11.99. [Click here](https://ex.org/fm) for more information.\n\n"
          "*If you want great wine delivered to your door every month, check out Winc!* – Rebecca W.\n\nLast.")
    assert drop_furniture(md) == ("First.\n\n*If you want great wine delivered to your door every month, check out "
                                  "Winc!* – Rebecca W.\n\nLast.")


def test_a_page_builders_button_shortcode_and_a_back_button_go() -> None:
    md = ("First.\n\n[button link=”https://ex.org/submit-review/” type=”big” newwindow=”yes”] Send us YOUR "
          "review[/button]\n\nLast.\n\nVoltar")
    assert drop_furniture(md) == "First.\n\nLast."
    kept = "First.\n\n[quote]The ferry is late.[/quote]\n\nHe went back."
    assert drop_furniture(kept) == kept


def test_a_shortcode_the_site_did_not_draw_goes_a_bracketed_line_of_words_stays() -> None:
    md = ("First.\n\n[convertkit form=1630175]\n\nSecond.\n\n[CTA\\_MODULE]\n\n"
          '[contact-form-7 id="12" title="Contact form 1"]\n\nLast.')
    assert drop_furniture(md) == "First.\n\nSecond.\n\nLast."
    kept = "First.\n\n[Applause]\n\nHe went on.\n\n[MUSIC]\n\n[Ni’matul Ukhuwah hal. 41]\n\nLast."
    assert drop_furniture(kept) == kept


def test_the_small_print_under_a_signup_form_goes() -> None:
    terms = ("By signing up, you agree to receive recurring automated SMS marketing messages from Ferry "
             "Deals at the number provided. Msg and data rates may apply. Up to 2 messages/day. Reply STOP "
             "to opt out, HELP for help. Consent is not a condition of purchase. See Terms of Use and Privacy "
             "Policy.")
    email = ("By entering your email address you agree to our [Terms of Use](https://ex.org/terms) and "
             "Privacy Policy and consent to receive emails about news, events and offers.")
    form = ("By submitting this form, you agree to our [Privacy Policy](https://ex.org/privacy) and consent to "
            "receive our email newsletters, including event updates.")
    assert drop_furniture(f"First.\n\n{terms}\n\n{email}\n\n{form}\n\nLast.") == "First.\n\nLast."
    # prose that starts alike stays
    prose = ("By signing up for the ferry pass early, commuters saved a third, and you agree it was worth it, "
             "the council said.")
    kept = f"First.\n\nBy providing customers with deals, businesses keep them.\n\n{prose}\n\nLast."
    assert drop_furniture(kept) == kept


def test_prose_about_newsletters_stays() -> None:
    md = ("Readers who sign up for a newsletter open it twice a week on average, the survey found, and most "
          "of them read it on a phone before work, which publishers now plan their newsletters around.\n\n"
          "Subscribe\n\nThe paper's newsletter team grew to twelve people.\n\n"
          "Readers who are subscribed to the paper get it at six.")
    assert drop_furniture(md) == md


def test_script_placeholders_go_anywhere_in_the_body() -> None:
    md = "First.\n\nLoading paragraph...\n\nLoading hub\\_pages...\n\n載入中…\n\nSecond.\n\nLoading the truck...\n\nLast."
    assert drop_furniture(md) == "First.\n\nSecond.\n\nLoading the truck...\n\nLast."


def test_a_chinese_platforms_disclaimer_near_the_end_goes_and_the_credit_after_it_stays() -> None:
    notice = "免责声明：自媒体综合提供的内容均源自自媒体，文章观点仅代表作者本人，不代表新浪立场。投资有风险，入市需谨慎。"
    assert drop_furniture(f"全文。\n\n{notice}\n\n责任编辑：郭明煜") == "全文。\n\n责任编辑：郭明煜"
    # its label alone above its text, and the comments' furniture after both (澎湃新闻)
    md = "全文。\n\n特别声明\n\n本文为政务等机构在澎湃新闻上传并发布，仅代表该机构观点，不代表澎湃新闻的观点或立场。\n\n## 评论（0）\n\n我要跟帖"
    assert drop_furniture(md) == "全文。"
    assert drop_furniture("全文。\n\n声明：证券时报力求信息真实、准确，文章提及内容仅供参考，不构成实质性投资建议。") == "全文。"


def test_a_statement_the_story_quotes_or_one_far_from_the_end_stays() -> None:
    quoted = "该公司晚间发表声明：网传消息不代表公司立场，公司将追究责任。"  # not labelled as a notice
    assert drop_furniture(f"全文。\n\n{quoted}") == f"全文。\n\n{quoted}"
    early = "声明：以下内容仅代表受访者观点。"  # opening the story, many blocks before its end
    md = f"{early}\n\n第一段。\n\n第二段。\n\n第三段。\n\n第四段。"
    assert drop_furniture(md) == md
    # a label without the words of a disclaimer is the story's own heading
    md = "全文。\n\n声明\n\n协会今天在会上宣读了致全体会员的公开信。"
    assert drop_furniture(md) == md


def test_the_text_size_control_goes_anywhere() -> None:
    for control in ("字号", "【字体：大 中 小】", "字號 A- A A+"):
        assert drop_furniture(f"第一段。\n\n{control}\n\n第二段。") == "第一段。\n\n第二段。"
    kept = "第一段。\n\n字号设置很重要，读者说。"
    assert drop_furniture(kept) == kept


def test_a_list_of_dated_teasers_closing_the_body_goes() -> None:
    card = '<figure>\n<img src="https://i.x.cn/{n}.jpg" alt="">\n</figure>\n\n【深度】另一篇文章的标题{n}[大参考](https://x.cn/c)\n\n2019-09-0{n}'
    story = "全文第一段。\n\n全文最后一段。"
    md = "\n\n".join([story, *(card.format(n=n) for n in (1, 2, 3))])
    assert drop_furniture(md) == story
    # English cards too: a title and its date
    md = "Intro.\n\nLast words.\n\n[Other story one](/a)\n\nMarch 3, 2024\n\n[Other story two](/b)\n\nMarch 1, 2024"
    assert drop_furniture(md) == "Intro.\n\nLast words."


def test_dates_the_story_writes_alone_stay() -> None:
    # one dated card is not a list; nor are dated entries whose text is long (a diary)
    one = "全文。\n\n【深度】另一篇文章的标题\n\n2019-09-08"
    assert drop_furniture(one) == one
    entry = ("今天我们出发去了山区，沿途看到许多村庄，村民们热情地招待了我们，晚上住在一所学校的教室里，"
             "大家都很累，但第二天一早又背起行李继续上路，向着更远的村子走去，希望在天黑前赶到。")
    diary = f"序。\n\n{entry}\n\n2019-09-07\n\n{entry}\n\n2019-09-08"
    assert drop_furniture(diary) == diary
    # a body of dates alone is never emptied
    assert drop_furniture("2019-09-07\n\n2019-09-08") == "2019-09-07\n\n2019-09-08"


def test_affiliate_link_disclosures_go_anywhere_in_the_body() -> None:
    md = ("*This post contains affiliate links. Read my [full disclosure](https://ex.org/d).*\n\n"
          "The kettle boils in four minutes.\n\n"
          "Products are chosen independently by our editors. Purchases made through our links may earn us a "
          "commission.\n\n"
          "It pours well.\n\n"
          "  *As an Amazon Associate we earn from qualifying purchases.*\n\n"
          "Buy it on sale.\n\n*The Ferry Fool has a [disclosure policy](https://ex.org/p).*\n\nDone.")
    assert drop_furniture(md) == "The kettle boils in four minutes.\n\nIt pours well.\n\nBuy it on sale.\n\nDone."


def test_prose_about_affiliate_programmes_and_notes_inside_a_list_stay() -> None:
    kept = ("Affiliate programs: streamers earn a commission when viewers buy games via affiliate links.\n\n"
            "No affiliate links. No paid promotion. I have used every piece of gear here.\n\n"
            "We tested twelve kettles over a month, and the cheapest one won: it boils fast, pours cleanly, "
            "keeps the water hot for an hour and costs less than any other we tried, which is why we say it "
            "first and plainly, here at the top of this long review of every kettle on the shelves this "
            "winter, before saying that we may earn a commission on it.\n\n"
            "- #### The Forget-Me-Not Library\n  A novel.\n\n"
            "  *As an Amazon Associate we earn from qualifying purchases.*\n- #### House of Rayne")
    assert drop_furniture(kept) == kept


def test_an_english_related_stories_label_goes_with_the_links_under_it() -> None:
    # in one block: the label, then a headline per line, each with its kind
    md = ("The plague is treatable with antibiotics.\n\n**DON'T MISS**\n"
          "[CDC names eight deadly diseases](https://ex.org/a) [WARNING]\n"
          "[Holidaymakers die after eating marmot](https://ex.org/b) **[INSIGHT]**\n\n"
          "The CDC advises early treatment.")
    assert drop_furniture(md) == "The plague is treatable with antibiotics.\n\nThe CDC advises early treatment."
    # the label over a block of links
    md = "First.\n\nYou might also like:\n\n- [One](https://ex.org/1)\n- [Two](https://ex.org/2)\n\nLast."
    assert drop_furniture(md) == "First.\n\nLast."
    md = ("First.\n\nYou may also be interested in the following reports:\n\n- [One](https://ex.org/1)\n\n"
          "Last.")
    assert drop_furniture(md) == "First.\n\nLast."
    # the label over the other stories' thumbnails alone, to the body's end
    thumbs = "\n\n".join(f'<figure>\n<img src="https://ex.org/{n}.jpg" alt="Recipe {n}">\n</figure>' for n in (1, 2))
    assert drop_furniture(f"First.\n\n### You may also like:\n\n{thumbs}") == "First."
    # ... not when the article goes on after them: a picture of its own
    goes_on = f"First.\n\n### You may also like:\n\n{thumbs}\n\nThe jam sets in a day."
    assert drop_furniture(goes_on) == goes_on
    # an editor's further reading stays, and so does the label over prose
    kept = ("First.\n\nSee also:\n\n- [Ask the experts](https://ex.org/1)\n- [Cues to care](https://ex.org/2)\n\n"
            "**Don't miss**\nThe fair opens on Friday with forty stalls and a band.\n\nLast.")
    assert drop_furniture(kept) == kept


def test_a_call_to_click_in_capitals_goes_a_short_one_or_prose_stays() -> None:
    md = ("Sales rose.\n\n**GET FOX BUSINESS ON THE GO BY CLICKING HERE**\n\nShares fell.\n\n"
          "CLICK HERE TO GET THE FOX NEWS APP\n\nThe end.")
    assert drop_furniture(md) == "Sales rose.\n\nShares fell.\n\nThe end."
    kept = "Sales rose.\n\nCLICK HERE FOR CATALOG*\n\nClick here to get more information about this game today."
    assert drop_furniture(kept) == kept


def test_prompts_to_follow_share_or_reprint_and_the_writers_address_line_go() -> None:
    md = ("The vote was close.\n\nLike this story? Share it with a friend!\n\nThe count ends today.\n\n"
          "Order Reprints\n\nPrint Article\n\n"
          "This copy is for your personal, non-commercial use only. To order copies visit example.com.\n\n"
          "Write to Al Example at al.example@example.com\n\nShare this on WhatsApp\n\n"
          "*Contact staff writer [Jill Example](https://x.org/author/jill) at 212-678-3595, or "
          "[jill@example.org](mailto:jill@example.org)*.\n\n"
          "Reach the reporters on Twitter at [http://twitter.com/ex](http://twitter.com/ex)\n\n"
          "*Follow The Example Times Opinion section on Facebook, Twitter and Instagram.*\n\n"
          "**Would you like to receive notifications about new posts?**")
    assert drop_furniture(md) == "The vote was close.\n\nThe count ends today."
    # prose that mentions following or sharing stays
    # a prompt after a sentence of the site's own, or run on with ", and follow us on …"
    after = ("The vote was close.\n\nWant more DIY projects? [Follow me on Pinterest](https://ex.org/p) to see "
             "what I'm pinning.\n\nThe product experts at Example have all your needs covered. Follow Example "
             "on [Facebook](https://ex.org/f), [Twitter](https://ex.org/t) or Flipboard for the latest deals.\n\n"
             "Catch up on our coverage of [tech](https://ex.org/tech), and follow us on [Facebook](https://ex.org/"
             + "f" * 300 + ") to stay up to date.\n\n"
             "Have a tip? Al Example may be reached at al@example.com. Follow him on Twitter @alex.")
    assert drop_furniture(after) == "The vote was close."
    kept = ("Fans follow the band on Instagram, where it posts a song a day.\n\n"
            "Follow-up studies of teenagers on Instagram found the same.\n\n"
            "Researchers share their data with other teams, and the council said it would follow the advice.\n\n"
            "Police asked residents to stay indoors and follow updates on Facebook.\n\n"
            "Contact the council at its offices on Main Street before Friday.\n\n"
            "Residents said they would like to receive notifications about closures by text.")
    assert drop_furniture(kept) == kept


def test_the_button_to_make_the_site_a_preferred_source_on_google_goes() -> None:
    md = ("The vote was close.\n\n[Add As A Trusted Source For Google. Add as a preferred source on Google]"
          "(https://www.google.com/preferences/source?q=example.org)\n\nThe count ends today.\n\n"
          "**Make us a preferred source on Google**")
    assert drop_furniture(md) == "The vote was close.\n\nThe count ends today."
    kept = ("The vote was close.\n\nOnly install apps from trusted sources (Apple AppStore, Google Play).\n\n"
            "Add it as a trusted source and Google will rank it higher, the consultant said.")
    assert drop_furniture(kept) == kept


def test_a_related_label_naming_its_blog_and_the_storys_short_link_close_nothing() -> None:
    md = ("First.\n\nLast.\n\n[**Short link:** https://ex.org/4856](https://ex.org/4856)\n\n"
          "**Related Articles from the Harbour Talk blog:**")
    assert drop_furniture(md) == "First.\n\nLast."
    kept = "First.\n\nPermalink: https://ex.org/a is where the story moved after the flood."
    assert drop_furniture(kept) == kept


def test_explore_further_over_a_link_and_an_update_time_at_the_end_go() -> None:
    md = ("First.\n\nSecond.\n\nExplore further\n\n[Unravelling the torpor network](https://ex.org/n)"
          "\n\n**More information:** G. Petit et al.\n\n*Updated at 1:23 p.m.*")
    assert drop_furniture(md) == "First.\n\nSecond.\n\n**More information:** G. Petit et al."
    kept = "First.\n\nUpdated at 1:23 p.m. with comments from the mayor."
    assert drop_furniture(kept) == kept


def test_sohus_link_back_for_more_ends_the_story() -> None:
    md = ("第一段。\n\n作者：余毅菁 向雪妮[返回搜狐，查看更多](http://www.sohu.com/?strategyid=00001)\n\n责任编辑：\n\n"
          "> 香港警方：另一則新聞的摘要。\n\n,南方都市报")
    assert drop_furniture(md) == "第一段。\n\n作者：余毅菁 向雪妮"
    kept = "第一段。\n\n他說要返回家中，查看更多資料。\n\n最後一段。"
    assert drop_furniture(kept) == kept


def test_a_law_firms_bar_of_firm_day_and_category_goes_when_the_day_is_the_posts() -> None:
    prose = "If someone is not careful at the gym, they may get hurt, and the equipment may be to blame for it."
    bar = "On Behalf of [Harbour Law PLLC](https://ex.org/about-us/) | Apr 21, 2017 | Products Liability"
    assert drop_header_lines(f"{bar}\n\n{prose}", "adminn", ("2017-04-21T20:40:00+00:00", None)) == prose
    assert drop_header_lines(f"{bar}\n\n{prose}", "adminn", ("2018-05-02", None)) == f"{bar}\n\n{prose}"
