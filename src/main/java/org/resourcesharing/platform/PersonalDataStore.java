package org.resourcesharing.platform;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A feature's own tables that keep personal data of a process: erased, in the same transaction as
 * the process's variables, once the process has been finished longer than its retention period.
 * Implementations keep what statistics and legal records need (counts, titles, dates, the copy and
 * CONTU records) and remove who the person was.
 */
public interface PersonalDataStore {

    /**
     * One finished process whose personal data goes now.
     *
     * @param personalValues the texts the person's variables held (their name, email address, id, notes): whatever in a
     *                       table of this case contains one of them is personal data too
     */
    record ErasedCase(String processDefinitionKey, String processInstanceId, String businessKey, Set<String> personalValues) {

        /** Whether {@code text} contains any of the person's values as a whole word (case-insensitive). */
        public boolean mentionsThePerson(String text) {
            return text != null && personalValues.stream().anyMatch(value -> asWord(value).matcher(text).find());
        }

        /** {@code text} with each of the person's values removed, for records kept without them. */
        public String withoutThePerson(String text) {
            if (text == null) {
                return null;
            }
            String result = text;
            for (String value : personalValues) {
                result = asWord(value).matcher(result).replaceAll("");
            }
            return result;
        }

        /** "Ann" in "Ann Lee" but not in "Annual": neither letter nor digit may touch it on either side. */
        private static Pattern asWord(String value) {
            return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(value) + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }
    }

    void erase(ErasedCase erased);
}
