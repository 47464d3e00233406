package org.resourcesharing.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads {@link TikaParsers} on a thread of its own once the application answers, off the path of its start. A failure
 * is logged here, where operators look, rather than printed by the dying thread: it would otherwise show only as the
 * first upload or attachment that cannot be read.
 */
@Component
class TikaParsersLoading {

    private static final Logger log = LoggerFactory.getLogger(TikaParsersLoading.class);

    @EventListener(ApplicationReadyEvent.class)
    void loadInTheBackground() {
        Thread loading = new Thread(TikaParsersLoading::load, "tika-parsers-loading");
        loading.setDaemon(true);
        loading.start();
    }

    private static void load() {
        try {
            TikaParsers.tika();
        } catch (RuntimeException | LinkageError e) {
            log.error("Tika's parsers could not be loaded: uploads and email attachments cannot be read until the class path is mended", e);
        }
    }
}
