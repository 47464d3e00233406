package org.resourcesharing.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** What a browser sends back with a form of our pages: the CSRF token in the form and the cookie the page set. */
public final class PageForms {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private PageForms() {
    }

    /** The form's hidden {@code _csrf} field. */
    public static String csrfToken(ResponseEntity<String> page) {
        Matcher token = CSRF_FIELD.matcher(page.getBody());
        assertThat(token.find()).as("CSRF field in the form").isTrue();
        return token.group(1);
    }

    /** {@code name=value} of the cookie the page set, as a browser sends it back. */
    public static String cookie(ResponseEntity<String> page, String name) {
        return page.getHeaders().get(HttpHeaders.SET_COOKIE).stream().filter(cookie -> cookie.startsWith(name + "=")).findFirst()
                .orElseThrow().split(";")[0];
    }

    /** Headers of a URL-encoded form post, with the cookie when there is one. */
    public static HttpHeaders formHeaders(String cookie) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        if (cookie != null) {
            headers.add(HttpHeaders.COOKIE, cookie);
        }
        return headers;
    }

    /** Headers of a multipart form post with the cookie. */
    public static HttpHeaders multipartHeaders(String cookie) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.add(HttpHeaders.COOKIE, cookie);
        return headers;
    }
}
