package org.resourcesharing.platform;

import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Camunda works out every timer's due date with a new XML {@link DatatypeFactory}, and Java finds
 * the factory's class by searching the whole class path for a provider each time: a fiftieth of the
 * job executor's time on the borrowing path (README "Benchmarks"). Naming the JDK's own factory, the
 * one that search ends with (no library here provides another), skips the search. A JVM started
 * with {@code -Djavax.xml.datatype.DatatypeFactory} keeps its own choice.
 */
@Component
public class TimerDueDatesPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        System.getProperties().putIfAbsent(DatatypeFactory.DATATYPEFACTORY_PROPERTY, DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    }
}
