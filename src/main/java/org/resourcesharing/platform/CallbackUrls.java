package org.resourcesharing.platform;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a staff page goes back to after its work: the callback URL Tasklist gave it, but only when
 * that stays on this server. Anything else goes to Tasklist, so that no link can use our pages to send
 * staff to another site (an open redirect).
 */
public final class CallbackUrls {

    public static final String TASKLIST = "/camunda/app/tasklist/";

    private CallbackUrls() {
    }

    public static String safe(String callbackUrl, HttpServletRequest request) {
        if (callbackUrl == null || callbackUrl.isBlank()) {
            return TASKLIST;
        }
        URI uri;
        try {
            uri = new URI(callbackUrl); // refuses backslashes, spaces and control characters browsers would repair
        } catch (URISyntaxException e) {
            return TASKLIST;
        }
        if (uri.getScheme() == null && uri.getRawAuthority() == null) {
            return callbackUrl; // relative, on this server ("//host" has an authority)
        }
        boolean sameOrigin = ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                && uri.getScheme().equalsIgnoreCase(request.getScheme())
                && request.getServerName().equalsIgnoreCase(uri.getHost())
                && port(uri) == request.getServerPort();
        return sameOrigin ? callbackUrl : TASKLIST;
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
