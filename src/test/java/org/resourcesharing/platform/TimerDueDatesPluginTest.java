package org.resourcesharing.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.ServiceLoader;

import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.junit.jupiter.api.Test;
import org.resourcesharing.testsupport.TestProcessEngine;

/** The engine's timers get the factory the class path search would find, without the search. */
class TimerDueDatesPluginTest {

    @Test
    void theFactoryNamedIsTheOneTheSearchWouldFind() throws Exception {
        TestProcessEngine.get();

        assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY)).isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
        assertThat(ServiceLoader.load(DatatypeFactory.class).findFirst()).as("a library providing a factory of its own").isEmpty();
        assertThat(DatatypeFactory.newInstance().getClass()).isEqualTo(DatatypeFactory.newDefaultInstance().getClass());
    }

    @Test
    void dueDatesAreWorkedOutAsBefore() throws Exception {
        TestProcessEngine.get();
        Date start = new Date(1_780_000_000_000L);

        assertThat(new DurationHelper("PT5M", start).getDateAfter(start)).isEqualTo(new Date(start.getTime() + 5 * 60_000));
        assertThat(new DurationHelper("R5/PT5M", start).getTimes()).isEqualTo(5);
    }
}
