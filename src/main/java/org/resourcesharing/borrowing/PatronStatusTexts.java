package org.resourcesharing.borrowing;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a step of the borrowing process means to a patron. Step names are written for staff, so the
 * status page never shows them: a step is known by its id without the element prefix
 * ({@code Task_VerifyCitation} → {@code VerifyCitation}), and matched by the start of that name, so
 * that {@code Task_AwaitSupplierAnswer} reads like {@code Task_AwaitSupplier}. A step not listed
 * reads as {@link #WORKING}; a diagram says more by setting the variable {@code patronStatus}.
 */
final class PatronStatusTexts {

    static final String WORKING = "We are working on your request.";
    private static final Pattern ELEMENT_PREFIX = Pattern.compile("^(?:Task|Activity|Event|IntermediateEvent|ReceiveTask)_");
    private static final Map<String, String> BY_STEP = Map.of(
            "VerifyCitation", "We are checking the details of your request.",
            "CheckLocalHoldings", "We are checking whether our own library already has it.",
            "SelectLender", "We are choosing a library to ask for it.",
            "AwaitSupplier", "We have asked another library and are waiting for its answer.",
            "AwaitDelivery", "Another library is sending it to us.",
            "AwaitPickup", "It has arrived: you can pick it up at the library.",
            "AwaitReturn", "You have it on loan. Please return it to the library by its due date.");

    private PatronStatusTexts() {
    }

    static String forActivity(String activityId) {
        String step = ELEMENT_PREFIX.matcher(activityId).replaceFirst("");
        return BY_STEP.entrySet().stream().filter(entry -> step.startsWith(entry.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(WORKING);
    }
}
