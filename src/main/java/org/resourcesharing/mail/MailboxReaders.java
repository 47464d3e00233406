package org.resourcesharing.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Properties;

import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.FlagTerm;
import org.resourcesharing.platform.ProcessChangeRetry;
import org.resourcesharing.platform.ProcessChangeRetry.ProcessBusyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.context.IntegrationFlowContext;
import org.springframework.integration.mail.ImapIdleChannelAdapter;
import org.springframework.integration.mail.ImapMailReceiver;
import org.springframework.integration.mail.MailReceivingMessageSource;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Reads every configured mailbox with Spring Integration Mail: IMAP IDLE where the mailbox is set
 * to idle, polling otherwise. A message is taken while unread and flagged as read only after the
 * {@link MailInbox} has committed what became of it; until then it stays unread and is read
 * again, which the inbox recognises. So does a message whose process was moving on at every attempt
 * to hand it over: the inbox kept nothing of it, and the next poll (or IDLE renewal) reads it again,
 * when its process has come to rest. It does not go to triage: the process still waits for it.
 */
@Component
class MailboxReaders {

    private static final Logger log = LoggerFactory.getLogger(MailboxReaders.class);

    private final MailProperties properties;
    private final MailInbox inbox;
    private final IntegrationFlowContext flows;
    private final BeanFactory beanFactory;

    MailboxReaders(MailProperties properties, MailInbox inbox, IntegrationFlowContext flows, BeanFactory beanFactory) {
        this.properties = properties;
        this.inbox = inbox;
        this.flows = flows;
        this.beanFactory = beanFactory;
    }

    /** Once the application is up: the processes are deployed and (in the demo) the built-in mail server listens. */
    @EventListener(ApplicationReadyEvent.class)
    void startReading() {
        properties.mailboxes().forEach(this::register);
    }

    void register(Mailbox mailbox) {
        ImapMailReceiver receiver = receiver(mailbox);
        IntegrationFlow flow = mailbox.idle()
                ? IntegrationFlow.from(idle(receiver)).handle(message -> handle(mailbox, message)).get()
                : IntegrationFlow.from(new MailReceivingMessageSource(receiver),
                                poller -> poller.poller(p -> p.fixedDelay(mailbox.pollInterval()).maxMessagesPerPoll(50)))
                        .handle(message -> handle(mailbox, message)).get();
        flows.registration(flow).id("mailbox-" + mailbox.name()).register();
        log.info("Reading mailbox '{}' ({}) by {}", mailbox.name(), mailbox.purpose(), mailbox.idle() ? "IMAP IDLE" : "polling");
    }

    private void handle(Mailbox mailbox, Message<?> message) {
        MimeMessage mail = (MimeMessage) message.getPayload();
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            mail.writeTo(raw);
            MailInbox.Outcome outcome;
            try {
                outcome = inbox.receive(mailbox, raw.toByteArray());
            } catch (ProcessBusyException processMoving) {
                log.warn("Mailbox '{}': message {} found its process moving on {} times in a row; nothing was recorded, it stays unread "
                        + "and is read again", mailbox.name(), mail.getMessageID(), ProcessChangeRetry.ATTEMPTS);
                return;
            }
            mail.setFlag(Flags.Flag.SEEN, true); // only now: what became of it is committed
            log.info("Mailbox '{}': message {} → {}", mailbox.name(), mail.getMessageID(), outcome);
        } catch (MessagingException | IOException e) {
            log.error("Mailbox '{}': a message could not be read from the server; it stays unread and is tried again", mailbox.name(), e);
        }
    }

    private ImapMailReceiver receiver(Mailbox mailbox) {
        ImapMailReceiver receiver = new ImapMailReceiver(mailbox.url());
        // built outside the context, so given the context's bean factory (without it every start logged a warning)
        receiver.setBeanFactory(beanFactory);
        // Before each IDLE the receiver searches for unread messages, but one that arrives between that
        // search and the server starting IDLE may never be announced during it (GreenMail announces only
        // what arrives once IDLE has begun): renewing IDLE every poll interval, rather than every 120 s,
        // bounds how long such a message waits.
        receiver.setCancelIdleInterval(Math.max(1, mailbox.pollInterval().toSeconds()));
        receiver.setShouldMarkMessagesAsRead(false);
        receiver.setShouldDeleteMessages(false);
        // The folder stays open between messages (the receiver reopens it after a lost connection), so
        // a message can be flagged after its commit; messages fetched together share it.
        receiver.setAutoCloseFolder(false);
        // unread and not deleted, nothing else: a message seen by a crashed session is still found
        receiver.setSearchTermStrategy((supportedFlags, folder) -> new AndTerm(
                new FlagTerm(new Flags(Flags.Flag.SEEN), false), new FlagTerm(new Flags(Flags.Flag.DELETED), false)));
        Properties javaMail = new Properties();
        for (String protocol : new String[] {"imap", "imaps"}) {
            javaMail.setProperty("mail." + protocol + ".connectiontimeout", "10000");
            javaMail.setProperty("mail." + protocol + ".timeout", "30000");
        }
        receiver.setJavaMailProperties(javaMail);
        receiver.afterPropertiesSet();
        return receiver;
    }

    private static ImapIdleChannelAdapter idle(ImapMailReceiver receiver) {
        ImapIdleChannelAdapter adapter = new ImapIdleChannelAdapter(receiver);
        adapter.setShouldReconnectAutomatically(true);
        return adapter;
    }
}
