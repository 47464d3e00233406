package org.resourcesharing.platform;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Loads {@link TikaParsers} on a thread of its own once the application answers, off the path of its start. */
@Component
class TikaParsersLoading {

    @EventListener(ApplicationReadyEvent.class)
    void loadInTheBackground() {
        Thread loading = new Thread(TikaParsers::tika, "tika-parsers-loading");
        loading.setDaemon(true);
        loading.start();
    }
}
