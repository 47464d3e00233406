package org.resourcesharing.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

class CallbackUrlsTest {

    private final MockHttpServletRequest request = new MockHttpServletRequest();

    CallbackUrlsTest() {
        request.setScheme("https");
        request.setServerName("ill.library.example.edu");
        request.setServerPort(443);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://ill.library.example.edu/camunda/app/tasklist/default/#/?task=6f1c",
        "https://ILL.library.example.edu:443/camunda/app/tasklist/",
        "/camunda/app/tasklist/default/#/?task=6f1c",
        "tasklist"})
    void goesBackToThisServer(String callbackUrl) {
        assertThat(CallbackUrls.safe(callbackUrl, request)).isEqualTo(callbackUrl);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "https://evil.example.com/camunda/app/tasklist/",
        "//evil.example.com/phish",
        "/\\evil.example.com",
        "https://ill.library.example.edu.evil.example.com/",
        "https://ill.library.example.edu:8443/",
        "http://ill.library.example.edu/",
        "javascript:alert(1)",
        "/\t/evil.example.com"})
    void anythingElseGoesToTasklist(String callbackUrl) {
        assertThat(CallbackUrls.safe(callbackUrl, request)).isEqualTo(CallbackUrls.TASKLIST);
    }
}
