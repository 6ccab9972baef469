package dev.tollgate.impl.redact;

/** Tests that tell a secret or a card number from text that merely looks like one. */
final class SecretChecks {
    /** Longer runs of letters of one case than this are words, not random characters. */
    private static final int MAX_CASE_RUN = 7;

    private SecretChecks() {
    }

    /** @return whether the text has a letter and a digit, as generated keys do and words do not */
    static boolean hasLetterAndDigit(String text) {
        boolean letter = false;
        boolean digit = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            letter |= Character.isLetter(c);
            digit |= Character.isDigit(c);
        }
        return letter && digit;
    }

    /** @return whether a labelled value looks generated rather than a word: a digit, or both cases */
    static boolean looksGenerated(String text) {
        return hasLetterAndDigit(text) || (!text.equals(text.toLowerCase()) && !text.equals(text.toUpperCase()));
    }

    /**
     * Random base64 mixes cases and digits throughout; identifiers, paths and prose have long runs
     * of lower-case letters, and hashes in hex have no upper case.
     *
     * @return whether the text looks like random base64
     */
    static boolean looksRandom(String text) {
        int upper = 0;
        int lower = 0;
        int digits = 0;
        int run = 0;
        int runCase = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int charCase = c >= 'a' && c <= 'z' ? 1 : c >= 'A' && c <= 'Z' ? 2 : 0;
            upper += charCase == 2 ? 1 : 0;
            lower += charCase == 1 ? 1 : 0;
            digits += c >= '0' && c <= '9' ? 1 : 0;
            run = charCase != 0 && charCase == runCase ? run + 1 : 1;
            runCase = charCase;
            if (charCase != 0 && run > MAX_CASE_RUN) {
                return false;
            }
        }
        return upper >= 2 && lower >= 2 && digits >= 2;
    }

    /** @return whether the digits of the text, separators ignored, form a valid card number */
    static boolean isCardNumber(String text) {
        int sum = 0;
        int count = 0;
        for (int i = text.length() - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                continue;
            }
            int d = c - '0';
            if (count % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            count++;
        }
        return count >= 13 && count <= 19 && sum % 10 == 0;
    }

    /** @return whether the text holds one of the words, as they are written */
    static boolean containsAny(String text, String[] words) {
        for (String w : words) {
            if (text.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** @return whether the text holds one of the words, in lower case, in any case */
    static boolean containsAnyIgnoringCase(String text, String[] words) {
        for (String w : words) {
            if (containsIgnoringCase(text, w)) {
                return true;
            }
        }
        return false;
    }

    /** @return whether the text holds the word, given in lower case, in any case */
    static boolean containsIgnoringCase(String text, String word) {
        char lower = word.charAt(0);
        char upper = Character.toUpperCase(lower);
        for (int i = 0, last = text.length() - word.length(); i <= last; i++) {
            char c = text.charAt(i);
            if ((c == lower || c == upper) && text.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    /** @return whether the text has 13 digits in a row, single spaces or hyphens between them allowed */
    static boolean mayHoldCardNumber(String text) {
        int digits = 0;
        char previous = ' ';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits >= 13) {
                    return true;
                }
            } else if (!((c == ' ' || c == '-') && previous >= '0' && previous <= '9')) {
                digits = 0;
            }
            previous = c;
        }
        return false;
    }

    /** @return whether the text has {@code length} characters in a row of those keys and base64 are made of */
    static boolean hasRun(String text, int length) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean keyChar = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '+' || c == '/' || c == '_' || c == '-';
            run = keyChar ? run + 1 : 0;
            if (run >= length) {
                return true;
            }
        }
        return false;
    }
}
