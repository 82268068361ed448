"""English author rules, each on a small hand-written page."""

from __future__ import annotations

import pytest

from newsark.extract.bylines import clean_english_names, english_byline, english_name_ok
from newsark.extract.dates import find_date
from newsark.extract.metadata import extract_metadata
from newsark.extract.page import parse_document

BODY = "<p>" + "The council met on Tuesday to discuss the new harbour ferry timetable. " * 6 + "</p>"
BODY_TEXT = "The council met on Tuesday to discuss the new harbour ferry timetable."


def _page(head: str = "", header: str = "", foot: str = "", title: str = "Ferry timetable changes next month") -> str:
    return (f"<html><head><title>{title} | Harbour Times</title>{head}</head><body>"
            f"<nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{header}{BODY}</article>"
            f"<footer>{foot}</footer></body></html>")


def _author(html: str, url: str | None = "https://harbourtimes.example/news/ferry") -> str | None:
    return extract_metadata(parse_document(html), url, BODY_TEXT).author


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By Jane Doe, MD and Sam Lee | Staff Writer", ["Jane Doe", "Sam Lee"]),
        # the role's organisation after it is no name; a name after 'and' is
        ("Benjamin Example, Sr. Director of Operations, Atlas Van Lines", ["Benjamin Example"]),
        ("Jane Doe, Staff Writer, and John Smith, Editor", ["Jane Doe", "John Smith"]),
        ("Doris Munoz-Mantilla, MD, FOMA, DABOM", ["Doris Munoz-Mantilla"]),
        ("Rebecca Lake, CEPF®", ["Rebecca Lake"]),
        ("Mike Marshall, Shipping Expert", ["Mike Marshall"]),
        ("Written by: John Smith (@jsmith) on March 3, 2020", ["John Smith"]),
        ("By Summer Swann - June 12, 2025", ["Summer Swann"]),
        ("Paramita (Guha) Ghosh", ["Paramita (Guha) Ghosh"]),
        ("By Niko Example on behalf of the Vision Doc group", ["Niko Example"]),
        # names in capitals are names; credentials after a name are not
        ("LEONARDO GARCIA", ["LEONARDO GARCIA"]),
        ("By DANICA KIRKA, JILL LAWLESS", ["DANICA KIRKA", "JILL LAWLESS"]),
        ("Jane Doe, MD FACP", ["Jane Doe"]),
        ("CDC", []),
        # a news agency in capitals is the story's source, not credentials
        ("PTI,", ["PTI"]),
        ("By AFP", ["AFP"]),
        ("Jose Example View More Articles", ["Jose Example"]),
        ("ASU Online", ["ASU Online"]),
        ("jane@example.com", []),
        # a kind of piece before 'by', and the label in the languages of the dev pages
        ("Analysis by Chris Example", ["Chris Example"]),
        ("Opinion by Jane Doe", ["Jane Doe"]),
        ("Текст: Венера Пример", ["Венера Пример"]),
        ("Por Juan Pérez", ["Juan Pérez"]),
        ("Publicado por Clarissa Exemplo", ["Clarissa Exemplo"]),
        ("Par Jean Dupont", ["Jean Dupont"]),
        ("Parker Smith", ["Parker Smith"]),  # a name that starts so
    ],
)
def test_clean_english_names(byline: str, expected: list[str]) -> None:
    assert clean_english_names(byline) == expected


def test_english_byline_keeps_the_pages_separators() -> None:
    assert english_byline("A. Smith, B. Jones, and C. Brown")[2] == (", and ", "C. Brown")
    assert [s for s, _ in english_byline("Maria & Katerina")] == ["", " & "]


def test_english_name_ok() -> None:
    assert english_name_ok("Jane Doe", strict=True)
    assert english_name_ok("The Currency editors", strict=True)
    assert not english_name_ok("Use Case", strict=True)  # a menu heading after "By"
    assert not english_name_ok("using the iron", strict=True)
    assert not english_name_ok("The Author", strict=False)
    assert not english_name_ok("Florence says", strict=False)  # a comment, not the byline
    assert not english_name_ok("page.head.extra.author", strict=False)
    assert english_name_ok("q_admin2", strict=False) and not english_name_ok("q_admin2", strict=True)
    # a date's weekday or month alone is no one ('Sherif Saed, Wednesday'; 'Sat, 20 Dec, 2025')
    for word in ("Wednesday", "Sat", "Dec.", "Today"):
        assert not english_name_ok(word, strict=True)
    assert english_name_ok("June Carter", strict=True)


def test_visible_byline_split_across_elements() -> None:
    header = "<div class='meta'><span>By</span> <a href='/a/1'>Jane Doe</a> <span>,</span> <a href='/a/2'>Sam Lee</a><time>March 4, 2020</time></div>"
    assert _author(_page(header=header)) == "Jane Doe, Sam Lee"


def test_visible_byline_beats_a_username_in_meta() -> None:
    html = _page(head="<meta name='author' content='jdoe_admin'>", header="<p class='byline'>Written by Jane Doe</p>")
    assert _author(html) == "Jane Doe"


def test_jsonld_author_by_id_reference() -> None:
    ld = ('<script type="application/ld+json">{"@context":"https://schema.org","@graph":['
          '{"@type":"Article","@id":"#a","headline":"Ferry","author":{"@id":"#p1"}},'
          '{"@type":"Person","@id":"#p1","name":"Jane Doe"}]}</script>')
    assert _author(_page(head=ld)) == "Jane Doe"


def test_jsonld_person_list_joined_with_commas() -> None:
    ld = ('<script type="application/ld+json">{"@type":"NewsArticle","author":['
          '{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"Sam Lee"}]}</script>')
    assert _author(_page(head=ld)) == "Jane Doe, Sam Lee"


def test_organisation_author_yields_to_a_person_in_the_markup() -> None:
    ld = ('<script type="application/ld+json">{"@type":"Article","author":'
          '{"@type":"Organization","name":"Acme Clinic"}}</script>')
    html = _page(head=ld, foot="<div class='author-name'>Jane Doe</div>")
    assert _author(html) == "Jane Doe"
    assert _author(_page(head=ld)) == "Acme Clinic"  # nobody else named: the organisation


def test_a_jsonld_person_whose_name_was_left_out_before_the_outlet_is_the_outlet() -> None:
    """USA TODAY's template writes '"name": ", USA TODAY"' where the reporter's name is
    missing: that is the outlet, and the byline the page shows names the reporter; of the
    byline's elements, the one that names the author beats the box that also holds the
    publication ('Brian Truitt USA TODAY')."""
    ld = ('<script type="application/ld+json">{"@type":"NewsArticle","author":'
          '{"@type":"Person","name":", Harbour Times"}}</script>')
    byline = ("<div class='byline-section'><div class='attribution'><span class='author'><a href='/staff/jane-doe/'>"
              "Jane Doe</a> &nbsp;</span> <span class='publication'>Harbour Times</span></div></div>")
    assert _author(_page(head=ld, header=byline)) == "Jane Doe"
    assert _author(_page(head=ld)) == "Harbour Times"  # nobody else named: the outlet


def test_comment_authors_are_not_the_author() -> None:
    comments = "<div class='comments'><div class='comment-author vcard'><b>Florence Smith</b></div></div>"
    assert _author(_page(foot=comments)) is None


def test_the_claimant_of_a_fact_check_is_not_the_author() -> None:
    # Polygraph's fact-check names who made the statement it checks, in an 'author' heading
    claim = ("<p>A claim about the ferry went round this week; here is what we found when we checked it with "
             "the operator and the council.</p>"
             "<div class='statement'><div class='statement-author'><h4 class='author'>The Harbour Ministry"
             "</h4></div><p>The ferry will run every hour.</p></div>")
    assert _author(_page(header=claim)) is None


def test_site_name_in_meta_yields_to_a_name_beside_the_date() -> None:
    html = _page(head="<meta name='author' content='Harbour Times'>",
                 header="<div>Jane Doe</div><div>March 4, 2020</div>")
    assert _author(html) == "Jane Doe"


def test_copyright_holder_is_not_taken_for_the_author() -> None:
    assert _author(_page(foot="<p>© 2025 Acme Media. All rights reserved.</p>")) is None


def test_day_first_dotted_dates() -> None:
    assert find_date("Published 17.05.2021") == "2021-05-17"
    assert find_date("version v1.2.2021") is None


def test_author_box_label_then_name_at_the_foot() -> None:
    box = "<div class='post-box'><h3>Author</h3><p> Lisa D. Ellis</p></div>"
    assert _author(_page(foot=box)) == "Lisa D. Ellis"
    menu = "<div class='menu'><span>By</span><a>Industry</a></div>"  # a menu, not a byline
    assert _author(_page(foot=menu)) is None


def test_a_sentence_that_says_who_wrote_the_post_names_the_author() -> None:
    bio = ("<div class='post-box'><p>This post was written by Danielle Example, Head of Marketing and "
           "Community Development</p></div>")
    assert _author(_page(foot=bio)) == "Danielle Example"
    linked = ("<p><em>This post was written by <a href='/providers/2838'>Vanessa Example, MD</a>, "
              "gastroenterologist, Parkview Health.</em></p>")
    assert _author(_page(header=linked)) == "Vanessa Example"
    # the page's own byline comes first; a sentence about another post names no one
    byline = "<p class='byline'>By Sam Lee</p>"
    assert _author(_page(header=byline, foot=bio)) == "Sam Lee"
    assert _author(_page(foot="<p>The post was written by hand in 1850 and kept in the archive.</p>")) is None


def test_an_about_the_author_label_over_a_bio_that_opens_with_a_name() -> None:
    box = ("<div class='c1'><p>About the Author:</p><p>Juliette Example is a skilled content creator with "
           "over five years of experience.</p></div>")
    assert _author(_page(foot=box)) == "Juliette Example"
    # a bio that does not open with a name names no one
    other = "<div><p>About the Author:</p><p>Our writers are experts in cloud computing.</p></div>"
    assert _author(_page(foot=other)) is None


def test_a_digit_inside_a_word_is_a_brand_not_the_start_of_a_date() -> None:
    assert english_byline("Rapid7") == [("", "Rapid7")]  # was cut to 'Rapid', a name
    assert english_byline("Jane Doe 3 days ago") == [("", "Jane Doe")]
    # the site's own name in the author meta (which, cut to 'Rapid', no longer was) gives way
    page = _page(head="<meta name='author' content='Rapid7'><meta property='og:site_name' content='Rapid7'>",
                 header="<div class='post-author'><a href='/blog/author/s'>Spencer Example</a></div>")
    assert _author(page) == "Spencer Example"


def test_a_reviewer_named_over_links_is_not_the_writer() -> None:
    header = ("<div><span><a href='/reviewers/k'>Medically reviewed</a> by <a href='/reviewers/k'>Kim Example RDN"
              "</a></span> — <span>Written by <a href='/authors/j'>Jillian Example, MS, RD</a></span></div>")
    assert _author(_page(header=header)) == "Jillian Example"


def test_name_beside_date_skips_separator_lines() -> None:
    header = "<p><span>2025-12-17</span><span>·</span><a href='/people/t'>Trond Example</a></p>"
    assert _author(_page(header=header)) == "Trond Example"


def test_a_label_beside_the_date_is_no_name() -> None:
    # CBS's 'Filed Under:' over the story's tags, on the line after its date
    header = ("<div class='column-header'><time>November 19, 2019 at 9:45 am</time><div><strong>Filed Under:"
              "</strong><span><a href='/tag/eee/'>EEE</a>, <a href='/tag/health/'>health</a></span></div></div>")
    assert _author(_page(header=header)) is None


@pytest.mark.parametrize(
    "header",
    [
        # after the date on its line, then the group it was written for
        "<div class='meta'>Dec. 19, 2025 · Niko Example on behalf of<br><a href='/teams/v'>Vision Doc group</a></div>",
        # on the line after the date, its section's link on the next
        "<p>Dec 26, 2025<br>•<br>Niko Example in<br><a href='/blog/pm'>Project Management</a></p>",
    ],
)
def test_name_beside_date_on_its_line_or_before_a_hanging_word(header: str) -> None:
    assert _author(_page(header=header)) == "Niko Example"


def test_personal_site_signed_with_its_own_name() -> None:
    ld = '<script type="application/ld+json">{"@type":"BlogPosting","author":{"@type":"Person","name":"Anna Example"}}</script>'
    html = _page(head=ld, title="Notes on parsers", foot="<p>Thanks to <span>by Someone Else</span></p>").replace(
        "| Harbour Times", "| Anna Example")
    assert _author(html, "https://annaexample.org/notes/parsers") == "Anna Example"


def test_the_title_or_a_job_title_is_not_the_author() -> None:
    # a heading repeating the title in the author box, a job title where the name would be
    html = _page(head="<meta name='author' content='Ferry timetable changes next month'>")
    assert _author(html) is None
    html = _page(header="<div class='author'>Co-Founder</div><div>March 4, 2020</div>")
    assert _author(html) is None


@pytest.mark.parametrize(
    ("box", "expected"),
    [
        # WordPress's author block: the label and the name are two paragraphs
        (("<div class='wp-block-post-author__content'><p class='wp-block-post-author__byline'>Written by</p>"
         "<p class='wp-block-post-author__name'><a href='/author/n'>Sir Nuno</a></p></div>"), "Sir Nuno"),
        # the name, then a job title on a line of its own
        ("<div class='author-info'><p>Matt Check</p><p>Head Winemaker</p></div>", "Matt Check"),
        # the name, then a link to the writer's other stories
        (("<div class='author-box'><h4><a class='name' href='/a/j'>Jose Altoveros</a>"
         "<a class='view-more' href='/a/j'><span>View More Articles</span></a></h4></div>"), "Jose Altoveros"),
    ],
)
def test_an_author_element_of_several_lines(box: str, expected: str) -> None:
    assert _author(_page(header=box)) == expected


def test_the_writer_a_twitter_card_label_names_is_a_late_source() -> None:
    card = "<meta name='twitter:label1' content='Written by'><meta name='twitter:data1' content='Nawaz Example'>" \
           "<meta name='twitter:label2' content='Est. reading time'><meta name='twitter:data2' content='9 minutes'>"
    assert _author(_page(head=card)) == "Nawaz Example"
    # the byline the page shows wins over the card's (the post's WordPress user)
    assert _author(_page(head=card, header="<p class='byline'>By Jane Doe</p>")) == "Jane Doe"
    # a card label that names something else gives no author
    other = "<meta name='twitter:label1' content='Reading time'><meta name='twitter:data1' content='Ten Minutes'>"
    assert _author(_page(head=other)) is None


def test_an_author_box_with_a_bio_is_named_by_its_heading() -> None:
    bio = "<p>" + "Bence writes about audio software and the design of music tools for players. " * 3 + "</p>"
    box = f"<div class='blog-author'><img src='/a.webp' alt=''><div><h4>Bence Example</h4>{bio}</div></div>"
    assert _author(_page(header=box)) == "Bence Example"
    # a heading that labels the box is no name ('Author Spotlight' is not 'Spotlight')
    box = f"<div class='author-wrapper'><h3>Author Spotlight</h3>{bio}</div>"
    assert _author(_page(header=box)) is None


def test_an_author_box_without_a_heading_is_named_by_its_first_line_when_the_bio_opens_with_it() -> None:
    bio = ("<p>Lauren Example is a marketing writer who covers healthcare technology and the tools that "
           "clinics use to run their practices, from scheduling to billing and patient intake.</p>")
    box = (f"<div class='blog_author-box'><img alt='Lauren Example' src='/l.webp'><div class='blog_author-text'>"
           f"<div class='text-size-small'>Lauren Example</div><div class='bio'>{bio}</div></div></div>")
    assert _author(_page(header=box)) == "Lauren Example"
    # a first line the bio does not open with is a label or a title, not the writer
    box = box.replace("<div class='text-size-small'>Lauren Example</div>",
                      "<div class='text-size-small'>Marketing Team</div>")
    assert _author(_page(header=box)) is None


def test_a_bold_name_with_a_colon_opening_the_bio_names_the_author_box() -> None:
    bio = ("<p><strong>Dana Example:</strong> Since founding the firm in 1998, Dana has grown it into an IT "
           "services company for the region's small and mid-size businesses, and writes about both.</p>")
    box = f"<div class='blog-author-info'><img alt='Dana Example Headshot' src='/d.png'><div>{bio}</div></div>"
    assert _author(_page(header=box)) == "Dana Example"


def test_the_pages_own_classes_do_not_put_every_element_elsewhere() -> None:
    # <body class="… fl-theme-builder-footer fl-has-sidebar …"> describes the whole page: the
    # author element inside it is not a footer's or a sidebar's
    html = _page(header="<p class='author-name'>Jane Doe</p>").replace(
        "<body>", "<body class='single-post fl-theme-builder-footer fl-has-sidebar comments-open'>")
    assert _author(html) == "Jane Doe"


def test_a_login_gives_way_to_the_name_the_page_shows() -> None:
    login = "<meta name='author' content='andrew.keaveney'>"
    shown = "<div class='author-info'><span class='author-name'>Denise Example</span></div>"
    assert _author(_page(head=login, header=shown)) == "Denise Example"
    # with no name anywhere else, the login is the only trace of the writer: it stays
    assert _author(_page(head=login)) == "andrew.keaveney"


def test_the_words_of_a_link_to_a_tag_page_are_no_name() -> None:
    # a theme's "byline" holding the post's tag and date
    byline = ("<div class='blog-post__byline'><span class='byline__tag'><a href='/blog/tag/personal-finance'>"
              "Personal Finance</a></span> <span class='byline__date'>January 27, 2025</span></div>")
    assert _author(_page(header=byline)) is None
    # the same words not linked to a tag page are read as before
    assert _author(_page(header=byline.replace("/blog/tag/personal-finance", "/people/pf"))) == "Personal Finance"


def test_a_role_other_than_writing_is_read_in_any_case() -> None:
    from newsark.extract.authors import _other_role

    assert _other_role("PHOTOS BY PAT EXAMPLE") and _other_role("Medically Reviewed By Kim Example")
    assert not _other_role("By Jo Example") and not _other_role("Nearby ferries")
