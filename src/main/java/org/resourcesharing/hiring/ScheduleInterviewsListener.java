package org.resourcesharing.hiring;

import static org.resourcesharing.hiring.ProcessVariables.text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${scheduleInterviews}} on completing <em>Schedule interviews</em>: {@code interviewSchedule}
 * has one line per shortlisted candidate, "A-3: Tuesday 3 March, 14:00, Bata Library room 204". Every
 * candidate on the shortlist needs a time; the invitations say it.
 */
@Component("scheduleInterviews")
class ScheduleInterviewsListener implements TaskListener {

    private static final Pattern LINE = Pattern.compile("^\\s*(A-\\d+)\\s*[:=-]\\s*(.+?)\\s*$", Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);

    private final Applications applications;

    ScheduleInterviewsListener(Applications applications) {
        this.applications = applications;
    }

    @Override
    public void notify(DelegateTask task) {
        String posting = task.getExecution().getProcessBusinessKey();
        String schedule = text(task, "interviewSchedule");
        Map<String, String> times = new LinkedHashMap<>();
        Matcher line = LINE.matcher(schedule == null ? "" : schedule);
        while (line.find()) {
            times.put(line.group(1).toUpperCase(), line.group(2));
        }
        List<String> shortlisted = applications.shortlisted(posting).stream().map(Applications.Application::applicationNumber).toList();
        List<String> missing = shortlisted.stream().filter(number -> !times.containsKey(number)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("interviewSchedule: no time for " + String.join(", ", missing)
                    + " (one line each, such as \"A-3: Tuesday 3 March, 14:00, room 204\")");
        }
        shortlisted.forEach(number -> applications.scheduleInterview(number, times.get(number)));
    }
}
