package org.resourcesharing.copyright.permission;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A text of the assessment before it is put into a language. The assessment decides once; staff and the
 * decision log read its reasoning in English, the instructor's emails carry it in the instructor's
 * language ({@link ReasoningMessages}).
 */
sealed interface Reasoning {

    /** A message of the bundle {@value ReasoningMessages#BUNDLE}; its arguments may be reasonings themselves. */
    record Message(String code, List<Object> arguments) implements Reasoning {
    }

    /** A value the managers' tables give in English and in French (a column and its French column, which may be empty). */
    record Translated(String english, String french) implements Reasoning {
    }

    static Reasoning message(String code, Object... arguments) {
        // an argument may be null (pages that were not given), as it was in the English text
        return new Message(code, Collections.unmodifiableList(Arrays.asList(arguments)));
    }
}
