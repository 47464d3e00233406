package org.resourcesharing.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * A real SMTP and IMAP server inside the demo application, so that the embedded default sends and
 * receives mail without any set-up. Every address is accepted; read a mailbox over IMAP with the
 * address as user name and password.
 */
@Component
@Profile("demo & !prod")
@ConditionalOnProperty(name = "resource-sharing.demo.mail-server.enabled", havingValue = "true", matchIfMissing = true)
class DemoMailServer implements SmartLifecycle {

    private final GreenMail greenMail;
    private volatile boolean running;

    DemoMailServer(Properties properties) {
        this.greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(properties.smtpPort(), properties.bindAddress(), ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(properties.imapPort(), properties.bindAddress(), ServerSetup.PROTOCOL_IMAP)});
    }

    @Override
    public void start() {
        greenMail.start();
        running = true;
    }

    @Override
    public void stop() {
        greenMail.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE; // up before anything that sends mail, down after it
    }

    @ConfigurationProperties("resource-sharing.demo.mail-server")
    record Properties(boolean enabled, String bindAddress, int smtpPort, int imapPort) {
    }
}
