package org.resourcesharing.borrowing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenUrlTest {

    @Test
    void aJournalArticleInOpenUrl10WithItsDoiBecomesACopyRequest() {
        OpenUrl.Parsed parsed = OpenUrl.parse("url_ver=Z39.88-2004&url_ctx_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Actx"
                + "&rfr_id=info%3Asid%2Fprimo.exlibrisgroup.com&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Ajournal&rft.genre=article"
                + "&rft.atitle=Winter+survival+of+brook+trout&rft.jtitle=Canadian+Journal+of+Fisheries+and+Aquatic+Sciences"
                + "&rft.issn=03178471&rft.volume=77&rft.issue=4&rft.spage=645&rft.epage=660&rft.date=2020-04-15"
                + "&rft.aulast=Tremblay&rft.aufirst=Anne&rft_id=info%3Apmid%2F31234567&rft_id=info%3Adoi%2F10.1139%2FCJFAS-2019-0123");

        PatronRequest request = parsed.request();
        assertThat(request.serviceType()).isEqualTo("Copy");
        assertThat(request.articleTitle()).isEqualTo("Winter survival of brook trout");
        assertThat(request.journalTitle()).isEqualTo("Canadian Journal of Fisheries and Aquatic Sciences");
        assertThat(request.title()).isNull();
        assertThat(request.issn()).isEqualTo("0317-8471");
        assertThat(request.doi()).isEqualTo("10.1139/cjfas-2019-0123");
        assertThat(request.volume()).isEqualTo("77");
        assertThat(request.issue()).isEqualTo("4");
        assertThat(request.pages()).isEqualTo("645-660");
        assertThat(request.year()).isEqualTo("2020");
        assertThat(request.author()).isEqualTo("Tremblay, Anne");
        assertThat(request.patronId()).isNull();
        assertThat(parsed.ignored()).as("a PubMed id has no field, but is no error").isEmpty();
    }

    @Test
    void aBookInOpenUrl10WithItsIsbnAndOclcNumberBecomesALoanRequest() {
        OpenUrl.Parsed parsed = OpenUrl.parse("url_ver=Z39.88-2004&rft_val_fmt=info:ofi/fmt:kev:mtx:book&rft.genre=book"
                + "&rft.btitle=Two+Solitudes&rft.au=MacLennan%2C+Hugh&rft.isbn=0-8044-2957-x&rft.edition=2nd+ed.&rft.date=1945"
                + "&rft_id=info:oclcnum/ocm01234567");

        PatronRequest request = parsed.request();
        assertThat(request.serviceType()).isEqualTo("Loan");
        assertThat(request.title()).isEqualTo("Two Solitudes");
        assertThat(request.journalTitle()).isNull();
        assertThat(request.articleTitle()).isNull();
        assertThat(request.author()).isEqualTo("MacLennan, Hugh");
        assertThat(request.isbn()).as("ISBN-10 read as its ISBN-13").isEqualTo("9780804429573");
        assertThat(request.oclcNumber()).isEqualTo("1234567");
        assertThat(request.edition()).isEqualTo("2nd ed.");
        assertThat(request.year()).isEqualTo("1945");
        assertThat(parsed.ignored()).isEmpty();
    }

    @Test
    void aBookChapterBecomesACopyOfTheChapterWithTheBookAsTitle() {
        OpenUrl.Parsed parsed = OpenUrl.parse("url_ver=Z39.88-2004&rft_val_fmt=info:ofi/fmt:kev:mtx:book&rft.genre=bookitem"
                + "&rft.atitle=The+North+in+fiction&rft.btitle=Canadian+Literature+Today&rft.isbn=978-0-8044-2957-3"
                + "&rft.spage=12&rft.epage=34&rft.au=Atwood%2C+M.&rft.au=Munro%2C+A.");

        PatronRequest request = parsed.request();
        assertThat(request.serviceType()).isEqualTo("Copy");
        assertThat(request.title()).isEqualTo("Canadian Literature Today");
        assertThat(request.articleTitle()).isEqualTo("The North in fiction");
        assertThat(request.journalTitle()).isNull();
        assertThat(request.isbn()).isEqualTo("9780804429573");
        assertThat(request.pages()).isEqualTo("12-34");
        assertThat(request.author()).isEqualTo("Atwood, M.; Munro, A.");
    }

    @Test
    void googleScholarsOpenUrl01IsReadToo() {
        OpenUrl.Parsed parsed = OpenUrl.parse("sid=google&auinit=A&aulast=Tremblay&atitle=Winter+survival+of+brook+trout"
                + "&id=doi:10.1139/cjfas-2019-0123&title=Canadian+Journal+of+Fisheries+and+Aquatic+Sciences&volume=77&issue=4"
                + "&date=2020&spage=645&issn=0317-8471&genre=article");

        PatronRequest request = parsed.request();
        assertThat(request.serviceType()).isEqualTo("Copy");
        assertThat(request.articleTitle()).isEqualTo("Winter survival of brook trout");
        assertThat(request.journalTitle()).as("0.1's title of an article is the journal").isEqualTo("Canadian Journal of Fisheries and Aquatic Sciences");
        assertThat(request.title()).isNull();
        assertThat(request.doi()).isEqualTo("10.1139/cjfas-2019-0123");
        assertThat(request.issn()).isEqualTo("0317-8471");
        assertThat(request.pages()).isEqualTo("645");
        assertThat(request.year()).isEqualTo("2020");
        assertThat(request.author()).isEqualTo("Tremblay, A");
    }

    @Test
    void percentEncodedUtf8IsDecodedAndLatin1FromOlderSourcesIsReadAsSuch() {
        OpenUrl.Parsed parsed = OpenUrl.parse("rft_val_fmt=info:ofi/fmt:kev:mtx:journal&rft.atitle=%C3%89tudes+sur+la+truite+%26+le+saumon"
                + "&rft.jtitle=Revue+qu%C3%A9b%C3%A9coise%0A++de+biologie&rft.aulast=B%E9dard&rft.aufirst=Jos%C3%A9e");

        PatronRequest request = parsed.request();
        assertThat(request.articleTitle()).isEqualTo("Études sur la truite & le saumon");
        assertThat(request.journalTitle()).as("line breaks and runs of blanks become one space").isEqualTo("Revue québécoise de biologie");
        assertThat(request.author()).isEqualTo("Bédard, Josée");
        assertThat(parsed.ignored()).isEmpty();
    }

    @Test
    void aLinkThatDeclaresLatin1IsDecodedAsLatin1() {
        OpenUrl.Parsed parsed = OpenUrl.parse("ctx_enc=info%3Aofi%2Fenc%3AISO-8859-1&rft.genre=book&rft.btitle=Le+Survenant+%E0+Sainte-Marie");

        assertThat(parsed.request().title()).isEqualTo("Le Survenant à Sainte-Marie");
    }

    @Test
    void valuesThatCannotBeUsedAreLeftOutWithANoteForThePatron() {
        OpenUrl.Parsed parsed = OpenUrl.parse("rft_val_fmt=info:ofi/fmt:kev:mtx:book&rft.btitle=Two+Solitudes&rft.isbn=978-0-8044-2957-4"
                + "&rft.issn=abcd&rft.date=spring&rft_id=info:doi/11.1234/x&rft.edition=%ZZ&rft.volume=&=orphan&rft.issue");

        PatronRequest request = parsed.request();
        assertThat(request.title()).isEqualTo("Two Solitudes");
        assertThat(request.isbn()).isNull();
        assertThat(request.issn()).isNull();
        assertThat(request.year()).isNull();
        assertThat(request.doi()).isNull();
        assertThat(request.edition()).isNull();
        assertThat(request.volume()).isNull();
        assertThat(parsed.ignored()).containsExactlyInAnyOrder(
                "The ISBN \"978-0-8044-2957-4\" was left out: check digit should be 3.",
                "The ISSN \"abcd\" was left out: should be eight digits (the last may be X), as NNNN-NNNN.",
                "The date \"spring\" was left out: it does not start with a year.",
                "The DOI \"11.1234/x\" was left out: should start with 10.",
                "A value that was not properly encoded was left out (rft.edition).");
    }

    @Test
    void withoutGenreOrFormatTheKindOfRequestIsLeftToThePatronUnlessAnArticleTitleSaysCopy() {
        assertThat(OpenUrl.parse("title=Two+Solitudes&isbn=080442957X").request())
                .satisfies(request -> {
                    assertThat(request.serviceType()).isNull();
                    assertThat(request.title()).isEqualTo("Two Solitudes");
                });
        assertThat(OpenUrl.parse("atitle=Brook+trout&title=Journal+of+Fish").request().serviceType()).isEqualTo("Copy");
        assertThat(OpenUrl.parse(null).request().title()).isNull();
    }
}
