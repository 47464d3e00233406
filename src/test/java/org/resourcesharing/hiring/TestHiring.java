package org.resourcesharing.hiring;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.test.mock.Mocks;
import org.flywaydb.core.Flyway;
import org.resourcesharing.mail.SendNotificationDelegate;
import org.resourcesharing.testsupport.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.util.unit.DataSize;

/** The hiring tables on a fresh database of their own, migrated as in production, and the delegates on them. */
final class TestHiring {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    final HiringProperties properties;
    final JdbcClient jdbc;
    final Postings postings;
    final Applications applications;
    final ScreeningView screening;
    final PostingRules rules;
    final Roster roster;
    final PersonnelFile personnelFile;
    final ShiftCoverage shifts;

    private TestHiring(HiringProperties properties) {
        this.properties = properties;
        TestDatabase.Jdbc database = TestDatabase.create("hiring" + DATABASES.incrementAndGet());
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        postings = new Postings(jdbc);
        BytesEncryptor encryptor = Encryptors.stronger(properties.encryption().password(), properties.encryption().salt());
        applications = new Applications(jdbc, encryptor);
        screening = new ScreeningView(properties);
        rules = new PostingRules(new WageRates(properties), postings, properties);
        roster = new Roster(jdbc);
        shifts = new ShiftCoverage(jdbc, properties);
        personnelFile = new PersonnelFile(jdbc, encryptor);
    }

    /** The configuration of application.yml. */
    static TestHiring asConfigured() {
        return new TestHiring(properties(List.of(rate("2024-10-01", "17.20"), rate("2025-10-01", "17.60"))));
    }

    /** As configured, with a minimum wage raised on {@code from} that the wage categories have not caught up with. */
    static TestHiring withMinimumRaisedOn(String from, String minimum) {
        return new TestHiring(properties(List.of(rate("2024-10-01", "17.20"), rate("2025-10-01", "17.60"), rate(from, minimum))));
    }

    private static HiringProperties properties(List<HiringProperties.DatedRate> minimumWage) {
        return new HiringProperties("http://localhost:8080", ZoneId.of("America/Toronto"), minimumWage,
                Map.of("unspecialized", List.of(rate("2025-10-01", "17.60")), "specialized", List.of(rate("2025-10-01", "18.10"))),
                new BigDecimal("10"), 6, List.of("careers@trentu.example.ca", "student-jobs@trentu.example.ca"),
                List.of("mon-evening", "tue-evening", "sat-day", "sun-day"), Period.ofDays(3), Period.ofDays(1), DataSize.ofMegabytes(5),
                new HiringProperties.Onboarding(Map.of("td1", Period.ZERO, "sin", Period.ofDays(3), "banking", Period.ZERO, "aoda",
                        Period.ofDays(14), "whsa", Period.ofDays(7), "eligibility", Period.ZERO), Period.ofDays(2)),
                new HiringProperties.Encryption("test-personnel-files-key", "0123456789abcdef"), Period.ofYears(1), "0 30 3 * * *",
                new BigDecimal("4"), new BigDecimal("20"), Duration.ofHours(12), List.of("09-08", "01-05", "05-04"),
                LocalTime.of(17, 0));
    }

    static HiringProperties.DatedRate rate(String from, String rate) {
        return new HiringProperties.DatedRate(LocalDate.parse(from), new BigDecimal(rate));
    }

    /** Registers the hiring delegates, listeners and expression bean for the plain engine. */
    void registerDelegates(SendNotificationDelegate notifications) {
        Mocks.register("sendNotification", notifications);
        Mocks.register("inviteToInterview", new InviteToInterviewDelegate(applications, notifications));
        Mocks.register("checkPosting", new CheckPostingDelegate(rules, postings, properties));
        Mocks.register("publishPosting", new PublishPostingDelegate(postings, properties));
        Mocks.register("closePosting", new ClosePostingDelegate(postings, applications, screening));
        Mocks.register("recordEmailedApplication", new RecordEmailedApplicationDelegate(applications));
        Mocks.register("hiring", new HiringProcessData(applications, screening, properties, shifts));
        Mocks.register("recordAbsence", new RecordAbsenceDelegate(shifts, properties));
        Mocks.register("emailShiftOffer", new EmailShiftOfferDelegate(shifts, notifications, properties));
        Mocks.register("coverShift", new CoverShiftListener(shifts));
        Mocks.register("checkShortlist", new CheckShortlistListener(applications));
        Mocks.register("scheduleInterviews", new ScheduleInterviewsListener(applications));
        Mocks.register("recordInterview", new RecordInterviewListener(applications));
        Mocks.register("chooseCandidate", new ChooseCandidateListener(applications));
        Mocks.register("makeOffer", new MakeOfferDelegate(applications, properties));
        Mocks.register("recordHire", new RecordHireDelegate(applications));
        Mocks.register("startOnboarding", new StartOnboardingDelegate());
        Mocks.register("planOnboarding", new PlanOnboardingDelegate(properties));
        Mocks.register("addToRoster", new AddToRosterDelegate(applications, roster));
        Mocks.register("planNextTerm", new PlanNextTermDelegate(properties));
    }

    /** A hired student on the desk roster: applied to a posting of their own, hired, added. */
    String onRoster(String name, boolean workStudy, String hoursPerWeek, String availability) {
        String posting = postings.nextNumber();
        postings.publish(new Postings.Posting(posting, "Desk assistant", "Desk", new BigDecimal(hoursPerWeek), "unspecialized",
                new BigDecimal("17.60"), workStudy, 1, LocalDate.now(), LocalDate.now(), "hana", false), "test");
        String number = applyByForm(posting, name, name.toLowerCase().replace(' ', '.') + "@trentu.example.ca", availability);
        applications.settle(number, "HIRED");
        roster.add(applications.find(number).orElseThrow(), "hana", workStudy, new BigDecimal(hoursPerWeek), LocalDate.now());
        return number;
    }

    /** An application through the public form, as the jobs page keeps it. */
    String applyByForm(String postingNumber, String name, String email, String availability) {
        return applications.add(new Applications.NewApplication(postingNumber, "form", name, "0" + Math.abs(email.hashCode() % 1000000), email,
                "Computer Science", new BigDecimal("2.0"), availability, "resume.pdf", "application/pdf", new byte[] {1},
                name + "\nEducation: Trent University\nExperience: circulation desk", true));
    }
}
