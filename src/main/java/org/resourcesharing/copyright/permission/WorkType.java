package org.resourcesharing.copyright.permission;

import java.util.Arrays;
import java.util.Optional;

/** What kind of work an instructor wants to use: decides which "short excerpt" of the fair dealing guidelines can apply. */
public enum WorkType {
    BOOK_CHAPTER("A chapter of a book"),
    BOOK_EXCERPT("Pages from a book (not a whole chapter)"),
    JOURNAL_ARTICLE("An article from a journal or magazine"),
    NEWSPAPER_ARTICLE("A newspaper article or page"),
    ARTISTIC_WORK("An artistic work (image, photograph, painting)"),
    POEM_OR_SCORE("A poem or musical score from an anthology"),
    REFERENCE_ENTRY("An entry from a reference work"),
    WHOLE_WORK("A whole work"),
    FILM_VIDEO("A film or video");

    private final String inWords;

    WorkType(String inWords) {
        this.inWords = inWords;
    }

    public String inWords() {
        return inWords;
    }

    static Optional<WorkType> read(Object value) {
        return value == null ? Optional.empty()
                : Arrays.stream(values()).filter(type -> type.name().equalsIgnoreCase(value.toString().strip())).findFirst();
    }
}
