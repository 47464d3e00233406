package org.resourcesharing.mail;

import org.apache.tika.langdetect.optimaize.OptimaizeLangDetector;
import org.apache.tika.language.detect.LanguageResult;

/**
 * Names the language a message is written in, so that staff (and templates) can answer in it.
 * Says nothing rather than guess: short or mixed texts give null.
 */
final class LanguageGuesser {

    /** Fewer letters than this (after links, addresses and numbers are removed) say too little. */
    private static final int MIN_LETTERS = 25;
    private static final float MIN_PROBABILITY = 0.8f;

    /** An ISO 639-1 code, or null when the text is too short or the detector unsure. */
    String guess(String text) {
        if (text == null) {
            return null;
        }
        String words = text.replaceAll("\\S*[@/]\\S*|[\\p{N}\\p{P}\\p{S}]+", " ");
        if (words.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
            return null;
        }
        // The detector's models are shared and loaded once; the instance itself is cheap and not thread-safe.
        LanguageResult result = new OptimaizeLangDetector().loadModels().detect(words);
        String language = result.getLanguage();
        int region = language.indexOf('-');
        String code = region < 0 ? language : language.substring(0, region);
        return result.getRawScore() >= MIN_PROBABILITY && code.length() == 2 ? code : null;
    }
}
