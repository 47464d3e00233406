package org.resourcesharing.borrowing;

import java.util.Set;

import org.resourcesharing.iso18626.Partner;

/**
 * The copyright compliance statement a copy request carries to the lender asked (ISO 18626
 * {@code serviceInfo/copyrightCompliance}, process variable {@code copyrightCompliance}); it depends on
 * where that lender is (rules.md §2):
 * <ul>
 * <li>{@value #CONTU_GUIDELINES}: a lender in the US (partner tier {@code us}), within the CONTU guidelines'
 * "rule of five";</li>
 * <li>{@value #COPYRIGHT_LAW}: a lender in the US beyond the rule of five, royalties paid (the
 * <em>Copyright fee decision</em> answered {@value #PAY_ROYALTIES});</li>
 * <li>{@value #CANADIAN_LIBRARY_COPY}: every other lender (our own agencies, Canada, abroad): Copyright Act
 * (Canada) s.30.2, a library copy for a person's research or private study (what fair dealing, s.29, allows
 * the person). The ISO 18626 code list has no Canadian value; this one follows its pattern
 * ({@code AU-CopyrightActS49}, {@code NZ-CopyrightActS54}).</li>
 * </ul>
 * Only copies that came under the CONTU guidelines ({@link #UNDER_CONTU}) count toward the rule of five.
 */
final class CopyrightCompliance {

    static final String CONTU_GUIDELINES = "CCG";
    static final String COPYRIGHT_LAW = "CCL";
    static final String CANADIAN_LIBRARY_COPY = "CA-CopyrightActS30.2";
    static final Set<String> UNDER_CONTU = Set.of(CONTU_GUIDELINES, COPYRIGHT_LAW);

    /** An answer of the Copyright fee decision ({@code royaltyDecision}): pay royalties, US lenders may be asked. */
    static final String PAY_ROYALTIES = "pay";
    /** An answer of the Copyright fee decision ({@code royaltyDecision}): no royalties, US lenders are not asked. */
    static final String ONLY_OUTSIDE_US = "outsideUs";

    private static final String US_TIER = "us";

    private CopyrightCompliance() {
    }

    static boolean underContu(Partner lender) {
        return US_TIER.equals(lender.tier());
    }

    /** The statement in words, for the copy record staff see. */
    static String inWords(String statement) {
        if (statement == null) {
            return "no copyright compliance statement";
        }
        return switch (statement) {
            case CONTU_GUIDELINES -> "CCG: within the CONTU guidelines (rule of five)";
            case COPYRIGHT_LAW -> "CCL: under copyright law, royalties paid";
            case CANADIAN_LIBRARY_COPY -> "Copyright Act s.30.2: a library copy for the patron's research or private study";
            default -> statement;
        };
    }

    /** The statement for a copy asked of this lender, after the Copyright fee decision {@code royaltyDecision} (null if none). */
    static String forCopyFrom(Partner lender, String royaltyDecision) {
        if (!underContu(lender)) {
            return CANADIAN_LIBRARY_COPY;
        }
        return PAY_ROYALTIES.equals(royaltyDecision) ? COPYRIGHT_LAW : CONTU_GUIDELINES;
    }
}
