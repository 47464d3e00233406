package org.resourcesharing.mail;

import java.util.ArrayList;
import java.util.List;

/** Stands in for the mail server at the delegate's boundary in process tests: records what a diagram would send. */
public final class TestNotifications extends NotificationService {

    private final List<Notification> sent = new ArrayList<>();
    private final MailTemplates templates = new MailTemplates();

    public TestNotifications() {
        super(null, null, null, null);
    }

    @Override
    public String send(Notification notification) {
        sent.add(notification);
        return "<test-" + sent.size() + "@example.org>";
    }

    public List<Notification> sent() {
        return sent;
    }

    /** The text of an email as its recipient reads it: its template rendered in its language from the process variables it was sent with. */
    public String text(Notification notification) {
        return templates.render(notification.template(), notification.language(), notification.model()).text();
    }
}
