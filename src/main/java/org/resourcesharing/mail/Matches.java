package org.resourcesharing.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Counting cue words: how strongly a text leans one way is how often it says so. */
final class Matches {

    private Matches() {
    }

    static int count(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
