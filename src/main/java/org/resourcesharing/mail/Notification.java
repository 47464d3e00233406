package org.resourcesharing.mail;

import java.util.Map;

/**
 * One email to send.
 *
 * @param sendKey   the same for every attempt at the same send (process instance, step, visit): what makes a retry send once
 * @param template  the folder under {@code mail-templates/} with {@code <language>.subject.txt}, {@code .txt} and {@code .html}
 * @param caseToken appended to the subject as {@code [RS-<caseToken>]} so that replies find their process
 * @param model     what the templates may show
 */
public record Notification(String sendKey, String template, String language, String recipient, String caseToken,
        Map<String, Object> model, String processInstanceId, String businessKey) {
}
