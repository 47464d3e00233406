package org.resourcesharing.copyright.permission;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A text of the assessment before it is put into words: the assessment decides, the bundle
 * {@value ReasoningMessages#BUNDLE} words ({@link ReasoningMessages}).
 */
sealed interface Reasoning {

    /** A message of the bundle; its arguments may be reasonings themselves. */
    record Message(String code, List<Object> arguments) implements Reasoning {
    }

    static Reasoning message(String code, Object... arguments) {
        // an argument may be null (pages that were not given), as it was in the English text
        return new Message(code, Collections.unmodifiableList(Arrays.asList(arguments)));
    }
}
