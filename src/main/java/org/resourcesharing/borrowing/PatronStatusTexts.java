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
    private static final Pattern ELEMENT_PREFIX = Pattern.compile("^(?:Task|Activity|Event|IntermediateEvent|ReceiveTask|Gateway)_");
    private static final Map<String, String> BY_STEP = Map.ofEntries(
            Map.entry("EmailClarification", "We are checking the details of your request."),
            Map.entry("VerifyCitation", "We are checking the details of your request."),
            Map.entry("ReviewDuplicate", "We are checking whether you already asked for this."),
            Map.entry("EmailReceived", "We have your request and are about to ask other libraries."),
            Map.entry("SendRequest", "We are asking another library for it."),
            Map.entry("AwaitAnswer", "We have asked another library and are waiting for its answer."),
            Map.entry("ReviewConditions", "Another library offers it on conditions; we are looking at them."),
            Map.entry("EmailCostConsent", "A library charges for it: we are asking you whether you accept the cost."),
            Map.entry("AwaitConsent", "A library charges for it: we are waiting for your answer about the cost."),
            Map.entry("ResolveDamage", "We are sorting out the item's condition with the lending library."),
            Map.entry("ChargePatron", "We are sorting out the item's condition with the lending library."),
            Map.entry("CorrectPatronCharge", "We are sorting out the item's condition with the lending library."),
            Map.entry("TellLenderDamage", "We are sorting out the item's condition with the lending library."),
            Map.entry("EndOfRota", "No library could lend it yet; we are deciding what to try next."),
            Map.entry("RetryLater", "No library could lend it yet; we will ask again soon."),
            Map.entry("EmailShipped", "A library has sent it to us; we will tell you when it is ready."),
            Map.entry("ReceiveItem", "It has arrived; we are checking it in."),
            Map.entry("AwaitPickup", "It has arrived: you can pick it up at the library."),
            Map.entry("AwaitPatronReturn", "You have it on loan. Please return it to the library by its due date."),
            Map.entry("ShipBack", "You returned it; we are sending it back to the lending library."),
            Map.entry("AwaitLoanCompleted", "You returned it; we are sending it back to the lending library."),
            Map.entry("FetchCopy", "Your copy has arrived; we are preparing your link."));
    /** What the process last told the patron by email ({@code patronStatus}: the email's notice), in the same words. */
    private static final Map<String, String> BY_NOTICE = Map.ofEntries(
            Map.entry("received", "We have your request and are asking other libraries for it."),
            Map.entry("asked", "A library has agreed to lend it to us."),
            Map.entry("clarification", "We are checking some details of your request; we will contact you if we need more."),
            Map.entry("shipped", "A library has sent it to us; we will tell you when it is ready."),
            Map.entry("cost-consent", "A library charges for it: please tell us whether you accept the cost."),
            Map.entry("available-locally", "Our own library has it: see the email we sent you for where to find it."),
            Map.entry("ready", "It has arrived: you can pick it up at the library."),
            Map.entry("not-picked-up", "It was not picked up in time and has gone back to the lending library."),
            Map.entry("copy-ready", "Your copy is ready: see the email we sent you for the link."),
            Map.entry("unfilled", "We are sorry: no library could lend it to us."),
            Map.entry("purchase-suggested", "No library could lend it; we have suggested that the library buy it."),
            Map.entry("cancelled", "The request was cancelled."),
            Map.entry("due-soon", "You have it on loan; it is due back soon."),
            Map.entry("recalled", "The lending library needs it back: please return it by the new due date."),
            Map.entry("overdue", "It is overdue: please return it to the library."),
            Map.entry("renewed", "The loan was renewed: see the email we sent you for the new due date."),
            Map.entry("not-cancelled", "It was too late to cancel: the lending library has already sent it."),
            Map.entry("not-renewed", "The lending library could not renew the loan: please return it by its due date."));

    private PatronStatusTexts() {
    }

    /** The patron's words for a {@code patronStatus} the diagram set; null for a value patrons are not meant to read. */
    static String forNotice(String notice) {
        return notice == null ? null : BY_NOTICE.get(notice);
    }

    static String forActivity(String activityId) {
        String step = ELEMENT_PREFIX.matcher(activityId).replaceFirst("");
        return BY_STEP.entrySet().stream().filter(entry -> step.startsWith(entry.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(WORKING);
    }
}
